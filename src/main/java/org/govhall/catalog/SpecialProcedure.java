package org.govhall.catalog;

/**
 * The procedures whose time is excluded from a licensing limit: 行政许可法 第四十五条 lists
 * 听证、招标、拍卖、检验、检测、检疫、 鉴定和专家评审.
 */
public enum SpecialProcedure {

	HEARING, TENDERING, AUCTION, TESTING, INSPECTION, QUARANTINE, APPRAISAL, EXPERT_REVIEW

}
