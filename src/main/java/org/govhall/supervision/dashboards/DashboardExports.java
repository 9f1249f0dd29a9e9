package org.govhall.supervision.dashboards;

import java.util.List;
import java.util.Locale;

import org.govhall.directory.GovHallUser;
import org.govhall.supervision.ExportLog;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The dashboard tables as Excel workbooks, for the API and the page alike; each download
 * is recorded in the audit log ({@code export.dashboard-workbook}) before it is handed
 * out.
 */
@Component
class DashboardExports {

	private final Dashboards dashboards;

	private final DashboardWorkbook workbook;

	private final ExportLog exports;

	DashboardExports(Dashboards dashboards, DashboardWorkbook workbook, ExportLog exports) {
		this.dashboards = dashboards;
		this.workbook = workbook;
		this.exports = exports;
	}

	/** One table of the drill-down level chosen by the request. */
	ResponseEntity<byte[]> table(DashboardSheet table, Dashboards.Request request, GovHallUser user, Locale locale) {
		if (table == DashboardSheet.TREND) {
			return trend(request, user, locale);
		}
		DashboardReport report = dashboards.report(user, request, locale);
		return xlsx(workbook.report(report, List.of(table), locale),
				"dashboard-" + table.name().toLowerCase(Locale.ROOT), report.total().code(), report.period(), user);
	}

	/**
	 * Every table of the level, as the API's answer to
	 * {@code Accept: …spreadsheetml.sheet}.
	 */
	ResponseEntity<byte[]> report(DashboardReport report, GovHallUser user, Locale locale) {
		return xlsx(workbook.report(report, List.of(), locale), "dashboard", report.total().code(), report.period(),
				user);
	}

	ResponseEntity<byte[]> trend(Dashboards.Request request, GovHallUser user, Locale locale) {
		return trend(dashboards.trend(user, request, locale), user, locale);
	}

	ResponseEntity<byte[]> trend(DashboardTrend trend, GovHallUser user, Locale locale) {
		List<DashboardPlace> path = trend.path();
		String scope = path.isEmpty() ? "scope" : path.get(path.size() - 1).code();
		return xlsx(workbook.trend(trend, locale), "dashboard-trend", scope, trend.period(), user);
	}

	private ResponseEntity<byte[]> xlsx(byte[] bytes, String name, String scope, DashboardPeriod period,
			GovHallUser user) {
		String file = name + "-" + scope + "-" + period.from() + "-" + period.to() + ".xlsx";
		exports.record(user, "dashboard-workbook", scope, file);
		return ResponseEntity.ok()
			.contentType(DashboardWorkbook.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
			.body(bytes);
	}

}
