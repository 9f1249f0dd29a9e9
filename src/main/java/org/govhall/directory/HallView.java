package org.govhall.directory;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** A hall with its windows, as the API and the portal show it. */
public record HallView(long id, String regionCode, String nameZh, String nameEn, @Nullable String addressZh,
		@Nullable String addressEn, @Nullable String openingHoursZh, @Nullable String openingHoursEn,
		@Nullable String phone, List<WindowView> windows) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}

	public @Nullable String address(Locale locale) {
		return "en".equals(locale.getLanguage()) && addressEn != null ? addressEn : addressZh;
	}

	public @Nullable String openingHours(Locale locale) {
		return "en".equals(locale.getLanguage()) && openingHoursEn != null ? openingHoursEn : openingHoursZh;
	}

}
