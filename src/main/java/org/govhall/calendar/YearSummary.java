package org.govhall.calendar;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A loaded year as listed to administrators and the public. */
public record YearSummary(int year, String notice, @Nullable LocalDate noticeDate, int daysOff, int makeUpDays,
		String updatedBy, Instant updatedAt) {
}
