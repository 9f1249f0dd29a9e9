package org.govhall.supervision.dashboards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.govhall.directory.GovHallUser;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervision dashboards over REST: every table as JSON, or as an Excel workbook when
 * asked for with
 * {@code Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet} or
 * under {@code /export}.
 */
@RestController
@RequestMapping("/api/v1/supervision/dashboard")
@Tag(name = "Supervision dashboards",
		description = "监察统计: received, completed, on-time and early rates, instant and online shares, visits, "
				+ "working days, overdue cases and cards by region, department, item and month")
class DashboardApi {

	private final Dashboards dashboards;

	private final DashboardExports exports;

	DashboardApi(Dashboards dashboards, DashboardExports exports) {
		this.dashboards = dashboards;
		this.exports = exports;
	}

	@GetMapping(produces = { MediaType.APPLICATION_JSON_VALUE, DashboardWorkbook.XLSX_VALUE })
	@Operation(summary = "The dashboard table at one level of the drill-down",
			description = "Without region, department and item: the caller's own region (a department "
					+ "administrator: the own department). With region: its child regions (each with everything "
					+ "below it) and its own departments. With department: its items. With item: the cases behind "
					+ "the figure chosen by `figure`. Received counts by the date received, completed (办结) by the "
					+ "date of decision, cards by the date issued; the period defaults to the current year to "
					+ "today. Overdue = completed late in the period + received in the period, still open and red "
					+ "now. Supervisors and system administrators see their region and below; department "
					+ "administrators their own department.")
	ResponseEntity<?> report(
			@Parameter(description = "six-digit region code") @RequestParam(required = false) @Nullable String region,
			@Parameter(description = "department code") @RequestParam(required = false) @Nullable String department,
			@Parameter(description = "item code") @RequestParam(required = false) @Nullable String item,
			@Parameter(description = "first day, ISO date") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@Parameter(description = "last day, ISO date") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@Parameter(description = "at an item: which cases to list") @RequestParam(
					required = false) @Nullable DashboardCaseFilter figure,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		DashboardReport report = dashboards.report(user,
				new Dashboards.Request(region, department, item, from, to, figure), locale);
		if (wantsWorkbook(accept)) {
			return exports.report(report, user, locale);
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
	}

	@GetMapping(path = "/trend", produces = { MediaType.APPLICATION_JSON_VALUE, DashboardWorkbook.XLSX_VALUE })
	@Operation(summary = "The same figures month by month",
			description = "For the scope chosen by region, department and item: received by the month received, "
					+ "completed and the rates and averages over completed cases by the month of decision, cards by "
					+ "the month issued.")
	ResponseEntity<?> trend(@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String department,
			@RequestParam(required = false) @Nullable String item,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		DashboardTrend trend = dashboards.trend(user, new Dashboards.Request(region, department, item, from, to, null),
				locale);
		if (wantsWorkbook(accept)) {
			return exports.trend(trend, user, locale);
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(trend);
	}

	@GetMapping(path = "/export", produces = DashboardWorkbook.XLSX_VALUE)
	@Operation(summary = "One dashboard table as an Excel workbook (.xlsx)",
			description = "table = REGIONS, DEPARTMENTS, ITEMS, CASES or TREND; the other parameters as for the "
					+ "table itself. The header row is in the language of Accept-Language.")
	ResponseEntity<byte[]> export(@RequestParam DashboardSheet table,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String department,
			@RequestParam(required = false) @Nullable String item,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable DashboardCaseFilter figure,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return exports.table(table, new Dashboards.Request(region, department, item, from, to, figure), user, locale);
	}

	private static boolean wantsWorkbook(@Nullable String accept) {
		if (accept == null) {
			return false;
		}
		List<MediaType> types = new ArrayList<>(MediaType.parseMediaTypes(accept));
		types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : types) {
			if (type.equalsTypeAndSubtype(DashboardWorkbook.XLSX)) {
				return true;
			}
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
				return false;
			}
		}
		return false;
	}

}
