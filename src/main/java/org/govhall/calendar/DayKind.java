package org.govhall.calendar;

/**
 * A day that differs from the plain week: a day off on a weekday (放假), or a working
 * weekend day (调休上班).
 */
public enum DayKind {

	OFF, WORK

}
