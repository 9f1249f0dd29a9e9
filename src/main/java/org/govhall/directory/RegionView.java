package org.govhall.directory;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** A region as other modules and the API see it. */
public record RegionView(String code, String nameZh, String nameEn, RegionLevel level, @Nullable String parentCode) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}

}
