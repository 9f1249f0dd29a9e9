package org.govhall.supervision;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** What an irregularity rule found in a case, when, and who is responsible. */
public record Irregularity(String caseNumber, IrregularityRule rule, Severity severity, String departmentCode,
		String regionCode, @Nullable String person, LocalDate detectedOn, String detail) {
}
