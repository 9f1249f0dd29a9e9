package org.govhall.documents;

import java.time.LocalDate;
import java.util.List;

import org.govhall.documents.DocumentDraft.Section;

/** Drafts in the words a case handler would use. */
final class DocumentFixtures {

	static final String ISSUER = "示范市市场监督管理局";

	static final String RECIPIENT = "张小明";

	static final String TITLE = "补正材料通知书";

	static final LocalDate ISSUED_ON = LocalDate.of(2026, 11, 27);

	private DocumentFixtures() {
	}

	/**
	 * A food business licence (食品经营许可证) of a person, with scope, premises and a five-year
	 * term; its holder's number comes masked, as the cases module hands it over.
	 */
	static DocumentDraft foodLicence(String caseNumber) {
		return new DocumentDraft(DocumentKind.CERTIFICATE, caseNumber, RECIPIENT, ISSUER, ISSUED_ON, "食品经营许可证",
				List.of(new Section("", "本证在有效期限内有效。")),
				new DocumentDraft.Particulars(RECIPIENT, true, "660102********0012", "食品经营许可",
						"660100-SCJG-2026-000007", "预包装食品销售；热食类食品制售", "示范市城关区人民路 88 号", LocalDate.of(2031, 11, 26)));
	}

	/**
	 * 一次性告知: the materials of a food business licence application that are missing (行政许可法
	 * 第三十二条).
	 */
	static DocumentDraft correctionNotice(String caseNumber) {
		return correctionNotice(caseNumber, TITLE);
	}

	static DocumentDraft correctionNotice(String caseNumber, String title) {
		return new DocumentDraft(DocumentKind.CORRECTION_NOTICE, caseNumber, RECIPIENT, ISSUER, ISSUED_ON, title,
				List.of(new Section("",
						"您于2026年11月25日提交的食品经营许可申请材料不齐全。根据《中华人民共和国行政许可法》第三十二条的规定，" + "现一次性告知您需要补正的全部内容。"),
						new Section("一、需要补正的材料", "1. 营业执照复印件（加盖公章）；", "2. 食品安全管理制度文本。"),
						new Section("二、补正期限", "请于收到本通知书之日起5个工作日内补正。补正材料齐全后，本机关将依法受理。")));
	}

}
