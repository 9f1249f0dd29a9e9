package org.govhall.supervision.dashboards;

import java.time.YearMonth;
import java.util.List;

/**
 * The figures of a dashboard's scope month by month: received by the month of receipt,
 * completed (and the rates and averages over completed cases) by the month of decision,
 * cards by the month of issue.
 */
record DashboardTrend(DashboardPeriod period, List<DashboardPlace> path, List<Month> months) {

	public DashboardTrend {
		path = List.copyOf(path);
		months = List.copyOf(months);
	}

	/** One calendar month of the trend (the first and last may be cut by the period). */
	public record Month(YearMonth month, DashboardFigures figures) {
	}

}
