package org.govhall.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the test moves by hand, so deadlines pass without sleeping. Import it and inject {@link Moving} to set or
 * advance the time; every bean that takes a {@link Clock} sees it. With demo data on, also set
 * {@code govhall.demo.training-clock=false}, since the demo's own training clock is primary too.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MovableClock {

	@Bean
	@Primary
	Moving movingClock() {
		return new Moving(ZonedDateTime.parse("2026-09-30T10:00:00+08:00[Asia/Shanghai]").toInstant());
	}

	/** A clock in Asia/Shanghai whose instant the test sets. */
	public static final class Moving extends Clock {

		private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

		private volatile Instant now;

		Moving(Instant start) {
			this.now = start;
		}

		public void set(String isoLocalDateTime) {
			this.now = java.time.LocalDateTime.parse(isoLocalDateTime).atZone(ZONE).toInstant();
		}

		public void advance(Duration duration) {
			this.now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZONE;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(now, zone);
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
