package org.govhall.cases;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code govhall.cases} gauges: cases by state. One grouped count per scrape at most
 * every 15 seconds, however many states are read.
 */
@Component
class CaseMetrics implements MeterBinder {

	private static final long TTL_MILLIS = 15_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private Map<CaseState, Long> counts = new EnumMap<>(CaseState.class);

	private long countedAt = Long.MIN_VALUE;

	CaseMetrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (CaseState state : CaseState.values()) {
			Gauge.builder("govhall.cases", () -> count(state))
				.description("Cases by state")
				.tag("state", state.name())
				.register(registry);
		}
	}

	synchronized long count(CaseState state) {
		long now = clock.millis();
		if (countedAt == Long.MIN_VALUE || now - countedAt > TTL_MILLIS || now < countedAt) {
			Map<CaseState, Long> fresh = new EnumMap<>(CaseState.class);
			jdbc.sql("SELECT state, COUNT(*) AS n FROM cases_case GROUP BY state").query(rs -> {
				fresh.put(CaseState.valueOf(rs.getString("state")), rs.getLong("n"));
			});
			counts = fresh;
			countedAt = now;
		}
		return counts.getOrDefault(state, 0L);
	}

}
