package org.govhall.calendar;

import java.time.Instant;

/** One recorded change of a year's schedule. */
public record CalendarChange(int year, String changedBy, Instant changedAt, String summary) {
}
