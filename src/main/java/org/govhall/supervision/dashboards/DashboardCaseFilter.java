package org.govhall.supervision.dashboards;

/**
 * Which cases of an item the drill-down lists: the cases behind one figure of the period.
 */
enum DashboardCaseFilter {

	/** Received or decided in the period. */
	ALL,
	/** Received in the period. */
	RECEIVED,
	/** Decided in the period (办结). */
	COMPLETED,
	/** Decided late in the period, or received in it and red now while still open. */
	OVERDUE

}
