package org.govhall.cases;

import java.util.List;

import org.govhall.cases.CaseRecords.Opinion;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.jspecify.annotations.Nullable;

/**
 * Which action forms the case page offers, from the user's roles, the case's state and whether the user works for
 * the lead department or a co-department whose opinion is pending. Only an offer: {@link CaseHandling} decides.
 */
record CasePageActions(boolean notice, boolean accept, boolean refuse, boolean onTheSpot, boolean deliver,
		boolean opinion, boolean review, boolean awaitingOpinions, boolean suspend, boolean resume, boolean extend,
		boolean decide, boolean reviewerMayNotDecide, boolean correct, boolean withdraw, boolean fee,
		boolean chase, boolean revoke, boolean handOver) {

	static CasePageActions of(CaseView c, GovHallUser user, boolean staff, boolean lead,
			@Nullable String myDepartment) {
		CaseState s = c.state();
		boolean suspended = c.suspensions().stream().anyMatch(x -> x.to() == null);
		List<String> pending = c.opinions().stream().filter(o -> o.verdict() == null).map(Opinion::departmentCode).toList();
		if (!staff) {
			return new CasePageActions(false, false, false, false, false, false, false, false, false, false, false,
					false, false, s == CaseState.AWAITING_CORRECTION,
					s == CaseState.RECEIVED || s == CaseState.AWAITING_CORRECTION || s.underReview(), false, false, false,
					false);
		}
		boolean clerk = lead && user.scope().has(Role.WINDOW_CLERK);
		boolean reviewer = user.scope().has(Role.REVIEWER);
		boolean approver = lead && user.scope().has(Role.APPROVER);
		boolean received = s == CaseState.RECEIVED;
		boolean leadReviewer = lead && reviewer && s == CaseState.ACCEPTED && !suspended;
		boolean reviewedByMe = c.review() != null && c.review().reviewer().equals(user.getUsername());
		boolean approverDecides = approver && s == CaseState.REVIEWED && !suspended;
		// 移交: the first handler, or the lead department's admin or approver (the holder on leave or gone)
		boolean handOver = lead && s.isOpen() && (user.getUsername().equals(c.firstHandler())
				|| user.scope().has(Role.DEPARTMENT_ADMIN) || user.scope().has(Role.APPROVER));
		return new CasePageActions(clerk && received, clerk && received, clerk && received,
				clerk && received && c.instant(), clerk && s == CaseState.DECIDED,
				reviewer && s == CaseState.ACCEPTED && myDepartment != null && pending.contains(myDepartment),
				leadReviewer && pending.isEmpty(), leadReviewer && !pending.isEmpty(),
				lead && (reviewer || approver) && s.underReview() && !suspended,
				lead && (reviewer || approver) && s.underReview() && suspended,
				approver && lead && c.extensible(), approverDecides && !reviewedByMe,
				approverDecides && reviewedByMe, false, false,
				clerk && (s.underReview() || s == CaseState.DECIDED || s == CaseState.DELIVERED),
				lead && (reviewer || approver) && s == CaseState.ACCEPTED && !pending.isEmpty(),
				approver && (s == CaseState.DECIDED || s == CaseState.DELIVERED) && c.decision() != null
						&& c.decision().revocation() == null && c.documents()
							.stream()
							.anyMatch(d -> d.kind() == org.govhall.documents.DocumentKind.CERTIFICATE),
				handOver);
	}

	/** Whether any form is offered at all. */
	public boolean any() {
		return notice || accept || refuse || onTheSpot || deliver || opinion || review || suspend || resume || extend
				|| decide || correct || withdraw || fee || chase || revoke || handOver;
	}

}
