package org.govhall.catalog;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** One line of a catalog listing: enough to choose an item and see how it is handled. */
public record ItemSummary(String code, String nameZh, @Nullable String nameEn, ItemType itemType, ItemStatus status,
		String departmentCode, String departmentNameZh, String departmentNameEn, String regionCode,
		ProcessingMode processingMode, OnlineAvailability onlineAvailability, int onSiteVisits,
		@Nullable TimeLimit promisedLimit, int delegations, Initiation initiation) {

	/**
	 * Whether people apply for the item (依申请): only such items may be filed by an
	 * applicant or an agent.
	 */
	public boolean onApplication() {
		return initiation == Initiation.ON_APPLICATION;
	}

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
	}

	public String departmentName(Locale locale) {
		return "en".equals(locale.getLanguage()) ? departmentNameEn : departmentNameZh;
	}

}
