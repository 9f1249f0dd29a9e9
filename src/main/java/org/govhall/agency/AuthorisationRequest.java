package org.govhall.agency;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.govhall.directory.IdentityKind;
import org.govhall.shared.Plain;
import org.jspecify.annotations.Nullable;

/**
 * An agent's request for authority: the principal (a person by identity number, an
 * organisation by credit code, and the name), the items (at least one), and the period.
 * Without {@code validFrom} it starts today; {@code validUntil} is at most
 * {@code govhall.agency.max-validity} (a year by default) after the start and never past
 * 2100-12-31.
 */
public record AuthorisationRequest(@NotNull IdentityKind principalKind,
		@NotBlank @Size(max = 200) @Plain String principalName, @NotBlank @Size(max = 18) String principalNumber,
		@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 36) String> itemCodes, @Nullable LocalDate validFrom,
		@NotNull LocalDate validUntil) {

	public AuthorisationRequest {
		itemCodes = itemCodes == null ? List.of() : List.copyOf(itemCodes);
	}

}
