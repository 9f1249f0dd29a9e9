package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

import static org.govhall.cases.CaseJourneyTests.PDF;

/**
 * Issue 10, item 9: the approver writes the licence (scope, premises, validity) when
 * granting a food business licence, the public verification of its certificate shows the
 * item, scope, masked holder and whether it holds today, and an approver of the issuing
 * department revokes it, audited, after which the verification says so.
 */
@GovHallTest
class LicenceDecisionTests {

	static final String SCOPE = "预包装食品（含冷藏冷冻食品）销售；热食类食品制售";

	static final String PREMISES = "示范市城关区人民路 88 号一层";

	/** 机动车驾驶证核发, an instant licence of 示范市公安局: granted at the window on the spot. */
	static final String DRIVING = "660100-XK-03002";

	@LocalServerPort
	int port;

	@Autowired
	MovableClock.Moving clock;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	@BeforeEach
	void start() {
		api = new ApiClient(port);
		clock.set("2026-10-12T10:00:00");
	}

	String reviewedFoodLicence(String applicant) {
		return CertificateBrowserTests.reviewedFoodLicence(api, applicant);
	}

	/** A public page as a browser asks for it, signed out. */
	String page(String path) throws Exception {
		HttpResponse<String> r = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Accept", "text/html")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(r.statusCode()).isEqualTo(200);
		return r.body();
	}

	JsonNode ok(Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	JsonNode certificate(String number) {
		String documentNumber = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
			for (JsonNode d : ok(api.get("/api/v1/cases/" + number, "approver")).get("documents")) {
				if ("CERTIFICATE".equals(d.get("kind").asString())) {
					return d.get("number").asString();
				}
			}
			return null;
		}, n -> n != null);
		return ok(api.get("/api/v1/documents/" + documentNumber, null));
	}

	@Test
	void aGrantOfALicenceWithoutItsScopeIsRefusedNamingTheFieldInTheRequestersLanguage() {
		String number = reviewedFoodLicence("applicant");

		Response zh = api.post("/api/v1/cases/" + number + "/decision", "approver", Map.of("outcome", "APPROVED"),
				"Accept-Language", "zh-CN");
		assertThat(zh.status()).isEqualTo(422);
		assertThat(zh.contentType()).startsWith("application/problem+json");
		assertThat(zh.json().get("errors").get(0).get("field").asString()).isEqualTo("scope");
		assertThat(zh.json().get("errors").get(0).get("message").asString()).isEqualTo("请填写许可范围（经营项目）。");

		Response en = api.post("/api/v1/cases/" + number + "/decision", "approver",
				Map.of("outcome", "APPROVED", "scope", SCOPE, "validUntil", "2026-10-11"), "Accept-Language", "en");
		assertThat(en.status()).isEqualTo(422);
		assertThat(en.json().get("errors").get(0).get("field").asString()).isEqualTo("validUntil");
		assertThat(en.json().get("errors").get(0).get("message").asString())
			.isEqualTo("The licence cannot end before the decision date, 2026-10-12.");

		Response tooLong = api.post("/api/v1/cases/" + number + "/decision", "approver",
				Map.of("outcome", "APPROVED", "scope", "经".repeat(501)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("scope");

		// nothing was decided by the refused requests
		assertThat(ok(api.get("/api/v1/cases/" + number, "approver")).get("state").asString()).isEqualTo("REVIEWED");
	}

	@Test
	void theLicenceIsKeptInTheDecisionShownInTheHistoryAndVerifiedPubliclyUntilItExpires() throws Exception {
		String number = reviewedFoodLicence("applicant");

		JsonNode c = ok(api.post("/api/v1/cases/" + number + "/decision", "approver",
				Map.of("outcome", "APPROVED", "scope", SCOPE, "premises", PREMISES, "validUntil", "2031-10-11")));
		JsonNode licence = c.get("decision").get("licence");
		assertThat(licence.get("scope").asString()).isEqualTo(SCOPE);
		assertThat(licence.get("premises").asString()).isEqualTo(PREMISES);
		assertThat(licence.get("validUntil").asString()).isEqualTo("2031-10-11");
		JsonNode decided = c.get("history").get(c.get("history").size() - 1);
		assertThat(decided.get("action").asString()).isEqualTo("DECIDED");
		assertThat(decided.get("detail").asString()).contains(SCOPE, PREMISES, "2031-10-11");

		JsonNode doc = certificate(number);
		assertThat(doc.get("kind").asString()).isEqualTo("CERTIFICATE");
		assertThat(doc.get("title").asString()).isEqualTo("食品经营许可证");
		assertThat(doc.get("holder").asString()).isEqualTo("张*");
		assertThat(doc.get("holderNumber").asString()).contains("********");
		assertThat(doc.get("item").asString()).contains("食品经营许可");
		assertThat(doc.get("scope").asString()).isEqualTo(SCOPE);
		assertThat(doc.get("certificateNo").asString()).startsWith("660100-SCJG-2026-");
		assertThat(doc.get("validity").asString()).isEqualTo("VALID");
		assertThat(doc.toString()).doesNotContain(PREMISES, "张三");

		String page = page("/verify/" + doc.get("number").asString());
		assertThat(page).contains("有效", "食品经营许可证", "张*", SCOPE, "2031-10-11", doc.get("sha256").asString())
			.doesNotContain("张三", PREMISES);

		clock.set("2031-10-12T09:00:00");
		assertThat(ok(api.get("/api/v1/documents/" + doc.get("number").asString(), null)).get("validity").asString())
			.isEqualTo("EXPIRED");
		assertThat(page("/verify/" + doc.get("number").asString() + "?lang=en")).contains("Expired",
				"This certificate was valid until 2031-10-11");
	}

	@Test
	void anInstantLicenceGrantedOnTheSpotAtTheWindowAlsoNamesItsScope() {
		Response r = RequiredMaterials.submit(api, api, "applicant", DRIVING, PDF);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		String path = "/api/v1/cases/" + r.json().get("number").asString() + "/on-the-spot-decision";

		Response none = api.post(path, "clerk", null);
		assertThat(none.status()).isEqualTo(422);
		assertThat(none.json().get("errors").get(0).get("field").asString()).isEqualTo("scope");

		JsonNode c = ok(api.post(path, "clerk", Map.of("scope", "准驾车型 C1", "validUntil", "2032-10-12")));
		assertThat(c.get("decision").get("onTheSpot").asBoolean()).isTrue();
		assertThat(c.get("state").asString()).as("handed over in the same step").isEqualTo("DELIVERED");
		assertThat(decisionDocuments(c.get("number").asString(), 2)).containsEntry("APPROVAL_DECISION", "准予行政许可决定书")
			.containsKey("CERTIFICATE");
		assertThat(c.get("decision").get("licence").get("scope").asString()).isEqualTo("准驾车型 C1");
		assertThat(c.get("decision").get("licence").get("validUntil").asString()).isEqualTo("2032-10-12");
	}

	/** 就业登记 of 示范市人力资源和社会保障局: a public service, instant. */
	static final String EMPLOYMENT = "660100-GG-04001";

	/** The documents of a case once its decision's listener has run: kind to title. */
	Map<String, String> decisionDocuments(String number, int atLeast) {
		return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
			Map<String, String> kinds = new java.util.TreeMap<>();
			for (JsonNode d : ok(api.get("/api/v1/cases/" + number, "clerk")).get("documents")) {
				kinds.put(d.get("kind").asString(), d.get("title").asString());
			}
			return kinds;
		}, k -> k.size() >= atLeast);
	}

	@Test
	void aPublicServiceFinishedOnTheSpotGetsItsRegistrationCertificateAndNeverALicenceDecision() {
		Response r = RequiredMaterials.submit(api, api, "applicant", EMPLOYMENT, PDF);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		String number = r.json().get("number").asString();
		JsonNode done = ok(api.post("/api/v1/cases/" + number + "/on-the-spot-decision", "clerk", Map.of()));
		assertThat(done.get("state").asString()).isEqualTo("DELIVERED");

		Map<String, String> documents = decisionDocuments(number, 1);
		assertThat(documents).containsEntry("SERVICE_CERTIFICATE", "就业登记证明")
			.doesNotContainKeys("APPROVAL_DECISION", "CERTIFICATE", "DENIAL_DECISION");
		assertThat(api.post("/api/v1/cases/" + number + "/certificate-revocation", "approver", Map.of("reason", "撤销"))
			.status()).as("nothing to revoke: no licence was granted").isIn(404, 409);
	}

	@Autowired
	org.govhall.documents.Documents documents;

	/** The text of a case's document of that kind, once its listener issued it. */
	String documentText(String number, String kind) throws Exception {
		String documentNumber = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
			for (JsonNode d : ok(api.get("/api/v1/cases/" + number, "clerk")).get("documents")) {
				if (kind.equals(d.get("kind").asString())) {
					return d.get("number").asString();
				}
			}
			return null;
		}, n -> n != null);
		try (var doc = org.apache.pdfbox.Loader.loadPDF(documents.pdf(documents.find(documentNumber).orElseThrow()))) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
		}
	}

	/**
	 * A public service is not a licence at any step: its one-time notice rests on
	 * 优化营商环境条例 第三十六条, and neither it nor the acceptance notice cites the licensing law; a
	 * licence's notices still do.
	 */
	@Test
	void theNoticesOfAPublicServiceDoNotCiteTheLicensingLaw() throws Exception {
		Response r = RequiredMaterials.submit(api, api, "applicant", EMPLOYMENT, PDF);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		String number = r.json().get("number").asString();
		String material = RequiredMaterials.of(api, EMPLOYMENT).get(0);
		ok(api.post("/api/v1/cases/" + number + "/correction-notice", "clerk",
				Map.of("issues", List.of(Map.of("material", material, "problem", "扫描件不清晰")))));
		String notice = documentText(number, "CORRECTION_NOTICE");
		assertThat(notice).contains("一次性告知书", "《优化营商环境条例》第三十六条", "扫描件不清晰").doesNotContain("行政许可法");

		ok(api.post("/api/v1/cases/" + number + "/corrections", "applicant", Map.of("materials",
				RequiredMaterials.upload(api, "applicant", EMPLOYMENT, PDF, material).subList(0, 1))));
		ok(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null));
		assertThat(documentText(number, "ACCEPTANCE_NOTICE")).contains("受理通知书", "决定予以受理").doesNotContain("行政许可法");

		Response licence = RequiredMaterials.submit(api, api, "applicant", CaseJourneyTests.FOOD, PDF);
		assertThat(licence.status()).as(licence.body()).isEqualTo(201);
		String food = licence.json().get("number").asString();
		ok(api.post("/api/v1/cases/" + food + "/correction-notice", "clerk", Map.of("issues", List
			.of(Map.of("material", RequiredMaterials.of(api, CaseJourneyTests.FOOD).get(0), "problem", "扫描件不清晰")))));
		assertThat(documentText(food, "CORRECTION_NOTICE")).contains("《中华人民共和国行政许可法》第三十二条第一款第（四）项");
	}

	@Test
	void anExOfficioItemIsNeverFiledAndAnOfflineItemOnlyAtTheWindow() {
		// 对未取得食品经营许可从事食品经营活动的行政处罚: a penalty, done by the authority, not applied for
		String penalty = "660100-CF-02006";
		Response online = RequiredMaterials.submit(api, api, "applicant", penalty, PDF);
		assertThat(online.status()).as(online.body()).isEqualTo(422);
		assertThat(online.json().get("type").asString()).endsWith("ex-officio-item");
		assertThat(online.json().get("detail").asString()).contains("依职权");
		Response window = RequiredMaterials.submit(api, api, "clerk", penalty, PDF);
		assertThat(window.status()).as("not at the window either").isEqualTo(422);
		// 土地权属争议行政裁决: not available online (不能网办)
		Response offline = RequiredMaterials.submit(api, api, "applicant", "660200-CJ-00501", PDF);
		assertThat(offline.status()).as(offline.body()).isEqualTo(422);
		assertThat(offline.json().get("type").asString()).endsWith("not-online");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM cases_case WHERE item_code IN (:a, :b)")
			.param("a", penalty)
			.param("b", "660200-CJ-00501")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anEnterpriseHoldsItsLicenceUnderItsCreditCodeAndItsNameWithTheTradeNameMasked() throws Exception {
		String number = reviewedFoodLicence("enterprise");
		ok(api.post("/api/v1/cases/" + number + "/decision", "approver",
				Map.of("outcome", "APPROVED", "scope", SCOPE)));

		JsonNode doc = certificate(number);
		// issue 12, item 9: the verification masks the holder, an organisation too (its
		// trade name 好味)
		assertThat(doc.get("holder").asString()).isEqualTo("示范市**餐饮有限公司");
		assertThat(page("/verify/" + doc.get("number").asString())).contains("示范市**餐饮有限公司").doesNotContain("好味");
		assertThat(doc.get("holderNumber").asString()).doesNotContain("*").hasSize(18);
		assertThat(doc.get("validUntil").isNull()).isTrue();
		assertThat(page("/verify/" + doc.get("number").asString())).contains("长期");
	}

	@Test
	void onlyAnApproverOfTheIssuingDepartmentRevokesTheCertificateOnceAuditedAndTheVerificationSaysSo()
			throws Exception {
		String number = reviewedFoodLicence("applicant");
		ok(api.post("/api/v1/cases/" + number + "/decision", "approver",
				Map.of("outcome", "APPROVED", "scope", SCOPE)));
		JsonNode doc = certificate(number);
		Map<String, String> reason = Map.of("reason", "以欺骗手段取得许可，依照行政许可法第六十九条第二款撤销");
		String path = "/api/v1/cases/" + number + "/certificate-revocation";

		assertThat(api.post(path, "approver-gh", reason).status()).as("another department").isEqualTo(404);
		assertThat(api.post(path, "reviewer", reason).status()).as("not an approver").isEqualTo(403);
		assertThat(api.post(path, "applicant", reason).status()).isEqualTo(403);
		assertThat(api.post(path, null, reason).status()).isEqualTo(401);
		assertThat(api.post(path, "approver", Map.of("reason", " ")).status()).isEqualTo(400);
		assertThat(ok(api.get("/api/v1/documents/" + doc.get("number").asString(), null)).get("validity").asString())
			.isEqualTo("VALID");

		clock.set("2026-10-20T10:00:00");
		JsonNode c = ok(api.post(path, "approver", reason));
		assertThat(c.get("decision").get("revocation").get("on").asString()).isEqualTo("2026-10-20");
		assertThat(c.get("decision").get("revocation").get("by").asString()).isEqualTo("approver");
		assertThat(c.get("state").asString()).isEqualTo("DECIDED");
		assertThat(api.post(path, "approver", reason).status()).as("once").isEqualTo(409);

		JsonNode revoked = ok(api.get("/api/v1/documents/" + doc.get("number").asString(), null));
		assertThat(revoked.get("validity").asString()).isEqualTo("REVOKED");
		assertThat(revoked.get("revokedOn").asString()).isEqualTo("2026-10-20");
		assertThat(page("/verify/" + doc.get("number").asString())).contains("已撤销（注销）", "发证机关已于 2026-10-20 撤销或注销该证照");
		assertThat(
				jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'case.certificate-revoked' AND subject = ?")
					.param(number)
					.query(Long.class)
					.single())
			.isEqualTo(1L);
	}

}
