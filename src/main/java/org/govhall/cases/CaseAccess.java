package org.govhall.cases;

import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may see a case and on which side of it they stand: its parties (the applicant, the
 * agent, whoever acts for the enterprise that applied), the staff of the departments that
 * handle or review it jointly, nobody else. Whoever may not see a case is told it does
 * not exist (404); staff on the wrong side of it are refused (403).
 */
@Component
class CaseAccess {

	private final Directory directory;

	CaseAccess(Directory directory) {
		this.directory = directory;
	}

	enum Visibility {

		NONE, PARTY, STAFF

	}

	Visibility visibility(Case c, GovHallUser user) {
		if (isParty(c, user) || actsForEnterprise(c, user)) {
			return Visibility.PARTY;
		}
		if (user.scope().handlesCases() && (covers(user, c.terms().departmentCode())
				|| c.terms().coDepartments().stream().anyMatch(d -> covers(user, d)))) {
			return Visibility.STAFF;
		}
		return Visibility.NONE;
	}

	/**
	 * A step only the applicant or agent may take: 404 to whoever may not see the case,
	 * 403 to staff who may.
	 */
	void requireParty(Case c, GovHallUser user) {
		if (!isParty(c, user) && !actsForEnterprise(c, user)) {
			throw visibility(c, user) == Visibility.NONE ? new NotFoundException("error.case.notFound", c.number())
					: new ForbiddenException("error.forbidden.role");
		}
	}

	/**
	 * Whether the user acts for the enterprise that applied: its legal representative or
	 * staff it authorised today (ADR 0024). They see and continue its cases as the
	 * enterprise would.
	 */
	boolean actsForEnterprise(Case c, GovHallUser user) {
		return !c.applicant().identity().isPerson() && user.scope().has(Role.APPLICANT) && user.verified()
				&& directory.enterpriseActedForBy(user, c.applicant().identity().number()).isPresent();
	}

	static boolean isParty(Case c, GovHallUser user) {
		Long applicant = c.applicant().accountId();
		boolean isApplicant = applicant != null && applicant == user.accountId();
		boolean isAgent = c.authorization() != null && c.authorization().agentAccountId() == user.accountId();
		return isApplicant || isAgent;
	}

	boolean covers(GovHallUser user, String departmentCode) {
		return directory.department(departmentCode)
			.map(d -> directory.covers(user.scope(), d.regionCode(), d.id()))
			.orElse(false);
	}

	/** Staff on the wrong side of a case: 404 when they may not even see it, else 403. */
	void requireSide(Case c, GovHallUser user, boolean onSide) {
		if (!onSide) {
			throw visibility(c, user) == Visibility.NONE ? new NotFoundException("error.case.notFound", c.number())
					: new ForbiddenException("error.forbidden.scope");
		}
	}

}
