package org.govhall.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.govhall.cases.CaseRecords.CorrectionNotice;
import org.govhall.cases.CaseRecords.Decision;
import org.govhall.cases.CaseRecords.Licence;
import org.govhall.cases.CaseRecords.MaterialIssue;
import org.govhall.cases.CaseRecords.Refusal;
import org.govhall.directory.Directory;
import org.govhall.documents.DocumentDraft;
import org.govhall.documents.DocumentDraft.Particulars;
import org.govhall.documents.DocumentDraft.Section;
import org.govhall.documents.DocumentKind;
import org.govhall.documents.Documents;
import org.govhall.documents.IssuedDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Issues the written documents the law requires at each step — 受理通知书 and 不予受理决定书 (行政许可法 第三十二条第二款:
 * in writing, sealed and dated), the one-time notice, the decision (第三十八条), the certificate, and the notices of
 * extension (第四十二条) and of special procedures (第四十五条) — after the step is committed, each as a verifiable PDF.
 */
@Component
class CaseDocuments {

	private final Cases cases;

	private final Documents documents;

	private final Directory directory;

	private final java.time.Clock clock;

	CaseDocuments(Cases cases, Documents documents, Directory directory, java.time.Clock clock) {
		this.clock = clock;
		this.cases = cases;
		this.documents = documents;
		this.directory = directory;
	}

	@ApplicationModuleListener
	void on(CaseEvent.CorrectionRequested event) {
		Case c = load(event);
		CorrectionNotice n = c.notices().get(event.round() - 1);
		List<String> lines = new ArrayList<>();
		int i = 1;
		for (MaterialIssue issue : n.issues()) {
			lines.add(i++ + ". " + issue.material() + "：" + issue.problem());
		}
		if (issuedBefore(c, DocumentKind.CORRECTION_NOTICE, event.round())) {
			return;
		}
		issue(c, DocumentKind.CORRECTION_NOTICE, "一次性告知书", n.issuedOn(),
				new Section("", "你（单位）于" + c.receivedOn() + "提出的" + item(c)
						+ "申请，申请材料不齐全或者不符合法定形式。" + DecisionPapers.of(c.terms()).correctionBasis()
						+ "现一次性告知你需要补正的全部内容如下："),
				new Section("需要补正的材料", lines),
				new Section("", "请补正后重新提交。自补正材料齐全之日起，本机关在五个工作日内作出是否受理的决定。"));
	}

	/**
	 * A walk-in's receipt (收件凭证): what the window received, and when the acceptance decision is due. Its own event,
	 * published for window receptions only, so that online cases carry no extra publication.
	 */
	@ApplicationModuleListener
	void on(WindowReceipt event) {
		receipt(cases.findByNumber(event.caseNumber()).orElseThrow());
	}

	@ApplicationModuleListener
	void on(CaseEvent.Accepted event) {
		acceptanceNotice(load(event), event.deemed());
	}

	/**
	 * The receipt and the acceptance notice of a case received and accepted at the window, or the receipt and the
	 * decision of an instant item finished on the spot, issued before the clerk's answer so all print at once (the
	 * listeners then find them issued).
	 */
	List<IssuedDocument> issueAtTheWindow(String number) {
		Case c = cases.findByNumber(number).orElseThrow();
		List<IssuedDocument> issued = new ArrayList<>();
		issued.add(receipt(c));
		if (c.decision() != null && c.decision().onTheSpot()) {
			// 当场办结: the decision (and the certificate of a licence) instead of an acceptance notice
			issued.addAll(decision(c));
		}
		else if (c.acceptedOn() != null) {
			issued.add(acceptanceNotice(c, c.deemedAccepted()));
		}
		return issued;
	}

	private IssuedDocument receipt(Case c) {
		List<String> lines = new ArrayList<>();
		int i = 1;
		for (var m : c.terms().materials()) {
			List<String> parts = new ArrayList<>();
			if (c.originalsSeen().stream().anyMatch(o -> o.material().equals(m.name()))) {
				parts.add("原件已核验并退还");
			}
			long scans = c.document().materials().stream().filter(s -> s.material().equals(m.name())).count();
			if (scans > 0) {
				parts.add("收取电子件 " + scans + " 份");
			}
			if (parts.isEmpty()) {
				parts.add(m.shared() ? "免于提交，由本机关通过共享获取" : m.mandatory() ? "未提交" : "不适用或未提交");
			}
			lines.add(i++ + ". " + m.name() + "：" + String.join("，", parts));
		}
		String clerk = c.firstHandler() == null ? "" : directory.principal(c.firstHandler())
			.map(u -> u.displayName())
			.orElse(c.firstHandler());
		String received = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.format(c.submittedAt().atZone(clock.getZone()));
		String next = c.state() == CaseState.RECEIVED
				? "本机关将于" + c.acceptanceDue() + "前作出是否受理的决定；材料不齐全或者不符合法定形式的，将一次性告知需要补正的全部内容（"
						+ DecisionPapers.of(c.terms()).correctionSource() + "）。"
				: "申请材料齐全、符合法定形式，已当场受理，受理通知书同时交付。";
		return documents.issueOnce(key(c, DocumentKind.RECEIPT), draft(c, DocumentKind.RECEIPT, "收件凭证",
				c.receivedOn(),
				new Section("", "本机关于" + received + "收到你（单位）提出的" + item(c) + "申请材料，收件人：" + clerk + "。"),
				new Section("收到的材料", lines), new Section("下一步", next),
				new Section("查询方式", "办件编号：" + c.number() + "；查询码：" + c.queryCode()
						+ "。可在示范省政务服务网“办件查询”或拨打 12345 查询办理进度。")));
	}

	private IssuedDocument acceptanceNotice(Case c, boolean deemed) {
		String basis = DecisionPapers.of(c.terms()).acceptanceBasis(deemed, c.receivedOn());
		return documents.issueOnce(key(c, DocumentKind.ACCEPTANCE_NOTICE), draft(c, DocumentKind.ACCEPTANCE_NOTICE,
				"受理通知书", c.acceptedOn(),
				new Section("", "你（单位）于" + c.receivedOn() + "提出的" + item(c) + "申请，" + basis),
				new Section("办理期限", limits(c)),
				new Section("查询方式", "办件编号：" + c.number() + "；查询码：" + c.queryCode()
						+ "。可在示范省政务服务网“办件查询”或拨打 12345 查询办理进度。")));
	}

	/** The key under which a case's only document of a kind is issued once. */
	private static String key(Case c, DocumentKind kind) {
		return c.number() + ":" + kind.name() + ":1";
	}

	@ApplicationModuleListener
	void on(CaseEvent.Refused event) {
		Case c = load(event);
		Refusal r = c.document().refusal();
		if (r == null || issuedBefore(c, DocumentKind.REFUSAL_DECISION, 1)) {
			return;
		}
		DecisionPapers papers = DecisionPapers.of(c.terms());
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add("你（单位）于" + c.receivedOn() + "提出的" + item(c) + "申请，经审查：" + r.reasons() + "。"
				+ papers.refusalBasis());
		if (r.competentAuthority() != null) {
			paragraphs.add("请向" + r.competentAuthority() + "提出申请。");
		}
		issue(c, DocumentKind.REFUSAL_DECISION, "不予受理决定书", r.on(), new Section("", paragraphs),
				objection(c, papers));
	}

	@ApplicationModuleListener
	void on(CaseEvent.Decided event) {
		decision(load(event));
	}

	/**
	 * The decision in the words of the item's type ({@link DecisionPapers}): a licence decision and a certificate for
	 * a 行政许可 only; a certificate of completion, a payment decision, a certificate of filing or an administrative
	 * decision for the others. Each is issued once under its key, so the window's synchronous print and this
	 * listener never issue it twice.
	 */
	private List<IssuedDocument> decision(Case c) {
		Decision d = c.decision();
		DecisionPapers papers = DecisionPapers.of(c.terms());
		if (d == null) {
			return List.of();
		}
		DocumentKind kind = d.outcome() == Outcome.APPROVED ? papers.granted() : papers.notGranted();
		if (documents.issuedUnder(key(c, kind)).isEmpty() && issuedBefore(c, kind, 1)) {
			// issued before decisions were issued under a key
			return List.of();
		}
		String accepted = c.acceptedOn() == null || d.onTheSpot() ? "" : "，本机关于" + c.acceptedOn() + "受理";
		String applied = "你（单位）于" + c.receivedOn() + "提出的" + item(c) + "申请" + accepted + "。";
		List<IssuedDocument> issued = new ArrayList<>();
		if (d.outcome() == Outcome.APPROVED) {
			String handover = d.onTheSpot() ? "已当场办结，" + (papers.certificate() ? "证照" : "本文书") + "当场交付。"
					: "本机关将自本决定作出之日起十个工作日内" + (papers.certificate() ? "向你颁发、送达证照（行政许可法第四十四条）。" : "送达。");
			issued.add(issueOnce(c, papers.granted(), papers.grantedTitle(c.terms().itemNameZh()), d.on(),
					new Section("", applied + papers.grantedFinding(resultName(c))),
					new Section(papers.certificate() ? "证照" : "编号与送达",
							papers.numberName() + "：" + d.certificateNo() + "。" + handover)));
			if (papers.certificate()) {
				Licence licence = d.licence();
				issued.add(documents.issueOnce(key(c, DocumentKind.CERTIFICATE),
						new DocumentDraft(DocumentKind.CERTIFICATE, c.number(), holder(c), issuer(c), d.on(),
								resultName(c),
								List.of(new Section("", "本证依据《中华人民共和国行政许可法》颁发，在有效期限内有效。被撤销、注销的，自撤销、注销之日起失效；"
										+ "扫描右下角二维码可核验本证的真伪和状态。")),
								particulars(c, d.certificateNo(), licence))));
				if (d.revocation() != null) {
					// revoked before this listener ran: the certificate is born revoked
					documents.revokeCertificates(c.number(), d.revocation().on());
				}
			}
		}
		else {
			issued.add(issueOnce(c, papers.notGranted(), papers.notGrantedTitle(), d.on(),
					new Section("", applied + "经审查：" + d.reasons() + "。" + papers.notGrantedFinding()),
					objection(c, papers)));
		}
		return issued;
	}

	@ApplicationModuleListener
	void on(CaseEvent.Extended event) {
		Case c = load(event);
		if (issuedBefore(c, DocumentKind.EXTENSION_NOTICE, 1)) {
			return;
		}
		DecisionPapers papers = DecisionPapers.of(c.terms());
		issue(c, DocumentKind.EXTENSION_NOTICE, papers.extensionTitle(), LocalDate.now(clock),
				new Section("", "你（单位）申请的" + item(c) + "，因" + event.reason() + "，经本机关负责人批准，办理期限延长"
						+ event.amount() + "个工作日" + papers.extensionSource() + "。"));
	}

	@ApplicationModuleListener
	void on(CaseEvent.Suspended event) {
		Case c = load(event);
		int nth = 0;
		for (var s : c.document().suspensions()) {
			nth++;
			if (s.from().equals(event.from())) {
				break;
			}
		}
		if (issuedBefore(c, DocumentKind.SUSPENSION_NOTICE, nth)) {
			return;
		}
		issue(c, DocumentKind.SUSPENSION_NOTICE, "特别程序告知书", event.from(),
				new Section("", "你（单位）申请的" + item(c) + "需要进行" + procedure(event) + "。"
						+ DecisionPapers.of(c.terms()).specialProcedureSource() + "自"
						+ event.from() + "起所需时间不计算在办理期限内，程序结束后恢复计时，届时将另行告知。"));
	}

	/**
	 * Whether the case already holds its {@code nth} document of the kind: an event delivered again (after a crash
	 * between this listener's commit and the registry marking it completed, or by the resubmission job) issues
	 * nothing twice.
	 */
	private boolean issuedBefore(Case c, DocumentKind kind, int nth) {
		return documents.forCase(c.number()).stream().filter(d -> d.kind() == kind).count() >= nth;
	}

	private Case load(CaseEvent event) {
		return cases.findByNumber(event.facts().caseNumber()).orElseThrow();
	}

	private void issue(Case c, DocumentKind kind, String title, LocalDate on, Section... sections) {
		documents.issue(draft(c, kind, title, on, sections));
	}

	private IssuedDocument issueOnce(Case c, DocumentKind kind, String title, LocalDate on, Section... sections) {
		return documents.issueOnce(key(c, kind), draft(c, kind, title, on, sections));
	}

	private DocumentDraft draft(Case c, DocumentKind kind, String title, @Nullable LocalDate on, Section... sections) {
		return new DocumentDraft(kind, c.number(), holder(c), issuer(c), on == null ? c.receivedOn() : on, title,
				List.of(sections), particulars(c, null, null));
	}

	private static String holder(Case c) {
		return c.applicant().identity().legalName();
	}

	/** Who the document is about, masked as the public page needs it, and for a certificate what it permits. */
	private static Particulars particulars(Case c, @Nullable String certificateNo, @Nullable Licence licence) {
		var identity = c.applicant().identity();
		return new Particulars(identity.legalName(), identity.isPerson(), identity.maskedNumber(),
				c.terms().itemNameZh(), certificateNo, licence == null ? null : licence.scope(),
				licence == null ? null : licence.premises(), licence == null ? null : licence.validUntil());
	}

	/** The issuing authority; an entrusted county office acts in the entrusting authority's name (第二十四条). */
	private String issuer(Case c) {
		String own = directory.department(c.terms().departmentCode()).map(d -> d.nameZh()).orElse(c.terms().departmentCode());
		String entrusting = c.terms().entrustingAuthority();
		return entrusting == null ? own : entrusting + "（受委托实施机关：" + own + "）";
	}

	private static String item(Case c) {
		return "“" + c.terms().itemNameZh() + "”（办件编号：" + c.number() + "）";
	}

	private static String resultName(Case c) {
		String name = c.terms().resultNameZh();
		return name == null || name.isBlank() ? c.terms().itemNameZh() + "证照" : name;
	}

	private static String limits(Case c) {
		CaseTerms t = c.terms();
		StringBuilder b = new StringBuilder();
		if (t.statutoryAmount() != null && t.statutoryUnit() != null) {
			b.append("本机关将自受理之日起").append(t.statutoryAmount())
				.append(t.statutoryUnit() == org.govhall.calendar.LimitUnit.WORKING_DAY ? "个工作日" : "日")
				.append(DecisionPapers.of(t) == DecisionPapers.LICENCE ? "内作出行政许可决定（法定期限）" : "内作出决定（法定期限）");
		}
		if (t.promisedAmount() != null && t.promisedAmount() > 0) {
			b.append(b.isEmpty() ? "" : "，").append("承诺在").append(t.promisedAmount())
				.append(t.promisedUnit() == org.govhall.calendar.LimitUnit.WORKING_DAY ? "个工作日" : "日").append("内办结");
		}
		if (b.isEmpty()) {
			b.append("本机关将依法及时办理");
		}
		return b.append(DecisionPapers.of(t) == DecisionPapers.LICENCE
				? "。依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在期限内（行政许可法第四十五条）。"
				: "。依法需要听证、检验、检测、鉴定和专家评审的，所需时间不计算在期限内。").toString();
	}

	/**
	 * Where the applicant turns against a refusal or decision: reconsideration and litigation against an
	 * administrative act; a public service is not one, so its applicant is told where to object and complain.
	 */
	private Section objection(Case c, DecisionPapers papers) {
		return papers.reconsideration() ? new Section("救济途径", rights(c))
				: new Section("意见反映", "如有异议，可向" + issuer(c) + "反映，或拨打 12345 政务服务便民热线投诉。");
	}

	private static String rights(Case c) {
		String body = c.terms().reconsiderationBody() == null ? "本级人民政府或者上一级主管部门" : c.terms().reconsiderationBody();
		String court = c.terms().litigationCourt() == null ? "有管辖权的人民法院" : c.terms().litigationCourt();
		return "如不服本决定，可以自收到本决定书之日起六十日内向" + body + "申请行政复议，或者自收到本决定书之日起六个月内向" + court
				+ "提起行政诉讼。";
	}

	private static String procedure(CaseEvent.Suspended event) {
		return switch (event.procedure()) {
			case HEARING -> "听证";
			case TENDERING -> "招标";
			case AUCTION -> "拍卖";
			case TESTING -> "检验";
			case INSPECTION -> "检测";
			case QUARANTINE -> "检疫";
			case APPRAISAL -> "鉴定";
			case EXPERT_REVIEW -> "专家评审";
		};
	}

}
