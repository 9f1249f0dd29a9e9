package org.govhall.calendar;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A deadline's due date and the notes that explain how it was reached. There is no due date while the clock is
 * stopped, or while it runs into a year whose official schedule is not loaded yet ({@code missingYear}).
 */
public record DueDate(@Nullable LocalDate due, List<DeadlineNote> notes, @Nullable Integer missingYear) {

	public DueDate {
		notes = List.copyOf(notes);
	}

	public DueDate(@Nullable LocalDate due, List<DeadlineNote> notes) {
		this(due, notes, null);
	}

	/** A deadline that cannot be dated until {@code year}'s schedule is loaded; never a guess. */
	public static DueDate awaitingCalendar(Deadline deadline, int year) {
		return new DueDate(null, List.of(DeadlineNote.start(deadline.start(), deadline.amount(), deadline.unit())),
				year);
	}

	/** Evaluates the deadline, or says which year's schedule it waits for. */
	public static DueDate of(Deadline deadline, WorkingCalendar calendar) {
		try {
			return deadline.evaluate(calendar);
		}
		catch (YearNotLoadedException ex) {
			return awaitingCalendar(deadline, ex.year());
		}
	}

	public boolean isPaused() {
		return due == null && missingYear == null;
	}

	public boolean awaitsCalendar() {
		return missingYear != null;
	}

}
