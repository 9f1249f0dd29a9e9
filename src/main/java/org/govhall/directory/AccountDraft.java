package org.govhall.directory;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.govhall.shared.Plain;
import org.jspecify.annotations.Nullable;

/**
 * What it takes to open an account; staff need a region, department staff also a
 * department code. Staff may have a staff number (工号), which applicants see beside the
 * name of the person responsible for their case.
 */
public record AccountDraft(
		@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+",
				message = "{error.username.pattern}") String username,
		@NotBlank @Size(min = 10, max = 128, message = "{error.password.size}") String password,
		@NotBlank @Size(max = 100) @Plain String displayName, @NotEmpty Set<Role> roles,
		@Nullable @Pattern(regexp = "[1-9]\\d{5}", message = "{error.regionCode.invalid}") String regionCode,
		@Nullable @Size(max = 32) String departmentCode,
		@Nullable @Pattern(regexp = "[A-Za-z0-9-]{1,16}", message = "{error.staffNumber.pattern}") String staffNumber) {

	public AccountDraft {
		regionCode = Blank.toNull(regionCode);
		departmentCode = Blank.toNull(departmentCode);
		staffNumber = Blank.toNull(staffNumber);
	}

	/** An account without a staff number. */
	public AccountDraft(String username, String password, String displayName, Set<Role> roles,
			@Nullable String regionCode, @Nullable String departmentCode) {
		this(username, password, displayName, roles, regionCode, departmentCode, null);
	}

}
