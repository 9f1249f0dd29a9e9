package org.govhall.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The clock of every test: each Spring test context gets one in place of the system clock
 * (bean {@code clock}, see {@link TestClockCustomizerFactory}), so no test depends on the
 * day it runs. It stands at {@link #suiteToday()} when each test class starts; a test
 * injects {@link Moving} to set or advance it, so deadlines pass without sleeping. In
 * demo mode the training clock runs on top of it.
 */
public final class MovableClock {

	/** The zone of the service halls. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/**
	 * The system property that moves "today" for the whole run, e.g.
	 * {@code -Dgovhall.test.today=2027-03-01}.
	 */
	public static final String TODAY_PROPERTY = "govhall.test.today";

	/** "Today" when no run moves it: the eve of the 2026 National Day holiday, 10:00. */
	public static final String DEFAULT_TODAY = "2026-09-30T10:00:00";

	private MovableClock() {
	}

	/**
	 * When every test class starts: {@value #TODAY_PROPERTY} (a date, 10:00 that day, or
	 * a date and time), otherwise {@value #DEFAULT_TODAY}. The date-sensitive tests (tag
	 * {@code today}) run again at other dates in {@code mvn verify}.
	 */
	public static Instant suiteToday() {
		String value = System.getProperty(TODAY_PROPERTY, "").strip();
		if (value.isEmpty()) {
			value = DEFAULT_TODAY;
		}
		LocalDateTime start = value.length() == 10 ? LocalDate.parse(value).atTime(10, 0) : LocalDateTime.parse(value);
		return start.atZone(ZONE).toInstant();
	}

	/** A clock standing at {@code start}, for a test that builds its objects by hand. */
	public static Moving at(Instant start) {
		return new Moving(start);
	}

	/** A clock in Asia/Shanghai whose instant the test sets. */
	public static final class Moving extends Clock {

		private volatile Instant now;

		Moving(Instant start) {
			this.now = start;
		}

		public void set(String isoLocalDateTime) {
			this.now = LocalDateTime.parse(isoLocalDateTime).atZone(ZONE).toInstant();
		}

		public void advance(Duration duration) {
			this.now = now.plus(duration);
		}

		/** Back to {@link #suiteToday()}. */
		public void reset() {
			this.now = suiteToday();
		}

		public LocalDate today() {
			return LocalDate.ofInstant(now, ZONE);
		}

		@Override
		public ZoneId getZone() {
			return ZONE;
		}

		/**
		 * This clock itself in its own zone, otherwise a view of it in the other zone:
		 * either way it moves when the test moves it, also under the demo training clock,
		 * which is built on {@code withZone} (support/GovHallTest runs with the training
		 * clock on top).
		 */
		@Override
		public Clock withZone(ZoneId zone) {
			if (zone.equals(ZONE)) {
				return this;
			}
			Moving moving = this;
			return new Clock() {

				@Override
				public ZoneId getZone() {
					return zone;
				}

				@Override
				public Clock withZone(ZoneId other) {
					return moving.withZone(other);
				}

				@Override
				public Instant instant() {
					return moving.instant();
				}

			};
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
