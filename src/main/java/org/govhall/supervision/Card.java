package org.govhall.supervision;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A yellow or red card (黄牌/红牌) to a department: why it was issued (a rule, an overdue
 * case or sub-deadline, or yellow cards piling up), the written explanation and
 * rectification it demands by {@code answerDue}, and the supervisor's verdict.
 * {@code levelRegion} is the region whose supervisors are in charge of it now: an answer
 * not given in time moves the card up one level.
 */
public record Card(String number, Colour colour, Status status, String departmentCode, String regionCode,
		@Nullable String handler, @Nullable String caseNumber, String cause, String reason, LocalDate issuedOn,
		String issuedBy, LocalDate answerDue, String levelRegion, @Nullable String explanation,
		@Nullable String rectification, @Nullable String answeredBy, @Nullable LocalDate answeredOn,
		@Nullable String reviewedBy, @Nullable String reviewComment, @Nullable LocalDate closedOn, int version) {

	public enum Colour {

		YELLOW, RED

	}

	/**
	 * Issued → answered → accepted, or returned for a better answer (then answered
	 * again).
	 */
	public enum Status {

		ISSUED, ANSWERED, RETURNED, ACCEPTED;

		boolean awaitsAnswer() {
			return this == ISSUED || this == RETURNED;
		}

	}

	/** Causes other than the irregularity rules (whose causes are the rules' names). */
	static final String CASE_OVERDUE = "CASE_OVERDUE";

	static final String OPINION_OVERDUE = "OPINION_OVERDUE";

	static final String ACCUMULATION = "ACCUMULATION";

	public boolean overdue(LocalDate today) {
		return status.awaitsAnswer() && today.isAfter(answerDue);
	}

}
