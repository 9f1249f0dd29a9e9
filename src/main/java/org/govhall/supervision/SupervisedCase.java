package org.govhall.supervision;

import java.time.Instant;
import java.time.LocalDate;

import org.govhall.cases.CaseState;
import org.jspecify.annotations.Nullable;

/**
 * A case as supervision sees it: who is responsible (department, first handler), which
 * stage's clock runs, when it is due, how many working days remain (negative when
 * overdue; none while suspended or when the calendar of the due date is not loaded) and
 * the warning.
 */
public record SupervisedCase(String caseNumber, String itemCode, String departmentCode, String regionCode,
		String applicantRegion, @Nullable String firstHandler, CaseState state, Stage stage, @Nullable LocalDate dueOn,
		boolean suspended, LocalDate receivedOn, @Nullable LocalDate acceptedOn, Warning warning,
		@Nullable Integer remainingWorkingDays, Instant updatedAt, @Nullable String responsiblePerson,
		@Nullable LocalDate closedOn, @Nullable LocalDate decidedOn, String channel, boolean carded) {
}
