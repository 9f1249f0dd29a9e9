package org.govhall.cases;

import java.time.LocalDate;

import org.govhall.catalog.ItemType;
import org.govhall.documents.DocumentKind;

/**
 * What a case's decision is written as, by the item's type (GB/T 39046-2020 事项类型): only a
 * 行政许可 is granted with a 准予行政许可决定书 and a certificate (行政许可法 第三十八条、第三十九条). A public
 * service or a confirmation (就业登记, 户口迁入登记, 工伤认定) is completed with a certificate of
 * completion or registration; a payment (最低生活保障, 高龄津贴) with a payment decision; a filing
 * (备案) with a certificate of filing, which says that a filing is not a licence; the other
 * types (奖励, 裁决, 征收, 其他权力) with an administrative decision. A refusal is worded for the
 * type as well. Ex-officio items (penalty, coercion, inspection) are never applied for
 * and so never decided here (the enforcement module decides them); their entry exists
 * only so that every type has one.
 */
enum DecisionPapers {

	LICENCE, REGISTRATION, CONFIRMATION, PAYMENT, FILING, REWARD, ADJUDICATION, LEVY, OTHER;

	/**
	 * The papers of a case's item: a filing by its name (备案), whatever type the catalog
	 * gives it, else by type.
	 */
	static DecisionPapers of(CaseTerms terms) {
		ItemType type = terms.itemType();
		if (type != ItemType.ADMINISTRATIVE_LICENSE && terms.itemNameZh().contains("备案")) {
			return FILING;
		}
		return switch (type) {
			case ADMINISTRATIVE_LICENSE -> LICENCE;
			case PUBLIC_SERVICE -> REGISTRATION;
			case ADMINISTRATIVE_CONFIRMATION -> CONFIRMATION;
			case ADMINISTRATIVE_PAYMENT -> PAYMENT;
			case ADMINISTRATIVE_REWARD -> REWARD;
			case ADMINISTRATIVE_ADJUDICATION -> ADJUDICATION;
			case ADMINISTRATIVE_LEVY -> LEVY;
			case OTHER_POWER, ADMINISTRATIVE_PENALTY, ADMINISTRATIVE_COERCION, ADMINISTRATIVE_INSPECTION -> OTHER;
		};
	}

	/** The kind of the document that grants. */
	DocumentKind granted() {
		return switch (this) {
			case LICENCE -> DocumentKind.APPROVAL_DECISION;
			case REGISTRATION, CONFIRMATION -> DocumentKind.SERVICE_CERTIFICATE;
			case PAYMENT -> DocumentKind.PAYMENT_DECISION;
			case FILING -> DocumentKind.FILING_RECEIPT;
			case REWARD, ADJUDICATION, LEVY, OTHER -> DocumentKind.DECISION;
		};
	}

	/** The kind of the document that refuses. */
	DocumentKind notGranted() {
		return this == LICENCE ? DocumentKind.DENIAL_DECISION : DocumentKind.NOT_GRANTED;
	}

	/** Whether granting issues a certificate besides the decision: a licence only. */
	boolean certificate() {
		return this == LICENCE;
	}

	/** The title of the granting document, e.g. 就业登记证明, 工伤认定决定书, 最低生活保障审批给付决定书. */
	String grantedTitle(String itemName) {
		return switch (this) {
			case LICENCE -> "准予行政许可决定书";
			case REGISTRATION -> itemName.endsWith("登记") ? itemName + "证明" : itemName + "办结凭证";
			case CONFIRMATION -> itemName.endsWith("登记") ? itemName + "证明" : itemName + "决定书";
			case PAYMENT -> "行政给付决定书";
			case FILING -> "备案证明";
			case REWARD -> "行政奖励决定书";
			case ADJUDICATION -> "行政裁决书";
			case LEVY -> "行政征收决定书";
			case OTHER -> itemName + "办结凭证";
		};
	}

	/** The title of the refusing document. */
	String notGrantedTitle() {
		return switch (this) {
			case LICENCE -> "不予行政许可决定书";
			case REGISTRATION -> "不予办理告知书";
			case CONFIRMATION -> "不予确认决定书";
			case PAYMENT -> "不予给付决定书";
			case FILING -> "不予备案告知书";
			case REWARD -> "不予奖励决定书";
			case ADJUDICATION -> "驳回裁决申请决定书";
			case LEVY, OTHER -> "不予办理决定书";
		};
	}

	/**
	 * What the granting document says after "你（单位）于…提出的…申请，…受理": the finding and the
	 * result.
	 */
	String grantedFinding(String resultName) {
		return switch (this) {
			case LICENCE -> "经审查，符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，决定准予行政许可。";
			case REGISTRATION -> "经审查，符合办理条件，已予办结。办理结果：" + resultName + "。";
			case CONFIRMATION -> "经审查，符合法定条件，予以确认。确认结果：" + resultName + "。";
			case PAYMENT -> "经审查，符合给付条件，决定予以给付。给付内容：" + resultName + "。";
			case FILING -> "备案材料齐全，本机关已予备案。备案不是行政许可，本机关不以备案为由要求取得其他批准。";
			case REWARD -> "经审查，符合奖励条件，决定予以奖励。奖励内容：" + resultName + "。";
			case ADJUDICATION -> "经审查，依法作出裁决。裁决结果：" + resultName + "。";
			case LEVY -> "经审查，依法予以征收。征收事项：" + resultName + "。";
			case OTHER -> "经审查，符合办理条件，已予办结。办理结果：" + resultName + "。";
		};
	}

	/**
	 * What the refusing document says before the reasons' legal basis: the word for "not
	 * granted".
	 */
	String notGrantedFinding() {
		return switch (this) {
			case LICENCE -> "根据《中华人民共和国行政许可法》第三十八条第二款的规定，决定不予行政许可。";
			case REGISTRATION -> "决定不予办理。";
			case CONFIRMATION -> "决定不予确认。";
			case PAYMENT -> "决定不予给付。";
			case FILING -> "决定不予备案。请按上述意见补充材料后重新报送。";
			case REWARD -> "决定不予奖励。";
			case ADJUDICATION -> "决定驳回裁决申请。";
			case LEVY, OTHER -> "决定不予办理。";
		};
	}

	/** The name of the number the decision carries: 证照编号, 备案编号, 凭证编号, 决定书编号. */
	String numberName() {
		return switch (this) {
			case LICENCE -> "证照编号";
			case FILING -> "备案编号";
			case REGISTRATION, CONFIRMATION, OTHER -> "凭证编号";
			case PAYMENT, REWARD, ADJUDICATION, LEVY -> "决定编号";
		};
	}

	/**
	 * Whether a refusal tells of reconsideration and litigation: every administrative act
	 * does; a public service (公共服务) is not one, and its refusal names where to complain
	 * instead.
	 */
	boolean reconsideration() {
		return this != REGISTRATION;
	}

	// ---- the wording of the steps before the decision, by the law that governs them

	/**
	 * The legal basis of the one-time notice (一次性告知): 行政许可法 第三十二条第一款第（四）项 for a licence;
	 * for the other types, which that law does not govern, 优化营商环境条例 第三十六条
	 * (需要补正有关材料、手续的，应当一次性告知).
	 */
	String correctionBasis() {
		return this == LICENCE ? "根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，" : "根据《优化营商环境条例》第三十六条的规定，";
	}

	/**
	 * The source cited on a receipt for the promise to tell every missing material at
	 * once.
	 */
	String correctionSource() {
		return this == LICENCE ? "《中华人民共和国行政许可法》第三十二条" : "《优化营商环境条例》第三十六条";
	}

	/**
	 * Why the application is accepted: complete and in legal form (行政许可法 第三十二条第一款第（五）项
	 * for a licence), or deemed accepted because no correction notice came within five
	 * working days (第（四）项 for a licence; for the other types the hall applies the same
	 * rule, 限时办结, and no statute is cited).
	 */
	String acceptanceBasis(boolean deemed, LocalDate receivedOn) {
		if (deemed) {
			return "本机关未在收到申请材料之日起五个工作日内告知需要补正的内容。"
					+ (this == LICENCE ? "根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，" : "按照限时办结制度，") + "自收到申请材料之日（" + receivedOn
					+ "）起即为受理。";
		}
		return this == LICENCE ? "申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，决定予以受理。" : "申请材料齐全、符合规定形式，决定予以受理。";
	}

	/** The closing words of a refusal to accept (不予受理). */
	String refusalBasis() {
		return this == LICENCE ? "根据《中华人民共和国行政许可法》第三十二条第一款的规定，决定不予受理。" : "决定不予受理。";
	}

	/**
	 * The title of an extension notice: the approval period of a licence, the handling
	 * period of the others.
	 */
	String extensionTitle() {
		return this == LICENCE ? "延长审批期限告知书" : "延长办理期限告知书";
	}

	/** The source cited for an extension (行政许可法 第四十二条 governs licences only). */
	String extensionSource() {
		return this == LICENCE ? "（《中华人民共和国行政许可法》第四十二条）" : "";
	}

	/**
	 * The source cited for time that a special procedure does not count (行政许可法 第四十五条 for
	 * licences).
	 */
	String specialProcedureSource() {
		return this == LICENCE ? "根据《中华人民共和国行政许可法》第四十五条的规定，" : "";
	}

}
