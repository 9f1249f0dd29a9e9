package org.govhall.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.govhall.shared.Plain;
import org.jspecify.annotations.Nullable;

/** What it takes to add a region. */
public record RegionDraft(
		@NotBlank @Pattern(regexp = "[1-9]\\d{5}", message = "{error.regionCode.invalid}") String code,
		@NotBlank @Size(max = 100) @Plain String nameZh, @NotBlank @Size(max = 200) @Plain String nameEn,
		@NotNull RegionLevel level,
		@Nullable @Pattern(regexp = "[1-9]\\d{5}", message = "{error.regionCode.invalid}") String parentCode) {

	public RegionDraft {
		parentCode = Blank.toNull(parentCode);
	}

}
