package org.govhall.catalog;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A delegated power as the county's counterpart item carries it: the delegating item, its
 * department and the delegation that names the counterpart. For an entrusted power (委托,
 * 行政许可法 第二十四条) the county acts in the name of {@code departmentNameZh}.
 */
public record CarriedPower(String itemCode, String itemNameZh, @Nullable String itemNameEn, String departmentCode,
		String departmentNameZh, String departmentNameEn, Delegation delegation) {

	public String itemName(Locale locale) {
		return "en".equals(locale.getLanguage()) && itemNameEn != null && !itemNameEn.isBlank() ? itemNameEn
				: itemNameZh;
	}

	public String departmentName(Locale locale) {
		return "en".equals(locale.getLanguage()) ? departmentNameEn : departmentNameZh;
	}

	/** Whether the county acts in the delegating department's name (委托). */
	public boolean entrusted() {
		return delegation.mode() == DelegationMode.ENTRUSTED;
	}

}
