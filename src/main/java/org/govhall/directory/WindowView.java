package org.govhall.directory;

import java.util.List;
import java.util.Locale;

/** A window and the codes of the departments whose items it receives. */
public record WindowView(long id, String number, String nameZh, String nameEn, WindowKind kind,
		List<String> departmentCodes) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}

}
