package org.govhall.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.support.EventPublications;
import org.govhall.support.ApiClient;
import org.govhall.support.MovableClock;
import org.govhall.support.RequiredMaterials;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.govhall.support.GovHallTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An attacker's probe of the procedure table's generic step endpoints (ADR 0026):
 * {@code POST /api/v1/cases/{number}/{step}}, {@code /staff/cases/{number}/{step}} and
 * {@code /cases/{number}/{step}}. Unknown steps, steps of the other side, the chase under
 * the generic path, JSON of the wrong shape or type, bodies of other media types, fields
 * over their limits, forms with missing, invalid or over-long fields and extra
 * parameters, and steps the case page does not offer taken through the API: each refused
 * in the requester's language (4xx, problem+json on the API, the case page with the
 * refusal on the pages), never 500, and the database as it was.
 */
@GovHallTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseStepProbeTests {

	/** 食品经营许可 of 示范市市场监督管理局. */
	static final String FOOD = "660100-XK-02001";

	static final byte[] PDF = "%PDF-1.4\n%probe\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

	static final Path STORAGE = Path.of("target/test-files/case-step-probe");

	static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MovableClock.Moving clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	final HttpClient http = HttpClient.newHttpClient();

	ApiClient api;

	/** Waits for acceptance. */
	String received;

	/** Accepted, under review. */
	String accepted;

	/** Reviewed by the reviewer, awaiting the approver's decision. */
	String reviewed;

	@BeforeAll
	void cases() {
		api = new ApiClient(port);
		clock.set("2026-10-12T10:00:00");
		received = submit("applicant");
		accepted = submit("applicant");
		ok(api.post("/api/v1/cases/" + accepted + "/acceptance", "clerk", null));
		reviewed = submit("enterprise");
		ok(api.post("/api/v1/cases/" + reviewed + "/acceptance", "clerk", null));
		ok(api.post("/api/v1/cases/" + reviewed + "/review", "reviewer",
				Map.of("recommendation", "APPROVED", "comments", "符合条件")));
		// each user's first HTTP Basic sign-in is audited (login.succeeded): done here,
		// before any snapshot
		for (String user : List.of("applicant", "enterprise", "clerk", "reviewer", "approver", "reviewer-gh")) {
			assertThat(api.get("/api/v1/case-steps", user).status()).isEqualTo(200);
		}
	}

	private String submit(String user) {
		ApiClient.Response r = RequiredMaterials.submit(api, api, user, FOOD, PDF);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	private static void ok(ApiClient.Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	// ---- unknown steps, the other side's steps, the chase

	@Test
	void anUnknownStepIsNotFoundInTheRequestersLanguageOnEveryPathAndChangesNothing() throws Exception {
		DatabaseSnapshot before = snapshot();
		for (String step : List.of("nonsense", "ACCEPT", "accept", "Acceptance", "acceptance.json", "%20acceptance",
				"%E5%8F%97%E7%90%86")) {
			Answer zh = send("POST", "/api/v1/cases/" + received + "/" + step, "clerk", "application/json", "{}",
					"zh-CN");
			problem(zh, 404, "zh", step);
			Answer en = send("POST", "/api/v1/cases/" + received + "/" + step, "clerk", "application/json", "{}", "en");
			problem(en, 404, "en", step);
		}
		Answer zh = send("POST", "/api/v1/cases/" + received + "/nonsense", "clerk", "application/json", "{}", "zh-CN");
		assertThat(zh.json().get("detail").asString()).isEqualTo("办件没有“nonsense”这一办理环节。");
		// the pages: the staff and the party path
		assertThat(page(post("/staff/cases/" + received + "/nonsense"), "clerk").getStatus()).isEqualTo(404);
		assertThat(page(post("/cases/" + received + "/nonsense"), "applicant").getStatus()).isEqualTo(404);
		assertThat(snapshot().differencesFrom(before)).isEmpty();
	}

	@Test
	void aStepOfTheOtherSideIsNotFoundOnEachSidesPathAndChangesNothing() throws Exception {
		DatabaseSnapshot before = snapshot();
		// a staff step on the parties' path: neither the applicant nor the clerk accepts
		// there
		assertThat(page(post("/cases/" + received + "/acceptance"), "applicant").getStatus()).isEqualTo(404);
		assertThat(page(post("/cases/" + received + "/acceptance"), "clerk").getStatus()).isEqualTo(404);
		assertThat(page(post("/cases/" + received + "/refusal").param("reasons", "不符合"), "applicant").getStatus())
			.isEqualTo(404);
		// a party's step on the staff path: a clerk does not withdraw an application for
		// the applicant
		assertThat(page(post("/staff/cases/" + received + "/withdrawal"), "clerk").getStatus()).isEqualTo(404);
		assertThat(page(post("/staff/cases/" + received + "/withdrawal"), "applicant").getStatus()).isBetween(403, 404);
		assertThat(page(post("/staff/cases/" + received + "/corrections"), "clerk").getStatus()).isEqualTo(404);
		assertThat(snapshot().differencesFrom(before)).isEmpty();
		assertThat(state(received)).isEqualTo("RECEIVED");
	}

	@Test
	void theChaseIsNoStepOfTheGenericPaths() throws Exception {
		DatabaseSnapshot before = snapshot();
		for (String lang : List.of("zh-CN", "en")) {
			Answer a = send("POST", "/api/v1/cases/" + accepted + "/chase", "reviewer", "application/json",
					"{\"department\":\"660100-GHZY\"}", lang);
			problem(a, 404, lang, "chase");
		}
		assertThat(page(post("/staff/cases/" + accepted + "/chase").param("department", "660100-GHZY"), "reviewer")
			.getStatus()).isEqualTo(404);
		assertThat(page(post("/cases/" + accepted + "/chase"), "applicant").getStatus()).isEqualTo(404);
		assertThat(snapshot().differencesFrom(before)).isEmpty();
	}

	// ---- bodies the API does not read

	@Test
	void bodiesOfTheWrongShapeTypeOrSizeAreRefusedInTheRequestersLanguageAndChangeNothing() throws Exception {
		String refusal = "/api/v1/cases/" + received + "/refusal";
		String review = "/api/v1/cases/" + accepted + "/review";
		String check = "/api/v1/cases/" + received + "/authorization-check";
		String suspension = "/api/v1/cases/" + accepted + "/suspension";
		String fees = "/api/v1/cases/" + accepted + "/fees";
		String decision = "/api/v1/cases/" + reviewed + "/decision";
		record Probe(String path, String user, String type, String body, int status) {
		}
		List<Probe> probes = List.of(
				// wrong types for a field
				new Probe(refusal, "clerk", "application/json", "{\"reasons\":{\"a\":1}}", 400),
				new Probe(refusal, "clerk", "application/json", "{\"reasons\":[\"材料不全\"]}", 400),
				new Probe(review, "reviewer", "application/json", "{\"recommendation\":\"MAYBE\",\"comments\":\"x\"}",
						400),
				new Probe(review, "reviewer", "application/json", "{\"recommendation\":99,\"comments\":\"x\"}", 400),
				new Probe(review, "reviewer", "application/json", "{\"recommendation\":true,\"comments\":\"x\"}", 400),
				// an enum as a number: Jackson would read it as the enum's position
				// ("recommendation": 0 as APPROVED, "outcome": 1 as DENIED)
				new Probe(review, "reviewer", "application/json", "{\"recommendation\":0,\"comments\":\"符合条件\"}", 400),
				new Probe(review, "reviewer", "application/json", "{\"recommendation\":1,\"comments\":\"不符合\"}", 400),
				new Probe(review, "reviewer", "application/json", "{\"recommendation\":\"0\",\"comments\":\"符合\"}",
						400),
				new Probe(decision, "approver", "application/json", "{\"outcome\":0}", 400),
				new Probe(decision, "approver", "application/json", "{\"outcome\":1,\"reasons\":\"不符合条件\"}", 400),
				new Probe(suspension, "reviewer", "application/json",
						"{\"procedure\":0,\"from\":\"2026-10-12\",\"reason\":\"听证\"}", 400),
				new Probe(check, "clerk", "application/json", "{\"genuine\":\"perhaps\"}", 400),
				// the outcome of the check is never assumed: left out, it would not
				// accept the application
				new Probe(check, "clerk", "application/json", "{\"note\":\"原件与扫描件不符\"}", 400),
				new Probe(check, "clerk", "application/json", "{\"genuine\":null,\"note\":\"原件与扫描件不符\"}", 400),
				new Probe(suspension, "reviewer", "application/json",
						"{\"procedure\":\"HEARING\",\"from\":\"2026-13-45\",\"reason\":\"听证\"}", 400),
				new Probe(suspension, "reviewer", "application/json",
						"{\"procedure\":\"HEARING\",\"from\":[2026,10,12,1],\"reason\":\"听证\"}", 400),
				new Probe(fees, "clerk", "application/json",
						"{\"name\":\"工本费\",\"amount\":\"ten\",\"receiptNo\":\"R-1\"}", 400),
				// required fields null or missing, a null body, an array, a scalar,
				// broken JSON
				new Probe(refusal, "clerk", "application/json", "{\"reasons\":null}", 400),
				new Probe(refusal, "clerk", "application/json", "{}", 400),
				new Probe(refusal, "clerk", "application/json", "null", 400),
				new Probe(refusal, "clerk", "application/json", "[]", 400),
				new Probe(refusal, "clerk", "application/json", "[{\"reasons\":\"材料不全\"}]", 400),
				new Probe(refusal, "clerk", "application/json", "\"材料不全\"", 400),
				new Probe(refusal, "clerk", "application/json", "{\"reasons\":\"材料不全\"", 400),
				new Probe(refusal, "clerk", "application/json", "{\"reasons\":\"材料不全\"}{\"reasons\":\"x\"}", 400),
				new Probe(review, "reviewer", "application/json", "{\"recommendation\":null,\"comments\":\"符合\"}", 400),
				new Probe(check, "clerk", "application/json", "{\"genuine\":null}", 400),
				// over the limits
				new Probe(refusal, "clerk", "application/json", "{\"reasons\":\"" + "长".repeat(2001) + "\"}", 400),
				new Probe(refusal, "clerk", "application/json",
						"{\"reasons\":\"材料不全\",\"competentAuthority\":\"" + "x".repeat(301) + "\"}", 400),
				// past the body's limit (256 KiB) before any field is read
				new Probe(refusal, "clerk", "application/json", "{\"reasons\":\"" + "长".repeat(200_000) + "\"}", 413),
				new Probe(review, "reviewer", "application/json",
						"{\"recommendation\":\"APPROVED\",\"comments\":\"" + "x".repeat(2001) + "\"}", 400),
				// other media types
				new Probe(refusal, "clerk", "text/plain", "reasons=材料不全", 415),
				new Probe(refusal, "clerk", "text/plain", "{\"reasons\":\"材料不全\"}", 415),
				new Probe(refusal, "clerk", "application/xml", "<reasons>材料不全</reasons>", 415),
				new Probe(refusal, "clerk", "application/x-www-form-urlencoded", "reasons=%E6%9D%90", 415),
				new Probe(refusal, "clerk", "multipart/form-data; boundary=x",
						"--x\r\nContent-Disposition: form-data; name=\"reasons\"\r\n\r\n材料不全\r\n--x--\r\n", 415));
		DatabaseSnapshot before = snapshot();
		List<String> wrong = new ArrayList<>();
		for (Probe p : probes) {
			for (String lang : List.of("zh-CN", "en")) {
				Answer a = send("POST", p.path(), p.user(), p.type(), p.body(), lang);
				String what = p.path().substring(p.path().lastIndexOf('/')) + " " + p.type() + " "
						+ p.body().substring(0, Math.min(60, p.body().length())) + " [" + lang + "]: " + a.status()
						+ " " + a.contentType() + " " + a.body().substring(0, Math.min(300, a.body().length()));
				if (a.status() != p.status() || !a.contentType().startsWith("application/problem+json")) {
					wrong.add(what);
					continue;
				}
				String detail = a.json().path("detail").asString("");
				if (detail.isBlank() || lang.equals("en") == CJK.matcher(detail).find() && !p.body().contains("长")) {
					wrong.add(what + " (detail not in the requester's language)");
				}
			}
		}
		assertThat(wrong).as("probes not refused as expected").isEmpty();
		assertThat(snapshot().differencesFrom(before)).isEmpty();
		assertThat(state(received)).isEqualTo("RECEIVED");
		assertThat(state(accepted)).isEqualTo("ACCEPTED");
		assertThat(state(reviewed)).isEqualTo("REVIEWED");
	}

	@Test
	void aStepBodyOverItsLimitIsRefusedWith413InTheRequestersLanguageAndChangesNothing() throws Exception {
		// a refusal that reads and holds, padded with white space past 256 KiB: said by
		// its length or sent in chunks without one
		String small = "{\"reasons\":\"材料不全\"}";
		String over = small + " ".repeat(256 * 1024 + 1 - small.getBytes(StandardCharsets.UTF_8).length);
		assertThat(over.getBytes(StandardCharsets.UTF_8)).hasSize(256 * 1024 + 1);
		DatabaseSnapshot before = snapshot();
		for (String lang : List.of("zh-CN", "en")) {
			for (boolean chunked : List.of(false, true)) {
				Answer a = chunked ? sendChunked("/api/v1/cases/" + received + "/refusal", "clerk", over, lang) : send(
						"POST", "/api/v1/cases/" + received + "/refusal", "clerk", "application/json", over, lang);
				problem(a, 413, lang, null);
				assertThat(a.json().get("detail").asString()).as(lang).contains("256");
			}
		}
		Answer zh = send("POST", "/api/v1/cases/" + received + "/refusal", "clerk", "application/json", over, "zh-CN");
		assertThat(zh.json().get("detail").asString()).isEqualTo("提交的内容过大：办理环节的请求内容最多 256 千字节。");
		assertThat(snapshot().differencesFrom(before)).isEmpty();
		assertThat(state(received)).isEqualTo("RECEIVED");
		// a body of exactly the limit is read and taken
		String number = submit("applicant");
		String limit = over.substring(0, over.length() - 1);
		Answer taken = send("POST", "/api/v1/cases/" + number + "/refusal", "clerk", "application/json", limit, "en");
		assertThat(taken.status()).as(taken.body()).isEqualTo(200);
		assertThat(state(number)).isEqualTo("REFUSED");
	}

	@Test
	void aRefusalOverTheLimitNamesTheFieldAndTheLimitInTheRequestersLanguage() throws Exception {
		String body = "{\"reasons\":\"" + "长".repeat(2001) + "\"}";
		Answer zh = send("POST", "/api/v1/cases/" + received + "/refusal", "clerk", "application/json", body, "zh-CN");
		problem(zh, 400, "zh", null);
		assertThat(zh.json().get("errors").get(0).get("field").asString()).isEqualTo("reasons");
		assertThat(zh.body()).contains("2000");
		Answer en = send("POST", "/api/v1/cases/" + received + "/refusal", "clerk", "application/json", body, "en");
		problem(en, 400, "en", null);
		assertThat(en.json().get("errors").get(0).get("message").asString()).contains("2000")
			.doesNotContainPattern(CJK);
	}

	@Test
	void unknownPropertiesAreIgnoredAndSetNothingTheRecordDoesNotHave() throws Exception {
		String number = submit("applicant");
		Answer a = send("POST", "/api/v1/cases/" + number + "/refusal", "clerk", "application/json",
				"{\"reasons\":\"材料不全\",\"state\":\"DELIVERED\",\"actor\":\"approver\",\"role\":\"APPROVER\","
						+ "\"number\":\"660100-2026-9999999\",\"departmentCode\":\"660100-GHZY\"}",
				"zh-CN");
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		assertThat(state(number)).isEqualTo("REFUSED");
		assertThat(jdbc.queryForObject("SELECT department_code FROM cases_case WHERE number = ?", String.class, number))
			.isEqualTo("660100-SCJG");
		assertThat(
				jdbc.queryForObject("SELECT COUNT(*) FROM cases_case WHERE number = '660100-2026-9999999'", Long.class))
			.isZero();
	}

	// ---- steps the page does not offer, through the API

	@Test
	void stepsThePageDoesNotOfferAreRefusedThroughTheApiToo() throws Exception {
		DatabaseSnapshot before = snapshot();
		record Probe(String user, String path, String body, int status) {
		}
		List<Probe> probes = List.of(
				// a party takes a staff step, staff a party's step
				new Probe("applicant", "/api/v1/cases/" + received + "/acceptance", "{}", 403),
				new Probe("applicant", "/api/v1/cases/" + received + "/refusal", "{\"reasons\":\"不要了\"}", 403),
				new Probe("clerk", "/api/v1/cases/" + received + "/withdrawal", "{}", 403),
				new Probe("enterprise", "/api/v1/cases/" + received + "/withdrawal", "{}", 404),
				// a role the step does not name, and another department
				new Probe("reviewer", "/api/v1/cases/" + received + "/acceptance", "{}", 403),
				new Probe("approver", "/api/v1/cases/" + received + "/acceptance", "{}", 403),
				new Probe("clerk", "/api/v1/cases/" + accepted + "/review",
						"{\"recommendation\":\"APPROVED\",\"comments\":\"x\"}", 403),
				new Probe("clerk", "/api/v1/cases/" + reviewed + "/decision", "{\"outcome\":\"APPROVED\"}", 403),
				new Probe("reviewer-gh", "/api/v1/cases/" + accepted + "/review",
						"{\"recommendation\":\"APPROVED\",\"comments\":\"x\"}", 404),
				// a co-department's opinion on a case without joint review
				new Probe("reviewer", "/api/v1/cases/" + accepted + "/opinions", "{\"verdict\":\"AGREE\"}", 403),
				// from a state the step does not start from
				new Probe("clerk", "/api/v1/cases/" + accepted + "/acceptance", "{}", 409),
				new Probe("approver", "/api/v1/cases/" + accepted + "/decision", "{\"outcome\":\"APPROVED\"}", 409),
				// the page's own conditions: nothing to resume, no written power of
				// attorney, not instant,
				// no certificate to revoke, a hand-over by whoever neither holds the case
				// nor runs the department
				new Probe("reviewer", "/api/v1/cases/" + accepted + "/resumption", "{}", 409),
				new Probe("clerk", "/api/v1/cases/" + received + "/authorization-check", "{\"genuine\":true}", 422),
				new Probe("clerk", "/api/v1/cases/" + received + "/on-the-spot-decision", "{}", 422),
				new Probe("approver", "/api/v1/cases/" + reviewed + "/certificate-revocation", "{\"reason\":\"x\"}",
						409),
				new Probe("reviewer", "/api/v1/cases/" + accepted + "/handover",
						"{\"to\":\"clerk2\",\"reason\":\"休假\"}", 403));
		List<String> wrong = new ArrayList<>();
		for (Probe p : probes) {
			for (String lang : List.of("zh-CN", "en")) {
				Answer a = send("POST", p.path(), p.user(), "application/json", p.body(), lang);
				String detail = a.contentType().startsWith("application/problem+json")
						? a.json().path("detail").asString("") : "";
				if (a.status() != p.status() || detail.isBlank() || lang.equals("en") == CJK.matcher(detail).find()) {
					wrong.add(p.user() + " " + p.path() + " [" + lang + "]: " + a.status() + " " + a.body());
				}
			}
		}
		assertThat(wrong).as("steps taken or refused otherwise").isEmpty();
		assertThat(snapshot().differencesFrom(before)).isEmpty();
	}

	@Test
	void theApproverWhoReviewedMayNotDecideThroughTheApiEither() throws Exception {
		String number = submit("applicant");
		ok(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null));
		// an approver who also reviews: the demo's approver holds the reviewer role? if
		// not, none is offered
		GovHallUser approver = directory.principal("approver").orElseThrow();
		if (!approver.scope().has(org.govhall.directory.Role.REVIEWER)) {
			Answer a = send("POST", "/api/v1/cases/" + number + "/review", "approver", "application/json",
					"{\"recommendation\":\"APPROVED\",\"comments\":\"符合\"}", "en");
			assertThat(a.status()).as(a.body()).isEqualTo(403);
			return;
		}
		ok(api.post("/api/v1/cases/" + number + "/review", "approver",
				Map.of("recommendation", "APPROVED", "comments", "符合")));
		Answer a = send("POST", "/api/v1/cases/" + number + "/decision", "approver", "application/json",
				"{\"outcome\":\"APPROVED\"}", "zh-CN");
		assertThat(a.status()).as(a.body()).isEqualTo(403);
		assertThat(a.json().get("detail").asString()).contains("审批分离");
	}

	// ---- forms on the case pages

	@Test
	void formsWithOverLongMissingOrInvalidFieldsComeBackToTheCasePageWithTheRefusalAndChangeNothing() throws Exception {
		record Form(String user, String number, String step, Map<String, String> params, String key) {
		}
		List<Form> forms = List.of(
				new Form("clerk", received, "refusal", Map.of("reasons", "长".repeat(2001)), "error.step.tooLong"),
				new Form("clerk", received, "refusal", Map.of("reasons", "材料不全", "competentAuthority", "x".repeat(301)),
						"error.step.tooLong"),
				new Form("clerk", received, "refusal", Map.of("reasons", "  "), "error.case.textRequired"),
				new Form("clerk", received, "refusal", Map.of(), "error.case.textRequired"),
				new Form("reviewer", accepted, "review", Map.of("comments", "符合条件"), "error.case.choiceRequired"),
				new Form("reviewer", accepted, "review", Map.of("recommendation", "MAYBE", "comments", "符合条件"),
						"error.step.format"),
				new Form("reviewer", accepted, "review", Map.of("recommendation", "approved", "comments", "符合条件"),
						"error.step.format"),
				new Form("reviewer", accepted, "suspension",
						Map.of("procedure", "HEARING", "from", "2026-13-45", "reason", "听证"), "error.step.format"),
				new Form("reviewer", accepted, "suspension",
						Map.of("procedure", "HEARING", "from", "12/10/2026", "reason", "听证"), "error.step.format"),
				new Form("reviewer", accepted, "suspension", Map.of("from", "2026-10-12", "reason", "听证"),
						"error.case.choiceRequired"),
				new Form("approver", accepted, "extension", Map.of("reason", "长".repeat(1001)), "error.step.tooLong"),
				new Form("clerk", accepted, "fees", Map.of("name", "工本费", "amount", "ten", "receiptNo", "R-1"),
						"error.step.format"),
				new Form("clerk", accepted, "fees", Map.of("name", "工本费", "amount", "1E+400", "receiptNo", "R-1"),
						"error.step.invalid"),
				new Form("approver", reviewed, "decision", Map.of("outcome", "", "reasons", "x"),
						"error.case.choiceRequired"),
				new Form("approver", reviewed, "decision", Map.of("outcome", "APPROVED", "validUntil", "2031-02-30"),
						"error.step.format"));
		DatabaseSnapshot before = snapshot();
		List<String> wrong = new ArrayList<>();
		for (Form f : forms) {
			for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
				MockHttpServletRequestBuilder request = post("/staff/cases/" + f.number() + "/" + f.step())
					.header("Accept-Language", locale.toLanguageTag());
				f.params().forEach(request::param);
				MvcResult result = mvc.perform(request.with(user(as(f.user()))).with(csrf())).andReturn();
				String what = f.step() + " " + f.params().keySet() + " by " + f.user();
				if (result.getResponse().getStatus() != 302 || !("/staff/cases/" + f.number() + "#step-" + f.step())
					.equals(result.getResponse().getRedirectedUrl())) {
					wrong.add(what + ": " + result.getResponse().getStatus() + " "
							+ result.getResponse().getRedirectedUrl());
					continue;
				}
				Object refusal = result.getFlashMap().get("refusal");
				boolean named = f.key().equals(refusal) || "error.validation".equals(refusal)
						|| refusalReasons(result).contains(f.key());
				if (!named) {
					wrong.add(what + ": refused with " + refusal + " " + refusalReasons(result));
					continue;
				}
				{
					String html = mvc
						.perform(get("/staff/cases/" + f.number()).with(user(as(f.user())))
							.header("Accept-Language", locale.toLanguageTag())
							.flashAttrs(result.getFlashMap()))
						.andReturn()
						.getResponse()
						.getContentAsString();
					String shown = refusalText(html);
					if (shown.isBlank() || shown.contains("error.") || shown.contains("??")
							|| locale.equals(Locale.ENGLISH) == CJK.matcher(shown.replace("长", "")).find()
							|| locale.equals(Locale.SIMPLIFIED_CHINESE)
									&& f.params().keySet().stream().anyMatch(shown::contains)) {
						wrong.add(what + " [" + locale + "]: the page shows \"" + shown + "\"");
					}
					System.out.println("case-step probe, " + what + " [" + locale + "]: " + shown);
				}
			}
		}
		assertThat(wrong).as("forms not refused on the case page").isEmpty();
		assertThat(snapshot().differencesFrom(before)).isEmpty();
	}

	@Test
	void aFormsRefusalNamesTheFieldByItsLabelWithTheLimitAndTheLengthInTheReadersLanguage() throws Exception {
		Map<Locale, List<String>> expected = Map.of(Locale.SIMPLIFIED_CHINESE,
				List.of("“不予受理的理由”最多 2000 个字，现在填了 2001 个字。", "“起始日”的填写格式不正确"), Locale.ENGLISH,
				List.of("\"Reasons for not accepting\" takes at most 2000 characters; this has 2001.",
						"\"From\" is not in the right form"));
		for (Map.Entry<Locale, List<String>> e : expected.entrySet()) {
			String lang = e.getKey().toLanguageTag();
			MvcResult tooLong = mvc
				.perform(post("/staff/cases/" + received + "/refusal").param("reasons", "长".repeat(2001))
					.header("Accept-Language", lang)
					.with(user(as("clerk")))
					.with(csrf()))
				.andReturn();
			MvcResult badDate = mvc
				.perform(post("/staff/cases/" + accepted + "/suspension").param("procedure", "HEARING")
					.param("from", "2026-13-45")
					.param("reason", "听证")
					.header("Accept-Language", lang)
					.with(user(as("reviewer")))
					.with(csrf()))
				.andReturn();
			assertThat(refusalText(mvc
				.perform(get("/staff/cases/" + received).with(user(as("clerk")))
					.header("Accept-Language", lang)
					.flashAttrs(tooLong.getFlashMap()))
				.andReturn()
				.getResponse()
				.getContentAsString()).replace("&quot;", "\"")).isEqualTo(e.getValue().get(0));
			assertThat(refusalText(mvc
				.perform(get("/staff/cases/" + accepted).with(user(as("reviewer")))
					.header("Accept-Language", lang)
					.flashAttrs(badDate.getFlashMap()))
				.andReturn()
				.getResponse()
				.getContentAsString()).replace("&quot;", "\"")).startsWith(e.getValue().get(1));
		}
	}

	@Test
	void aRefusedFormComesBackAtItsFormWithWhatWasTypedAndTheFieldAtFaultMarked() throws Exception {
		DatabaseSnapshot before = snapshot();
		String typed = "材料不全，" + "长".repeat(1996);
		for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
			MvcResult sent = mvc
				.perform(post("/staff/cases/" + received + "/refusal").param("reasons", typed)
					.param("competentAuthority", "示范市住房和城乡建设局")
					.header("Accept-Language", locale.toLanguageTag())
					.with(user(as("clerk")))
					.with(csrf()))
				.andReturn();
			// back to the case page, anchored at the form
			assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/staff/cases/" + received + "#step-refusal");
			String html = casePage(received, "clerk", locale, sent);
			String form = step(html, "refusal");
			// the refusal once, at the form, not at the top of the page
			assertThat(html.split("id=\"refusal\"", -1)).hasSize(2);
			assertThat(form).contains("id=\"refusal\"");
			assertThat(refusalText(form)).contains(locale.equals(Locale.ENGLISH) ? "at most 2000" : "最多 2000");
			// what was typed, the field at fault marked and described by the refusal, the
			// other field as typed and not marked
			Matcher reasons = Pattern.compile("<textarea id=\"refusal-reasons\"([^>]*)>([^<]*)</textarea>")
				.matcher(form);
			assertThat(reasons.find()).as(form).isTrue();
			assertThat(reasons.group(2)).isEqualTo(typed);
			assertThat(reasons.group(1)).contains("aria-invalid=\"true\"", "aria-describedby=\"refusal\"");
			Matcher authority = Pattern.compile("<input[^>]* id=\"refusal-competentAuthority\"([^>]*)>").matcher(form);
			assertThat(authority.find()).isTrue();
			assertThat(authority.group(1)).contains("value=\"示范市住房和城乡建设局\"").doesNotContain("aria-invalid");
			// the other forms as always
			assertThat(step(html, "acceptance")).doesNotContain("aria-invalid");
		}
		// a one-time notice with one problem too long: that material's problem marked,
		// the boxes as ticked
		String tooLong = "缺".repeat(501);
		MvcResult notice = mvc
			.perform(post("/staff/cases/" + received + "/correction-notice").param("issue", "0", "1")
				.param("problem0", "缺少签字")
				.param("problem1", tooLong)
				.with(user(as("clerk")))
				.with(csrf()))
			.andReturn();
		assertThat(notice.getResponse().getRedirectedUrl())
			.isEqualTo("/staff/cases/" + received + "#step-correction-notice");
		String form = step(casePage(received, "clerk", Locale.SIMPLIFIED_CHINESE, notice), "correction-notice");
		assertThat(form).contains("id=\"refusal\"");
		assertThat(tag(form, "problem1")).contains("value=\"" + tooLong + "\"", "aria-invalid=\"true\"",
				"aria-describedby=\"refusal\"");
		assertThat(tag(form, "problem0")).contains("value=\"缺少签字\"").doesNotContain("aria-invalid");
		assertThat(tag(form, "issue0")).contains("checked");
		assertThat(tag(form, "issue1")).contains("checked");
		assertThat(snapshot().differencesFrom(before)).isEmpty();

		// a step whose form the page no longer offers: its refusal at the top
		MvcResult again = mvc
			.perform(post("/staff/cases/" + accepted + "/acceptance").with(user(as("clerk"))).with(csrf()))
			.andReturn();
		assertThat(again.getFlashMap().get("refusal")).isEqualTo("error.case.state");
		String html = casePage(accepted, "clerk", Locale.SIMPLIFIED_CHINESE, again);
		assertThat(html).doesNotContain("id=\"step-acceptance\"");
		assertThat(html.substring(html.indexOf("class=\"case-outcome\""), html.indexOf("id=\"h-facts\"")))
			.contains("id=\"refusal\"");
	}

	/** The case page as it comes back after {@code sent}, with its flash. */
	String casePage(String number, String username, Locale locale, MvcResult sent) throws Exception {
		return mvc
			.perform(get("/staff/cases/" + number).with(user(as(username)))
				.header("Accept-Language", locale.toLanguageTag())
				.flashAttrs(sent.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * The part of a case page with a step's form, up to the next step's or the end of the
	 * actions.
	 */
	static String step(String html, String segment) {
		int start = html.indexOf("id=\"step-" + segment + "\"");
		assertThat(start).as("the form of " + segment).isNotNegative();
		int next = html.indexOf("class=\"case-step", start);
		int end = html.indexOf("</section>", start);
		return html.substring(start, next < 0 ? end : Math.min(next, end));
	}

	/** The attributes of the element with the id. */
	static String tag(String html, String id) {
		Matcher m = Pattern.compile("<[a-z]+[^>]*\\sid=\"" + id + "\"[^>]*>").matcher(html);
		assertThat(m.find()).as(id).isTrue();
		return m.group();
	}

	@Test
	void aPartysFormSetsNothingBeyondItsStepsRecord() throws Exception {
		String number = submit("applicant");
		MvcResult result = mvc
			.perform(post("/cases/" + number + "/withdrawal").param("state", "DELIVERED")
				.param("actor", "clerk")
				.param("role", "WINDOW_CLERK")
				.param("outcome", "APPROVED")
				.param("to", "applicant")
				.param("!outcome", "APPROVED")
				.param("_state", "x")
				.param("class.module.classLoader.URLs[0]", "x")
				.with(user(as("applicant")))
				.with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + number);
		assertThat((Map<String, Object>) result.getFlashMap()).containsKey("done").doesNotContainKey("refusal");
		assertThat(state(number)).isEqualTo("WITHDRAWN");
		// one step, the withdrawal, taken by the applicant in the applicant's role
		assertThat(jdbc.queryForList(
				"SELECT actor || ' ' || actor_role || ' ' || to_state FROM cases_history h "
						+ "JOIN cases_case c ON c.id = h.case_id WHERE c.number = ? ORDER BY h.id",
				String.class, number))
			.containsExactly("applicant APPLICANT RECEIVED", "applicant APPLICANT WITHDRAWN");
	}

	// ---- helpers

	GovHallUser as(String username) {
		return directory.principal(username).orElseThrow();
	}

	String state(String number) {
		return jdbc.queryForObject("SELECT state FROM cases_case WHERE number = ?", String.class, number);
	}

	/**
	 * The database once the events of earlier steps (documents issued, supervision told)
	 * are handled.
	 */
	DatabaseSnapshot snapshot() throws IOException {
		EventPublications.awaitNoneOutstanding(JdbcClient.create(jdbc), Duration.ofSeconds(30));
		return DatabaseSnapshot.take(jdbc, STORAGE, AbuseSuiteTests.NARROWED);
	}

	MockHttpServletResponse page(MockHttpServletRequestBuilder request, String username) throws Exception {
		return mvc.perform(request.with(user(as(username))).with(csrf())).andReturn().getResponse();
	}

	@SuppressWarnings("unchecked")
	static List<String> refusalReasons(MvcResult result) {
		Object reasons = result.getFlashMap().get("refusalReasons");
		if (!(reasons instanceof List<?> list)) {
			return List.of();
		}
		return list.stream().map(r -> ((org.govhall.shared.GovHallException.FieldViolation) r).messageKey()).toList();
	}

	/** The text of the refusal box of a case page. */
	static String refusalText(String html) {
		int at = html.indexOf("id=\"refusal\"");
		if (at < 0) {
			return "";
		}
		int start = html.lastIndexOf('<', at);
		int end = html.indexOf("</div>", at);
		return html.substring(start, end).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
	}

	static void problem(Answer a, int status, String lang, @Nullable String step) {
		assertThat(a.status()).as(a.body()).isEqualTo(status);
		assertThat(a.contentType()).startsWith("application/problem+json");
		String detail = a.json().get("detail").asString();
		if (lang.startsWith("zh")) {
			assertThat(detail).containsPattern(CJK);
		}
		else {
			// the step as it was sent is named, in whatever script it was sent
			assertThat(step == null ? detail : detail.replace(decoded(step), "")).doesNotContainPattern(CJK);
		}
		if (step != null) {
			assertThat(detail).contains(decoded(step).strip());
		}
	}

	static String decoded(String segment) {
		return java.net.URLDecoder.decode(segment, StandardCharsets.UTF_8);
	}

	record Answer(int status, String contentType, String body) {

		JsonNode json() {
			return JSON.readTree(body);
		}

	}

	/** A JSON body sent in chunks, without a length. */
	Answer sendChunked(String path, String user, String body, String lang) throws Exception {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return answer(request(path, user, "application/json", lang)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
	}

	Answer send(String method, String path, String user, String contentType, String body, String lang)
			throws Exception {
		return send(http, port, method, path, user, contentType, body, lang);
	}

	/**
	 * A request to the application on {@code port} as {@code user} (HTTP Basic), in
	 * {@code lang}, answered as it came.
	 */
	static Answer send(HttpClient http, int port, String method, String path, String user, String contentType,
			String body, String lang) throws Exception {
		HttpRequest request = request(port, path, user, contentType, lang)
			.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
	}

	HttpRequest.Builder request(String path, String user, String contentType, String lang) {
		return request(port, path, user, contentType, lang);
	}

	static HttpRequest.Builder request(int port, String path, String user, String contentType, String lang) {
		String token = Base64.getEncoder()
			.encodeToString((user + ":" + ApiClient.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + token)
			.header("Accept", "application/json")
			.header("Accept-Language", lang)
			.header("Content-Type", contentType);
	}

	Answer answer(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
	}

}
