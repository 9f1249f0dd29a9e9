package org.govhall.catalog;

import java.math.BigDecimal;
import java.util.Locale;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A fee (收费项目) with its standard and the legal basis that allows charging it. */
public record Fee(@NotBlank @Size(max = 200) String nameZh, @Nullable @Size(max = 300) String nameEn,
		@NotBlank @Size(max = 500) String standard,
		@Nullable @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount,
		@Nullable @Size(max = 500) String legalBasis) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
	}

}
