package org.govhall.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.govhall.calendar.LimitUnit;
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
import org.govhall.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Issues the written documents the law requires at each step — 受理通知书 and 不予受理决定书 (行政许可法
 * 第三十二条第二款: in writing, sealed and dated), the one-time notice, the decision (第三十八条), the
 * certificate, and the notices of extension (第四十二条) and of special procedures (第四十五条) —
 * after the step is committed, each as a verifiable PDF.
 */
@Component
class CaseDocuments {

	private static final Logger log = LoggerFactory.getLogger(CaseDocuments.class);

	private final Cases cases;

	private final Documents documents;

	private final Directory directory;

	private final Clock clock;

	private final DocumentsOwed owed;

	private final MessageSource messages;

	CaseDocuments(Cases cases, Documents documents, Directory directory, Clock clock, DocumentsOwed owed,
			MessageSource messages) {
		this.messages = messages;
		this.clock = clock;
		this.cases = cases;
		this.documents = documents;
		this.directory = directory;
		this.owed = owed;
	}

	/**
	 * A document a step owes the applicant: issued once under {@code key} (case, kind,
	 * the how-manieth of its kind), as {@code draft} says.
	 */
	record Owed(String key, DocumentKind kind, int nth, DocumentDraft draft) {
	}

	// ---- the listeners: each issues what its step owes, after the step's commit

	@ApplicationModuleListener
	void on(CaseEvent.CorrectionRequested event) {
		issueOrFail(load(event), event);
	}

	/**
	 * A walk-in's receipt (收件凭证): what the window received, and when the acceptance
	 * decision is due. Its own event, published for window receptions only, so that
	 * online cases carry no extra publication.
	 */
	@ApplicationModuleListener
	void on(WindowReceipt event) {
		issueOrFail(cases.findByNumber(event.caseNumber()).orElseThrow(), event);
	}

	@ApplicationModuleListener
	void on(CaseEvent.Accepted event) {
		issueOrFail(load(event), event);
	}

	@ApplicationModuleListener
	void on(CaseEvent.Refused event) {
		issueOrFail(load(event), event);
	}

	@ApplicationModuleListener
	void on(CaseEvent.Decided event) {
		issueOrFail(load(event), event);
	}

	@ApplicationModuleListener
	void on(CaseEvent.Extended event) {
		issueOrFail(load(event), event);
	}

	@ApplicationModuleListener
	void on(CaseEvent.Suspended event) {
		issueOrFail(load(event), event);
	}

	/** An act of procedure whose step issues a notice (ADR 0030). */
	@ApplicationModuleListener
	void on(CaseEvent.StepTaken event) {
		if (issuesNotice(event.step())) {
			issueOrFail(load(event), event);
		}
	}

	/**
	 * Issues what the event's step owes. A document that cannot be issued is recorded as
	 * failed (kept by its own transaction) and the exception is thrown on, so that the
	 * event publication stays incomplete and is delivered again
	 * (system/EventResubmission); until then the case shows "文书未出具" to its department and
	 * to supervision.
	 */
	private void issueOrFail(Case c, Object event) {
		Issued result = issueAll(c, owedBy(c, event));
		if (result.failure() != null) {
			throw result.failure();
		}
	}

	// ---- at the step, before its commit

	/**
	 * Records, in the step's transaction, the documents its events owe, so that a
	 * document that is never issued is seen; with {@code check}, first checks each as the
	 * document module will (lengths, control characters, the font's glyphs), so that a
	 * step whose document could not be issued is refused with a 400 and nothing is
	 * stored.
	 */
	void owe(Case c, List<?> events, boolean check) {
		List<Owed> all = new ArrayList<>();
		for (Object event : events) {
			all.addAll(owedBy(c, event));
		}
		if (check) {
			for (Owed o : all) {
				try {
					documents.check(o.draft());
				}
				catch (InvalidInputException ex) {
					throw new InvalidInputException("document-limits", "error.case.documentLimits", ex.violations(),
							o.draft().title());
				}
			}
		}
		owed.owe(c.number(), c.terms().departmentCode(), all);
	}

	/**
	 * The text a person typed for a document (reasons, scope, a material's problem, a
	 * name) as it will be kept and printed: line breaks as {@code \n} (a browser sends CR
	 * LF), a tab as a space, without surrounding blanks; with {@code oneLine}, every run
	 * of blanks and line breaks as one space.
	 * @throws InvalidInputException (400) naming the field when it holds another control
	 * character or a character the document font cannot print
	 */
	/** The licence as it will be printed on the certificate: the premises on one line. */
	CaseRecords.@Nullable Licence printable(CaseRecords.@Nullable Licence licence) {
		return licence == null ? null : new CaseRecords.Licence(printable("scope", licence.scope(), false),
				printable("premises", licence.premises(), true), licence.validUntil());
	}

	@Nullable String printable(String field, @Nullable String text, boolean oneLine) {
		if (text == null) {
			return null;
		}
		String clean = text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
		clean = oneLine ? clean.replaceAll("\\s+", " ").strip() : clean.strip();
		if (clean.codePoints().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n')) {
			throw new InvalidInputException("document-text", "error.case.documentText.control", field);
		}
		String unprintable = documents.unprintable(clean);
		if (!unprintable.isEmpty()) {
			throw new InvalidInputException("document-text", "error.case.documentText.unprintable", field, unprintable);
		}
		return clean;
	}

	/**
	 * The receipt and the acceptance notice of a case received and accepted at the
	 * window, or the receipt and the decision of an instant item finished on the spot,
	 * issued before the clerk's answer so all print at once (the listeners then find them
	 * issued). One that fails is left to its listener's retry and shown as "文书未出具": only
	 * documents that exist are returned.
	 */
	List<IssuedDocument> issueAtTheWindow(String number) {
		Case c = cases.findByNumber(number).orElseThrow();
		List<Owed> due = new ArrayList<>(receipt(c));
		if (c.decision() != null && c.decision().onTheSpot()) {
			// 当场办结: the decision (and the certificate of a licence) instead of an
			// acceptance notice
			due.addAll(decision(c));
		}
		else if (c.acceptedOn() != null) {
			due.addAll(acceptanceNotice(c, c.deemedAccepted()));
		}
		Issued result = issueAll(c, due);
		if (result.failure() != null) {
			log.warn("case {}: a document of the window could not be issued now; it is retried", number,
					result.failure());
		}
		return result.documents();
	}

	private record Issued(List<IssuedDocument> documents, @Nullable RuntimeException failure) {
	}

	private Issued issueAll(Case c, List<Owed> due) {
		List<IssuedDocument> issued = new ArrayList<>();
		RuntimeException failure = null;
		for (Owed o : due) {
			Optional<IssuedDocument> earlier = documents.issuedUnder(o.key());
			if (earlier.isPresent()) {
				issued.add(earlier.get());
				owed.issued(o.key(), earlier.get().number());
				continue;
			}
			if (issuedBefore(c, o.kind(), o.nth())) {
				// issued before documents were issued under a key, or a redelivery after
				// the commit
				owed.issued(o.key(), null);
				continue;
			}
			try {
				IssuedDocument d = documents.issueOnce(o.key(), o.draft());
				if (o.kind() == DocumentKind.CERTIFICATE && c.decision() != null && c.decision().revocation() != null) {
					// revoked before this listener ran: the certificate is born revoked
					documents.revokeCertificates(c.number(), c.decision().revocation().on());
				}
				owed.issued(o.key(), d.number());
				issued.add(d);
			}
			catch (RuntimeException ex) {
				log.error("case {}: {} ({}) could not be issued", c.number(), o.kind(), o.key(), ex);
				owed.failed(o.key(), ex);
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		return new Issued(issued, failure);
	}

	// ---- what each step owes

	/**
	 * The documents the event's step owes, composed from the case as it stands after the
	 * step.
	 */
	List<Owed> owedBy(Case c, Object event) {
		if (event instanceof CaseEvent.CorrectionRequested e) {
			return correctionNotice(c, e.round());
		}
		if (event instanceof WindowReceipt) {
			return receipt(c);
		}
		if (event instanceof CaseEvent.Accepted e) {
			return acceptanceNotice(c, e.deemed());
		}
		if (event instanceof CaseEvent.Refused) {
			return refusal(c);
		}
		if (event instanceof CaseEvent.Decided) {
			return decision(c);
		}
		if (event instanceof CaseEvent.Extended e) {
			return extensionNotice(c, e.number());
		}
		if (event instanceof CaseEvent.Suspended e) {
			return suspensionNotice(c, e);
		}
		if (event instanceof CaseEvent.StepTaken e && issuesNotice(e.step())) {
			return procedureNotice(c, e);
		}
		return List.of();
	}

	/**
	 * Whether an act of procedure issues a notice: its step has the words of one,
	 * {@code step.document.<STEP>} (ADR 0030).
	 */
	private boolean issuesNotice(CaseStep step) {
		return messages.getMessage("step.document." + step.name(), null, null, Locale.SIMPLIFIED_CHINESE) != null;
	}

	/**
	 * The notice of an act of procedure (告知书, 听证通知书), in the words of its step: the
	 * case's item and the values entered, then a paragraph for each value that has words
	 * of its own ({@code step.document.<STEP>.<field>}, e.g. the right to a hearing). Its
	 * number among the case's notices of procedure is the act's place among the acts that
	 * issue one.
	 */
	private List<Owed> procedureNotice(Case c, CaseEvent.StepTaken event) {
		int nth = 0;
		int ofStep = 0;
		CaseRecords.ProcedureAct act = null;
		for (CaseRecords.ProcedureAct a : c.acts()) {
			if (issuesNotice(a.step())) {
				nth++;
			}
			if (a.step() == event.step() && ++ofStep == event.nth()) {
				act = a;
				break;
			}
		}
		if (act == null) {
			return List.of();
		}
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		String name = act.step().name();
		List<Object> args = new ArrayList<>();
		args.add(item(c));
		args.addAll(act.fields().values());
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add(messages.getMessage("step.document." + name, args.toArray(), zh));
		for (var field : act.fields().entrySet()) {
			String more = field.getValue().isEmpty() ? null
					: messages.getMessage("step.document." + name + "." + field.getKey(), args.toArray(), null, zh);
			if (more != null) {
				paragraphs.add(more);
			}
		}
		return draftOwed(c, DocumentKind.PROCEDURE_NOTICE, nth,
				messages.getMessage("step.document." + name + ".title", null, zh), act.on(),
				new Section("", paragraphs));
	}

	private List<Owed> correctionNotice(Case c, int round) {
		if (round < 1 || round > c.notices().size()) {
			return List.of();
		}
		CorrectionNotice n = c.notices().get(round - 1);
		List<String> lines = new ArrayList<>();
		int i = 1;
		for (MaterialIssue issue : n.issues()) {
			lines.add(i++ + ". " + issue.material() + "：" + issue.problem());
		}
		return draftOwed(c, DocumentKind.CORRECTION_NOTICE, round, "一次性告知书", n.issuedOn(),
				new Section("",
						"你（单位）于" + c.receivedOn() + "提出的" + item(c) + "申请，申请材料不齐全或者不符合法定形式。"
								+ DecisionPapers.of(c.terms()).correctionBasis() + "现一次性告知你需要补正的全部内容如下："),
				new Section("需要补正的材料", lines), new Section("", "请补正后重新提交。自补正材料齐全之日起，本机关在五个工作日内作出是否受理的决定。"));
	}

	private List<Owed> receipt(Case c) {
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
		String clerk = c.firstHandler() == null ? ""
				: directory.principal(c.firstHandler()).map(u -> u.displayName()).orElse(c.firstHandler());
		String received = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.format(c.submittedAt().atZone(clock.getZone()));
		String next = c.state() == CaseState.RECEIVED ? "本机关将于" + c.acceptanceDue()
				+ "前作出是否受理的决定；材料不齐全或者不符合法定形式的，将一次性告知需要补正的全部内容（" + DecisionPapers.of(c.terms()).correctionSource() + "）。"
				: "申请材料齐全、符合法定形式，已当场受理，受理通知书同时交付。";
		return draftOwed(c, DocumentKind.RECEIPT, 1, "收件凭证", c.receivedOn(),
				new Section("", "本机关于" + received + "收到你（单位）提出的" + item(c) + "申请材料，收件人：" + clerk + "。"),
				new Section("收到的材料", lines), new Section("下一步", next), new Section("查询方式",
						"办件编号：" + c.number() + "；查询码：" + c.queryCode() + "。可在示范省政务服务网“办件查询”或拨打 12345 查询办理进度。"));
	}

	private List<Owed> acceptanceNotice(Case c, boolean deemed) {
		if (c.acceptedOn() == null) {
			return List.of();
		}
		String basis = DecisionPapers.of(c.terms()).acceptanceBasis(deemed, c.receivedOn());
		return draftOwed(c, DocumentKind.ACCEPTANCE_NOTICE, 1, "受理通知书", c.acceptedOn(),
				new Section("", "你（单位）于" + c.receivedOn() + "提出的" + item(c) + "申请，" + basis),
				new Section("办理期限", limits(c)), new Section("查询方式",
						"办件编号：" + c.number() + "；查询码：" + c.queryCode() + "。可在示范省政务服务网“办件查询”或拨打 12345 查询办理进度。"));
	}

	/** The key under which a case's {@code nth} document of a kind is issued once. */
	private static String key(Case c, DocumentKind kind, int nth) {
		return c.number() + ":" + kind.name() + ":" + nth;
	}

	/**
	 * 不予受理决定书. The reasons stand as paragraphs of their own, so that reasons as long as
	 * the step allows (2,000 characters) fit a paragraph of the document (ADR 0021).
	 */
	private List<Owed> refusal(Case c) {
		Refusal r = c.document().refusal();
		if (r == null) {
			return List.of();
		}
		DecisionPapers papers = DecisionPapers.of(c.terms());
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add("你（单位）于" + c.receivedOn() + "提出的" + item(c) + "申请，经审查：");
		paragraphs.add(r.reasons());
		paragraphs.add(papers.refusalBasis());
		if (r.competentAuthority() != null) {
			paragraphs.add("请向" + r.competentAuthority() + "提出申请。");
		}
		return draftOwed(c, DocumentKind.REFUSAL_DECISION, 1, "不予受理决定书", r.on(), new Section("", paragraphs),
				objection(c, papers));
	}

	/**
	 * The decision in the words of the item's type ({@link DecisionPapers}): a licence
	 * decision and a certificate for a 行政许可 only; a certificate of completion, a payment
	 * decision, a certificate of filing or an administrative decision for the others.
	 * Each is issued once under its key, so the window's synchronous print and the
	 * listener never issue it twice.
	 */
	private List<Owed> decision(Case c) {
		Decision d = c.decision();
		DecisionPapers papers = DecisionPapers.of(c.terms());
		if (d == null) {
			return List.of();
		}
		String accepted = c.acceptedOn() == null || d.onTheSpot() ? "" : "，本机关于" + c.acceptedOn() + "受理";
		String applied = "你（单位）于" + c.receivedOn() + "提出的" + item(c) + "申请" + accepted + "。";
		List<Owed> due = new ArrayList<>();
		if (d.outcome() == Outcome.APPROVED) {
			String handover = d.onTheSpot() ? "已当场办结，" + (papers.certificate() ? "证照" : "本文书") + "当场交付。"
					: "本机关将自本决定作出之日起十个工作日内" + (papers.certificate() ? "向你颁发、送达证照（行政许可法第四十四条）。" : "送达。");
			due.addAll(draftOwed(c, papers.granted(), 1, papers.grantedTitle(c.terms().itemNameZh()), d.on(),
					new Section("", applied + papers.grantedFinding(resultName(c))),
					new Section(papers.certificate() ? "证照" : "编号与送达",
							papers.numberName() + "：" + d.certificateNo() + "。" + handover)));
			if (papers.certificate()) {
				Licence licence = d.licence();
				due.add(new Owed(key(c, DocumentKind.CERTIFICATE, 1), DocumentKind.CERTIFICATE, 1,
						new DocumentDraft(DocumentKind.CERTIFICATE, c.number(), holder(c), issuer(c), d.on(),
								resultName(c),
								List.of(new Section("",
										"本证依据《中华人民共和国行政许可法》颁发，在有效期限内有效。被撤销、注销的，自撤销、注销之日起失效；" + "扫描右下角二维码可核验本证的真伪和状态。")),
								particulars(c, d.certificateNo(), licence))));
			}
		}
		else {
			// the reasons as a paragraph of their own, as in the refusal
			List<String> paragraphs = new ArrayList<>();
			paragraphs.add(applied + "经审查：");
			if (d.reasons() != null) {
				paragraphs.add(d.reasons());
			}
			paragraphs.add(papers.notGrantedFinding());
			due.addAll(draftOwed(c, papers.notGranted(), 1, papers.notGrantedTitle(), d.on(),
					new Section("", paragraphs), objection(c, papers)));
		}
		return due;
	}

	private List<Owed> extensionNotice(Case c, int number) {
		List<CaseRecords.ExtensionRecord> extensions = c.document().extensions();
		if (number < 1 || number > extensions.size()) {
			return List.of();
		}
		CaseRecords.ExtensionRecord e = extensions.get(number - 1);
		DecisionPapers papers = DecisionPapers.of(c.terms());
		return draftOwed(c, DocumentKind.EXTENSION_NOTICE, number, papers.extensionTitle(), e.on(),
				new Section("", "你（单位）申请的" + item(c) + "，因" + e.reason() + "，经本机关负责人批准，办理期限延长" + e.amount() + "个工作日"
						+ papers.extensionSource() + "。"));
	}

	private List<Owed> suspensionNotice(Case c, CaseEvent.Suspended event) {
		int nth = 0;
		for (var s : c.document().suspensions()) {
			nth++;
			if (s.from().equals(event.from())) {
				break;
			}
		}
		return draftOwed(c, DocumentKind.SUSPENSION_NOTICE, nth, "特别程序告知书", event.from(),
				new Section("",
						"你（单位）申请的" + item(c) + "需要进行" + procedure(event) + "。"
								+ DecisionPapers.of(c.terms()).specialProcedureSource() + "自" + event.from()
								+ "起所需时间不计算在办理期限内，程序结束后恢复计时，届时将另行告知。"));
	}

	/**
	 * Whether the case already holds its {@code nth} document of the kind: an event
	 * delivered again (after a crash between this listener's commit and the registry
	 * marking it completed, or by the resubmission job) issues nothing twice.
	 */
	private boolean issuedBefore(Case c, DocumentKind kind, int nth) {
		return documents.forCase(c.number()).stream().filter(d -> d.kind() == kind).count() >= nth;
	}

	private Case load(CaseEvent event) {
		return cases.findByNumber(event.facts().caseNumber()).orElseThrow();
	}

	private List<Owed> draftOwed(Case c, DocumentKind kind, int nth, String title, @Nullable LocalDate on,
			Section... sections) {
		return List.of(new Owed(key(c, kind, nth), kind, nth, draft(c, kind, title, on, sections)));
	}

	private DocumentDraft draft(Case c, DocumentKind kind, String title, @Nullable LocalDate on, Section... sections) {
		return new DocumentDraft(kind, c.number(), holder(c), issuer(c), on == null ? c.receivedOn() : on, title,
				List.of(sections), particulars(c, null, null));
	}

	private static String holder(Case c) {
		return c.applicant().identity().legalName();
	}

	/**
	 * Who the document is about, masked as the public page needs it, and for a
	 * certificate what it permits.
	 */
	private static Particulars particulars(Case c, @Nullable String certificateNo, @Nullable Licence licence) {
		var identity = c.applicant().identity();
		return new Particulars(identity.legalName(), identity.isPerson(), identity.maskedNumber(),
				c.terms().itemNameZh(), certificateNo, licence == null ? null : licence.scope(),
				licence == null ? null : licence.premises(), licence == null ? null : licence.validUntil());
	}

	/**
	 * The issuing authority; an entrusted county office acts in the entrusting
	 * authority's name (第二十四条).
	 */
	private String issuer(Case c) {
		String own = directory.department(c.terms().departmentCode())
			.map(d -> d.nameZh())
			.orElse(c.terms().departmentCode());
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
			b.append("本机关将自受理之日起")
				.append(t.statutoryAmount())
				.append(t.statutoryUnit() == LimitUnit.WORKING_DAY ? "个工作日" : "日")
				.append(DecisionPapers.of(t) == DecisionPapers.LICENCE ? "内作出行政许可决定（法定期限）" : "内作出决定（法定期限）");
		}
		if (t.promisedAmount() != null && t.promisedAmount() > 0) {
			b.append(b.isEmpty() ? "" : "，")
				.append("承诺在")
				.append(t.promisedAmount())
				.append(t.promisedUnit() == LimitUnit.WORKING_DAY ? "个工作日" : "日")
				.append("内办结");
		}
		if (b.isEmpty()) {
			b.append("本机关将依法及时办理");
		}
		return b.append(DecisionPapers.of(t) == DecisionPapers.LICENCE
				? "。依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在期限内（行政许可法第四十五条）。" : "。依法需要听证、检验、检测、鉴定和专家评审的，所需时间不计算在期限内。")
			.toString();
	}

	/**
	 * Where the applicant turns against a refusal or decision: reconsideration and
	 * litigation against an administrative act; a public service is not one, so its
	 * applicant is told where to object and complain.
	 */
	private Section objection(Case c, DecisionPapers papers) {
		return papers.reconsideration() ? new Section("救济途径", rights(c))
				: new Section("意见反映", "如有异议，可向" + issuer(c) + "反映，或拨打 12345 政务服务便民热线投诉。");
	}

	private static String rights(Case c) {
		String body = c.terms().reconsiderationBody() == null ? "本级人民政府或者上一级主管部门" : c.terms().reconsiderationBody();
		String court = c.terms().litigationCourt() == null ? "有管辖权的人民法院" : c.terms().litigationCourt();
		return "如不服本决定，可以自收到本决定书之日起六十日内向" + body + "申请行政复议，或者自收到本决定书之日起六个月内向" + court + "提起行政诉讼。";
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
