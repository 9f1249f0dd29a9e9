package org.govhall.supervision.dashboards;

import java.time.LocalDate;

import org.govhall.cases.CaseState;
import org.govhall.supervision.Warning;
import org.jspecify.annotations.Nullable;

/**
 * A case behind a dashboard figure, as the supervision read model holds it.
 *
 * @param overdue whether the dashboard counts it as overdue in the period: decided late
 * in it, or received in it and still open with a red warning
 */
record DashboardCase(String caseNumber, String itemCode, String departmentCode, String regionCode, CaseState state,
		String channel, String processingMode, LocalDate receivedOn, @Nullable LocalDate decidedOn,
		@Nullable LocalDate closedOn, @Nullable Integer actualDays, @Nullable Integer promisedDays,
		@Nullable Integer statutoryDays, @Nullable Boolean onTime, @Nullable Boolean early, int visits, Warning warning,
		boolean everRed, boolean carded, boolean overdue) {
}
