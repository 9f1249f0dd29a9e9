package org.govhall.supervision;

/**
 * How urgent a supervised case is: red when overdue (超期), yellow when its stage is almost
 * due (预警).
 */
public enum Warning {

	/**
	 * Not almost due, suspended, without a clock, or due in a year whose calendar is not
	 * loaded.
	 */
	NONE,
	/** Due within the configured number of working days (default 2), or today. */
	YELLOW,
	/** Overdue: today is after the stage's due date. */
	RED

}
