package org.govhall.supervision;

/**
 * The named irregularity rules of electronic supervision, each with its legal basis and
 * severity. The rules themselves are applied to case events by {@link Irregularities};
 * their labels and legal bases are in the {@code i18n/supervision} bundle
 * ({@code IrregularityRule.<NAME>} and {@code IrregularityRule.<NAME>.basis}).
 */
public enum IrregularityRule {

	/**
	 * No acceptance, refusal or correction notice within 5 working days, so the case was
	 * deemed accepted as of its receipt (行政许可法 第三十二条).
	 */
	DEEMED_ACCEPTANCE(Severity.SERIOUS),

	/**
	 * A second correction notice named materials the first did not: one-time notice
	 * breached (行政许可法 第三十二条第一款第四项; 优化营商环境条例 第三十六条).
	 */
	ONE_TIME_NOTICE_BREACHED(Severity.SERIOUS),

	/**
	 * An extension without an approver's approval, a second extension, or one beyond the
	 * legal amount of 10 (15 for joint handling) working days (行政许可法 第四十二条).
	 */
	EXTENSION_IRREGULAR(Severity.CRITICAL),

	/**
	 * The clock was stopped for a procedure that the item's catalog entry does not list
	 * under 行政许可法 第四十五条 (hearing, tendering, auction, testing, inspection, quarantine,
	 * appraisal, expert review).
	 */
	SUSPENSION_UNLISTED(Severity.SERIOUS),

	/**
	 * The clock stayed stopped longer than the configured maximum for a 第四十五条 procedure.
	 */
	SUSPENSION_TOO_LONG(Severity.SERIOUS),

	/**
	 * Decided after the statutory limit, extension and suspensions counted (行政许可法 第四十二条).
	 */
	DECISION_LATE(Severity.SERIOUS),

	/**
	 * The person who reviewed the case also decided it (审查与决定分离: 行政许可法 第三十四条 review,
	 * 第三十七条、第三十八条 decision by the agency's responsible person).
	 */
	REVIEWER_APPROVED(Severity.CRITICAL),

	/** Delivered more than 10 working days after the decision (行政许可法 第四十四条). */
	DELIVERY_LATE(Severity.SERIOUS),

	/**
	 * A fee that the item's catalog entry does not list, or above its standard (乱收费:
	 * 行政许可法 第五十八条、第五十九条).
	 */
	UNLISTED_FEE(Severity.CRITICAL),

	/**
	 * A decision with no acceptance on record: the case was handled outside the hall
	 * (体外循环; 行政许可法 第三十二条, 第二十六条 concentrated handling).
	 */
	DECISION_WITHOUT_ACCEPTANCE(Severity.CRITICAL),

	/**
	 * The same applicant refused (不予受理) for the same item again within 30 days (行政许可法
	 * 第三十二条: refusal only with reasons; 电子监察 rule "qualifying application not accepted").
	 */
	REPEATED_REFUSAL(Severity.SERIOUS),

	/**
	 * An act of procedure inside the review after its legal period (ADR 0030): a hearing
	 * held, or set, more than 20 working days after it was asked for (行政许可法 第四十七条).
	 */
	PROCEDURE_LATE(Severity.SERIOUS);

	private final Severity severity;

	IrregularityRule(Severity severity) {
		this.severity = severity;
	}

	public Severity severity() {
		return severity;
	}

}
