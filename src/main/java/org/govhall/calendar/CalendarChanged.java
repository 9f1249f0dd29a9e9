package org.govhall.calendar;

/**
 * A year's schedule was loaded or changed; deadlines in that year must be evaluated
 * again.
 */
public record CalendarChanged(int year, String changedBy) {
}
