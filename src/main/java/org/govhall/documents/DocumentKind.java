package org.govhall.documents;

/**
 * The kinds of document a case can produce (行政许可法 第三十二条, 第三十八条, 第四十二条), each with the prefix of its
 * numbers; titles in zh-CN and en are the bundle labels {@code DocumentKind.<NAME>}.
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
	/** 收件凭证: what the window received, handed to a walk-in applicant */
	RECEIPT("SJ");

	private final String prefix;

	DocumentKind(String prefix) {
		this.prefix = prefix;
	}

	/** The ASCII letters that start the numbers of this kind, e.g. {@code SL} in {@code SL-2026-000123-7KQX}. */
	public String prefix() {
		return prefix;
	}

	/** The bundle key of this kind's title. */
	public String messageKey() {
		return "DocumentKind." + name();
	}

}
