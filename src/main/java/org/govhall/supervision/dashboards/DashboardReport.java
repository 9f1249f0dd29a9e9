package org.govhall.supervision.dashboards;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A dashboard table over a period, at one level of the drill-down: at a region, its child
 * regions (each with everything below it) and its own departments; at a department, its
 * items; at an item, the cases behind the figures (at most
 * {@value Dashboards#CASE_LIMIT}).
 *
 * @param path the drill-down path from the viewer's own region or department to this
 * table
 * @param total the figures of the whole table
 * @param casesTruncated whether more cases matched than the list shows
 */
record DashboardReport(Level level, DashboardPeriod period, List<DashboardPlace> path, DashboardRow total,
		List<DashboardRow> regions, List<DashboardRow> departments, List<DashboardRow> items,
		@Nullable DashboardCaseFilter figure, List<DashboardCase> cases, boolean casesTruncated) {

	public DashboardReport {
		path = List.copyOf(path);
		regions = List.copyOf(regions);
		departments = List.copyOf(departments);
		items = List.copyOf(items);
		cases = List.copyOf(cases);
	}

	/** The level of the drill-down a table is at. */
	public enum Level {

		/** A region: its child regions and its own departments. */
		REGION,
		/** A department: its items. */
		DEPARTMENT,
		/** An item: its cases. */
		ITEM

	}

}
