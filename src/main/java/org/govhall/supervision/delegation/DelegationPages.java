package org.govhall.supervision.delegation;

import java.util.List;
import java.util.Locale;

import org.govhall.directory.GovHallUser;
import org.govhall.directory.RegionView;
import org.govhall.shared.PageController;
import org.govhall.supervision.ExportLog;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The delegated-power tracking page (扩权强县 跟踪督查): a county picker over the counties of the
 * supervisor's region, the table of the county's delegated powers with their figures and
 * flags, and the printable PDF report.
 */
@PageController
class DelegationPages {

	private final DelegationTracking tracking;

	private final DelegationReport report;

	private final ExportLog exports;

	DelegationPages(DelegationTracking tracking, DelegationReport report, ExportLog exports) {
		this.exports = exports;
		this.tracking = tracking;
		this.report = report;
	}

	@GetMapping("/supervision/delegations")
	String page(@RequestParam(required = false) @Nullable String county,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@AuthenticationPrincipal GovHallUser user, Model model) {
		List<RegionView> counties = tracking.counties(user);
		model.addAttribute("counties", counties);
		model.addAttribute("threshold", DelegationOverview.percent(tracking.aboveShare()));
		model.addAttribute("idleMonths", DelegationTracking.IDLE_MONTHS);
		if (county == null || county.isBlank()) {
			DelegationTracking.Period period = tracking.period(from, to);
			model.addAttribute("county", "");
			model.addAttribute("from", period.from());
			model.addAttribute("to", period.to());
			model.addAttribute("rollup", tracking.rollup(user, from, to));
			return "supervision/delegations";
		}
		DelegationOverview overview = tracking.track(user, county, from, to);
		model.addAttribute("county", overview.county().code());
		model.addAttribute("from", overview.from());
		model.addAttribute("to", overview.to());
		model.addAttribute("o", overview);
		return "supervision/delegations";
	}

	@GetMapping("/supervision/delegations/{county}/report.pdf")
	ResponseEntity<byte[]> report(@PathVariable String county, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @AuthenticationPrincipal GovHallUser user,
			Locale locale) {
		DelegationOverview overview = tracking.track(user, county, from, to);
		byte[] pdf = report.pdf(overview, locale);
		String file = "delegations-" + overview.county().code() + "-" + overview.from() + "-" + overview.to() + ".pdf";
		exports.record(user, "delegation-report", overview.county().code(), file);
		return inline(pdf, file);
	}

	/**
	 * The roll-up over the supervisor's region as a printable PDF, recorded as an export
	 * like the county's.
	 */
	@GetMapping("/supervision/delegations/report.pdf")
	ResponseEntity<byte[]> rollupReport(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @AuthenticationPrincipal GovHallUser user,
			Locale locale) {
		DelegationRollup rollup = tracking.rollup(user, from, to);
		byte[] pdf = report.pdf(rollup, locale);
		String file = "delegations-rollup-" + rollup.scope().code() + "-" + rollup.from() + "-" + rollup.to() + ".pdf";
		exports.record(user, "delegation-rollup", rollup.scope().code(), file);
		return inline(pdf, file);
	}

	/** A report shown in the browser's PDF viewer under its file name, never cached. */
	private static ResponseEntity<byte[]> inline(byte[] pdf, String file) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"" + file + "\"")
			.header("Cache-Control", "private, no-store")
			.body(pdf);
	}

}
