package org.govhall.supervision;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Accountability (问责) recorded by a supervisor against a card or a case: who, which
 * measure, on what basis.
 */
record Accountability(long id, @Nullable String cardNumber, @Nullable String caseNumber, String departmentCode,
		String regionCode, String person, Measure measure, String basis, String decidedBy, LocalDate decidedOn) {

	/** The measures of fault accountability (过错责任追究), lightest first. */
	public enum Measure {

		/** 批评教育 */
		CRITICISM,
		/** 责令作出书面检查 */
		WRITTEN_SELF_CRITICISM,
		/** 诫勉谈话 */
		ADMONITION,
		/** 通报批评 */
		CIRCULATED_CRITICISM,
		/** 调离执法/审批岗位 */
		REMOVAL_FROM_POST,
		/** 移送纪检监察机关 */
		REFERRED_TO_DISCIPLINE

	}

}
