package org.govhall.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands, and which statutory clock runs there. Refused, delivered and
 * withdrawn cases are closed. Which steps lead from one state to another is the
 * {@link CaseStep procedure table}'s to say.
 */
public enum CaseState {

	/** Received (收件), waiting for the acceptance decision. */
	RECEIVED,
	/** A one-time notice of corrections (一次性告知) was issued; waiting for the applicant. */
	AWAITING_CORRECTION,
	/**
	 * Accepted (受理); under review, with joint review where the item has co-departments.
	 */
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

	/**
	 * The statutory clock that runs in a state; none while the applicant corrects, nor
	 * once closed.
	 */
	public enum StatutoryClock {

		/** 5 working days to accept, refuse or give the one-time notice (行政许可法 第三十二条). */
		ACCEPTANCE,
		/**
		 * The decision limit, statutory and promised (第四十二条), with joint review's
		 * sub-deadlines.
		 */
		DECISION,
		/** 10 working days to deliver the decision (第四十四条). */
		DELIVERY,
		/** No clock runs. */
		NONE

	}

	/** The statutory clock that runs in this state. */
	public StatutoryClock clock() {
		return switch (this) {
			case RECEIVED -> StatutoryClock.ACCEPTANCE;
			case ACCEPTED, REVIEWED -> StatutoryClock.DECISION;
			case DECIDED -> StatutoryClock.DELIVERY;
			case AWAITING_CORRECTION, DELIVERED, REFUSED, WITHDRAWN -> StatutoryClock.NONE;
		};
	}

	public boolean isOpen() {
		return switch (this) {
			case RECEIVED, AWAITING_CORRECTION, ACCEPTED, REVIEWED, DECIDED -> true;
			case DELIVERED, REFUSED, WITHDRAWN -> false;
		};
	}

	/**
	 * Whether a clock runs in this state, so that work lists colour the case by its due
	 * date.
	 */
	public boolean clockRuns() {
		return clock() != StatutoryClock.NONE;
	}

	/** Whether the decision clock runs in this state. */
	boolean underReview() {
		return clock() == StatutoryClock.DECISION;
	}

	/** The open states: where a case may still be handed over. */
	static Set<CaseState> open() {
		Set<CaseState> open = EnumSet.noneOf(CaseState.class);
		for (CaseState s : values()) {
			if (s.isOpen()) {
				open.add(s);
			}
		}
		return open;
	}

}
