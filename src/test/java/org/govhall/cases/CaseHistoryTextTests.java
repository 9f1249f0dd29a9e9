package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.govhall.cases.CaseRecords.HistoryEntry;
import org.govhall.directory.DepartmentView;
import org.govhall.directory.Directory;
import org.govhall.directory.Role;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class CaseHistoryTextTests {

	static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	final Directory directory = mock(Directory.class);

	final CaseHistoryText text = new CaseHistoryText(messages(), directory);

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource m = new ResourceBundleMessageSource();
		m.setBasenames("i18n/messages", "i18n/cases");
		m.setDefaultEncoding("UTF-8");
		m.setFallbackToSystemLocale(false);
		return m;
	}

	static HistoryEntry entry(CaseAction action, String detail) {
		return new HistoryEntry(Instant.EPOCH, "clerk", Role.WINDOW_CLERK, action, CaseState.RECEIVED,
				CaseState.ACCEPTED, detail);
	}

	@Test
	void aGrantedLicenceReadsAsItsScopePremisesAndValidityInEitherLanguage() {
		assertThat(text.detail(entry(CaseAction.DECIDED, "APPROVED JY-2026-0001\t2031-10-11\t人民路 88 号\t热食类食品制售"), ZH,
				false))
			.isEqualTo("准予许可 JY-2026-0001；许可范围：热食类食品制售；经营场所：人民路 88 号；有效期至：2031-10-11");
		assertThat(text.detail(entry(CaseAction.DECIDED, "APPROVED JY-2026-0001\tLONG_TERM\t\t热食类食品制售"), Locale.ENGLISH,
				false))
			.endsWith("; scope: 热食类食品制售; premises: —; valid until: no end date")
			.doesNotContain("LONG_TERM");
	}

	@Test
	void storedCodesAndListsReadAsWords() {
		DepartmentView zj = mock(DepartmentView.class);
		when(zj.name(ZH)).thenReturn("示范市住房和城乡建设局");
		when(zj.name(Locale.ENGLISH)).thenReturn("Housing and Urban-Rural Development Bureau");
		when(directory.department("660100-ZJJ")).thenReturn(Optional.of(zj));

		assertThat(text.detail(entry(CaseAction.RECEIVED, "AGENT"), ZH, true)).isEqualTo("代办");
		assertThat(text.detail(entry(CaseAction.DEEMED_ACCEPTED, "accepted as of 2026-09-30; due 2026-10-13 passed"),
				ZH, true))
			.isEqualTo("自收件日 2026-09-30 起视为受理（受理期限 2026-10-13 已过）");
		assertThat(
				text.detail(entry(CaseAction.DEEMED_ACCEPTED, "accepted as of 2026-09-30; due null passed"), ZH, true))
			.doesNotContain("null");
		assertThat(text.detail(entry(CaseAction.OPINION_RECORDED, "660100-ZJJ CONDITIONAL late"), ZH, true))
			.isEqualTo("示范市住房和城乡建设局 附条件同意（逾期）");
		assertThat(text.detail(entry(CaseAction.OPINION_CHASED, "660100-ZJJ 2"), ZH, true))
			.isEqualTo("催办示范市住房和城乡建设局（第 2 次）");
		assertThat(text.detail(entry(CaseAction.OPINION_CHASED, "660100-ZJJ 1"), Locale.ENGLISH, true))
			.isEqualTo("Chased Housing and Urban-Rural Development Bureau (first time)");
		assertThat(text.detail(entry(CaseAction.SUSPENDED, "TESTING from 2026-10-12: 送检"), ZH, true))
			.isEqualTo("检验，自 2026-10-12 起中止计时：送检");
		assertThat(text.detail(entry(CaseAction.DELIVERED, "POST late"), ZH, true)).isEqualTo("邮寄送达（逾期）");
		assertThat(text.detail(entry(CaseAction.DECIDED, "APPROVED JY-2026-0001"), ZH, true))
			.isEqualTo("准予许可 JY-2026-0001");
		assertThat(text.detail(entry(CaseAction.EXTENDED, "+10: 需现场核查"), Locale.ENGLISH, true))
			.isEqualTo("Extended by 10 working days: 需现场核查");
		// the one-time-notice breach is a finding for staff; the applicant reads the
		// materials only
		assertThat(text.detail(entry(CaseAction.CORRECTION_REQUESTED, "[申请书, 营业执照] breach: [委托书]"), ZH, false))
			.isEqualTo("申请书、营业执照");
		// a detail in no known form is shown as it is
		assertThat(text.detail(entry(CaseAction.FEE_CHARGED, "证书工本费 10.00 (SJ-1)"), ZH, true))
			.isEqualTo("证书工本费 10.00 (SJ-1)");
	}

	@Test
	void aHandoverReadsAsThePeoplesNamesNeverTheirLogins() {
		org.govhall.directory.GovHallUser clerk = mock(org.govhall.directory.GovHallUser.class);
		when(clerk.displayName()).thenReturn("王窗口");
		org.govhall.directory.GovHallUser other = mock(org.govhall.directory.GovHallUser.class);
		when(other.displayName()).thenReturn("周窗口");
		when(directory.principal("clerk")).thenReturn(Optional.of(clerk));
		when(directory.principal("scjg-window")).thenReturn(Optional.of(other));
		assertThat(text.detail(entry(CaseAction.HANDED_OVER, "clerk -> scjg-window: 休年假"), ZH, false))
			.isEqualTo("王窗口 移交给 周窗口：休年假");
		// a case that had no first handler before
		assertThat(text.detail(entry(CaseAction.HANDED_OVER, " -> scjg-window: 补派"), Locale.ENGLISH, true))
			.isEqualTo("— handed over to 周窗口: 补派");
	}

}
