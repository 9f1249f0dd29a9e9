package org.govhall.catalog;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A delegation of the item to a named county (扩权强县): how, from when, by which document,
 * and the county's own item that carries the power (承接事项), named by its code. Entrusted
 * powers must be published (行政许可法 第二十四条), which the item guide does.
 *
 * @param counterpartItemCode the county's item that carries the power, by code (its name
 * may differ, e.g. "企业变更登记（青川县承接）"); none while the county has no such item. At
 * submission and publication it must be a published, active item of a department of that
 * county (or below it).
 */
public record Delegation(
		@NotBlank @Pattern(regexp = "[1-9]\\d{5}", message = "{error.regionCode.invalid}") String countyCode,
		@NotNull DelegationMode mode, @NotNull LocalDate effectiveOn, @NotBlank @Size(max = 200) String documentNo,
		@Nullable @Size(max = 500) String note,
		@Nullable @Pattern(regexp = "[A-Za-z0-9-]{1,36}", message = "{error.item.code}") String counterpartItemCode) {

	public Delegation {
		counterpartItemCode = counterpartItemCode == null || counterpartItemCode.isBlank() ? null
				: counterpartItemCode.strip();
	}

	/** A delegation whose county has no counterpart item yet. */
	public Delegation(String countyCode, DelegationMode mode, LocalDate effectiveOn, String documentNo,
			@Nullable String note) {
		this(countyCode, mode, effectiveOn, documentNo, note, null);
	}

}
