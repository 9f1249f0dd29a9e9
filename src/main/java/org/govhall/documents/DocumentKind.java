package org.govhall.documents;

/**
 * The kinds of document a case can produce (行政许可法 第三十二条, 第三十八条, 第四十二条), each with the
 * prefix of its numbers; titles in zh-CN and en are the bundle labels
 * {@code DocumentKind.<NAME>}. A decision's kind follows the item's type: only a 行政许可 is
 * decided with a licence decision and a certificate.
 */
public enum DocumentKind {

	/** 受理通知书 */
	ACCEPTANCE_NOTICE("SL"),
	/** 不予受理决定书 */
	REFUSAL_DECISION("BSL"),
	/** 一次性告知书 / 补正材料通知书 */
	CORRECTION_NOTICE("BZ"),
	/** 准予行政许可决定书 */
	APPROVAL_DECISION("ZY"),
	/** 不予行政许可决定书 */
	DENIAL_DECISION("BY"),
	/** 证照 */
	CERTIFICATE("ZZ"),
	/** 延长审批期限告知书 */
	EXTENSION_NOTICE("YQ"),
	/** 特别程序告知书 */
	SUSPENSION_NOTICE("TB"),
	/**
	 * A notice of a procedure inside the review (ADR 0030): 告知书 to interested parties
	 * (行政许可法 第三十六条), 听证通知书 (第四十八条); its title is its step's
	 */
	PROCEDURE_NOTICE("CX"),
	/** 收件凭证: what the window received, handed to a walk-in applicant */
	RECEIPT("SJ"),
	/** 办结凭证 / 登记证明: the result of a public service (公共服务) or a confirmation (行政确认) */
	SERVICE_CERTIFICATE("BJ"),
	/** 给付决定书: an administrative payment (行政给付) granted */
	PAYMENT_DECISION("GF"),
	/** 备案证明: a filing (备案) recorded; a filing is not a licence */
	FILING_RECEIPT("BA"),
	/**
	 * 行政决定书: a decision granting what was applied for under any other type (奖励, 裁决, 征收,
	 * 其他权力)
	 */
	DECISION("JD"),
	/**
	 * 不予办理决定书: what was applied for is not granted, under any type but 行政许可 (which has
	 * its own)
	 */
	NOT_GRANTED("BB");

	private final String prefix;

	DocumentKind(String prefix) {
		this.prefix = prefix;
	}

	/**
	 * The ASCII letters that start the numbers of this kind, e.g. {@code SL} in
	 * {@code SL-2026-000123-7KQX}.
	 */
	public String prefix() {
		return prefix;
	}

	/** The bundle key of this kind's title. */
	public String messageKey() {
		return "DocumentKind." + name();
	}

}
