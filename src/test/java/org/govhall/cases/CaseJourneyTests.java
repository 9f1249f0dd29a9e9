package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.awaitility.Awaitility;
import org.govhall.support.ApiClient;
import org.govhall.support.ApiClient.Response;
import org.govhall.support.GovHallTest;
import org.govhall.support.MovableClock;
import org.govhall.support.RequiredMaterials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Cases through the API as applicants, agents, clerks, reviewers of three departments and
 * approvers handle them, with the clock moved by hand around the 2026 National Day
 * holiday. Runs on H2 and on PostgreSQL.
 */
@GovHallTest
abstract class CaseJourneyTests {

	/** 建设工程规划许可证核发 of 示范市自然资源和规划局, joint with 住建局 and 生态环境局; 45 working days. */
	static final String PLANNING = "660100-XK-05001";

	static final String FORM = "建设工程规划许可申请表";

	static final String LAND = "使用土地的有关证明文件（不动产权证书或者国有土地使用权出让合同）";

	static final String DESIGN = "建设工程设计方案（总平面图、建筑单体方案、技术经济指标）";

	/**
	 * 食品经营许可 of 示范市市场监督管理局: 20 working days, inspection (检测) listed as a special
	 * procedure.
	 */
	static final String FOOD = "660100-XK-02001";

	static final String FOOD_FORM = "食品经营许可申请书";

	/** 失业登记, an instant item of 示范市人力资源和社会保障局. */
	static final String UNEMPLOYMENT = "660100-GG-04004";

	static final byte[] PDF = "%PDF-1.4\n%test material\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

	@LocalServerPort
	int port;

	@Autowired
	MovableClock.Moving clock;

	@Autowired
	CaseHandling handling;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.govhall.documents.Documents documents;

	ApiClient api;

	@BeforeEach
	void start() {
		api = new ApiClient(port);
		clock.set("2026-09-30T10:00:00");
	}

	String upload(String user) {
		Response r = api.upload("/api/v1/cases/files", user, "材料.pdf", PDF);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("fileId").asString();
	}

	JsonNode submitOnline(String item, String... materials) {
		List<Map<String, String>> files = new ArrayList<>();
		for (String m : RequiredMaterials.completing(RequiredMaterials.of(api, item), materials)) {
			files.add(Map.of("material", m, "fileId", upload("applicant")));
		}
		Response r = api.post("/api/v1/cases", "applicant", Map.of("itemCode", item, "materials", files));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json();
	}

	JsonNode ok(Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	static String clockExplanation(JsonNode caseJson) {
		return caseJson.get("clocks").get(0).get("explanation").asString();
	}

	@Test
	void aJointReviewCaseGoesFromOnlineApplicationToDeliveryAroundNationalDay() {
		JsonNode c = submitOnline(PLANNING, FORM);
		String number = c.get("number").asString();
		assertThat(c.get("state").asString()).isEqualTo("RECEIVED");
		assertThat(c.get("channel").asString()).isEqualTo("ONLINE");
		assertThat(c.get("clocks").get(0).get("dueDate").get("due").asString()).isEqualTo("2026-10-13");
		assertThat(clockExplanation(c)).contains("2026-10-13")
			.contains("2026-09-30")
			.contains("2026-10-01..10-07")
			.contains("2026-10-10");

		// one-time notice of everything missing, then the applicant corrects after the
		// holiday
		c = ok(api.post("/api/v1/cases/" + number + "/correction-notice", "clerk", Map.of("issues",
				List.of(Map.of("material", LAND, "problem", "未提交"), Map.of("material", DESIGN, "problem", "缺总平面图")))));
		assertThat(c.get("state").asString()).isEqualTo("AWAITING_CORRECTION");
		assertThat(c.get("firstHandler").asString()).isEqualTo("clerk");
		clock.set("2026-10-09T09:00:00");
		c = ok(api.post("/api/v1/cases/" + number + "/corrections", "applicant",
				Map.of("materials", List.of(Map.of("material", LAND, "fileId", upload("applicant")),
						Map.of("material", DESIGN, "fileId", upload("applicant"))))));
		assertThat(c.get("state").asString()).isEqualTo("RECEIVED");
		assertThat(c.get("receivedOn").asString()).isEqualTo("2026-10-09");
		// Sat 10 October is a make-up working day: it counts
		assertThat(c.get("clocks").get(0).get("dueDate").get("due").asString()).isEqualTo("2026-10-15");

		c = ok(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null));
		assertThat(c.get("state").asString()).isEqualTo("ACCEPTED");
		assertThat(c.get("acceptedOn").asString()).isEqualTo("2026-10-09");
		assertThat(c.get("opinions")).hasSize(2);

		// the lead reviewer must wait for both co-departments
		Response early = api.post("/api/v1/cases/" + number + "/review", "reviewer-gh",
				Map.of("recommendation", "APPROVED", "comments", "符合"));
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.json().get("detail").asString()).contains("示范市住房和城乡建设局").doesNotContain("660100-ZJJ");
		assertThat(api
			.post("/api/v1/cases/" + number + "/review", "reviewer-gh",
					Map.of("recommendation", "APPROVED", "comments", "符合"), "Accept-Language", "en")
			.json()
			.get("detail")
			.asString()).contains("Demo City Housing and Urban-Rural Development Bureau").doesNotContain("住房");
		assertThat(api.post("/api/v1/cases/" + number + "/opinions", "reviewer", Map.of("verdict", "AGREE")).status())
			.isIn(403, 404);
		ok(api.post("/api/v1/cases/" + number + "/opinions", "reviewer-zj", Map.of("verdict", "AGREE")));
		assertThat(api.post("/api/v1/cases/" + number + "/opinions", "reviewer-hb", Map.of("verdict", "CONDITIONAL"))
			.status()).isEqualTo(400);
		ok(api.post("/api/v1/cases/" + number + "/opinions", "reviewer-hb",
				Map.of("verdict", "CONDITIONAL", "reasons", "落实雨污分流")));
		assertThat(
				api.post("/api/v1/cases/" + number + "/opinions", "reviewer-hb", Map.of("verdict", "AGREE")).status())
			.isEqualTo(409);
		c = ok(api.post("/api/v1/cases/" + number + "/review", "reviewer-gh",
				Map.of("recommendation", "APPROVED", "comments", "符合规划条件")));
		assertThat(c.get("state").asString()).isEqualTo("REVIEWED");

		// whoever reviewed may not approve; the approver decides
		assertThat(api.post("/api/v1/cases/" + number + "/decision", "reviewer-gh", Map.of("outcome", "APPROVED"))
			.status()).isEqualTo(403);
		c = ok(api.post("/api/v1/cases/" + number + "/decision", "approver-gh",
				Map.of("outcome", "APPROVED", "scope", "新建综合楼一栋，地上十二层")));
		assertThat(c.get("state").asString()).isEqualTo("DECIDED");
		assertThat(c.get("decision").get("certificateNo").asString()).startsWith("660100-ZRGH-2026-");
		assertThat(c.get("clocks").get(0).get("kind").asString()).isEqualTo("DELIVERY");

		c = ok(api.post("/api/v1/cases/" + number + "/delivery", "clerk", Map.of("method", "WINDOW")));
		assertThat(c.get("state").asString()).isEqualTo("DELIVERED");
		assertThat(c.get("delivery").get("late").asBoolean()).isFalse();

		// the written notices and decisions follow each step, as verifiable PDFs
		String finalNumber = number;
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode docs = ok(api.get("/api/v1/cases/" + finalNumber, "applicant")).get("documents");
			List<String> kinds = new ArrayList<>();
			docs.forEach(d -> kinds.add(d.get("kind").asString()));
			assertThat(kinds).contains("CORRECTION_NOTICE", "ACCEPTANCE_NOTICE", "APPROVAL_DECISION", "CERTIFICATE");
		});
		JsonNode docs = ok(api.get("/api/v1/cases/" + number, "applicant")).get("documents");
		String certificate = null;
		for (JsonNode d : docs) {
			if (d.get("kind").asString().equals("CERTIFICATE")) {
				certificate = d.get("number").asString();
			}
		}
		Response pdf = api.get("/api/v1/cases/" + number + "/documents/" + certificate, "applicant");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		assertThat(api.get("/api/v1/cases/" + number + "/documents/" + certificate, "enterprise").status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/documents/" + certificate, null).status()).isEqualTo(200);

		// the applicant and the first handler heard of every step
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(ok(api.get("/api/v1/notifications", "applicant")).toString()).contains(finalNumber + " 已受理")
				.contains(finalNumber + " 的决定已送达");
			assertThat(ok(api.get("/api/v1/notifications", "clerk")).toString()).contains(finalNumber + " 已作出决定");
		});
		JsonNode inbox = ok(api.get("/api/v1/notifications", "applicant"));
		long id = inbox.get(0).get("id").asLong();
		assertThat(api.post("/api/v1/notifications/" + id + "/read", "applicant", null).status()).isEqualTo(204);
		assertThat(api.post("/api/v1/notifications/" + id + "/read", "enterprise", null).status()).isEqualTo(404);

		List<String> actions = new ArrayList<>();
		c.get("history").forEach(h -> actions.add(h.get("action").asString()));
		assertThat(actions).containsExactly("RECEIVED", "CORRECTION_REQUESTED", "CORRECTED", "ACCEPTED",
				"OPINION_RECORDED", "OPINION_RECORDED", "REVIEWED", "DECIDED", "DELIVERED");

		// the public sees the progress with the query code, and nothing personal
		String code = c.get("queryCode").asString();
		Response progress = api.get("/api/v1/progress?number=" + number + "&code=" + code, null);
		assertThat(progress.status()).isEqualTo(200);
		assertThat(progress.json().get("state").asString()).isEqualTo("DELIVERED");
		assertThat(progress.body()).doesNotContain("张三").doesNotContain("110105");
		Response wrongCode = api.get("/api/v1/progress?number=" + number + "&code=ZZZZZZZZ", null);
		Response wrongNumber = api.get("/api/v1/progress?number=660100-2026-9999999&code=" + code, null);
		assertThat(wrongCode.status()).isEqualTo(404);
		assertThat(wrongCode.body().replace(number, ""))
			.isEqualTo(wrongNumber.body().replace("660100-2026-9999999", ""));
	}

	@Test
	void aCoDepartmentWorksToItsOwnSubDeadlineAndTheLeadChasesIt() {
		JsonNode c = submitOnline(PLANNING);
		String number = c.get("number").asString();
		c = ok(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null));
		// promised 15 working days; 批前公示与决定 (3) and 发证 (1) follow the joint step:
		// opinions in 11
		String opinionDue = c.get("opinions").get(0).get("dueOn").asString();
		assertThat(c.get("opinions").get(0).get("days").asInt()).isEqualTo(11);
		String promisedDue = null;
		for (JsonNode k : c.get("clocks")) {
			if (k.get("kind").asString().equals("PROMISED")) {
				promisedDue = k.get("dueDate").get("due").asString();
			}
		}
		assertThat(opinionDue).isLessThan(promisedDue);

		// the co-department's work list runs on its sub-deadline, not on the case's
		JsonNode list = ok(api.get("/api/v1/cases?list=OPINIONS", "reviewer-zj"));
		JsonNode row = null;
		for (JsonNode r : list) {
			if (r.get("number").asString().equals(number)) {
				row = r;
			}
		}
		assertThat(row).as(list.toString()).isNotNull();
		assertThat(row.get("due").asString()).isEqualTo(opinionDue);

		// the lead chases 住建局 once a day; the chase reaches 住建局's reviewers, not the
		// applicant
		clock.set("2026-10-12T09:00:00");
		assertThat(api.post("/api/v1/cases/" + number + "/opinions/660100-ZJJ/chase", "reviewer-zj", null).status())
			.isIn(403, 404);
		assertThat(api.post("/api/v1/cases/" + number + "/opinions/660100-ZJJ/chase", "clerk", null).status())
			.isEqualTo(403);
		c = ok(api.post("/api/v1/cases/" + number + "/opinions/660100-ZJJ/chase", "reviewer-gh", null));
		assertThat(c.get("opinions").get(0).get("chases").asInt() + c.get("opinions").get(1).get("chases").asInt())
			.isEqualTo(1);
		Response again = api.post("/api/v1/cases/" + number + "/opinions/660100-ZJJ/chase", "approver-gh", null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).endsWith("chased-today");
		assertThat(api.post("/api/v1/cases/" + number + "/opinions/NO-SUCH/chase", "reviewer-gh", null).status())
			.isEqualTo(422);
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ok(api.get("/api/v1/notifications", "reviewer-zj")).toString())
				.contains("牵头部门催办：办件 " + number));
		assertThat(ok(api.get("/api/v1/notifications", "applicant")).toString()).doesNotContain("催办");
		assertThat(ok(api.get("/api/v1/notifications", "reviewer-hb")).toString()).doesNotContain("催办：办件 " + number);
		clock.set("2026-10-13T09:00:00");
		ok(api.post("/api/v1/cases/" + number + "/opinions/660100-ZJJ/chase", "approver-gh", null));
		ok(api.post("/api/v1/cases/" + number + "/opinions", "reviewer-zj", Map.of("verdict", "AGREE")));
		assertThat(api.post("/api/v1/cases/" + number + "/opinions/660100-ZJJ/chase", "reviewer-gh", null).status())
			.isEqualTo(409);
	}

	/** 护士执业注册 of 示范市卫生健康委员会: six mandatory materials, taken in at the window. */
	static final String NURSE = "660100-XK-08001";

	static final List<String> NURSE_MATERIALS = List.of("护士执业注册申请审核表", "申请人居民身份证", "学历证书及专业学习中的临床实习证明",
			"护士执业资格考试成绩合格证明", "6个月内健康体检证明", "医疗卫生机构拟聘用的相关材料");

	static Map<String, Object> walkIn(List<String> originals, List<Map<String, String>> files) {
		return Map.of("itemCode", NURSE, "applicant",
				Map.of("kind", "RESIDENT_ID", "name", "张三", "number", "110105199003071239"), "materials", files,
				"originalsSeen", originals);
	}

	@Test
	void aWalkInIsReceivedAndAcceptedInOneStepWithItsReceiptAndNoticeReadyToPrint() throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single();
		// five originals checked and handed back; the health certificate is scanned and
		// kept, and is missing here
		Response incomplete = api.post("/api/v1/cases/intake", "clerk",
				walkIn(NURSE_MATERIALS.subList(0, 4), List.of()));
		assertThat(incomplete.status()).as(incomplete.body()).isEqualTo(422);
		assertThat(incomplete.json().get("type").asString()).endsWith("materials-incomplete");
		assertThat(incomplete.body()).contains("6个月内健康体检证明").contains("医疗卫生机构拟聘用的相关材料");
		// in English, the English names
		Response english = api.post("/api/v1/cases/intake", "clerk", walkIn(NURSE_MATERIALS.subList(0, 4), List.of()),
				"Accept-Language", "en");
		assertThat(english.json().get("detail").asString())
			.contains("Health examination certificate issued within six months")
			.doesNotContain("6个月内健康体检证明");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single()).isEqualTo(before);
		assertThat(api.post("/api/v1/cases/intake", "applicant", walkIn(NURSE_MATERIALS, List.of())).status())
			.isEqualTo(403);

		List<String> originals = new ArrayList<>(NURSE_MATERIALS);
		originals.remove("6个月内健康体检证明");
		Response r = api.post("/api/v1/cases/intake", "clerk",
				walkIn(originals, List.of(Map.of("material", "6个月内健康体检证明", "fileId", upload("clerk")))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		JsonNode c = r.json().get("caseView");
		String number = c.get("number").asString();
		assertThat(c.get("state").asString()).isEqualTo("ACCEPTED");
		assertThat(c.get("channel").asString()).isEqualTo("WINDOW");
		// printable at once: both documents come with the answer, not after it
		List<String> kinds = new ArrayList<>();
		r.json().get("documents").forEach(d -> kinds.add(d.get("kind").asString()));
		assertThat(kinds).containsExactly("RECEIPT", "ACCEPTANCE_NOTICE");
		assertThat(api.get(r.json().get("documents").get(0).get("pdf").asString(), "clerk").status()).isEqualTo(200);
		byte[] receipt = documents
			.pdf(documents.find(r.json().get("documents").get(0).get("number").asString()).orElseThrow());
		String text;
		try (var doc = org.apache.pdfbox.Loader.loadPDF(receipt)) {
			text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
		}
		assertThat(text).contains("收件凭证")
			.contains("申请人居民身份证：原件已核验并退还")
			.contains("6个月内健康体检证明：收取电子件1份")
			.contains("已当场受理");
		// the listeners that run after the commit find both issued and issue nothing
		// twice
		Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode docs = ok(api.get("/api/v1/cases/" + number, "clerk")).get("documents");
			List<String> all = new ArrayList<>();
			docs.forEach(d -> all.add(d.get("kind").asString()));
			assertThat(all).containsExactlyInAnyOrder("RECEIPT", "ACCEPTANCE_NOTICE");
		});
		// received only (to issue the one-time notice): the receipt follows the reception
		Response only = api.post("/api/v1/cases", "clerk", walkIn(NURSE_MATERIALS.subList(0, 4), List.of()));
		assertThat(only.status()).as(only.body()).isEqualTo(201);
		String received = only.json().get("number").asString();
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(ok(api.get("/api/v1/cases/" + received, "clerk")).get("documents").toString())
						.contains("RECEIPT"));
		// an online applicant cannot claim originals were checked
		Response online = api.post("/api/v1/cases", "applicant",
				Map.of("itemCode", FOOD, "materials",
						RequiredMaterials.completing(RequiredMaterials.of(api, FOOD))
							.stream()
							.map(m -> Map.of("material", m, "fileId", upload("applicant")))
							.toList(),
						"originalsSeen", List.of(FOOD_FORM)));
		assertThat(online.status()).as(online.body()).isEqualTo(422);
		assertThat(online.json().get("type").asString()).endsWith("originals-at-window");
	}

	@Autowired
	WindowApplicants applicants;

	@Autowired
	org.govhall.directory.Directory directory;

	@Test
	void aClerkFindsAWalkInByNumberAndEveryLookupThatFindsSomeoneIsAudited() {
		var clerk = directory.principal("clerk").orElseThrow();
		long audited = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'applicant.looked-up'")
			.query(Long.class)
			.single();
		// a registered applicant, by identity number; an enterprise, by credit code
		assertThat(applicants.find("110105199003071239", clerk)).get()
			.satisfies(a -> assertThat(a.legalName()).isEqualTo("张三"));
		assertThat(applicants.find(" 91660100ma0000017k ", clerk)).get()
			.satisfies(a -> assertThat(a.kind()).isEqualTo(org.govhall.directory.IdentityKind.CREDIT_CODE));
		// a well-formed number nobody has used, and a malformed one, find no one
		assertThat(applicants.find("11010519850505678X", clerk)).isEmpty();
		assertThat(applicants.find("110105199003071230", clerk)).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'applicant.looked-up'")
			.query(Long.class)
			.single()).isEqualTo(audited + 2);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(
					() -> applicants.find("110105199003071239", directory.principal("reviewer").orElseThrow()))
			.isInstanceOf(org.govhall.shared.ForbiddenException.class);
	}

	@Test
	void personalNumbersAreMaskedForStaffAndShownToTheApplicant() {
		String number = submitOnline(PLANNING, FORM).get("number").asString();
		assertThat(ok(api.get("/api/v1/cases/" + number, "applicant")).get("applicantNumber").asString())
			.isEqualTo("110105199003071239");
		assertThat(ok(api.get("/api/v1/cases/" + number, "clerk")).get("applicantNumber").asString())
			.isEqualTo("110105********1239");
		assertThat(api.get("/api/v1/cases/" + number, "enterprise").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/cases/" + number, "reviewer").status()).isEqualTo(404);
	}

	@Test
	void aSecondNoticeNamingNewMaterialsIsRecordedAsABreachOfTheOneTimeRule() {
		String number = submitOnline(PLANNING, FORM).get("number").asString();
		ok(api.post("/api/v1/cases/" + number + "/correction-notice", "clerk",
				Map.of("issues", List.of(Map.of("material", LAND, "problem", "未提交")))));
		ok(api.post("/api/v1/cases/" + number + "/corrections", "applicant",
				Map.of("materials", List.of(Map.of("material", LAND, "fileId", upload("applicant"))))));
		JsonNode c = ok(api.post("/api/v1/cases/" + number + "/correction-notice", "clerk",
				Map.of("issues", List.of(Map.of("material", DESIGN, "problem", "缺总平面图")))));
		assertThat(c.get("notices")).hasSize(2);
		assertThat(c.get("notices").get(0).get("breach").asBoolean()).isFalse();
		assertThat(c.get("notices").get(1).get("breach").asBoolean()).isTrue();
		assertThat(c.get("notices").get(1).get("newlyNamed").get(0).asString()).isEqualTo(DESIGN);
	}

	@Test
	void withNoDecisionWithinFiveWorkingDaysTheCaseIsDeemedAcceptedAsOfReceipt() {
		String number = submitOnline(PLANNING, FORM).get("number").asString();
		clock.set("2026-10-13T17:00:00");
		handling.deemOverdueAcceptances();
		assertThat(ok(api.get("/api/v1/cases/" + number, "clerk")).get("state").asString()).isEqualTo("RECEIVED");
		clock.set("2026-10-14T00:10:00");
		handling.deemOverdueAcceptances();
		JsonNode c = ok(api.get("/api/v1/cases/" + number, "clerk"));
		assertThat(c.get("state").asString()).isEqualTo("ACCEPTED");
		assertThat(c.get("deemedAccepted").asBoolean()).isTrue();
		assertThat(c.get("acceptedOn").asString()).isEqualTo("2026-09-30");
		JsonNode last = c.get("history").get(c.get("history").size() - 1);
		assertThat(last.get("action").asString()).isEqualTo("DEEMED_ACCEPTED");
		assertThat(last.get("actor").asString()).isEqualTo("system");
	}

	@Test
	void aCaseInCorrectionIsNotDeemedAccepted() {
		String number = submitOnline(PLANNING, FORM).get("number").asString();
		ok(api.post("/api/v1/cases/" + number + "/correction-notice", "clerk",
				Map.of("issues", List.of(Map.of("material", LAND, "problem", "未提交")))));
		clock.set("2026-10-20T09:00:00");
		handling.deemOverdueAcceptances();
		assertThat(ok(api.get("/api/v1/cases/" + number, "clerk")).get("state").asString())
			.isEqualTo("AWAITING_CORRECTION");
	}

	@Test
	void anInstantItemIsAcceptedAndGrantedOnTheSpot() {
		JsonNode c = submitOnline(UNEMPLOYMENT);
		String number = c.get("number").asString();
		c = ok(api.post("/api/v1/cases/" + number + "/on-the-spot-decision", "clerk", null));
		assertThat(c.get("state").asString()).as("decided and handed over in one step").isEqualTo("DELIVERED");
		assertThat(c.get("delivery").get("method").asString()).isEqualTo("ELECTRONIC");
		assertThat(c.get("decision").get("onTheSpot").asBoolean()).isTrue();
		assertThat(c.get("decision").get("on").asString()).isEqualTo("2026-09-30");
		assertThat(c.get("acceptedOn").asString()).isEqualTo("2026-09-30");
		String other = submitOnline(PLANNING, FORM).get("number").asString();
		assertThat(api.post("/api/v1/cases/" + other + "/on-the-spot-decision", "clerk", null).status()).isEqualTo(422);
	}

	@Test
	void oneExtensionByAnApproverAndSuspensionsStopTheClockExactly() {
		String number = submitOnline(FOOD, FOOD_FORM).get("number").asString();
		ok(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null));
		JsonNode c = ok(api.get("/api/v1/cases/" + number, "reviewer"));
		assertThat(c.get("clocks").get(0).get("kind").asString()).isEqualTo("DECISION");
		// accepted Wed 30 September + 20 working days, across National Day and its
		// make-up Saturday
		assertThat(c.get("clocks").get(0).get("dueDate").get("due").asString()).isEqualTo("2026-11-03");

		assertThat(api.post("/api/v1/cases/" + number + "/extension", "reviewer", Map.of("reason", "x")).status())
			.isEqualTo(403);
		c = ok(api.post("/api/v1/cases/" + number + "/extension", "approver", Map.of("reason", "需现场核查")));
		assertThat(c.get("extensions").get(0).get("amount").asInt()).isEqualTo(10);
		assertThat(c.get("clocks").get(0).get("dueDate").get("due").asString()).isEqualTo("2026-11-17");
		assertThat(api.post("/api/v1/cases/" + number + "/extension", "approver", Map.of("reason", "again")).status())
			.isEqualTo(422);

		clock.set("2026-10-12T09:00:00");
		c = ok(api.post("/api/v1/cases/" + number + "/suspension", "reviewer",
				Map.of("procedure", "INSPECTION", "reason", "食品抽样检测")));
		assertThat(c.get("clocks").get(0).get("status").asString()).isEqualTo("PAUSED");
		assertThat(api
			.post("/api/v1/cases/" + number + "/review", "reviewer",
					Map.of("recommendation", "APPROVED", "comments", "x"))
			.status()).isEqualTo(422);
		assertThat(api
			.post("/api/v1/cases/" + number + "/suspension", "reviewer",
					Map.of("procedure", "TESTING", "reason", "again"))
			.status()).isEqualTo(409);
		clock.set("2026-10-16T09:00:00");
		// Mon 12 to Fri 16 October: five working days off the clock
		c = ok(api.post("/api/v1/cases/" + number + "/resumption", "reviewer", Map.of("lastDay", "2026-10-16")));
		assertThat(c.get("suspensions").get(0).get("listed").asBoolean()).isTrue();
		assertThat(c.get("clocks").get(0).get("explanation").asString()).contains("2026-10-12..10-16");
		assertThat(c.get("clocks").get(0).get("dueDate").get("due").asString()).isEqualTo("2026-11-24");
		assertThat(c.get("clocks").get(0).get("status").asString()).isEqualTo("ON_TIME");
	}

	@Test
	void aDecisionLimitRunningIntoAnUnpublishedYearWaitsForItsCalendarInsteadOfGuessing() {
		clock.set("2026-11-27T10:00:00");
		String number = submitOnline(PLANNING, FORM).get("number").asString();
		JsonNode c = ok(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null));
		assertThat(c.get("clocks").get(0).get("status").asString()).isEqualTo("AWAITING_CALENDAR");
		assertThat(c.get("clocks").get(0).get("explanation").asString()).contains("2027");
	}

	@Test
	void aMissingYearNeverStopsTheHallItsDeadlinesArePendingWithAProvisionalDate() {
		clock.set("2026-11-27T10:00:00");
		String number = submitOnline(PLANNING, FORM).get("number").asString();
		JsonNode c = ok(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null));
		JsonNode decision = c.get("clocks").get(0);
		assertThat(decision.get("kind").asString()).isEqualTo("DECISION");
		assertThat(decision.get("dueDate").get("due").isNull()).isTrue();
		assertThat(decision.get("dueDate").get("missingYear").asInt()).isEqualTo(2027);
		// 45 working days: 24 left in 2026, then 21 weekdays of January 2027
		// (provisional, for ordering and warnings)
		assertThat(decision.get("dueDate").get("provisional").asString()).isEqualTo("2027-01-29");
		assertThat(decision.get("colour").asString()).isEqualTo("ON_TIME");

		// a case received at the end of December: its acceptance window runs into 2027
		clock.set("2026-12-21T10:00:00");
		String december = submitOnline(FOOD, FOOD_FORM).get("number").asString();

		// "today" is in 2027, whose schedule is not loaded: the hall still receives,
		// shows and acts
		clock.set("2027-01-04T10:00:00");
		JsonNode received = submitOnline(FOOD, FOOD_FORM);
		assertThat(received.get("number").asString()).contains("-2027-");
		JsonNode acceptance = received.get("clocks").get(0);
		assertThat(acceptance.get("status").asString()).isEqualTo("AWAITING_CALENDAR");
		assertThat(acceptance.get("dueDate").get("provisional").asString()).isEqualTo("2027-01-11");
		assertThat(ok(api.get("/api/v1/cases/" + december, "clerk")).get("clocks").get(0).get("status").asString())
			.as("due 2026-12-28, exact; overdue on 2027-01-04")
			.isEqualTo("OVERDUE");
		JsonNode accepted = ok(
				api.post("/api/v1/cases/" + received.get("number").asString() + "/acceptance", "clerk", null));
		assertThat(accepted.get("state").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.get("clocks").get(0).get("status").asString()).isEqualTo("AWAITING_CALENDAR");
		assertThat(ok(api.get("/api/v1/cases/" + number, "reviewer-gh")).get("clocks").get(0).get("status").asString())
			.isEqualTo("AWAITING_CALENDAR");
	}

	@Test
	void afterTheFifthWorkingDayARefusalOrNoticeIsRefusedAndTheCaseCountsAsAcceptedFromReceipt() {
		// received Wednesday 30 September: the acceptance window closes on 13 October
		// (after National Day)
		String number = submitOnline(FOOD, FOOD_FORM).get("number").asString();
		clock.set("2026-10-14T09:00:00");
		Response refusal = api.post("/api/v1/cases/" + number + "/refusal", "clerk", Map.of("reasons", "材料不符"));
		assertThat(refusal.status()).as(refusal.body()).isEqualTo(422);
		assertThat(refusal.contentType()).startsWith("application/problem+json");
		assertThat(refusal.json().get("type").asString()).endsWith("acceptance-window-passed");
		assertThat(refusal.json().get("detail").asString()).contains("2026-09-30", "2026-10-13", "第三十二条");

		// the refused step still wrote what the law says: accepted as of receipt, the
		// decision clock from then
		JsonNode c = ok(api.get("/api/v1/cases/" + number, "clerk"));
		assertThat(c.get("state").asString()).isEqualTo("ACCEPTED");
		assertThat(c.get("deemedAccepted").asBoolean()).isTrue();
		assertThat(c.get("acceptedOn").asString()).isEqualTo("2026-09-30");
		assertThat(c.get("clocks").get(0).get("kind").asString()).isEqualTo("DECISION");
		assertThat(c.get("clocks").get(0).get("explanation").asString()).contains("2026-09-30").doesNotContain("null");
		Response notice = api.post("/api/v1/cases/" + number + "/correction-notice", "clerk",
				Map.of("issues", List.of(Map.of("material", FOOD_FORM, "problem", "未签字"))));
		assertThat(notice.status()).as("no longer awaiting acceptance").isEqualTo(409);

		// a late acceptance of another case is the same deemed acceptance
		clock.set("2026-09-30T10:00:00");
		String other = submitOnline(FOOD, FOOD_FORM).get("number").asString();
		clock.set("2026-10-14T09:00:00");
		JsonNode accepted = ok(api.post("/api/v1/cases/" + other + "/acceptance", "clerk", null));
		assertThat(accepted.get("deemedAccepted").asBoolean()).isTrue();
		assertThat(accepted.get("acceptedOn").asString()).isEqualTo("2026-09-30");
	}

	@Test
	void staffOpenTheMaterialsTheyDecideOnAndEveryOpeningByStaffIsAudited() {
		JsonNode c = submitOnline(FOOD, FOOD_FORM);
		String number = c.get("number").asString();
		String fileId = c.get("materials").get(0).get("fileId").asString();
		String path = "/api/v1/cases/" + number + "/materials/" + fileId;

		Response opened = api.get(path, "clerk");
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		assertThat(opened.contentType()).startsWith("application/pdf");
		assertThat(opened.header("Content-Disposition")).startsWith("inline;").contains("filename");
		assertThat(opened.header("Cache-Control")).contains("no-store");
		assertThat(opened.body()).isEqualTo(new String(PDF, StandardCharsets.ISO_8859_1));
		assertThat(api.get(path, "reviewer").status()).isEqualTo(200);
		assertThat(opened(number)).containsExactly("clerk", "reviewer");

		// the applicant reads their own file without an audit row; staff who see the case
		// but do not handle it
		// (the legal reviewer) are refused; an administrator sees no case at all (ADR
		// 0023); a file of another case is
		// not found
		assertThat(api.get(path, "applicant").status()).isEqualTo(200);
		Response legal = api.get(path, "legal");
		assertThat(legal.status()).isEqualTo(403);
		assertThat(legal.contentType()).startsWith("application/problem+json");
		assertThat(api.get(path, "admin").status()).isEqualTo(404);
		String other = submitOnline(FOOD, FOOD_FORM).get("materials").get(0).get("fileId").asString();
		assertThat(api.get("/api/v1/cases/" + number + "/materials/" + other, "clerk").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/cases/" + number + "/materials/../../etc", "clerk").status()).isIn(400, 404);
		assertThat(opened(number)).containsExactly("clerk", "reviewer");
	}

	List<String> opened(String number) {
		return jdbc
			.sql("SELECT actor FROM audit_entry WHERE action = 'case.material-opened' AND subject = :n "
					+ "ORDER BY id")
			.param("n", number)
			.query(String.class)
			.list();
	}

	@Test
	void aClerkRefusesWithReasonsAndTheCompetentAuthority() {
		String number = submitOnline(PLANNING, FORM).get("number").asString();
		assertThat(api.post("/api/v1/cases/" + number + "/refusal", "clerk", Map.of("reasons", " ")).status())
			.isEqualTo(400);
		JsonNode c = ok(api.post("/api/v1/cases/" + number + "/refusal", "clerk",
				Map.of("reasons", "项目位于东湖县，不属于本机关管辖", "competentAuthority", "东湖县行政审批服务局")));
		assertThat(c.get("state").asString()).isEqualTo("REFUSED");
		assertThat(c.get("refusal").get("competentAuthority").asString()).isEqualTo("东湖县行政审批服务局");
		assertThat(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null).status()).isEqualTo(409);
	}

	@Test
	void ofTwoConflictingActionsAtOnceExactlyOneWins() throws Exception {
		String number = submitOnline(PLANNING, FORM).get("number").asString();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch go = new CountDownLatch(1);
		try {
			CompletableFuture<Response> accept = CompletableFuture.supplyAsync(() -> {
				await(go);
				return api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null);
			}, pool);
			CompletableFuture<Response> refuse = CompletableFuture.supplyAsync(() -> {
				await(go);
				return api.post("/api/v1/cases/" + number + "/refusal", "clerk", Map.of("reasons", "材料不全"));
			}, pool);
			go.countDown();
			List<Integer> statuses = List.of(accept.get().status(), refuse.get().status());
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdownNow();
		}
		JsonNode c = ok(api.get("/api/v1/cases/" + number, "clerk"));
		assertThat(c.get("state").asString()).isIn("ACCEPTED", "REFUSED");
		assertThat(c.get("history")).hasSize(2);
	}

	@Test
	void repeatingASubmissionWithTheSameIdempotencyKeyMakesOneCase() {
		Map<String, Object> body = Map.of("itemCode", PLANNING, "materials",
				List.of(Map.of("material", FORM, "fileId", upload("applicant")),
						Map.of("material", DESIGN, "fileId", upload("applicant"))));
		Response first = api.post("/api/v1/cases", "applicant", body, "Idempotency-Key", "double-click-1");
		Response second = api.post("/api/v1/cases", "applicant", body, "Idempotency-Key", "double-click-1");
		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.json().get("number").asString()).isEqualTo(first.json().get("number").asString());
		Response other = api.post("/api/v1/cases", "applicant", Map.of("itemCode", UNEMPLOYMENT), "Idempotency-Key",
				"double-click-1");
		assertThat(other.status()).isEqualTo(422);
	}

	@Test
	void badSubmissionsAreRefusedAndStoreNothing() {
		long before = countMine();
		assertThat(api.post("/api/v1/cases", "applicant", Map.of("itemCode", "NO-SUCH-ITEM"), new String[0]).status())
			.isEqualTo(404);
		assertThat(
				api.post("/api/v1/cases", "applicant",
						Map.of("itemCode", PLANNING, "materials",
								List.of(Map.of("material", "不存在的材料", "fileId", upload("applicant")))))
					.status())
			.isEqualTo(400);
		assertThat(api
			.post("/api/v1/cases", "applicant",
					Map.of("itemCode", PLANNING, "materials",
							List.of(Map.of("material", FORM, "fileId", "00000000-0000-0000-0000-000000000000"))))
			.status()).isEqualTo(400);
		String othersFile = upload("enterprise");
		assertThat(api
			.post("/api/v1/cases", "applicant",
					Map.of("itemCode", PLANNING, "materials", List.of(Map.of("material", FORM, "fileId", othersFile))))
			.status()).isEqualTo(400);
		assertThat(api.post("/api/v1/cases", "applicant", "{\"itemCode\":").status()).isEqualTo(400);
		assertThat(api.post("/api/v1/cases", null, Map.of("itemCode", PLANNING)).status()).isEqualTo(401);
		assertThat(api.post("/api/v1/cases", "clerk",
				Map.of("itemCode", PLANNING, "applicant",
						Map.of("kind", "RESIDENT_ID", "name", "王五", "number", "110105199003071230")))
			.status()).isEqualTo(400);
		assertThat(api.upload("/api/v1/cases/files", "applicant", "x.pdf", "not a pdf".getBytes()).status())
			.isEqualTo(400);
		assertThat(countMine()).isEqualTo(before);
	}

	@Test
	void aClerkTakesAnApplicationAtTheWindowAndIsItsFirstHandler() {
		Response r = api.post("/api/v1/cases", "clerk", Map.of("itemCode", PLANNING, "applicant",
				Map.of("kind", "CREDIT_CODE", "name", "示范市好味餐饮有限公司", "number", "91660100MA0000017K")));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.json().get("channel").asString()).isEqualTo("WINDOW");
		assertThat(r.json().get("firstHandler").asString()).isEqualTo("clerk");
		Response list = api.get("/api/v1/cases?list=FIRST_HANDLED", "clerk");
		assertThat(list.body()).contains(r.json().get("number").asString());
	}

	@Test
	void anAgentAppliesUnderTheAuthorisationTheApplicantConfirmed() {
		// the demo agent holds an authorisation 张三 confirmed for planning permits (ADR
		// 0025)
		JsonNode mine = ok(api.get("/api/v1/authorisations", "agent"));
		long authorisation = -1;
		for (JsonNode a : mine) {
			if (a.get("principalName").asString().equals("张三") && a.get("state").asString().equals("CONFIRMED")
					&& a.get("itemCodes").toString().contains(PLANNING)) {
				authorisation = a.get("id").asLong();
			}
		}
		assertThat(authorisation).as(mine.toString()).isPositive();
		// an agent, like an applicant online, hands in every required material: one
		// missing is named and refused
		Response incomplete = api.post("/api/v1/cases", "agent", Map.of("itemCode", PLANNING, "authorisationId",
				authorisation, "materials", List.of(Map.of("material", FORM, "fileId", upload("agent")))));
		assertThat(incomplete.status()).as(incomplete.body()).isEqualTo(422);
		assertThat(incomplete.json().get("type").asString()).endsWith("materials-missing");
		assertThat(incomplete.json().get("detail").asString()).contains("还缺 1 项", DESIGN).doesNotContain(LAND);
		Response r = api.post("/api/v1/cases", "agent",
				Map.of("itemCode", PLANNING, "authorisationId", authorisation, "materials",
						List.of(Map.of("material", FORM, "fileId", upload("agent")),
								Map.of("material", DESIGN, "fileId", upload("agent")))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.json().get("channel").asString()).isEqualTo("AGENT");
		assertThat(r.json().get("authorization").get("basis").asString()).isEqualTo("CONFIRMED_ONLINE");
		assertThat(r.json().get("authorization").get("agentName").asString()).isEqualTo("李四");
		assertThat(api.get("/api/v1/cases?list=REPRESENTED", "agent").body())
			.contains(r.json().get("number").asString());
		assertThat(api.get("/api/v1/cases?list=MINE", "applicant").body()).contains(r.json().get("number").asString());
		// without any authority the agent is refused
		assertThat(api.post("/api/v1/cases", "agent",
				Map.of("itemCode", PLANNING, "applicant",
						Map.of("kind", "RESIDENT_ID", "name", "张三", "number", "110105199003071239")))
			.status()).isEqualTo(400);
	}

	@Test
	void workListsAreSortedByWorkingDaysLeftAndColouredByUrgency() {
		String number = submitOnline(PLANNING, FORM).get("number").asString();
		clock.set("2026-10-12T09:00:00");
		JsonNode list = ok(api.get("/api/v1/cases?list=TO_ACCEPT", "clerk"));
		JsonNode row = null;
		for (JsonNode n : list) {
			if (n.get("number").asString().equals(number)) {
				row = n;
			}
		}
		assertThat(row).isNotNull();
		assertThat(row.get("remainingWorkingDays").asInt()).isEqualTo(1);
		assertThat(row.get("status").asString()).isEqualTo("WARNING");
		clock.set("2026-10-14T09:00:00");
		list = ok(api.get("/api/v1/cases?list=TO_ACCEPT", "clerk"));
		assertThat(list.get(0).get("status").asString()).isEqualTo("OVERDUE");
		assertThat(api.get("/api/v1/cases?list=TO_ACCEPT", "applicant").status()).isEqualTo(403);
	}

	@Test
	void whenTheCalendarOfAYearChangesOpenCasesGetNewDueDatesRecordedInTheirHistory() {
		String number = submitOnline(PLANNING, FORM).get("number").asString();
		String originalDue = ok(api.get("/api/v1/cases/" + number, "clerk")).get("clocks")
			.get(0)
			.get("dueDate")
			.get("due")
			.asString();
		Response original = api.get("/api/v1/calendar/years/2026", null);
		JsonNode year = original.json();
		List<Object> days = new ArrayList<>();
		year.get("days")
			.forEach(d -> days.add(Map.of("date", d.get("date").asString(), "kind", d.get("kind").asString(), "name",
					d.get("name").isNull() ? "" : d.get("name").asString())));
		List<Object> changed = new ArrayList<>(days);
		changed.add(Map.of("date", "2026-10-12", "kind", "OFF", "name", "测试调整"));
		try {
			ok(api.put("/api/v1/calendar/years/2026", "admin",
					Map.of("notice", year.get("notice").asString(), "days", changed)));
			Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				JsonNode history = ok(api.get("/api/v1/cases/" + number, "clerk")).get("history");
				JsonNode last = history.get(history.size() - 1);
				assertThat(last.get("action").asString()).isEqualTo("DEADLINES_RECOMPUTED");
				assertThat(last.get("detail").asString()).contains("2026-10-13").contains("2026-10-14");
			});
			JsonNode c = ok(api.get("/api/v1/cases/" + number, "clerk"));
			assertThat(c.get("clocks").get(0).get("dueDate").get("due").asString()).isEqualTo("2026-10-14");
		}
		finally {
			ok(api.put("/api/v1/calendar/years/2026", "admin",
					Map.of("notice", year.get("notice").asString(), "days", days)));
		}
		// the calendar put back at once, while the first change's walk over the open
		// cases may still be at work: a case both walks reach does not undo the second
		// walk, and the due date is the original again
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode c = ok(api.get("/api/v1/cases/" + number, "clerk"));
			assertThat(c.get("clocks").get(0).get("dueDate").get("due").asString()).isEqualTo(originalDue);
			assertThat(jdbc
				.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"
						+ " AND listener_id LIKE '%CaseJobs%'")
				.query(Long.class)
				.single()).as("walks over the open cases not completed").isZero();
		});
	}

	long countMine() {
		return ok(api.get("/api/v1/cases?list=MINE", "applicant")).size();
	}

	static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
