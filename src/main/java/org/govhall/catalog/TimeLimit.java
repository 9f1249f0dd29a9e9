package org.govhall.catalog;

import org.govhall.calendar.LimitUnit;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A time limit: an amount of working or calendar days and the rule that sets it. */
public record TimeLimit(@NotNull @Min(0) @Max(3650) Integer amount, @NotNull LimitUnit unit,
		@Nullable @Size(max = 500) String legalBasis) {

	/**
	 * Whether this (promised) limit is no longer than {@code statutory}. Calendar days
	 * never run longer than the same number of working days, so a calendar-day promise
	 * compares by amount against either unit; a working-day promise against a
	 * calendar-day statute cannot be compared without a calendar and is refused.
	 */
	boolean fitsWithin(TimeLimit statutory) {
		if (unit == statutory.unit || unit == LimitUnit.CALENDAR_DAY) {
			return amount <= statutory.amount;
		}
		return false;
	}

}
