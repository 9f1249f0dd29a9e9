package org.govhall.directory;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organization directory over REST: public reads, writes for system administrators of the region. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Directory", description = "Regions, departments, halls, windows and accounts")
class DirectoryApi {

	private final Directory directory;

	private final CaseRouting routing;

	DirectoryApi(Directory directory, CaseRouting routing) {
		this.directory = directory;
		this.routing = routing;
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

	@PostMapping("/applicants")
	@Operation(summary = "Register as an applicant: a citizen by resident identity number, an organisation by credit code")
	ResponseEntity<AccountView> register(@Valid @RequestBody ApplicantRegistration registration) {
		return ResponseEntity.status(201).body(directory.registerApplicant(registration));
	}

	/** A region and its children. */
	record RegionDetail(RegionView region, List<RegionView> children) {
	}

}
