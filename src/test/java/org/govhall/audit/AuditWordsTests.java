package org.govhall.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The audit page reads codes as words (issue 10, item 13); a code without a label stays
 * as it is.
 */
class AuditWordsTests {

	static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	final AuditWords words = new AuditWords(messages());

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource m = new ResourceBundleMessageSource();
		m.setBasenames("i18n/messages", "i18n/cases", "i18n/audit");
		m.setDefaultEncoding("UTF-8");
		m.setFallbackToSystemLocale(false);
		return m;
	}

	@Test
	void actionsAndRolesReadAsWordsInEitherLanguage() {
		assertThat(words.action("catalog.published", ZH)).isEqualTo("事项公布");
		assertThat(words.action("case.accepted", ZH)).isEqualTo("办件：受理");
		assertThat(words.action("case.opinion-chased", Locale.ENGLISH)).isEqualTo("Case: Opinion chased");
		assertThat(words.action("supervision.card-escalated", ZH)).isEqualTo("电子监察：黄牌/红牌升级");
		assertThat(words.action("supervision.accountability-recorded", Locale.ENGLISH))
			.isEqualTo("Supervision: accountability recorded");
		assertThat(words.action("export.dashboard-workbook", ZH)).isEqualTo("导出监察报表（Excel）");
		assertThat(words.action("export.another-file", ZH)).isEqualTo("导出数据（another-file）");
		assertThat(words.action("something.new", ZH)).isEqualTo("something.new");
		assertThat(words.roles("APPROVER,REVIEWER", ZH)).isEqualTo("审批人员、审查人员");
		assertThat(words.roles("SYSTEM", Locale.ENGLISH)).isEqualTo("System");
		assertThat(words.roles("ANONYMOUS", ZH)).isEqualTo("未登录");
	}

}
