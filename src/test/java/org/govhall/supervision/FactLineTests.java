package org.govhall.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.govhall.catalog.SpecialProcedure;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every fact line reads back in Chinese and English from the form it is stored in; a line
 * of no known form stays.
 */
class FactLineTests {

	static final LocalDate D1 = LocalDate.of(2026, 10, 13);

	static final LocalDate D2 = LocalDate.of(2026, 10, 20);

	final FactLine.Reader zh;

	final FactLine.Reader en;

	FactLineTests() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/messages", "i18n/supervision");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		zh = new FactLine.Reader(messages, Locale.SIMPLIFIED_CHINESE);
		en = new FactLine.Reader(messages, Locale.ENGLISH);
	}

	@Test
	void cardReasonsReadInTheReadersLanguage() {
		String overdue = FactLine.STAGE_DUE.line(Stage.ACCEPTANCE, D1);
		assertThat(overdue).isEqualTo("ACCEPTANCE due 2026-10-13");
		assertThat(zh.text(overdue)).isEqualTo("受理期限 2026-10-13 已过");
		assertThat(en.text(overdue)).isEqualTo("Acceptance was due by 2026-10-13");
		String opinion = FactLine.STAGE_DUE.line(Stage.OPINION, D1);
		assertThat(zh.text(opinion)).isEqualTo("会签意见期限 2026-10-13 已过");
		String red = FactLine.YELLOW_CARDS.line(3, java.time.YearMonth.of(2026, 10));
		assertThat(red).isEqualTo("3 yellow cards in 2026-10");
		assertThat(zh.text(red)).isEqualTo("2026-10 月累计黄牌 3 张");
		assertThat(en.text(red)).isEqualTo("3 yellow cards in 2026-10");
	}

	@Test
	void irregularityDetailsReadInTheReadersLanguage() {
		assertThat(zh.text(FactLine.DEEMED.line(LocalDate.of(2026, 9, 30), D1)))
			.isEqualTo("收件 2026-09-30，受理期限 2026-10-13 届满未作决定，视为受理");
		assertThat(zh.text(FactLine.NOTICE_ROUND.line(2, "营业执照, 租赁合同"))).isEqualTo("第 2 次补正告知又列出新的材料：营业执照, 租赁合同");
		assertThat(zh.text(FactLine.EXTENSION_UNAPPROVED.line(1, 10, 10)))
			.isEqualTo("第 1 次延长 10 个工作日（法定最多 10 个工作日），未经审批人批准");
		assertThat(zh.text(FactLine.EXTENSION.line(2, 15, 10))).isEqualTo("第 2 次延长 15 个工作日（法定最多 10 个工作日）");
		assertThat(en.text(FactLine.EXTENSION.line(2, 15, 10)))
			.isEqualTo("Extension 2: 15 working days (the law allows 10)");
		assertThat(zh.text(FactLine.REVIEWER_DECIDED.line("reviewer"))).isEqualTo("审查与决定均由 reviewer 作出");
		assertThat(zh.text(FactLine.NO_ACCEPTANCE.line(D1))).isEqualTo("2026-10-13 作出决定，此前未受理");
		assertThat(zh.text(FactLine.DECIDED_LATE.line(D2, D1))).isEqualTo("2026-10-20 作出决定，法定期限为 2026-10-13");
		assertThat(zh.text(FactLine.DELIVERED_LATE.line(D2, D1))).isEqualTo("2026-10-20 送达，送达期限为 2026-10-13");
		assertThat(zh.text(FactLine.STOPPED_SINCE.line(D1, 60))).isEqualTo("自 2026-10-13 起中止计时，已超过 60 日");
		assertThat(zh.text(FactLine.SUSPENDED_LONG.line(SpecialProcedure.EXPERT_REVIEW, D1, D2, 60)))
			.isEqualTo("专家评审自 2026-10-13 至 2026-10-20 中止计时，超过 60 日");
		assertThat(en.text(FactLine.SUSPENDED_UNLISTED.line(SpecialProcedure.HEARING, D1)))
			.isEqualTo("Clock stopped for Hearing from 2026-10-13, a procedure the service guide does not list");
		assertThat(zh.text(FactLine.UNLISTED_FEE.line("工本费", new BigDecimal("20.00").toPlainString(), "No.001")))
			.isEqualTo("收取工本费 20.00 元（票据号 No.001），办事指南未列此项收费");
		assertThat(zh.text(FactLine.REFUSED_AGAIN.line(D2, "660100-2026-0000001")))
			.isEqualTo("2026-10-20 再次不予受理；此前 30 日内已不予受理：660100-2026-0000001");
	}

	@Test
	void historyNotesOfCardsReadInTheReadersLanguage() {
		String issued = FactLine.CARD_ISSUED.line(Card.Colour.YELLOW, Card.CASE_OVERDUE,
				FactLine.STAGE_DUE.line(Stage.ACCEPTANCE, D1));
		assertThat(issued).isEqualTo("YELLOW CASE_OVERDUE: ACCEPTANCE due 2026-10-13");
		assertThat(zh.text(issued)).isEqualTo("黄牌（办件超期）：受理期限 2026-10-13 已过");
		assertThat(en.text(issued)).isEqualTo("Yellow card (Case overdue): Acceptance was due by 2026-10-13");
		String irregular = FactLine.CARD_ISSUED.line(Card.Colour.RED,
				IrregularityRule.DECISION_WITHOUT_ACCEPTANCE.name(), FactLine.NO_ACCEPTANCE.line(D1));
		assertThat(zh.text(irregular)).isEqualTo("红牌（无受理记录即作出决定（体外循环））：2026-10-13 作出决定，此前未受理");
		String escalated = FactLine.CARD_ESCALATED.line(Card.Colour.YELLOW, "660100", "660000", D1);
		assertThat(escalated).isEqualTo("YELLOW -> RED; 660100 -> 660000; answer due 2026-10-13");
		assertThat(zh.text(escalated)).isEqualTo("逾期未答复，由 660100 升级至上级 660000，黄牌改为红牌；原答复期限 2026-10-13");
		String held = FactLine.ACCOUNTABILITY.line(Accountability.Measure.ADMONITION, "王窗口", "未按期受理: 见监察牌");
		assertThat(zh.text(held)).isEqualTo("诫勉谈话：王窗口。依据：未按期受理: 见监察牌");
		assertThat(en.text(held)).startsWith("Admonition").endsWith("Basis: 未按期受理: 见监察牌");
	}

	@Test
	void aLineOfNoKnownFormIsShownAsItIs() {
		assertThat(zh.text("人工录入的情况说明")).isEqualTo("人工录入的情况说明");
		assertThat(zh.text(null)).isEmpty();
	}

}
