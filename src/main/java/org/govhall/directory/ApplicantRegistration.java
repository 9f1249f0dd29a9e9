package org.govhall.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.govhall.shared.Plain;
import org.jspecify.annotations.Nullable;

/** What a citizen or enterprise gives to open an applicant account. */
public record ApplicantRegistration(
		@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+",
				message = "{error.username.pattern}") String username,
		@NotBlank @Size(min = 10, max = 128, message = "{error.password.size}") String password,
		@NotNull IdentityKind kind, @NotBlank @Size(max = 200) @Plain String legalName,
		@NotBlank @Size(max = 18) String identityNumber,
		@Nullable @Size(max = 32) @Pattern(regexp = "[0-9+() -]*", message = "{error.phone.pattern}") String phone) {
}
