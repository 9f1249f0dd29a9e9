package org.govhall.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.govhall.shared.Plain;
import org.jspecify.annotations.Nullable;

/** What it takes to add or change a department. */
public record DepartmentDraft(
		@NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9-]+", message = "{error.code.pattern}") String code,
		@NotBlank @Size(max = 200) @Plain String nameZh, @NotBlank @Size(max = 300) @Plain String nameEn,
		@NotBlank @Pattern(regexp = "[1-9]\\d{5}", message = "{error.regionCode.invalid}") String regionCode,
		@NotNull DepartmentKind kind, @Nullable @Size(max = 18) String creditCode,
		@Nullable @Size(max = 200) String approvalDivisionZh, @Nullable @Size(max = 300) String approvalDivisionEn,
		@Nullable @Size(max = 32) @Pattern(regexp = "[0-9+() -]*", message = "{error.phone.pattern}") String phone) {

	public DepartmentDraft {
		creditCode = Blank.toNull(creditCode);
		approvalDivisionZh = Blank.toNull(approvalDivisionZh);
		approvalDivisionEn = Blank.toNull(approvalDivisionEn);
		phone = Blank.toNull(phone);
	}

}
