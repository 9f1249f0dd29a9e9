package org.govhall.directory;

/** What an account may do. Anonymous visitors of the public portal have no account and no role. */
public enum Role {

	APPLICANT, AGENT, WINDOW_CLERK, REVIEWER, APPROVER, DEPARTMENT_ADMIN, LEGAL_REVIEWER, SUPERVISOR, SYSTEM_ADMIN;

	public boolean isStaff() {
		return this != APPLICANT && this != AGENT;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
