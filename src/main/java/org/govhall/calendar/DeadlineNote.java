package org.govhall.calendar;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One line of a deadline's explanation, as data: the page or API renders it in the
 * reader's language, e.g. "received 2026-09-30 + 5 working days", "2026-10-01..07 holiday
 * (国庆节)", "2026-10-10 make-up working day".
 */
public record DeadlineNote(Kind kind, LocalDate from, @Nullable LocalDate to, int amount, @Nullable LimitUnit unit,
		@Nullable String text) {

	public enum Kind {

		START, EXTENSION, HOLIDAY, MAKE_UP_DAY, SUSPENSION, MOVED

	}

	static DeadlineNote start(LocalDate start, int amount, LimitUnit unit) {
		return new DeadlineNote(Kind.START, start, null, amount, unit, null);
	}

	static DeadlineNote extension(LocalDate start, Extension e) {
		return new DeadlineNote(Kind.EXTENSION, start, null, e.amount(), null, e.reason());
	}

	static DeadlineNote holiday(LocalDate from, LocalDate to, @Nullable String name) {
		return new DeadlineNote(Kind.HOLIDAY, from, to, 0, null, name);
	}

	static DeadlineNote makeUpDay(LocalDate day, @Nullable String name) {
		return new DeadlineNote(Kind.MAKE_UP_DAY, day, null, 0, null, name);
	}

	static DeadlineNote suspension(Suspension s) {
		return new DeadlineNote(Kind.SUSPENSION, s.from(), s.to(), 0, null, s.reason());
	}

	static DeadlineNote moved(LocalDate from, LocalDate to) {
		return new DeadlineNote(Kind.MOVED, from, to, 0, null, null);
	}

}
