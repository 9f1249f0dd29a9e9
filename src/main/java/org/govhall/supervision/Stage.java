package org.govhall.supervision;

import java.time.LocalDate;

import org.govhall.cases.CaseFacts;
import org.jspecify.annotations.Nullable;

/**
 * The statutory clock a supervised case is on: acceptance (受理), decision (决定) or delivery
 * (送达); none otherwise.
 */
enum Stage {

	/**
	 * Received, within the 5-working-day window to accept, correct or refuse (行政许可法
	 * 第三十二条).
	 */
	ACCEPTANCE,
	/** Accepted or reviewed, waiting for the decision (第四十二条). */
	DECISION,
	/** A joint-review co-department's opinion, due by its own sub-deadline (联审联办). */
	OPINION,
	/** Decided, within the 10 working days to deliver (第四十四条). */
	DELIVERY,
	/** No clock runs: waiting for the applicant's corrections, or closed. */
	NONE;

	static Stage of(CaseFacts facts) {
		// the clock the procedure table says runs in the case's state
		return switch (facts.state().clock()) {
			case ACCEPTANCE -> ACCEPTANCE;
			case DECISION -> DECISION;
			case DELIVERY -> DELIVERY;
			case NONE -> NONE;
		};
	}

	/**
	 * The due date of this stage, from the case's facts; none for {@link #NONE} or when
	 * the facts have none yet.
	 */
	@Nullable LocalDate dueOf(CaseFacts facts) {
		return switch (this) {
			case ACCEPTANCE -> facts.acceptanceDue();
			case DECISION -> facts.decisionDue() != null ? facts.decisionDue() : facts.promisedDue();
			case DELIVERY -> facts.deliveryDue();
			case OPINION, NONE -> null;
		};
	}

}
