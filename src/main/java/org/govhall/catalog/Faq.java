package org.govhall.catalog;

import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A frequently asked question (常见问题, GB/T 39046 Table 4) with its answer, in Chinese and
 * optionally in English.
 */
public record Faq(@NotBlank @Size(max = 300) String questionZh, @NotBlank @Size(max = 2000) String answerZh,
		@Nullable @Size(max = 500) String questionEn, @Nullable @Size(max = 3000) String answerEn) {

	public String question(Locale locale) {
		return "en".equals(locale.getLanguage()) && questionEn != null && !questionEn.isBlank() ? questionEn
				: questionZh;
	}

	public String answer(Locale locale) {
		return "en".equals(locale.getLanguage()) && answerEn != null && !answerEn.isBlank() ? answerEn : answerZh;
	}

}
