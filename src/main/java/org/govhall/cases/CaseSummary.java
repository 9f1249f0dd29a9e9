package org.govhall.cases;

import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A line of a work list: the case, its stage, and the due date that matters now (the
 * nearer of the statutory and the promised one) with the working days left. While that
 * date runs into a year whose official schedule is missing it is {@code provisional}
 * (weekends-only count): the status says "期限待定" and {@code colour} comes from the
 * provisional date, for ordering and warnings only.
 */
public record CaseSummary(String number, String itemCode, String itemNameZh, @Nullable String itemNameEn,
		String departmentCode, CaseState state, Channel channel, String applicantName, LocalDate receivedOn,
		@Nullable LocalDate due, boolean provisional, @Nullable Integer remainingWorkingDays, CaseClock.Status status,
		CaseClock.Status colour, boolean suspended) {

	public String itemName(Locale locale) {
		return "en".equals(locale.getLanguage()) && itemNameEn != null ? itemNameEn : itemNameZh;
	}

}
