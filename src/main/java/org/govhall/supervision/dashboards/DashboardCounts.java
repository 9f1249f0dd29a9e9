package org.govhall.supervision.dashboards;

/**
 * The additive sums behind a dashboard row, so that rows of regions, departments and
 * months can be added up before any rate or average is taken.
 *
 * @param overdueOpen cases received in the period, still open and red now, not already
 * counted as completed late
 * @param late cases decided in the period after their promised (or statutory) limit
 */
record DashboardCounts(long received, long instant, long online, long overdueOpen, long completed, long onTime,
		long early, long late, long visits, long actualSum, long actualCount, long promisedSum, long promisedCount,
		long statutorySum, long statutoryCount, long cards, long redCards) {

	static final DashboardCounts ZERO = new DashboardCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

	static DashboardCounts received(long received, long instant, long online, long overdueOpen) {
		return new DashboardCounts(received, instant, online, overdueOpen, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
	}

	static DashboardCounts completed(long completed, long onTime, long early, long late, long visits, long actualSum,
			long actualCount, long promisedSum, long promisedCount, long statutorySum, long statutoryCount) {
		return new DashboardCounts(0, 0, 0, 0, completed, onTime, early, late, visits, actualSum, actualCount,
				promisedSum, promisedCount, statutorySum, statutoryCount, 0, 0);
	}

	static DashboardCounts cards(long cards, long redCards) {
		return new DashboardCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, cards, redCards);
	}

	DashboardCounts plus(DashboardCounts o) {
		return new DashboardCounts(received + o.received, instant + o.instant, online + o.online,
				overdueOpen + o.overdueOpen, completed + o.completed, onTime + o.onTime, early + o.early, late + o.late,
				visits + o.visits, actualSum + o.actualSum, actualCount + o.actualCount, promisedSum + o.promisedSum,
				promisedCount + o.promisedCount, statutorySum + o.statutorySum, statutoryCount + o.statutoryCount,
				cards + o.cards, redCards + o.redCards);
	}

}
