package org.govhall.directory;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** A department as other modules and the API see it. */
public record DepartmentView(long id, String code, String nameZh, String nameEn, String regionCode, DepartmentKind kind,
		@Nullable String creditCode, @Nullable String approvalDivisionZh, @Nullable String approvalDivisionEn,
		@Nullable String phone) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}

	public @Nullable String approvalDivision(Locale locale) {
		return "en".equals(locale.getLanguage()) ? approvalDivisionEn : approvalDivisionZh;
	}

}
