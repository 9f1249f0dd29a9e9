package org.govhall.calendar;

import org.govhall.shared.RuleViolationException;

/**
 * A date falls in a year whose official schedule is not loaded: GovHall never guesses a
 * holiday.
 */
public class YearNotLoadedException extends RuleViolationException {

	private final int year;

	public YearNotLoadedException(int year) {
		super("calendar-year-not-loaded", "error.calendar.yearNotLoaded", year);
		this.year = year;
	}

	public int year() {
		return year;
	}

}
