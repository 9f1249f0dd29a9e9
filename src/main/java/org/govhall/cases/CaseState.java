package org.govhall.cases;

/** Where a case stands. Refused, delivered and withdrawn cases are closed. */
public enum CaseState {

	/** Received (收件), waiting for the acceptance decision. */
	RECEIVED,
	/** A one-time notice of corrections (一次性告知) was issued; waiting for the applicant. */
	AWAITING_CORRECTION,
	/** Accepted (受理); under review, with joint review where the item has co-departments. */
	ACCEPTED,
	/** Reviewed; the reviewer's recommendation waits for an approver's decision. */
	REVIEWED,
	/** Decided (准予 or 不予); waiting for delivery (送达). */
	DECIDED,
	/** Closed: the decision was delivered. */
	DELIVERED,
	/** Closed: not accepted (不予受理). */
	REFUSED,
	/** Closed: withdrawn by the applicant before a decision. */
	WITHDRAWN;

	public boolean isOpen() {
		return this != DELIVERED && this != REFUSED && this != WITHDRAWN;
	}

	/** Whether the decision clock runs in this state. */
	boolean underReview() {
		return this == ACCEPTED || this == REVIEWED;
	}

}
