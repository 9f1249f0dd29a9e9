package org.govhall.catalog;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A delegation of the item to a named county (扩权强县): how, from when, and by which document. Entrusted powers must
 * be published (行政许可法 第二十四条), which the item guide does.
 */
public record Delegation(
		@NotBlank @Pattern(regexp = "[1-9]\\d{5}", message = "{error.regionCode.invalid}") String countyCode,
		@NotNull DelegationMode mode, @NotNull LocalDate effectiveOn, @NotBlank @Size(max = 200) String documentNo,
		@Nullable @Size(max = 500) String note) {
}
