package org.govhall.directory;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization directory over REST: public reads, writes for system administrators of
 * the region.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Directory", description = "Regions, departments, halls, windows and accounts")
class DirectoryApi {

	private final Directory directory;

	private final CaseRouting routing;

	private final AccountAdministration administration;

	DirectoryApi(Directory directory, CaseRouting routing, AccountAdministration administration) {
		this.directory = directory;
		this.routing = routing;
		this.administration = administration;
	}

	@GetMapping("/routing/{code}")
	@Operation(summary = "How the department's online and agent cases get their first handler, with its window clerks"
			+ " (department admin)")
	RoutingRule routing(@PathVariable String code, @AuthenticationPrincipal GovHallUser user) {
		return routing.rule(code, user);
	}

	@PutMapping("/routing/{code}")
	@Operation(summary = "Route first handlers in turn among the clerks on duty, or to a named duty clerk"
			+ " (department admin)")
	RoutingRule setRouting(@PathVariable String code, @Valid @RequestBody RoutingDraft draft,
			@AuthenticationPrincipal GovHallUser user) {
		return routing.setRule(code, draft, user);
	}

	@PutMapping("/routing/{code}/clerks/{username}")
	@Operation(summary = "Mark a window clerk of the department on or off duty (on leave) and give the staff number"
			+ " (department admin)")
	RoutingRule.Clerk setDuty(@PathVariable String code, @PathVariable String username,
			@Valid @RequestBody DutyDraft draft, @AuthenticationPrincipal GovHallUser user) {
		return routing.setDuty(code, username, draft, user);
	}

	@GetMapping("/regions")
	@Operation(summary = "All regions (province, cities, counties) with their parent codes")
	List<RegionView> regions() {
		return directory.regions();
	}

	@GetMapping("/regions/{code}")
	@Operation(summary = "A region with the regions directly below it")
	RegionDetail region(@PathVariable String code) {
		return new RegionDetail(directory.requireRegion(code), directory.children(code));
	}

	@PostMapping("/regions")
	@Operation(summary = "Add a region below an existing one (system administrator)")
	ResponseEntity<RegionView> addRegion(@Valid @RequestBody RegionDraft draft,
			@AuthenticationPrincipal GovHallUser user) {
		RegionView r = directory.addRegion(draft, user);
		return ResponseEntity.created(URI.create("/api/v1/regions/" + r.code())).body(r);
	}

	@GetMapping("/departments")
	@Operation(summary = "Departments and public utilities, optionally of one region")
	List<DepartmentView> departments(@RequestParam(required = false) @Nullable String region) {
		return region == null ? directory.departments() : directory.departmentsOf(region);
	}

	@GetMapping("/departments/{code}")
	DepartmentView department(@PathVariable String code) {
		return directory.requireDepartment(code);
	}

	@PostMapping("/departments")
	@Operation(summary = "Add a department or public utility (system administrator)")
	ResponseEntity<DepartmentView> addDepartment(@Valid @RequestBody DepartmentDraft draft,
			@AuthenticationPrincipal GovHallUser user) {
		DepartmentView d = directory.addDepartment(draft, user);
		return ResponseEntity.created(URI.create("/api/v1/departments/" + d.code())).body(d);
	}

	@PutMapping("/departments/{code}")
	@Operation(summary = "Change a department's names, kind, approval division or phone (system administrator)")
	DepartmentView updateDepartment(@PathVariable String code, @Valid @RequestBody DepartmentDraft draft,
			@AuthenticationPrincipal GovHallUser user) {
		return directory.updateDepartment(code, draft, user);
	}

	@GetMapping("/halls")
	@Operation(summary = "Service halls with their windows, optionally of one region")
	List<HallView> halls(@RequestParam(required = false) @Nullable String region) {
		return region == null ? directory.halls() : directory.hallsOf(region);
	}

	@GetMapping("/halls/{id}")
	HallView hall(@PathVariable long id) {
		return directory.hall(id);
	}

	@PostMapping("/halls")
	@Operation(summary = "Open a service hall (system administrator)")
	ResponseEntity<HallView> addHall(@Valid @RequestBody HallDraft draft, @AuthenticationPrincipal GovHallUser user) {
		HallView h = directory.addHall(draft, user);
		return ResponseEntity.created(URI.create("/api/v1/halls/" + h.id())).body(h);
	}

	@PostMapping("/halls/{id}/windows")
	@Operation(summary = "Open a window in a hall and name the departments it receives (system administrator)")
	ResponseEntity<HallView> addWindow(@PathVariable long id, @Valid @RequestBody WindowDraft draft,
			@AuthenticationPrincipal GovHallUser user) {
		return ResponseEntity.status(201).body(directory.addWindow(id, draft, user));
	}

	@GetMapping("/accounts")
	@Operation(summary = "Accounts with roles and scopes (system administrator of the province)")
	List<AccountView> accounts(@AuthenticationPrincipal GovHallUser user) {
		return directory.accounts(user);
	}

	@PostMapping("/accounts")
	@Operation(summary = "Open an account with roles and a scope (system administrator)")
	ResponseEntity<AccountView> openAccount(@Valid @RequestBody AccountDraft draft,
			@AuthenticationPrincipal GovHallUser user) {
		AccountView a = directory.openAccount(draft, user);
		return ResponseEntity.status(201).body(a);
	}

	@GetMapping("/accounts/pending-roles")
	@Operation(summary = "Roles one administrator gave that wait for a second administrator's confirmation"
			+ " (system administrator)")
	List<PendingRole> pendingRoles(@AuthenticationPrincipal GovHallUser user) {
		return administration.pending(user);
	}

	@PostMapping("/accounts/{username}/confirmation")
	@Operation(summary = "Confirm the roles waiting on an account; never the administrator who asked for them"
			+ " (system administrator)")
	AccountView confirm(@PathVariable String username, @AuthenticationPrincipal GovHallUser user) {
		return administration.confirm(username, user);
	}

	@DeleteMapping("/accounts/{username}/pending-roles")
	@Operation(summary = "Reject the roles waiting on an account (system administrator)")
	AccountView reject(@PathVariable String username, @AuthenticationPrincipal GovHallUser user) {
		return administration.reject(username, user);
	}

	@PostMapping("/accounts/{username}/roles")
	@Operation(summary = "Give an account a role; review, approval, legal, supervision and administrator roles wait"
			+ " for a second administrator (system administrator)")
	AccountView grantRole(@PathVariable String username, @Valid @RequestBody RoleDraft draft,
			@AuthenticationPrincipal GovHallUser user) {
		return administration.grantRole(username, draft.role(), user);
	}

	@DeleteMapping("/accounts/{username}/roles/{role}")
	@Operation(summary = "Remove a role from an account, not one's own (system administrator)")
	AccountView revokeRole(@PathVariable String username, @PathVariable Role role,
			@AuthenticationPrincipal GovHallUser user) {
		return administration.revokeRole(username, role, user);
	}

	@PostMapping("/accounts/{username}/disable")
	@Operation(summary = "Disable an account: no sign-in, its sessions end; not one's own, not the last system"
			+ " administrator (system administrator)")
	AccountView disable(@PathVariable String username, @AuthenticationPrincipal GovHallUser user) {
		return administration.disable(username, user);
	}

	@PostMapping("/accounts/{username}/enable")
	@Operation(summary = "Enable a disabled account again (system administrator)")
	AccountView enable(@PathVariable String username, @AuthenticationPrincipal GovHallUser user) {
		return administration.enable(username, user);
	}

	@PostMapping("/accounts/{username}/password-reset")
	@Operation(summary = "Send the owner a one-time reset link through the verified channel; the administrator never"
			+ " sees it (system administrator)")
	ResponseEntity<ResetSent> requestReset(@PathVariable String username, @AuthenticationPrincipal GovHallUser user) {
		return ResponseEntity.accepted().body(new ResetSent(username, administration.requestReset(username, user)));
	}

	@PutMapping("/me/password")
	@Operation(summary = "Change one's own password, giving the current one")
	ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change,
			@AuthenticationPrincipal GovHallUser user) {
		administration.changePassword(user, change.currentPassword(), change.newPassword());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/password-reset")
	@Operation(summary = "Set a new password with the one-time token of a reset link")
	ResponseEntity<Void> reset(@Valid @RequestBody PasswordReset reset) {
		administration.reset(reset.token(), reset.newPassword());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/applicants")
	@Operation(
			summary = "Register as an applicant: a citizen by resident identity number, an organisation by credit code")
	ResponseEntity<AccountView> register(@Valid @RequestBody ApplicantRegistration registration) {
		return ResponseEntity.status(201).body(directory.registerApplicant(registration));
	}

	/** The role to give. */
	record RoleDraft(@NotNull Role role) {
	}

	/** That a reset link was sent, and until when it may be used; never the link. */
	record ResetSent(String username, Instant expiresAt) {
	}

	/** One's current password and the new one. */
	record PasswordChange(@NotBlank @Size(max = 128) String currentPassword,
			@NotBlank @Size(min = 10, max = 128, message = "{error.password.size}") String newPassword) {
	}

	/** The token of a reset link and the new password. */
	record PasswordReset(@NotBlank @Size(max = 100) String token,
			@NotBlank @Size(min = 10, max = 128, message = "{error.password.size}") String newPassword) {
	}

	/** A region and its children. */
	record RegionDetail(RegionView region, List<RegionView> children) {
	}

}
