package org.govhall.agency;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agents' authorisations over REST: the agent requests and withdraws, the principal
 * confirms, declines and revokes.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Authorisations", description = "Agents' authorisations (代办授权委托): bounded to items and a period, "
		+ "confirmed by the principal from a verified account, revocable")
class AuthorisationsApi {

	private final Authorisations authorisations;

	AuthorisationsApi(Authorisations authorisations) {
		this.authorisations = authorisations;
	}

	@GetMapping("/authorisations")
	@Operation(
			summary = "The caller's authorisations: an agent's own, or those naming the signed-in (verified) principal")
	List<Authorisation> list(@AuthenticationPrincipal GovHallUser user) {
		return user.scope().has(Role.AGENT) ? authorisations.ofAgent(user) : authorisations.ofPrincipal(user);
	}

	@PostMapping("/authorisations")
	@Operation(summary = "An agent asks a principal for authority over items for a period (at most a year by default); "
			+ "pending until the principal confirms it")
	ResponseEntity<Authorisation> request(@Valid @RequestBody AuthorisationRequest request,
			@AuthenticationPrincipal GovHallUser user) {
		Authorisation a = authorisations.request(request, user);
		return ResponseEntity.created(URI.create("/api/v1/authorisations/" + a.id())).body(a);
	}

	@GetMapping("/authorisations/{id}")
	@Operation(summary = "One authorisation, for its agent or its principal (404 for anyone else)")
	Authorisation one(@PathVariable long id, @AuthenticationPrincipal GovHallUser user) {
		return authorisations.find(id, user);
	}

	@PostMapping("/authorisations/{id}/confirm")
	@Operation(summary = "The principal confirms a pending request from their verified account")
	Authorisation confirm(@PathVariable long id, @AuthenticationPrincipal GovHallUser user) {
		return authorisations.confirm(id, user);
	}

	@PostMapping("/authorisations/{id}/decline")
	@Operation(summary = "The principal declines a pending request")
	Authorisation decline(@PathVariable long id, @AuthenticationPrincipal GovHallUser user) {
		return authorisations.decline(id, user);
	}

	@PostMapping("/authorisations/{id}/revoke")
	@Operation(summary = "The principal revokes a confirmed authorisation: no new filing under it from now on; cases "
			+ "already filed keep it as recorded")
	Authorisation revoke(@PathVariable long id, @AuthenticationPrincipal GovHallUser user) {
		return authorisations.revoke(id, user);
	}

	@PostMapping("/authorisations/{id}/withdraw")
	@Operation(summary = "The agent withdraws its own request or authorisation")
	Authorisation withdraw(@PathVariable long id, @AuthenticationPrincipal GovHallUser user) {
		return authorisations.withdraw(id, user);
	}

}
