package org.govhall.cases;

import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** A line of a work list: the case, its stage, and the due date that matters now with the working days left. */
public record CaseSummary(String number, String itemCode, String itemNameZh, @Nullable String itemNameEn,
		String departmentCode, CaseState state, Channel channel, String applicantName, LocalDate receivedOn,
		@Nullable LocalDate due, @Nullable Integer remainingWorkingDays, CaseClock.Status status, boolean suspended) {

	public String itemName(Locale locale) {
		return "en".equals(locale.getLanguage()) && itemNameEn != null ? itemNameEn : itemNameZh;
	}

}
