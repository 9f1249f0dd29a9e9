package org.govhall.cases;

import java.time.LocalDate;

import org.govhall.catalog.ProcessingMode;
import org.jspecify.annotations.Nullable;

/**
 * What every case event tells its listeners: enough for a read model of open cases (supervision, dashboards) without
 * reading the case tables. Personal data stays out: the applicant appears only as a region and, for those who
 * applied online or through an agent, as account ids to notify.
 */
public record CaseFacts(String caseNumber, String itemCode, String departmentCode, String regionCode,
		CaseState state, Channel channel, String applicantRegion, @Nullable Long applicantAccountId,
		@Nullable Long agentAccountId, @Nullable String firstHandler, LocalDate receivedOn,
		@Nullable LocalDate acceptedOn, boolean deemedAccepted, @Nullable LocalDate acceptanceDue,
		@Nullable LocalDate decisionDue, @Nullable LocalDate promisedDue, @Nullable LocalDate deliveryDue,
		boolean suspended, ProcessingMode processingMode, boolean joint) {
}
