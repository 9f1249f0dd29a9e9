package org.govhall.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The training clock of demo mode (design brief decision 2): the system clock shifted by
 * an offset that a trainer sets, so a class can walk a case through the 2026 National Day
 * holiday or past its deadlines. It exists only when demo mode is on; production always
 * runs on the system clock.
 */
public final class DemoClock extends Clock {

	private final Clock system;

	private volatile Duration offset = Duration.ZERO;

	DemoClock(Clock system) {
		this.system = system;
	}

	/** The halls' zone, the system clock's. */
	@Override
	public ZoneId getZone() {
		return system.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(system.withZone(zone), offset);
	}

	@Override
	public Instant instant() {
		return system.instant().plus(offset);
	}

	/** Moves "today" to a date, keeping the time of day. */
	void moveTo(LocalDate date) {
		LocalDate real = LocalDate.ofInstant(system.instant(), getZone());
		offset = Duration.ofDays(date.toEpochDay() - real.toEpochDay());
	}

	void reset() {
		offset = Duration.ZERO;
	}

	boolean shifted() {
		return !offset.isZero();
	}

	LocalDate today() {
		return LocalDate.ofInstant(instant(), getZone());
	}

}
