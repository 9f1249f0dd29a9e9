package org.govhall.supervision.delegation;

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
					For each published item a city or provincial department delegated to the county (扩权强县): \
					whether the county has taken it on (takenOn: the delegation names a published counterpart item \
					by code and the county has not recorded it as not yet taken on), the cases the county received \
					under it (through the counterpart item, or the delegated item itself), the cases of the county's \
					applicants still received under the delegated item above the county (by the address given with \
					the application, else the enterprise's registration region, else the identity number's prefix), \
					except those refused with the competent authority named (redirectedAbove), the share handled \
					locally, the county's on-time rate of cases decided in the period, and the flags \
					notDelegatedInPractice (下放不到位: the share handled above exceeds \
					govhall.supervision.delegation.above-share, default 0.5) and delegatedButUnused (放而不用: taken \
					on, in force for the 6 months before the period end without a county case). Counts start at the \
					later of the period start and the delegation's effective date. Supervisors and system \
					administrators of the county's region or above. 400 for a missing or malformed county, a region \
					that is not a county or a bad period; 403 out of scope; 404 for an unknown county.""")
	DelegationOverview delegations(
			@Parameter(description = "six-digit code of the county, e.g. 660221") @RequestParam(
					required = false) @Nullable String county,
			@Parameter(
					description = "first day of the period (yyyy-MM-dd); default the first day of the end's year") @RequestParam(
							required = false) @Nullable String from,
			@Parameter(description = "last day of the period (yyyy-MM-dd); default today") @RequestParam(
					required = false) @Nullable String to,
			@AuthenticationPrincipal GovHallUser user) {
		return tracking.track(user, county, from, to);
	}

	@GetMapping("/rollup")
	@Operation(summary = "Every county of the user's region with its delegated-power totals, grouped by city",
			description = """
					A provincial scope sees every city with its counties, a city scope its counties, a county scope \
					its own county. Each county's totals are those of GET /api/v1/supervision/delegations, with the \
					count of powers the county has not taken on (未承接); a city's totals are its counties' sums. \
					400 for a bad period; 403 for other roles and department-bound scopes.""")
	DelegationRollup rollup(@Parameter(
			description = "first day of the period (yyyy-MM-dd); default the first day of the end's year") @RequestParam(
					required = false) @Nullable String from,
			@Parameter(description = "last day of the period (yyyy-MM-dd); default today") @RequestParam(
					required = false) @Nullable String to,
			@AuthenticationPrincipal GovHallUser user) {
		return tracking.rollup(user, from, to);
	}

}
