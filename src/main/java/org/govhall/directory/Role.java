package org.govhall.directory;

/**
 * What an account may do. Anonymous visitors of the public portal have no account and no
 * role.
 */
public enum Role {

	APPLICANT, AGENT, WINDOW_CLERK, REVIEWER, APPROVER, DEPARTMENT_ADMIN, LEGAL_REVIEWER, SUPERVISOR, SYSTEM_ADMIN;

	public boolean isStaff() {
		return this != APPLICANT && this != AGENT;
	}

	/**
	 * Whether one administrator alone may not give the role (issue 12, separation of
	 * duties): review, approval, legal review, supervision and administration take a
	 * second administrator's confirmation.
	 */
	public boolean needsSecondAdministrator() {
		return this == REVIEWER || this == APPROVER || this == LEGAL_REVIEWER || this == SUPERVISOR
				|| this == SYSTEM_ADMIN || this == DEPARTMENT_ADMIN;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
