package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.IdentityKind;
import org.govhall.documents.DocumentKind;
import org.govhall.documents.Documents;
import org.govhall.documents.IssuedDocument;
import org.govhall.support.FailingDisk;
import org.govhall.support.GovHallTest;
import org.govhall.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12, item 7: a document the law requires is never silently missing. What
 * typesetting depends on is checked at the step (a 400 in the requester's language,
 * nothing stored); a document that still fails is retried until it is issued, and shown
 * until then as "文书未出具" on the department's workbench, its case list and case page, and
 * in supervision; the step's answer lists only documents that exist. The shared
 * application, whose disk the tests fail ({@link FailingDisk}) and heal.
 */
@GovHallTest
class DocumentsNeverMissingTests {

	static final String FOOD = CaseJourneyTests.FOOD;

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseHandling handling;

	@Autowired
	CaseIntake intake;

	@Autowired
	Directory directory;

	@Autowired
	Documents documents;

	@Autowired
	DocumentsOwed owed;

	@Autowired
	FailingDisk disk;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock.Moving clock;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void start() {
		clock.set("2026-10-12T10:00:00");
		disk.heal();
	}

	@AfterEach
	void heal() {
		disk.heal();
	}

	GovHallUser as(String username) {
		return directory.principal(username).orElseThrow();
	}

	/**
	 * A food licence application taken in at the window (received only), its receipt
	 * issued.
	 */
	String received(String name) {
		String number = intake
			.submit(new SubmitCase(FOOD,
					new SubmitCase.ApplicantData(IdentityKind.RESIDENT_ID, name, "110105199003071239"), null, null,
					List.of()), null, as("clerk"))
			.number();
		awaitIssued(number, DocumentKind.RECEIPT);
		return number;
	}

	IssuedDocument awaitIssued(String number, DocumentKind kind) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> documents.forCase(number).stream().filter(d -> d.kind() == kind).findFirst().orElse(null),
					d -> d != null);
	}

	/**
	 * Runs the resubmission job (system/EventResubmission, as its schedule would) until
	 * the document is issued; the clock is moved past the time after which it resubmits a
	 * failed publication.
	 */
	IssuedDocument retried(String number, DocumentKind kind) {
		clock.set("2026-10-12T10:20:00");
		Object job = AopTestUtils.getUltimateTargetObject(context.getBean("eventResubmission"));
		// the job runs again at most every 2 seconds (as its schedule would, not once per
		// look), while the look for the document is every 50 ms
		AtomicLong lastRun = new AtomicLong();
		return Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> {
				if (System.nanoTime() - lastRun.get() >= Duration.ofSeconds(2).toNanos() || lastRun.get() == 0) {
					lastRun.set(System.nanoTime());
					ReflectionTestUtils.invokeMethod(job, "resubmit");
				}
				return documents.forCase(number).stream().filter(d -> d.kind() == kind).findFirst().orElse(null);
			}, d -> d != null);
	}

	static String text(byte[] pdf) throws IOException {
		try (var doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
		}
	}

	MockHttpServletResponse api(String path, String username, Object body, String language) throws Exception {
		return mvc
			.perform(post(path).with(user(as(username)))
				.contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", language)
				.content(JSON.writeValueAsString(body)))
			.andReturn()
			.getResponse();
	}

	String page(RequestBuilder request) throws Exception {
		MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
		assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
		return r.getContentAsString(StandardCharsets.UTF_8);
	}

	JsonNode json(MockHttpServletResponse r) throws Exception {
		return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
	}

	String state(String number) {
		return jdbc.sql("SELECT state FROM cases_case WHERE number = :n")
			.param("n", number)
			.query(String.class)
			.single();
	}

	// ---- limits checked at the step

	@Test
	void aRefusalWithReasonsAsLongAsAllowedIssuesItsDecisionWithTheWholeReasons() throws Exception {
		String number = received("李长理");
		String reasons = ("申请人提交的经营场所证明与实际经营地址不一致，且未提供食品安全管理制度文本，现场核查发现加工区与就餐区未分隔。").repeat(40).substring(0, 1989)
				+ "以上情形不符合法定条件";
		assertThat(reasons).hasSize(2000);

		MockHttpServletResponse r = api("/api/v1/cases/" + number + "/refusal", "clerk", Map.of("reasons", reasons),
				"zh-CN");

		assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
		IssuedDocument refusal = awaitIssued(number, DocumentKind.REFUSAL_DECISION);
		assertThat(text(documents.pdf(refusal))).contains("经审查：")
			.contains(reasons.substring(0, 60))
			.contains("以上情形不符合法定条件")
			.contains("决定不予受理");
		assertThat(owed.forCase(number)).isEmpty();
	}

	@Test
	void aControlCharacterInTheApplicantsNameIsRefusedAtTheWindowBeforeAnythingIsStored() throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single();
		Map<String, Object> body = Map.of("itemCode", FOOD, "applicant",
				Map.of("kind", "RESIDENT_ID", "name", "张\u0007三", "number", "110105199003071239"));

		MockHttpServletResponse zh = api("/api/v1/cases", "clerk", body, "zh-CN");
		assertThat(zh.getStatus()).as(zh.getContentAsString()).isEqualTo(400);
		assertThat(zh.getContentType()).startsWith("application/problem+json");
		JsonNode problem = json(zh);
		// refused by the names rule (issue 12, item 6) before the documents' own check
		// could see it
		assertThat(problem.get("type").asString()).endsWith("invalid-input");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("applicant.name");
		assertThat(problem.get("errors").get(0).get("message").asString()).contains("控制字符");

		MockHttpServletResponse en = api("/api/v1/cases", "clerk", body, "en");
		assertThat(en.getStatus()).isEqualTo(400);
		assertThat(json(en).get("errors").get(0).get("message").asString()).contains("control characters");

		// a character the document font lacks (CJK Extension B) would print as "#":
		// refused, naming it
		MockHttpServletResponse rare = api("/api/v1/cases", "clerk",
				Map.of("itemCode", FOOD, "applicant",
						Map.of("kind", "RESIDENT_ID", "name", "\uD842\uDFB7野家", "number", "110105199003071239")),
				"zh-CN");
		assertThat(rare.getStatus()).as(rare.getContentAsString()).isEqualTo(400);
		assertThat(json(rare).get("errors").get(0).get("message").asString()).contains("\uD842\uDFB7");

		assertThat(jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void textTheDocumentsCannotPrintIsRefusedAtTheStepAndBrowserLineBreaksAreKept() throws Exception {
		String number = received("王印字");

		MockHttpServletResponse emoji = api("/api/v1/cases/" + number + "/refusal", "clerk",
				Map.of("reasons", "材料不全\uD83D\uDE00"), "zh-CN");
		assertThat(emoji.getStatus()).as(emoji.getContentAsString()).isEqualTo(400);
		assertThat(json(emoji).get("errors").get(0).get("field").asString()).isEqualTo("reasons");
		assertThat(json(emoji).get("errors").get(0).get("message").asString()).contains("\uD83D\uDE00");
		MockHttpServletResponse bell = api("/api/v1/cases/" + number + "/refusal", "clerk",
				Map.of("reasons", "材料不全\u0007"), "en");
		assertThat(bell.getStatus()).isEqualTo(400);
		assertThat(state(number)).isEqualTo("RECEIVED");

		// a textarea's CR LF and a tab are kept as a line break and a space, and the
		// decision is issued
		MockHttpServletResponse ok = api("/api/v1/cases/" + number + "/refusal", "clerk",
				Map.of("reasons", "一、缺少营业执照；\r\n二、\t经营场所不符。"), "zh-CN");
		assertThat(ok.getStatus()).as(ok.getContentAsString()).isEqualTo(200);
		assertThat(json(ok).get("refusal").get("reasons").asString()).isEqualTo("一、缺少营业执照；\n二、 经营场所不符。");
		assertThat(text(documents.pdf(awaitIssued(number, DocumentKind.REFUSAL_DECISION)))).contains("经营场所不符");
	}

	@Test
	void aOneTimeNoticeTooLongForADocumentIsRefusedWholeAtTheStep() throws Exception {
		String number = received("赵告知");
		List<Map<String, String>> issues = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			issues.add(Map.of("material", "食品经营许可申请书", "problem", "填写不完整，".repeat(83)));
		}

		MockHttpServletResponse r = api("/api/v1/cases/" + number + "/correction-notice", "clerk",
				Map.of("issues", issues), "zh-CN");

		assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);
		assertThat(json(r).get("type").asString()).endsWith("document-limits");
		assertThat(json(r).get("detail").asString()).contains("一次性告知书");
		assertThat(state(number)).isEqualTo("RECEIVED");
		assertThat(owed.forCase(number)).isEmpty();
	}

	// ---- a document that still fails: shown, retried, issued

	@Test
	void aDocumentThatCannotBeIssuedIsShownAsNotIssuedUntilTheRetryIssuesItOnceTheCauseIsFixed() throws Exception {
		String number = received("孙重试");
		disk.fail();

		MockHttpServletResponse refused = api("/api/v1/cases/" + number + "/refusal", "clerk",
				Map.of("reasons", "经营场所不符合要求"), "zh-CN");
		assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(200);
		// the answer claims no document that does not exist: the decision is owed, not
		// issued
		JsonNode answer = json(refused);
		answer.get("documents").forEach(d -> assertThat(d.get("kind").asString()).isNotEqualTo("REFUSAL_DECISION"));
		assertThat(answer.get("documentsOwed").get(0).get("kind").asString()).isEqualTo("REFUSAL_DECISION");

		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> owed.forCase(number).stream().anyMatch(OwedDocument::failed));
		assertThat(documents.forCase(number)).extracting(IssuedDocument::kind)
			.doesNotContain(DocumentKind.REFUSAL_DECISION);

		// the department sees it: workbench, its list, the case page
		assertThat(page(get("/staff").with(user(as("clerk"))))).contains("id=\"go-documents-owed\"").contains("文书未出具");
		String list = page(get("/staff/cases").param("list", "DOCUMENTS_OWED").with(user(as("clerk"))));
		assertThat(list).contains("data-number=\"" + number + "\"").contains("documents-owed");
		String casePage = page(get("/staff/cases/" + number).with(user(as("clerk"))));
		assertThat(casePage).contains("id=\"documents-owed\"").contains("不予受理决定书").contains("出具失败");
		// and supervision: a count and a list, on the page and over the API
		String supervision = page(get("/supervision/documents").with(user(as("supervisor"))));
		assertThat(supervision).contains("id=\"documents-owed-count\"").contains("data-number=\"" + number + "\"");
		JsonNode listed = JSON
			.readTree(mvc.perform(get("/api/v1/supervision/documents-owed").with(user(as("supervisor"))))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8));
		assertThat(listed.toString()).contains(number).contains("REFUSAL_DECISION");
		// another region's department head does not
		assertThat(page(get("/supervision/documents").with(user(as("deptadmin-qc"))))).doesNotContain(number);

		// the cause is fixed; the resubmission job delivers the failed publication again
		// and the decision is issued
		disk.heal();
		IssuedDocument issued = retried(number, DocumentKind.REFUSAL_DECISION);
		assertThat(text(documents.pdf(issued))).contains("经营场所不符合要求");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> owed.forCase(number).isEmpty());
		assertThat(documents.forCase(number).stream().filter(d -> d.kind() == DocumentKind.REFUSAL_DECISION))
			.hasSize(1);
		assertThat(page(get("/supervision/documents").with(user(as("supervisor"))))).doesNotContain(number);
		assertThat(page(get("/staff/cases/" + number).with(user(as("clerk"))))).doesNotContain("id=\"documents-owed\"");
	}

	@Test
	void aWindowIntakeWhoseDocumentsFailAnswersWithWhatExistsAndOwesTheRest() throws Exception {
		List<String> originals = CaseJourneyTests.NURSE_MATERIALS;
		disk.fail();

		MockHttpServletResponse r = api("/api/v1/cases/intake", "clerk", CaseJourneyTests.walkIn(originals, List.of()),
				"zh-CN");

		assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
		JsonNode answer = json(r);
		assertThat(answer.get("documents")).isEmpty();
		List<String> owedKinds = new ArrayList<>();
		answer.get("caseView").get("documentsOwed").forEach(d -> owedKinds.add(d.get("kind").asString()));
		assertThat(owedKinds).containsExactlyInAnyOrder("RECEIPT", "ACCEPTANCE_NOTICE");
		assertThat(answer.get("caseView").get("documents")).isEmpty();

		String number = answer.get("caseView").get("number").asString();
		// tried at the window, then by each listener after the commit
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> owed.forCase(number).size() == 2
					&& owed.forCase(number).stream().allMatch(d -> d.attempts() >= 2));
		String casePage = page(get("/staff/cases/" + number).with(user(as("clerk"))));
		assertThat(casePage).contains("id=\"documents-owed\"").contains("收件凭证").contains("受理通知书");
		disk.heal();
		retried(number, DocumentKind.RECEIPT);
		retried(number, DocumentKind.ACCEPTANCE_NOTICE);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> owed.forCase(number).isEmpty());
	}

}
