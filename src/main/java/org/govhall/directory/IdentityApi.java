package org.govhall.directory;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verified identity over REST (issue 12, item 1; ADR 0024): a window clerk verifies an
 * applicant account after seeing the original identity card or business licence; an
 * enterprise authorises its staff (经办人).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity", description = "Verified identities and who acts for an enterprise")
class IdentityApi {

	private final Directory directory;

	private final EnterpriseStaff staff;

	IdentityApi(Directory directory, EnterpriseStaff staff) {
		this.directory = directory;
		this.staff = staff;
	}

	/**
	 * What a clerk records: that the original identity card or business licence was seen.
	 */
	record WindowVerification(@NotNull @AssertTrue Boolean originalSeen) {
	}

	/** A staff member to authorise, until a date (at most a year). */
	record StaffDraft(@NotBlank @Size(max = 64) String staffUsername, @NotNull LocalDate validUntil) {
	}

	@GetMapping("/applicants")
	@Operation(summary = "Find applicant accounts by login or by the number they claim, to verify them (window clerk)")
	List<ApplicantAccountView> findApplicants(@RequestParam @Size(max = 64) String query,
			@AuthenticationPrincipal GovHallUser user) {
		return directory.findApplicants(query, user);
	}

	@PostMapping("/applicants/{username}/verification")
	@Operation(summary = "Record that the original identity card or business licence was seen: the account becomes"
			+ " verified (window clerk); 409 when another account holds the number verified")
	ApplicantAccountView verify(@PathVariable String username, @Valid @RequestBody WindowVerification body,
			@AuthenticationPrincipal GovHallUser user) {
		directory.verifyAtWindow(username, user);
		return directory.findApplicants(username, user)
			.stream()
			.filter(a -> a.username().equals(username))
			.findFirst()
			.orElseThrow();
	}

	@GetMapping("/enterprise-staff")
	@Operation(summary = "Staff authorisations: an enterprise sees those it granted, a person those granted to them")
	List<EnterpriseStaff.Grant> grants(@AuthenticationPrincipal GovHallUser user) {
		return staff.grantsOf(user);
	}

	@PostMapping("/enterprise-staff")
	@Operation(summary = "Authorise a verified person to file for the signed-in verified enterprise until a date")
	ResponseEntity<EnterpriseStaff.Grant> grant(@Valid @RequestBody StaffDraft draft,
			@AuthenticationPrincipal GovHallUser user) {
		return ResponseEntity.status(201).body(staff.grant(user, draft.staffUsername(), draft.validUntil()));
	}

	@DeleteMapping("/enterprise-staff/{id}")
	@Operation(summary = "Revoke a staff authorisation at once (the enterprise that granted it)")
	ResponseEntity<Void> revoke(@PathVariable long id, @AuthenticationPrincipal GovHallUser user) {
		staff.revoke(user, id);
		return ResponseEntity.noContent().build();
	}

}
