package org.govhall.catalog;

import org.govhall.calendar.LimitUnit;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A step of the procedure (办理流程): who does what, and in how much time. */
public record ProcedureStep(@NotBlank @Size(max = 100) String nameZh, @Nullable @Size(max = 200) String nameEn,
		@NotBlank @Size(max = 200) String actor, @Nullable @Size(max = 1000) String description,
		@Nullable @Min(0) @Max(3650) Integer limitAmount, @Nullable LimitUnit limitUnit) {

	public String name(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
	}

}
