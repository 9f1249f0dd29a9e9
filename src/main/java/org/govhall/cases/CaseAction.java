package org.govhall.cases;

/** What happened to a case, as recorded in its history. */
public enum CaseAction {

	RECEIVED, CORRECTION_REQUESTED, CORRECTED, ACCEPTED, DEEMED_ACCEPTED, REFUSED, OPINION_RECORDED, OPINION_CHASED,
	REVIEWED, EXTENDED, SUSPENDED, RESUMED, DECIDED, DECIDED_ON_THE_SPOT, DELIVERED, WITHDRAWN, DEADLINES_RECOMPUTED,
	FEE_CHARGED, CERTIFICATE_REVOKED, HANDED_OVER, AUTHORIZATION_CHECKED,
	/**
	 * An act of a procedure inside the review, kept in one generic shape (ADR 0030): the
	 * history line names its step ({@link CaseRecords.HistoryEntry#step()}).
	 */
	STEP_TAKEN

}
