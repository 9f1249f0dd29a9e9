package org.govhall.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.govhall.directory.GovHallUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tracking of powers delegated to counties (扩权强县 跟踪督查) over REST. */
@RestController
@RequestMapping("/api/v1/supervision/delegations")
@Tag(name = "Supervision", description = "Electronic supervision (电子监察) of open cases' deadlines")
class DelegationApi {

	private final DelegationTracking tracking;

	DelegationApi(DelegationTracking tracking) {
		this.tracking = tracking;
	}

	@GetMapping
	@Operation(summary = "Powers delegated to a county: county vs above-county cases, on-time rate and flags",
			description = """
					For each published item a city or provincial department delegated to the county (扩权强县): the \
					cases the county received under it (through the county's item of the same Chinese name, or the \
					delegated item itself), the cases of the county's applicants still received under the delegated \
					item above the county, the share handled locally, the county's on-time rate of cases decided in \
					the period, and the flags notDelegatedInPractice (下放不到位: the share handled above exceeds \
					govhall.supervision.delegation.above-share, default 0.5) and delegatedButUnused (放而不用: in \
					force for the 6 months before the period end without a county case). Counts start at the later \
					of the period start and the delegation's effective date. Supervisors and system administrators \
					of the county's region or above. 400 for a missing or malformed county, a region that is not a \
					county or a bad period; 403 out of scope; 404 for an unknown county.""")
	DelegationOverview delegations(
			@Parameter(description = "six-digit code of the county, e.g. 660221") @RequestParam(
					required = false) @Nullable String county,
			@Parameter(description = "first day of the period (yyyy-MM-dd); default the first day of the end's year") @RequestParam(
					required = false) @Nullable String from,
			@Parameter(description = "last day of the period (yyyy-MM-dd); default today") @RequestParam(
					required = false) @Nullable String to,
			@AuthenticationPrincipal GovHallUser user) {
		return tracking.track(user, county, from, to);
	}

}
