package org.govhall.directory;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What it takes to open an account; staff need a region, department staff also a department code. */
public record AccountDraft(
		@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "{error.username.pattern}") String username,
		@NotBlank @Size(min = 10, max = 128, message = "{error.password.size}") String password,
		@NotBlank @Size(max = 100) String displayName, @NotEmpty Set<Role> roles,
		@Nullable @Pattern(regexp = "[1-9]\\d{5}", message = "{error.regionCode.invalid}") String regionCode,
		@Nullable @Size(max = 32) String departmentCode) {

	public AccountDraft {
		regionCode = Blank.toNull(regionCode);
		departmentCode = Blank.toNull(departmentCode);
	}

}
