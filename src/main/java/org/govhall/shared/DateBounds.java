package org.govhall.shared;

import java.time.LocalDate;

/**
 * The dates GovHall takes as input (issue 12, item 2): from 1900-01-01 to 2100-12-31. A
 * date outside is a typing error or a probe (an authorisation "valid until
 * +999999999-12-31"), never a real validity, deadline or birthday, and past the year 9999
 * it does not even fit the database's date type. The JSON reader and the form binder
 * apply this to every {@link LocalDate} of every request ({@code system.DateInput}); code
 * that takes dates by other ways calls {@link #require}.
 */
public final class DateBounds {

	/** The first date taken as input. */
	public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);

	/** The last date taken as input. */
	public static final LocalDate LAST = LocalDate.of(2100, 12, 31);

	private DateBounds() {
	}

	public static boolean plausible(LocalDate date) {
		return !date.isBefore(FIRST) && !date.isAfter(LAST);
	}

	/** The date, or a 400 {@code date-out-of-range} naming the field. */
	public static LocalDate require(String field, LocalDate date) {
		if (!plausible(date)) {
			throw outOfRange(field);
		}
		return date;
	}

	public static InvalidInputException outOfRange(String field) {
		return new InvalidInputException("date-out-of-range", "error.date.outOfRange", field, FIRST.toString(),
				LAST.toString());
	}

}
