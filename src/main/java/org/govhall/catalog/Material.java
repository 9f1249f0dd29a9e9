package org.govhall.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A required material (申请材料, GB/T 39046 Table 4): how many originals and copies, on what medium, whether it is
 * mandatory or needed only under a condition, and who issues it.
 */
public record Material(@NotBlank @Size(max = 200) String nameZh, @Nullable @Size(max = 300) String nameEn,
		@Min(0) @Max(99) int originals, @Min(0) @Max(99) int copies, @NotNull MaterialMedium medium,
		@NotNull MaterialRequirement requirement, @Nullable @Size(max = 500) String conditionText,
		@Nullable @Size(max = 200) String source, @Nullable @Size(max = 200) String templateName,
		@Nullable @Size(max = 200) String sampleName, @Nullable @Size(max = 1000) String note) {

	public String name(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
	}

}
