package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.govhall.agency.Authorisations;
import org.govhall.catalog.Catalog;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.IdentityKind;
import org.govhall.documents.DocumentKind;
import org.govhall.documents.IssuedDocument;
import org.govhall.support.GovHallTest;
import org.govhall.support.HtmlForm;
import org.govhall.support.MovableClock;
import org.govhall.support.RequiredMaterials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The case pages as applicants, agents, clerks, reviewers and the public use them: the
 * application form with real uploads and its one-time token, the one-time notice form,
 * the work lists' badges, the case page's clocks and documents, and the public progress
 * lookup. Forms are posted as the rendered page would send them.
 */
@GovHallTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasePagesTests {

	static final String PLANNING = CaseJourneyTests.PLANNING;

	static final String FORM = CaseJourneyTests.FORM;

	static final String LAND = CaseJourneyTests.LAND;

	static final String DESIGN = CaseJourneyTests.DESIGN;

	static final String UNEMPLOYMENT = CaseJourneyTests.UNEMPLOYMENT;

	static final byte[] PDF = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
		.getBytes(StandardCharsets.ISO_8859_1);

	private static final Pattern INLINE_STYLE = Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);

	private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=\\s*\"", Pattern.CASE_INSENSITIVE);

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	CaseHandling handling;

	@Autowired
	CaseIntake intake;

	@Autowired
	CaseReads reads;

	@Autowired
	CaseWorklists worklists;

	@Autowired
	MessageSource messages;

	@Autowired
	MovableClock.Moving clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Catalog catalog;

	@Autowired
	Authorisations authorisations;

	@BeforeEach
	void start() {
		clock.set("2026-09-30T10:00:00");
	}

	GovHallUser as(String username) {
		return directory.principal(username).orElseThrow();
	}

	// ---- applying

	@Test
	void anApplicantAppliesOnlineWithARealPdfAndSeesTheCaseWithItsExplainedClock() throws Exception {
		int before = worklists.list(Worklist.MINE, as("applicant")).size();
		String form = page(get("/cases/new").param("item", PLANNING).with(user(as("applicant"))));
		assertThat(form).contains("建设工程规划许可证核发", FORM, LAND, DESIGN, "name=\"file0\"", "name=\"file2\"",
				"enctype=\"multipart/form-data\"");
		assertThat(form).as("an online applicant is who they registered as").doesNotContain("name=\"applicantName\"");

		assertThat(form).as("the land certificate comes from data sharing").contains("免于提交");

		// an incomplete application is named before anything is submitted
		MvcResult incomplete = send(application(PLANNING, token(form)).file(file("file0", "申请表.pdf"))
			.param("step", "review")
			.with(user(as("applicant")))
			.with(csrf()));
		assertThat(incomplete.getResponse().getStatus()).isEqualTo(200);
		assertThat(incomplete.getResponse().getContentAsString()).contains("id=\"refusal\"", "还缺 1 项", DESIGN,
				"已上传：申请表.pdf");

		// complete: the summary of item, limits and materials comes first, then the
		// confirmation submits
		MvcResult review = send(multipart("/cases/new")
			.params(HtmlForm.read(incomplete.getResponse().getContentAsString(), "/cases/new").params())
			.file(file("file2", "设计方案.pdf"))
			.param("step", "review")
			.with(user(as("applicant")))
			.with(csrf()));
		String summary = review.getResponse().getContentAsString();
		assertThat(review.getResponse().getStatus()).as(summary).isEqualTo(200);
		assertThat(summary).contains("请核对申请信息", "建设工程规划许可证核发", "示范市自然资源和规划局", "45 个工作日", "15 个工作日", "申请表.pdf",
				"设计方案.pdf", "免于提交", "id=\"confirm-application\"", "id=\"edit-application\"");
		assertThat(worklists.list(Worklist.MINE, as("applicant"))).as("nothing is submitted before the confirmation")
			.hasSize(before);
		MvcResult sent = send(multipart("/cases/new").params(HtmlForm.read(summary, "/cases/new").params())
			.param("step", "submit")
			.with(user(as("applicant")))
			.with(csrf()));

		assertThat(sent.getResponse().getStatus()).isEqualTo(302);
		String url = sent.getResponse().getRedirectedUrl();
		assertThat(url).matches("/cases/660100-2026-\\d{7}");
		String number = url.substring("/cases/".length());
		CaseView c = reads.view(number, as("applicant"));
		assertThat(c.channel()).isEqualTo(Channel.ONLINE);
		assertThat(c.materials()).extracting(m -> m.material() + " " + m.fileName())
			.containsExactly(FORM + " 申请表.pdf", DESIGN + " 设计方案.pdf");

		String html = page(get(url).with(user(as("applicant"))).flashAttrs(sent.getFlashMap()));
		assertThat(html).contains("申请已提交", number, c.queryCode(), "已收件", "网上申请", "110105199003071239", "期限 2026-10-13",
				"2026-10-01..10-07", "2026-10-10 调休上班", "剩 5 个工作日", "免于提交");
		assertThat(html).as("the applicant may withdraw, not accept")
			.contains("/cases/" + number + "/withdrawal")
			.doesNotContain("/acceptance");
		assertThat(html).as("withdrawing asks once more, naming the case")
			.contains("data-confirm=\"确认撤回申请 " + number + "？");
		assertThat(page(get("/staff/cases/" + number).with(user(as("clerk")))))
			.contains("data-confirm=\"确认受理办件 " + number + "？", "data-confirm=\"确认对办件 " + number + " 作出不予受理决定？");
	}

	@Test
	void aDoubleClickWithTheSameTokenMakesOneCase() throws Exception {
		GovHallUser applicant = as("applicant");
		int before = worklists.list(Worklist.MINE, applicant).size();
		String token = token(page(get("/cases/new").param("item", PLANNING).with(user(applicant))));

		MvcResult first = send(application(PLANNING, token).file(file("file0", "申请表.pdf"))
			.file(file("file2", "设计方案.pdf"))
			.with(user(applicant))
			.with(csrf()));
		MvcResult second = send(application(PLANNING, token).file(file("file0", "申请表.pdf"))
			.file(file("file2", "设计方案.pdf"))
			.with(user(applicant))
			.with(csrf()));

		assertThat(first.getResponse().getRedirectedUrl()).startsWith("/cases/660100-2026-");
		assertThat(second.getResponse().getRedirectedUrl()).isEqualTo(first.getResponse().getRedirectedUrl());
		assertThat(worklists.list(Worklist.MINE, applicant)).hasSize(before + 1);
	}

	@Test
	void twoSimultaneousPostsOfTheSameFormMakeOneCase() throws Exception {
		GovHallUser applicant = as("applicant");
		int before = worklists.list(Worklist.MINE, applicant).size();
		String token = token(page(get("/cases/new").param("item", PLANNING).with(user(applicant))));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<CompletableFuture<String>> posts = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				posts.add(CompletableFuture.supplyAsync(() -> {
					try {
						go.await();
						return send(application(PLANNING, token).file(file("file0", "申请表.pdf"))
							.file(file("file2", "设计方案.pdf"))
							.with(user(applicant))
							.with(csrf())).getResponse().getRedirectedUrl();
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}, pool));
			}
			go.countDown();
			String a = posts.get(0).get();
			String b = posts.get(1).get();
			assertThat(a).startsWith("/cases/660100-2026-").isEqualTo(b);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(worklists.list(Worklist.MINE, applicant)).hasSize(before + 1);
	}

	@Test
	void aRefusedUploadIsNamedWithItsMaterialAndReasonAndTheGoodFilesAreKept() throws Exception {
		GovHallUser applicant = as("applicant");
		int before = worklists.list(Worklist.MINE, applicant).size();
		long files = storedFiles();
		String form = page(get("/cases/new").param("item", PLANNING).with(user(applicant)));
		MvcResult refused = send(application(PLANNING, token(form)).file(file("file0", "申请表.pdf"))
			.file(new MockMultipartFile("file1", "土地证.exe", "application/octet-stream", "MZ\u0090\u0000".getBytes()))
			.file(file("file2", "设计方案.pdf"))
			.param("phone", "13800000009")
			.with(user(applicant))
			.with(csrf()));
		String page = refused.getResponse().getContentAsString();
		assertThat(refused.getResponse().getStatus()).isEqualTo(200);
		assertThat(page).contains("id=\"refusal\"", "有 1 个文件未能接收", "土地证.exe", "只接受 PDF、Word、Excel、JPEG 和 PNG 文件",
				"使用土地的有关证明文件");
		// the two good files are stored once and offered again with the form, and what
		// was typed stays
		assertThat(storedFiles()).isEqualTo(files + 2);
		assertThat(page).contains("申请表.pdf", "设计方案.pdf", "value=\"13800000009\"");
		assertThat(page).containsPattern("name=\"keep0\" value=\"[0-9a-f-]{36}\"")
			.containsPattern("name=\"keep2\" value=\"[0-9a-f-]{36}\"")
			.doesNotContain("name=\"keep1\"");
		assertThat(worklists.list(Worklist.MINE, applicant)).hasSize(before);
	}

	@Test
	void aRefusedWindowApplicationComesBackWithTheReasonAndKeepsTheUploadedFiles() throws Exception {
		GovHallUser clerk = as("clerk");
		String form = page(get("/cases/new").param("item", PLANNING).with(user(clerk)));
		assertThat(form).contains("name=\"applicantName\"", "name=\"applicantNumber\"", "name=\"applicantKind\"")
			.doesNotContain("name=\"authDocumentName\"");

		MvcResult refused = send(application(PLANNING, token(form)).file(file("file0", "申请表.pdf"))
			.param("applicantKind", "RESIDENT_ID")
			.param("applicantName", "王五")
			.param("applicantNumber", "110105199003071230")
			.with(user(clerk))
			.with(csrf()));

		assertThat(refused.getResponse().getStatus()).isEqualTo(200);
		String again = refused.getResponse().getContentAsString();
		assertThat(again).contains("id=\"refusal\"", "已上传：申请表.pdf", "value=\"王五\"");
		HtmlForm retry = HtmlForm.read(again, "/cases/new");
		assertThat(retry.values("keep0")).singleElement().asString().hasSize(36);

		MvcResult accepted = send(
				multipart("/cases/new").params(retry.set("applicantNumber", "110105199003071239").params())
					.with(user(clerk))
					.with(csrf()));
		assertThat(accepted.getResponse().getStatus()).as(accepted.getResponse().getContentAsString()).isEqualTo(302);
		String url = accepted.getResponse().getRedirectedUrl();
		assertThat(url).startsWith("/staff/cases/");
		CaseView c = reads.view(url.substring("/staff/cases/".length()), clerk);
		assertThat(c.channel()).isEqualTo(Channel.WINDOW);
		assertThat(c.firstHandler()).isEqualTo("clerk");
		assertThat(c.materials()).extracting(CaseRecords.SubmittedMaterial::fileId)
			.containsExactly(retry.value("keep0"));
		assertThat(page(get(url).with(user(clerk)))).as("staff see the number masked").contains("110105********1239");
	}

	@Test
	void anAgentAppliesUnderTheAuthorisationTheApplicantConfirmed() throws Exception {
		GovHallUser agent = as("agent");
		long id = authorisations.usableFor(agent, PLANNING).get(0).id();
		String form = page(get("/cases/new").param("item", PLANNING).with(user(agent)));
		assertThat(form).contains("name=\"authorisationId\"", "value=\"" + id + "\"", "张三", "name=\"authFile\"",
				"href=\"/authorisations\"");

		MvcResult sent = send(application(PLANNING, token(form)).file(file("file0", "申请表.pdf"))
			.file(file("file2", "设计方案.pdf"))
			.param("authorisationId", String.valueOf(id))
			.param("authDocumentName", "授权委托书")
			.param("phone", "0660-1234567")
			.with(user(agent))
			.with(csrf()));

		assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getContentAsString()).isEqualTo(302);
		String number = sent.getResponse().getRedirectedUrl().substring("/cases/".length());
		CaseView c = reads.view(number, agent);
		assertThat(c.channel()).isEqualTo(Channel.AGENT);
		assertThat(c.authorization().basis()).isEqualTo(CaseRecords.AgentAuthorization.Basis.CONFIRMED_ONLINE);
		assertThat(c.authorization().authorisationId()).isEqualTo(id);
		assertThat(c.applicantName()).isEqualTo("张三");
		assertThat(c.phone()).isEqualTo("0660-1234567");
		assertThat(page(get("/cases").with(user(agent)))).contains(number, "代办的办件");
		assertThat(page(get("/staff/cases/" + number).with(user(as("clerk")))))
			.contains("id=\"authorization\"", "在线确认的授权委托")
			.doesNotContain("authorization-check-form");
	}

	@Test
	void anAgentAppliesWithAWrittenPowerOfAttorneyWhichTheClerkChecksBeforeAcceptance() throws Exception {
		GovHallUser agent = as("agent");
		String form = page(get("/cases/new").param("item", PLANNING).with(user(agent)));
		MvcResult sent = send(application(PLANNING, token(form)).file(file("file0", "申请表.pdf"))
			.file(file("file2", "设计方案.pdf"))
			.file(file("authFile", "授权委托书.pdf"))
			.param("authorisationId", "")
			.param("applicantKind", "RESIDENT_ID")
			.param("applicantName", "王五")
			.param("applicantNumber", "110105198203150017")
			.param("authDocumentName", "授权委托书")
			.param("authValidUntil", "2026-12-31")
			.with(user(agent))
			.with(csrf()));

		assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getContentAsString()).isEqualTo(302);
		String number = sent.getResponse().getRedirectedUrl().substring("/cases/".length());
		CaseView c = reads.view(number, agent);
		assertThat(c.authorization().documentFileId()).hasSize(36);
		assertThat(c.authorization().awaitsCheck()).isTrue();
		GovHallUser clerk = as("clerk");
		String staffPage = page(get("/staff/cases/" + number).with(user(clerk)));
		assertThat(staffPage).contains("authorization-check-form", "authorization-unchecked",
				"id=\"authorization-scan\"",
				"/staff/cases/" + number + "/materials/" + c.authorization().documentFileId(), "王五", "data-confirm");
		MvcResult early = send(post("/staff/cases/" + number + "/acceptance").with(user(clerk)).with(csrf()));
		assertThat(early.getFlashMap().get("refusal")).isEqualTo("error.case.authorizationUnchecked");
		send(post("/staff/cases/" + number + "/authorization-check").param("genuine", "true")
			.with(user(clerk))
			.with(csrf()));
		assertThat(page(get("/staff/cases/" + number).with(user(clerk)))).contains("authorization-check\"")
			.doesNotContain("authorization-check-form");
		send(post("/staff/cases/" + number + "/acceptance").with(user(clerk)).with(csrf()));
		assertThat(reads.view(number, clerk).state()).isEqualTo(CaseState.ACCEPTED);
	}

	@Test
	void theAgentAndThePrincipalSeeTheirAuthorisationsOnTheirOwnPages() throws Exception {
		String agentPage = page(get("/authorisations").with(user(as("agent"))));
		assertThat(agentPage).contains("我的授权", "id=\"request-form\"", "张三", "有效", "data-confirm");
		String principalPage = page(get("/authorisations").with(user(as("applicant"))));
		assertThat(principalPage).contains("我的授权", "代办人 李四", "撤销授权", "data-confirm")
			.doesNotContain("id=\"request-form\"");
		// when it was answered, in the hall's time (Asia/Shanghai), not the server's UTC
		java.time.Instant answered = authorisations.ofPrincipal(as("applicant")).get(0).decidedAt();
		assertThat(principalPage).contains("答复于 " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.format(answered.atZone(java.time.ZoneId.of("Asia/Shanghai"))));
		assertThat(page(get("/authorisations").param("lang", "en").with(user(as("applicant")))))
			.contains("My authorisations", "Agent 李四", "Revoke");
		assertThat(perform(get("/authorisations").with(user(as("clerk")))).getStatus()).isEqualTo(403);
	}

	@Test
	void theGuideOffersToApplyOnlineAndTheFormNeedsALogin() throws Exception {
		assertThat(page(get("/items/" + PLANNING))).contains("href=\"/cases/new?item=" + PLANNING + "\"", "在线申请");
		MockHttpServletResponse anonymous = perform(get("/cases/new").param("item", PLANNING));
		assertThat(anonymous.getStatus()).isEqualTo(302);
		assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
		assertThat(perform(get("/cases/new").param("item", "NO-SUCH-ITEM").with(user(as("applicant")))).getStatus())
			.isEqualTo(404);
		assertThat(perform(get("/cases/new").param("item", PLANNING).with(user(as("reviewer")))).getStatus())
			.as("a reviewer takes no applications")
			.isEqualTo(403);
	}

	// ---- acceptance

	@Test
	void atTheWindowAnIncompleteApplicationIsTakenOnlyWithTheOneTimeNotice() throws Exception {
		GovHallUser clerk = as("clerk");
		String number = intake
			.submit(new SubmitCase(PLANNING,
					new SubmitCase.ApplicantData(IdentityKind.RESIDENT_ID, "李四", "110105199003071239"), null, null,
					List.of(new SubmitCase.MaterialFile(FORM, intake.upload("申请表.pdf", PDF, clerk).id()))), null, clerk)
			.number();
		String html = page(get("/staff/cases/" + number).with(user(clerk)));
		assertThat(html).as("the land certificate and the project approval come from data sharing")
			.contains("免于提交：请从电子证照库或信息共享平台调取核验");
		MvcResult incomplete = send(post("/staff/cases/" + number + "/acceptance").with(user(clerk)).with(csrf()));
		assertThat(flash(incomplete.getFlashMap())).containsEntry("refusal", "error.case.materialsIncomplete");
		assertThat(reads.view(number, clerk).state()).isEqualTo(CaseState.RECEIVED);
		HtmlForm notice = HtmlForm.read(html, "/staff/cases/" + number + "/correction-notice");
		assertThat(notice.values("issue")).as("the missing mandatory material is ticked").containsExactly("2");
		MvcResult sent = send(notice.set("problem2", "未提交").post().with(user(clerk)).with(csrf()));
		assertThat(flash(sent.getFlashMap())).containsKey("done").doesNotContainKey("refusal");
		assertThat(reads.view(number, clerk).state()).isEqualTo(CaseState.AWAITING_CORRECTION);
	}

	@Test
	void theClerkSendsTheOneTimeNoticeFromTheFormWithARowPerMaterial() throws Exception {
		String number = submitOnline(PLANNING, FORM);
		GovHallUser clerk = as("clerk");
		String html = page(get("/staff/cases/" + number).with(user(clerk)));
		HtmlForm notice = HtmlForm.read(html, "/staff/cases/" + number + "/correction-notice");
		assertThat(notice.names()).contains("issue", "problem0", "problem1", "problem2", "problem3", "problem4");
		assertThat(notice.values("issue")).as("a complete application: nothing is ticked").isEmpty();

		MvcResult blank = send(notice.set("issue", "1", "2").set("problem2", "").post().with(user(clerk)).with(csrf()));
		assertThat(blank.getFlashMap().get("refusal")).isEqualTo("error.case.problemRequired");
		assertThat(reads.view(number, clerk).state()).isEqualTo(CaseState.RECEIVED);

		MvcResult sent = send(notice.set("issue", "1", "2")
			.set("problem1", "未提交")
			.set("problem2", "缺总平面图")
			.post()
			.with(user(clerk))
			.with(csrf()));
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/staff/cases/" + number);
		assertThat(sent.getFlashMap().get("done")).asString().contains("已作出一次性告知");
		CaseView c = reads.view(number, clerk);
		assertThat(c.state()).isEqualTo(CaseState.AWAITING_CORRECTION);
		assertThat(c.notices()).singleElement()
			.satisfies(n -> assertThat(n.issues()).containsExactly(new CaseRecords.MaterialIssue(LAND, "未提交"),
					new CaseRecords.MaterialIssue(DESIGN, "缺总平面图")));

		String party = page(get("/cases/" + number).with(user(as("applicant"))));
		assertThat(party).contains("待补正", "需补正：缺总平面图", "/cases/" + number + "/corrections");
		HtmlForm corrections = HtmlForm.read(party, "/cases/" + number + "/corrections");
		assertThat(corrections.names()).as("a file input for each material the notice names")
			.containsExactly("file1", "file2");
		MvcResult corrected = send(multipart("/cases/" + number + "/corrections").file(file("file1", "土地证.pdf"))
			.file(file("file2", "总平面图.pdf"))
			.with(user(as("applicant")))
			.with(csrf()));
		assertThat(flash(corrected.getFlashMap())).containsKey("done").doesNotContainKey("refusal");
		assertThat(reads.view(number, clerk).state()).isEqualTo(CaseState.RECEIVED);

		// a second notice naming a material the first did not is a breach: staff see it
		// marked
		send(HtmlForm
			.read(page(get("/staff/cases/" + number).with(user(clerk))),
					"/staff/cases/" + number + "/correction-notice")
			.set("issue", "3")
			.set("problem3", "未提交")
			.post()
			.with(user(clerk))
			.with(csrf()));
		String staffPage = page(get("/staff/cases/" + number).with(user(clerk)));
		assertThat(staffPage).contains("违反一次性告知规定", "class=\"notice error breach\"");
		// the history in words: names, channel and material lists, never codes, login
		// names or list syntax
		String history = staffPage.substring(staffPage.indexOf("id=\"history\""));
		assertThat(history).contains("王窗口", "网上申请", LAND + "、" + DESIGN, "（新告知了：")
			.doesNotContain(">clerk<", "ONLINE", "[", "]", "null");
		assertThat(page(get("/cases/" + number).with(user(as("applicant"))))).doesNotContain("违反一次性告知规定");
	}

	@Test
	void aRefusedCorrectionStoresNoneOfItsFiles() throws Exception {
		String number = submitOnline(PLANNING, FORM);
		long stored = storedFiles();
		MvcResult early = send(multipart("/cases/" + number + "/corrections").file(file("file1", "土地证.pdf"))
			.with(user(as("applicant")))
			.with(csrf()));
		assertThat(flash(early.getFlashMap())).as("the case awaits no correction")
			.containsEntry("refusal", "error.case.state");

		handling.take(number, new CaseCommand.CorrectionNotice(List.of(new CaseCommand.Issue(LAND, "未提交"))),
				as("clerk"));
		MvcResult mixed = send(multipart("/cases/" + number + "/corrections").file(file("file1", "土地证.pdf"))
			.file(new MockMultipartFile("file1", "说明.html", "text/html", "<html></html>".getBytes()))
			.with(user(as("applicant")))
			.with(csrf()));
		assertThat(flash(mixed.getFlashMap())).as("one file of a type not accepted, named with its material")
			.containsEntry("refusal", "error.case.correctionFilesRefused");
		assertThat(page(get("/cases/" + number).with(user(as("applicant"))).flashAttrs(mixed.getFlashMap())))
			.contains("说明.html", "只接受 PDF、Word、Excel、JPEG 和 PNG 文件", "这次补正没有提交");
		assertThat(storedFiles()).as("files stored by the refused corrections").isEqualTo(stored);
		assertThat(reads.view(number, as("clerk")).state()).isEqualTo(CaseState.AWAITING_CORRECTION);
	}

	/**
	 * Files people uploaded. Not every stored file: the notices and decisions the
	 * documents listener renders after a step land in the store too, at a moment of their
	 * own.
	 */
	long storedFiles() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM storage_file WHERE id IN (SELECT file_id FROM cases_upload)",
				Long.class);
	}

	@Test
	void aRefusedActionComesBackOnTheCasePageInTheReadersWords() throws Exception {
		String number = submitOnline(PLANNING, FORM);
		GovHallUser clerk = as("clerk");
		assertThat(flash(
				send(post("/staff/cases/" + number + "/acceptance").with(user(clerk)).with(csrf())).getFlashMap()))
			.containsKey("done");

		MvcResult again = send(post("/staff/cases/" + number + "/acceptance").with(user(clerk)).with(csrf()));

		assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/staff/cases/" + number + "#step-acceptance");
		assertThat(again.getFlashMap().get("refusal")).isEqualTo("error.case.state");
		assertThat(page(get("/staff/cases/" + number).with(user(clerk)).flashAttrs(again.getFlashMap())))
			.contains("当前状态为“已受理”");
		assertThat(perform(post("/staff/cases/" + number + "/acceptance").with(user(as("reviewer-gh"))).with(csrf()))
			.getStatus()).as("a reviewer does not accept").isEqualTo(403);
		assertThat(perform(post("/staff/cases/" + number + "/acceptance").with(user(as("reviewer"))).with(csrf()))
			.getStatus()).as("another department does not see the case").isEqualTo(404);
	}

	@Test
	void anInstantItemIsDecidedOnTheSpotFromItsPage() throws Exception {
		String number = submitOnline(UNEMPLOYMENT);
		GovHallUser clerk = as("clerk");
		String html = page(get("/staff/cases/" + number).with(user(clerk)));
		assertThat(html).contains("/staff/cases/" + number + "/on-the-spot-decision");
		assertThat(html).contains("name=\"method\" value=\"ELECTRONIC\" checked");
		send(post("/staff/cases/" + number + "/on-the-spot-decision").param("method", "WINDOW")
			.with(user(clerk))
			.with(csrf()));
		CaseView done = reads.view(number, clerk);
		assertThat(done.state()).isEqualTo(CaseState.DELIVERED);
		assertThat(done.delivery().method()).as("handed over at the window, as chosen")
			.isEqualTo(DeliveryMethod.WINDOW);
		assertThat(page(get("/staff/cases/" + number).with(user(clerk)))).contains("当场办结")
			.doesNotContain("/staff/cases/" + number + "/delivery");
	}

	@Test
	void theStaffActionsTakeAJointCaseToDeliveryAndItsDocumentsAreServedAsPdf() throws Exception {
		String number = submitOnline(PLANNING, FORM, LAND, DESIGN);
		staffPost("clerk", number, "acceptance", Map.of());
		String gh = page(get("/staff/cases/" + number).with(user(as("reviewer-gh"))));
		assertThat(gh).contains("id=\"awaiting-opinions\"", "示范市住房和城乡建设局").doesNotContain("id=\"review-form\"");
		assertThat(page(get("/staff/cases/" + number).with(user(as("reviewer-zj"))))).contains("id=\"opinions-form\"")
			.doesNotContain("id=\"review-form\"");
		staffPost("reviewer-zj", number, "opinions", Map.of("verdict", "AGREE"));
		staffPost("reviewer-hb", number, "opinions", Map.of("verdict", "CONDITIONAL", "reasons", "落实雨污分流"));
		assertThat(page(get("/staff/cases/" + number).with(user(as("reviewer-hb"))))).as("given once")
			.doesNotContain("id=\"opinions-form\"");
		staffPost("reviewer-gh", number, "review", Map.of("recommendation", "APPROVED", "comments", "符合规划条件"));
		staffPost("approver-gh", number, "decision", Map.of("outcome", "APPROVED", "scope", "新建综合楼一栋"));
		staffPost("clerk", number, "delivery", Map.of("method", "WINDOW"));
		assertThat(reads.view(number, as("clerk")).state()).isEqualTo(CaseState.DELIVERED);

		IssuedDocument certificate = Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> reads.view(number, as("applicant"))
				.documents()
				.stream()
				.filter(d -> d.kind() == DocumentKind.CERTIFICATE)
				.findFirst()
				.orElse(null), d -> d != null);
		String party = page(get("/cases/" + number).with(user(as("applicant"))));
		assertThat(party).contains("href=\"/cases/" + number + "/documents/" + certificate.number() + "\"",
				"href=\"/verify/" + certificate.number() + "\"", "已送达办结", "准予许可");
		MockHttpServletResponse pdf = perform(
				get("/cases/" + number + "/documents/" + certificate.number()).with(user(as("applicant"))));
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(new String(pdf.getContentAsByteArray(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		assertThat(perform(get("/staff/cases/" + number + "/documents/" + certificate.number()).with(user(as("clerk"))))
			.getStatus()).isEqualTo(200);
		assertThat(perform(get("/cases/" + number + "/documents/" + certificate.number()).with(user(as("enterprise"))))
			.getStatus()).isEqualTo(404);

		String history = page(get("/staff/cases/" + number).with(user(as("clerk"))));
		assertThat(history).contains("联审意见", "附条件同意", "落实雨污分流", "审查", "送达", "窗口领取");
	}

	// ---- lists and clocks

	@Test
	void workListBadgesSayInWordsAndColourHowUrgentACaseIs() throws Exception {
		String number = submitOnline(PLANNING, FORM);
		GovHallUser clerk = as("clerk");

		String onTime = row(page(get("/staff/cases").param("list", "TO_ACCEPT").with(user(clerk))), number);
		assertThat(onTime).contains("st-ON_TIME", "正常", "2026-10-13", "剩 5 个工作日");

		clock.set("2026-10-12T09:00:00");
		String warning = row(page(get("/staff/cases").param("list", "TO_ACCEPT").with(user(clerk))), number);
		assertThat(warning).contains("class=\"badge clock-status st-WARNING\"", "即将到期", "剩 1 个工作日");

		clock.set("2026-10-14T09:00:00");
		String overdue = row(page(get("/staff/cases").param("list", "TO_ACCEPT").with(user(clerk))), number);
		assertThat(overdue).contains("class=\"badge clock-status st-OVERDUE\"", "已超期", "超期 1 个工作日");

		String tabs = page(get("/staff/cases").with(user(clerk)));
		assertThat(tabs).contains("待受理", "待补正", "待送达", "我首办的办件").doesNotContain("list=TO_REVIEW");
	}

	@Test
	void aDeadlineRunningIntoAnUnpublishedYearIsShownAsPendingNotAsOnTime() throws Exception {
		// accepted Monday 21 December: even the promised 15 working days run into 2027
		clock.set("2026-12-21T10:00:00");
		String number = submitOnline(PLANNING, FORM);
		handling.take(number, new CaseCommand.Acceptance(), as("clerk"));

		String list = row(page(get("/staff/cases").param("list", "TO_REVIEW").with(user(as("reviewer-gh")))), number);
		assertThat(list).contains("st-AWAITING_CALENDAR", "期限待定").doesNotContain("st-ON_TIME");

		String html = page(get("/staff/cases/" + number).with(user(as("reviewer-gh"))));
		assertThat(html).contains("class=\"badge clock-status st-AWAITING_CALENDAR\"", "期限待定（待下一年度节假日安排公布）",
				"2027 年节假日安排公布后计算");
		// beside it the provisional date, labelled as such, counted on weekends only; the
		// list shows the nearer of
		// the promised (15) and statutory (45 working days) dates
		assertThat(list).contains("暂估 2027-01-11（按周末推算，仅供排序和预警）");
		assertThat(html).contains("暂估 2027-02-22（按周末推算，仅供排序和预警）", "暂估 2027-01-11（按周末推算，仅供排序和预警）")
			.doesNotContain("null");
	}

	@Test
	void fromNovemberTheProvincesAdministratorsSeeWhichYearIsMissingAndHowManyOpenCasesWait() throws Exception {
		clock.set("2026-11-27T10:00:00");
		String number = submitOnline(PLANNING, FORM);
		handling.take(number, new CaseCommand.Acceptance(), as("clerk"));
		long waiting = jdbc
			.queryForObject("SELECT COUNT(*) FROM cases_case WHERE closed_on IS NULL AND awaits_calendar", Long.class);
		assertThat(waiting).isPositive();

		String admin = page(get("/staff").with(user(as("admin"))));
		assertThat(admin).contains("id=\"calendar-gap\"", "2027 年节假日安排尚未载入：" + waiting + " 件在办案件的期限待定");
		// a city's administrator, a clerk, and the province's administrator before
		// November see no such banner
		assertThat(page(get("/staff").with(user(as("admin-bs"))))).doesNotContain("calendar-gap");
		assertThat(page(get("/staff").with(user(as("clerk"))))).doesNotContain("calendar-gap");
		clock.set("2026-10-30T10:00:00");
		assertThat(page(get("/staff").with(user(as("admin"))))).doesNotContain("calendar-gap");
	}

	@Test
	void anApplicantHasNoStaffPagesAndSeesOnlyTheirOwnCases() throws Exception {
		GovHallUser applicant = as("applicant");
		String number = submitOnline(PLANNING, FORM);
		assertThat(perform(get("/staff/cases").with(user(applicant))).getStatus()).isEqualTo(403);
		assertThat(perform(get("/staff/cases").param("list", "FIRST_HANDLED").with(user(applicant))).getStatus())
			.isEqualTo(403);
		assertThat(perform(get("/staff/cases/" + number).with(user(applicant))).getStatus()).isEqualTo(403);
		assertThat(page(get("/cases").with(user(applicant)))).contains(number, "我的办件");
		assertThat(perform(get("/cases/" + number).with(user(as("enterprise")))).getStatus()).isEqualTo(404);
		assertThat(perform(get("/cases").param("x", "1")).getRedirectedUrl()).endsWith("/login");
		// a citizen's login lands on their own cases, and every page's header leads there
		assertThat(perform(get("/staff").with(user(applicant))).getRedirectedUrl()).isEqualTo("/cases");
		assertThat(page(get("/items").with(user(applicant))))
			.contains("<a href=\"/cases\" id=\"nav-my-cases\">我的办件</a>")
			.doesNotContain(">工作台<");
		assertThat(page(get("/items").with(user(as("clerk"))))).doesNotContain("nav-my-cases");
		assertThat(page(get("/staff").with(user(as("clerk"))))).contains("href=\"/staff/cases?list=TO_ACCEPT\"");
	}

	// ---- public progress

	@Test
	void thePublicProgressPageShowsTheStageAndDeadlineButNothingPersonal() throws Exception {
		String number = submitOnline(PLANNING, FORM);
		String code = reads.view(number, as("applicant")).queryCode();
		handling.take(number, new CaseCommand.Acceptance(), as("clerk"));

		assertThat(page(get("/progress"))).contains("id=\"progress-form\"").doesNotContain("id=\"not-found\"");
		MockHttpServletResponse found = perform(
				get("/progress").param("number", number).param("code", code.toLowerCase(Locale.ROOT)));
		assertThat(found.getStatus()).isEqualTo(200);
		String html = found.getContentAsString();
		assertThat(html).contains("已受理", "法定办结期限", "2026-09-30", "2026-10-01..10-07", "建设工程规划许可证核发")
			.doesNotContain("张三", "110105", "联审意见期限");

		MockHttpServletResponse wrongCode = perform(get("/progress").param("number", number).param("code", "ZZZZZZZZ"));
		MockHttpServletResponse wrongNumber = perform(
				get("/progress").param("number", "660100-2026-9999999").param("code", code));
		assertThat(wrongCode.getStatus()).isEqualTo(404);
		assertThat(wrongNumber.getStatus()).isEqualTo(404);
		assertThat(wrongCode.getContentAsString()).contains("未找到该办件");
		assertThat(echoless(wrongCode.getContentAsString(), number, "ZZZZZZZZ"))
			.isEqualTo(echoless(wrongNumber.getContentAsString(), "660100-2026-9999999", code));
	}

	// ---- every page

	@Test
	void noCasePageHasAnInlineStyleOrScript() throws Exception {
		String number = submitOnline(PLANNING, FORM);
		String code = reads.view(number, as("applicant")).queryCode();
		List<RequestBuilder> pages = List.of(get("/cases/new").param("item", PLANNING).with(user(as("applicant"))),
				get("/cases/new").param("item", PLANNING).with(user(as("agent"))),
				get("/authorisations").with(user(as("agent"))), get("/authorisations").with(user(as("applicant"))),
				get("/cases/new").param("item", PLANNING).with(user(as("clerk"))),
				get("/cases").with(user(as("applicant"))), get("/cases/" + number).with(user(as("applicant"))),
				get("/staff/cases/" + number).with(user(as("clerk"))), get("/staff/cases").with(user(as("clerk"))),
				get("/staff/cases").with(user(as("reviewer-gh"))),
				get("/staff/cases").param("list", "TO_DECIDE").with(user(as("approver-gh"))),
				get("/staff").with(user(as("clerk"))), get("/progress"),
				get("/progress").param("number", number).param("code", code),
				get("/progress").param("number", number).param("code", "WRONG"), get("/items/" + PLANNING),
				get("/cases/" + number + "?lang=en").with(user(as("applicant"))));
		for (RequestBuilder request : pages) {
			MockHttpServletResponse response = perform(request);
			String html = response.getContentAsString();
			assertThat(response.getStatus()).isIn(200, 404);
			assertThat(html).as("a page rendered").contains("</html>");
			assertThat(INLINE_STYLE.matcher(html).find()).as("inline style").isFalse();
			assertThat(INLINE_SCRIPT.matcher(html).find()).as("inline script").isFalse();
			assertThat(INLINE_HANDLER.matcher(html).find()).as("inline event handler").isFalse();
		}
	}

	@Test
	void theEnglishCasePageNamesTheMaterialsInEnglish() throws Exception {
		String number = submitOnline(PLANNING, "建设工程规划许可申请表");
		String en = perform(get("/cases/" + number + "?lang=en").with(user(as("applicant")))).getContentAsString();
		assertThat(en).contains("Application form for a construction project planning permit")
			.doesNotContain("建设工程规划许可申请表");
		String zh = perform(get("/cases/" + number + "?lang=zh-CN").with(user(as("applicant")))).getContentAsString();
		assertThat(zh).contains("建设工程规划许可申请表");
	}

	@Test
	void everyValueTheCasePagesNameHasALabel() {
		List<String> keys = new ArrayList<>();
		for (Channel v : Channel.values()) {
			keys.add("cases.channel." + v);
		}
		for (Outcome v : Outcome.values()) {
			keys.add("cases.outcome." + v);
		}
		for (Verdict v : Verdict.values()) {
			keys.add("cases.verdict." + v);
		}
		for (DeliveryMethod v : DeliveryMethod.values()) {
			keys.add("cases.delivery." + v);
		}
		for (CaseClock.Kind v : CaseClock.Kind.values()) {
			keys.add("cases.clock.kind." + v);
		}
		for (CaseClock.Status v : CaseClock.Status.values()) {
			keys.add("cases.clock.status." + v);
		}
		for (CaseState v : CaseState.values()) {
			if (!v.isOpen()) {
				keys.add("cases.progress.closed." + v);
			}
		}
		for (String key : keys) {
			for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
				assertThat(messages.getMessage(key, null, null, locale)).as(key + " " + locale).isNotBlank();
			}
		}
	}

	// ---- helpers

	String submitOnline(String item, String... materials) {
		GovHallUser applicant = as("applicant");
		List<SubmitCase.MaterialFile> files = new ArrayList<>();
		for (String m : RequiredMaterials.completing(RequiredMaterials.of(catalog, item), materials)) {
			files.add(new SubmitCase.MaterialFile(m, intake.upload("材料.pdf", PDF, applicant).id()));
		}
		return intake.submit(new SubmitCase(item, null, null, null, files), null, applicant).number();
	}

	void staffPost(String username, String number, String action, Map<String, String> params) throws Exception {
		var request = post("/staff/cases/" + number + "/" + action).with(user(as(username))).with(csrf());
		params.forEach(request::param);
		MvcResult result = send(request);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/staff/cases/" + number);
		assertThat(flash(result.getFlashMap())).as(action + " by " + username)
			.doesNotContainKey("refusal")
			.containsKey("done");
	}

	static MockMultipartHttpServletRequestBuilder application(String item, String token) {
		return (MockMultipartHttpServletRequestBuilder) multipart("/cases/new").param("item", item)
			.param("token", token);
	}

	static MockMultipartFile file(String field, String name) {
		return new MockMultipartFile(field, name, "application/pdf", PDF);
	}

	static String token(String html) {
		Matcher m = TOKEN.matcher(html);
		assertThat(m.find()).as("the form has a one-time token").isTrue();
		return m.group(1);
	}

	/** The table row of a work list that shows the case. */
	static String row(String html, String number) {
		int at = html.indexOf("data-number=\"" + number + "\"");
		assertThat(at).as("row of " + number).isPositive();
		return html.substring(at, html.indexOf("</tr>", at));
	}

	/** The page without what the visitor typed, which the form shows again. */
	static String echoless(String html, String number, String code) {
		return html.replace("value=\"" + number + "\"", "value=\"N\"").replace("value=\"" + code + "\"", "value=\"C\"");
	}

	static Map<String, Object> flash(Map<String, Object> map) {
		return map;
	}

	String page(RequestBuilder request) throws Exception {
		MockHttpServletResponse response = perform(request);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString();
	}

	MockHttpServletResponse perform(RequestBuilder request) throws Exception {
		return send(request).getResponse();
	}

	MvcResult send(RequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn();
	}

}
