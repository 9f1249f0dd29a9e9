package org.govhall.supervision;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A supervision notice (督办) on a case: what the supervisor demands of the handling
 * department, by when, and the department's response.
 */
public record Notice(String number, String caseNumber, String departmentCode, String regionCode, String demand,
		String issuedBy, LocalDate issuedOn, LocalDate responseDue, @Nullable String response,
		@Nullable String respondedBy, @Nullable LocalDate respondedOn, Status status, int version) {

	/**
	 * Open until the department responds; closed by the supervisor once the response
	 * suffices.
	 */
	public enum Status {

		OPEN, RESPONDED, CLOSED

	}

	public boolean overdue(LocalDate today) {
		return status == Status.OPEN && today.isAfter(responseDue);
	}

}
