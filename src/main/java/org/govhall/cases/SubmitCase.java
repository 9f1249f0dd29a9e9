package org.govhall.cases;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.govhall.directory.IdentityKind;
import org.govhall.shared.Plain;
import org.jspecify.annotations.Nullable;

/**
 * An application: the item, the materials already uploaded, and — at a window or through
 * an agent — who the applicant is. An agent files under an authorisation the applicant
 * confirmed online ({@code authorisationId}, ADR 0025; the applicant is then the
 * authorisation's principal and may be left out), or with a written power of attorney
 * ({@code authorization}, its scan mandatory) whose original the clerk checks before the
 * case can be accepted. At a window the clerk may also name the materials whose originals
 * were checked and handed back ({@code originalsSeen}, 原件核验). Optionally, the region of
 * the applicant's address ({@code addressRegion}, a region code of the directory such as
 * a county): where the applicant lives or the enterprise is registered, which the
 * identity number's prefix does not tell reliably.
 */
public record SubmitCase(@NotBlank @Size(max = 36) String itemCode, @Nullable @Valid ApplicantData applicant,
		@Nullable @Size(max = 32) @Pattern(regexp = "[0-9+() -]*", message = "{error.phone.pattern}") String phone,
		@Nullable @Valid AuthorizationData authorization,
		@Nullable @Size(max = 100) List<@NotNull @Valid MaterialFile> materials,
		@Nullable @Size(max = 100) List<@NotBlank @Size(max = 200) String> originalsSeen,
		@Nullable @Pattern(regexp = "[1-9]\\d{5}", message = "{error.regionCode.invalid}") String addressRegion,
		@Nullable @Positive Long authorisationId) {

	public SubmitCase {
		materials = materials == null ? List.of() : List.copyOf(materials);
		originalsSeen = originalsSeen == null ? List.of() : List.copyOf(originalsSeen);
	}

	/**
	 * An application without an authorisation confirmed online (not through an agent, or
	 * with a written one).
	 */
	public SubmitCase(String itemCode, @Nullable ApplicantData applicant, @Nullable String phone,
			@Nullable AuthorizationData authorization, @Nullable List<MaterialFile> materials,
			@Nullable List<String> originalsSeen, @Nullable String addressRegion) {
		this(itemCode, applicant, phone, authorization, materials, originalsSeen, addressRegion, null);
	}

	/** An application without an address region. */
	public SubmitCase(String itemCode, @Nullable ApplicantData applicant, @Nullable String phone,
			@Nullable AuthorizationData authorization, @Nullable List<MaterialFile> materials,
			@Nullable List<String> originalsSeen) {
		this(itemCode, applicant, phone, authorization, materials, originalsSeen, (String) null);
	}

	/** An application without originals checked at a window. */
	public SubmitCase(String itemCode, @Nullable ApplicantData applicant, @Nullable String phone,
			@Nullable AuthorizationData authorization, @Nullable List<MaterialFile> materials) {
		this(itemCode, applicant, phone, authorization, materials, null);
	}

	/**
	 * The applicant as the clerk or agent enters it; the number is checked by its kind.
	 */
	public record ApplicantData(@NotNull IdentityKind kind, @NotBlank @Size(max = 200) @Plain String name,
			@NotBlank @Size(max = 18) String number) {
	}

	/**
	 * An agent's written authorization: the document (授权委托书), an uploaded scan of it
	 * (mandatory), and how long it is valid (at most {@code govhall.agency.max-validity}
	 * from today). The clerk checks its original before acceptance.
	 */
	public record AuthorizationData(@NotBlank @Size(max = 200) String documentName,
			@Nullable @Pattern(regexp = "[0-9a-f-]{36}") String documentFileId, @NotNull LocalDate validUntil) {
	}

	/**
	 * An uploaded file handed in as one of the item's required materials, named as the
	 * item names it.
	 */
	public record MaterialFile(@NotBlank @Size(max = 200) String material,
			@NotBlank @Pattern(regexp = "[0-9a-f-]{36}") String fileId) {
	}

}
