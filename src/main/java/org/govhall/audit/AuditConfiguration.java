package org.govhall.audit;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The head-signing key outside the database, and the alarm of the sealer as a metric and
 * a health indicator (ADR 0018).
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	/**
	 * The key in {@code govhall.audit.key-dir}. It is created when missing only if
	 * {@code govhall.audit.key-create} says so, which by default it does when no public
	 * key is pinned (demo, development, tests) and never when one is (production).
	 */
	@Bean
	HeadKeys headKeys(AuditSettings settings) {
		return HeadKeys.open(settings.keyDir(), settings.pins(), settings.mayCreateKey());
	}

	/**
	 * {@code govhall.audit.sealer.halted}: 1 while the sealer refuses to run;
	 * {@code govhall.audit.head.age}: seconds since this node last signed a head (to
	 * alert when heads stop).
	 */
	@Bean
	MeterBinder auditMeters(AuditChain chain) {
		return registry -> {
			Gauge.builder("govhall.audit.sealer.halted", () -> chain.halt().isPresent() ? 1 : 0)
				.description("1 while the audit sealer refuses to run because the chain was cut, rewritten or "
						+ "laundered (ADR 0018)")
				.register(registry);
			Gauge
				.builder("govhall.audit.head.age",
						() -> chain.lastSigned()
							.map(h -> (double) Duration.between(h.signedAt(), Instant.now()).toSeconds())
							.orElse(Double.NaN))
				.description("Seconds since this node last signed an audit chain head")
				.baseUnit("seconds")
				.register(registry);
		};
	}

	/**
	 * {@code auditChain}: DOWN while the sealer refuses to run (the liveness and
	 * readiness probes do not use it).
	 */
	@Bean
	HealthIndicator auditChainHealthIndicator(AuditChain chain) {
		return () -> chain.halt()
			.map(h -> Health.down().withDetail("sealer", "halted").withDetail("reason", h.code()).build())
			.orElseGet(() -> {
				Health.Builder up = Health.up();
				chain.lastSigned()
					.ifPresent(s -> up.withDetail("headSeq", s.seq()).withDetail("signedAt", s.signedAt().toString()));
				return up.build();
			});
	}

}
