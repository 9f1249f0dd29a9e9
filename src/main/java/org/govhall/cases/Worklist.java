package org.govhall.cases;

/** The work lists of the service hall, each for the roles that do that work. */
public enum Worklist {

	/** Applicant: the cases I applied for. */
	MINE,
	/** Agent: the cases I represent. */
	REPRESENTED,
	/** Staff: the cases I first handled (首办负责), until closed. */
	FIRST_HANDLED,
	/** Window clerk: received, to accept, refuse or notice. */
	TO_ACCEPT,
	/** Window clerk: waiting for the applicant's corrections. */
	AWAITING_CORRECTION,
	/** Reviewer: accepted cases of my department to review. */
	TO_REVIEW,
	/** Reviewer of a co-department: joint-review opinions my department owes. */
	OPINIONS,
	/** Approver: reviewed cases to decide. */
	TO_DECIDE,
	/** Window clerk: decided cases to deliver. */
	TO_DELIVER,
	/** Staff: cases of the departments I cover owing a document not issued yet (文书未出具, ADR 0021). */
	DOCUMENTS_OWED

}
