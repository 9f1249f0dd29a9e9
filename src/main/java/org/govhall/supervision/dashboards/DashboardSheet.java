package org.govhall.supervision.dashboards;

/** A table of the dashboard page, as a sheet of an exported workbook. */
enum DashboardSheet {

	/** The child regions of a region. */
	REGIONS,
	/** A region's own departments. */
	DEPARTMENTS,
	/** A department's items. */
	ITEMS,
	/** An item's cases behind a figure. */
	CASES,
	/** The scope's figures month by month. */
	TREND

}
