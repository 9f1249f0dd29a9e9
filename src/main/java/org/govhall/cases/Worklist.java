package org.govhall.cases;

import org.govhall.directory.Role;
import org.jspecify.annotations.Nullable;

/**
 * The work lists of the service hall, each for the roles that do that work. A list of
 * work to do holds the cases in the states its step of the {@link CaseStep procedure
 * table} starts from.
 */
public enum Worklist {

	/** Applicant: the cases I applied for. */
	MINE(null, Role.APPLICANT),
	/** Agent: the cases I represent. */
	REPRESENTED(null, Role.AGENT),
	/** Staff: the cases I first handled (首办负责), until closed. */
	FIRST_HANDLED(null, null),
	/** Window clerk: received, to accept, refuse or notice. */
	TO_ACCEPT(CaseStep.ACCEPT, Role.WINDOW_CLERK),
	/** Window clerk: waiting for the applicant's corrections. */
	AWAITING_CORRECTION(CaseStep.CORRECT, Role.WINDOW_CLERK),
	/** Reviewer: accepted cases of my department to review. */
	TO_REVIEW(CaseStep.REVIEW, Role.REVIEWER),
	/** Reviewer of a co-department: joint-review opinions my department owes. */
	OPINIONS(CaseStep.OPINION, Role.REVIEWER),
	/**
	 * Reviewer or approver: cases waiting for an act of procedure inside the review (ADR
	 * 0030), a hearing to notice or hold first, by its due date; then statements awaited.
	 */
	PROCEDURES(null, Role.REVIEWER),
	/** Approver: reviewed cases to decide. */
	TO_DECIDE(CaseStep.DECIDE, Role.APPROVER),
	/** Window clerk: decided cases to deliver. */
	TO_DELIVER(CaseStep.DELIVER, Role.WINDOW_CLERK),
	/**
	 * Staff: cases of the departments I cover owing a document not issued yet (文书未出具, ADR
	 * 0021).
	 */
	DOCUMENTS_OWED(null, null);

	private final @Nullable CaseStep step;

	private final @Nullable Role role;

	Worklist(@Nullable CaseStep step, @Nullable Role role) {
		this.step = step;
		this.role = role;
	}

	/** The step the listed cases wait for, where the list is one of work to do. */
	@Nullable CaseStep step() {
		return step;
	}

	/** The role whose list it is; none for lists of every handler of cases. */
	@Nullable Role role() {
		return role;
	}

}
