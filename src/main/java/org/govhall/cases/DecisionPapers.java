package org.govhall.cases;

import org.govhall.catalog.ItemType;
import org.govhall.documents.DocumentKind;

/**
 * What a case's decision is written as, by the item's type (GB/T 39046-2020 事项类型): only a 行政许可 is granted
 * with a 准予行政许可决定书 and a certificate (行政许可法 第三十八条、第三十九条). A public service or a confirmation
 * (就业登记, 户口迁入登记, 工伤认定) is completed with a certificate of completion or registration; a payment
 * (最低生活保障, 高龄津贴) with a payment decision; a filing (备案) with a certificate of filing, which says that a
 * filing is not a licence; the other types (奖励, 裁决, 征收, 其他权力) with an administrative decision. A refusal is
 * worded for the type as well. Ex-officio items (penalty, coercion, inspection) are never applied for and so never
 * decided here (the enforcement module decides them); their entry exists only so that every type has one.
 */
enum DecisionPapers {

	LICENCE, REGISTRATION, CONFIRMATION, PAYMENT, FILING, REWARD, ADJUDICATION, LEVY, OTHER;

	/** The papers of a case's item: a filing by its name (备案), whatever type the catalog gives it, else by type. */
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

	/** What the granting document says after "你（单位）于…提出的…申请，…受理": the finding and the result. */
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

	/** What the refusing document says before the reasons' legal basis: the word for "not granted". */
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
	 * Whether a refusal tells of reconsideration and litigation: every administrative act does; a public service
	 * (公共服务) is not one, and its refusal names where to complain instead.
	 */
	boolean reconsideration() {
		return this != REGISTRATION;
	}

}
