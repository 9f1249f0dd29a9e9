package org.govhall.calendar;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The clock stops from {@code from} through {@code to} (both inclusive); an open
 * suspension has no end yet.
 */
public record Suspension(LocalDate from, @Nullable LocalDate to, String reason) {

	public Suspension {
		if (to != null && to.isBefore(from)) {
			throw new IllegalArgumentException("a suspension cannot end before it starts");
		}
	}

	public Suspension endedOn(LocalDate end) {
		return new Suspension(from, end, reason);
	}

}
