package org.govhall.supervision;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges of the supervision read model: open cases overdue (red), almost due (yellow),
 * and open cards.
 */
@Component
class SupervisionMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	SupervisionMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Warning w : new Warning[] { Warning.RED, Warning.YELLOW }) {
			Gauge.builder("govhall.supervision.open.cases", () -> count("""
					SELECT COUNT(*) FROM supervision_case WHERE closed_on IS NULL AND warning = '%s'
					""".formatted(w.name())))
				.description("Open cases by warning (RED: overdue)")
				.tag("warning", w.name())
				.register(registry);
		}
		Gauge
			.builder("govhall.supervision.cards.open",
					() -> count("SELECT COUNT(*) FROM supervision_card WHERE closed_on IS NULL"))
			.description("Yellow and red cards not closed")
			.register(registry);
	}

	private double count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
