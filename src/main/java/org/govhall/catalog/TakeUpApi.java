package org.govhall.catalog;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.govhall.directory.GovHallUser;
import org.govhall.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How a county takes a delegated power on (承接): its record 尚未承接, set and withdrawn over
 * REST.
 */
@RestController
@RequestMapping("/api/v1/items/{code}/delegations/{county}/not-taken-on")
@Tag(name = "Catalog", description = "Service items and their guides")
class TakeUpApi {

	private final DelegationTakeUp takeUp;

	TakeUpApi(DelegationTakeUp takeUp) {
		this.takeUp = takeUp;
	}

	@GetMapping
	@Operation(summary = "The county's record that it has not yet taken the delegated power on (404 when none)")
	NotTakenOn get(@PathVariable String code, @PathVariable String county) {
		List<NotTakenOn> marks = takeUp.notTakenOn(code);
		return marks.stream()
			.filter(m -> m.countyCode().equals(county))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("error.takeUp.none", code, county));
	}

	@PutMapping
	@Operation(summary = "Record that the county has not yet taken the power on (尚未承接), with reason and target date",
			description = """
					A department administrator of a department of the county, or a system administrator whose region \
					covers it. Replaces an earlier record. 400 without a reason or target date, or with a target date \
					in the past; 403 for anyone else; 404 when the item is not published or not delegated to the \
					county. Audited as catalog.not-taken-on.""")
	NotTakenOn mark(@PathVariable String code, @PathVariable String county, @Valid @RequestBody Mark request,
			@AuthenticationPrincipal GovHallUser user) {
		return takeUp.markNotTakenOn(code, county, request.reason(), request.targetOn(), user);
	}

	@DeleteMapping
	@Operation(summary = "Withdraw the record 尚未承接: the county now handles the power (audited as catalog.taken-on)")
	ResponseEntity<Void> clear(@PathVariable String code, @PathVariable String county,
			@AuthenticationPrincipal GovHallUser user) {
		takeUp.clearNotTakenOn(code, county, user);
		return ResponseEntity.noContent().build();
	}

	/** Why the county has not yet taken the power on, and by when it will. */
	record Mark(@Nullable @Size(max = 500) String reason, @Nullable LocalDate targetOn) {
	}

}
