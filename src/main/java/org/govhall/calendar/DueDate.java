package org.govhall.calendar;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A deadline's due date and the notes that explain how it was reached. There is no due
 * date while the clock is stopped, or while it runs into a year whose official schedule
 * is not loaded yet ({@code missingYear}); then {@code provisional} is the date counted
 * on weekends only for the missing year (暂估), for ordering and warnings, never a legal
 * due date.
 */
public record DueDate(@Nullable LocalDate due, List<DeadlineNote> notes, @Nullable Integer missingYear,
		@Nullable LocalDate provisional) {

	public DueDate {
		notes = List.copyOf(notes);
	}

	public DueDate(@Nullable LocalDate due, List<DeadlineNote> notes) {
		this(due, notes, null, null);
	}

	/**
	 * A deadline that cannot be dated until {@code year}'s schedule is loaded; never a
	 * guess.
	 */
	public static DueDate awaitingCalendar(Deadline deadline, int year, @Nullable LocalDate provisional) {
		return new DueDate(null, List.of(DeadlineNote.start(deadline.start(), deadline.amount(), deadline.unit())),
				year, provisional);
	}

	/**
	 * Evaluates the deadline, or says which year's schedule it waits for and what it
	 * would be on weekends only.
	 */
	public static DueDate of(Deadline deadline, WorkingCalendar calendar) {
		try {
			return deadline.evaluate(calendar);
		}
		catch (YearNotLoadedException ex) {
			LocalDate provisional;
			try {
				provisional = deadline.evaluate(calendar.provisional()).due();
			}
			catch (YearNotLoadedException beyond) {
				provisional = null;
			}
			return awaitingCalendar(deadline, ex.year(), provisional);
		}
	}

	public boolean isPaused() {
		return due == null && missingYear == null;
	}

	public boolean awaitsCalendar() {
		return missingYear != null;
	}

	/**
	 * The official due date, or the provisional one while a year is missing: for ordering
	 * and warnings.
	 */
	public @Nullable LocalDate dueForWarnings() {
		return due != null ? due : provisional;
	}

}
