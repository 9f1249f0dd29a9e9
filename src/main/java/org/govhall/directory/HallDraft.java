package org.govhall.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.govhall.shared.Plain;
import org.jspecify.annotations.Nullable;

/** What it takes to open a service hall. */
public record HallDraft(
		@NotBlank @Pattern(regexp = "[1-9]\\d{5}", message = "{error.regionCode.invalid}") String regionCode,
		@NotBlank @Size(max = 200) @Plain String nameZh, @NotBlank @Size(max = 300) @Plain String nameEn,
		@Nullable @Size(max = 300) String addressZh, @Nullable @Size(max = 400) String addressEn,
		@Nullable @Size(max = 200) String openingHoursZh, @Nullable @Size(max = 200) String openingHoursEn,
		@Nullable @Size(max = 32) @Pattern(regexp = "[0-9+() -]*", message = "{error.phone.pattern}") String phone) {

	public HallDraft {
		addressZh = Blank.toNull(addressZh);
		addressEn = Blank.toNull(addressEn);
		openingHoursZh = Blank.toNull(openingHoursZh);
		openingHoursEn = Blank.toNull(openingHoursEn);
		phone = Blank.toNull(phone);
	}

}
