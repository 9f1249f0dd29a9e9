package org.govhall.calendar;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A deadline's due date (none while the clock is stopped) and the notes that explain how it was reached. */
public record DueDate(@Nullable LocalDate due, List<DeadlineNote> notes) {

	public DueDate {
		notes = List.copyOf(notes);
	}

	public boolean isPaused() {
		return due == null;
	}

}
