package org.govhall.supervision.dashboards;

/**
 * One line of a dashboard table: a region (with everything below it), a department, an
 * item, or the total of the table's scope, with its figures.
 */
record DashboardRow(Kind kind, String code, String name, DashboardFigures figures) {

	/** What a row counts. */
	public enum Kind {

		/** The whole scope of the table. */
		TOTAL,
		/** A region and every region below it. */
		REGION,
		/** Cases handled by one department. */
		DEPARTMENT,
		/** Cases of one item (in the department or region of the table). */
		ITEM

	}

}
