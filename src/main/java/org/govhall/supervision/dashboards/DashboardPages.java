package org.govhall.supervision.dashboards;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.govhall.directory.GovHallUser;
import org.govhall.shared.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard page (监察统计): a period filter, the summary, the table of the drill-down
 * level with a link one level down on every row, the monthly trend as a chart and a
 * table, and an Excel export of every table.
 */
@PageController
class DashboardPages {

	private final Dashboards dashboards;

	private final DashboardExports exports;

	DashboardPages(Dashboards dashboards, DashboardExports exports) {
		this.dashboards = dashboards;
		this.exports = exports;
	}

	@GetMapping("/supervision/dashboard")
	String dashboard(@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String department,
			@RequestParam(required = false) @Nullable String item,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable DashboardCaseFilter figure,
			@AuthenticationPrincipal GovHallUser user, Model model, Locale locale) {
		Dashboards.Request request = new Dashboards.Request(region, department, item, from, to, figure);
		DashboardReport report = dashboards.report(user, request, locale);
		model.addAttribute("report", report);
		model.addAttribute("trend", dashboards.trend(user, request, locale));
		model.addAttribute("links", new Links(report));
		model.addAttribute("figures", DashboardCaseFilter.values());
		model.addAttribute("caseLimit", Dashboards.CASE_LIMIT);
		return "supervision/dashboard";
	}

	@GetMapping("/supervision/dashboard/export")
	ResponseEntity<byte[]> export(@RequestParam(defaultValue = "REGIONS") DashboardSheet table,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String department,
			@RequestParam(required = false) @Nullable String item,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable DashboardCaseFilter figure,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return exports.table(table, new Dashboards.Request(region, department, item, from, to, figure), user, locale);
	}

	/**
	 * The page's links: one level down from a row, back up the path, the case filters and
	 * the exports.
	 */
	static final class Links {

		private final DashboardReport report;

		Links(DashboardReport report) {
			this.report = report;
		}

		public String region(String code) {
			return base().queryParam("region", code).build().encode().toUriString();
		}

		public String department(String code) {
			return base().queryParam("department", code).build().encode().toUriString();
		}

		public String item(String code) {
			UriComponentsBuilder b = base();
			String department = last(DashboardRow.Kind.DEPARTMENT);
			String region = last(DashboardRow.Kind.REGION);
			if (department != null) {
				b.queryParam("department", department);
			}
			else if (region != null) {
				b.queryParam("region", region);
			}
			return b.queryParam("item", code).build().encode().toUriString();
		}

		public String to(DashboardPlace p) {
			return switch (p.kind()) {
				case REGION, TOTAL -> region(p.code());
				case DEPARTMENT -> department(p.code());
				case ITEM -> item(p.code());
			};
		}

		public String cases(DashboardCaseFilter figure) {
			return current("/supervision/dashboard").queryParam("figure", figure.name()).build().encode().toUriString();
		}

		public String export(String table) {
			UriComponentsBuilder b = current("/supervision/dashboard/export").queryParam("table", table);
			if (report.figure() != null && !table.equals(DashboardSheet.TREND.name())) {
				b.queryParam("figure", report.figure().name());
			}
			return b.build().encode().toUriString();
		}

		/**
		 * The parameters that name the current table (without the period), for the period
		 * form.
		 */
		public Map<String, String> scope() {
			Map<String, String> scope = new LinkedHashMap<>();
			switch (report.level()) {
				case REGION -> scope.put("region", report.total().code());
				case DEPARTMENT -> scope.put("department", report.total().code());
				case ITEM -> {
					String department = last(DashboardRow.Kind.DEPARTMENT);
					String region = last(DashboardRow.Kind.REGION);
					if (department != null) {
						scope.put("department", department);
					}
					else if (region != null) {
						scope.put("region", region);
					}
					scope.put("item", report.total().code());
					if (report.figure() != null) {
						scope.put("figure", report.figure().name());
					}
				}
			}
			return scope;
		}

		/** The current table's scope and period. */
		private UriComponentsBuilder current(String path) {
			UriComponentsBuilder b = period(UriComponentsBuilder.fromPath(path));
			scope().forEach((name, value) -> {
				if (!name.equals("figure")) {
					b.queryParam(name, value);
				}
			});
			return b;
		}

		private UriComponentsBuilder base() {
			return period(UriComponentsBuilder.fromPath("/supervision/dashboard"));
		}

		private UriComponentsBuilder period(UriComponentsBuilder b) {
			return b.queryParam("from", report.period().from()).queryParam("to", report.period().to());
		}

		/** The code of the last place of that kind on the path, if any. */
		private @Nullable String last(DashboardRow.Kind kind) {
			for (int i = report.path().size() - 1; i >= 0; i--) {
				if (report.path().get(i).kind() == kind) {
					return report.path().get(i).code();
				}
			}
			return null;
		}

	}

}
