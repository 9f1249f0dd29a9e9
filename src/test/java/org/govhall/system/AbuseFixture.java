package org.govhall.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.govhall.support.ApiClient;
import org.govhall.support.RequiredMaterials;
import org.govhall.support.ApiClient.Response;
import org.govhall.system.HostileHttp.PageSession;
import tools.jackson.databind.JsonNode;

/**
 * What the abuse suite attacks, made through valid requests before the measured run: an
 * applicant whose registered name is a script, cases in every state a step can be refused
 * in (received, awaiting correction, refused with its document, reviewed), script
 * payloads stored in a correction notice, a refusal, an applicant's name taken at the
 * window, a review, supervision notices and accountability, a card, a catalog draft,
 * messages, and a signed-in page session for every role.
 */
final class AbuseFixture {

	static final String PASSWORD = ApiClient.DEMO_PASSWORD;

	/**
	 * 食品经营许可 of 示范市市场监督管理局; a new draft of it is made, so staff pages have a draft to
	 * refuse work on.
	 */
	static final String FOOD = "660100-XK-02001";

	static final String FOOD_FORM = "食品经营许可申请书";

	/** 建设工程规划许可证核发 of 示范市自然资源和规划局: out of the 市场监管局 reviewer's scope. */
	static final String PLANNING = "660100-XK-05001";

	static final String EVIL = "evil";

	/**
	 * An unverified account that claims 示范市新开科技有限公司's credit code (issue 12's Why, item
	 * 1).
	 */
	static final String SQUATTER = "squatter";

	static final String XINKAI = "91660100MA0000025E";

	/** 示范市好味餐饮有限公司, the demo enterprise, verified. */
	static final String HAOWEI = "91660100MA0000017K";

	/**
	 * The evil applicant's legal name: a script tag and an attribute break-out, within
	 * the 200 characters allowed.
	 */
	static final String EVIL_NAME = HostilePayloads.SCRIPT + HostilePayloads.IMG;

	/** The users that sign in to the pages and call the API. */
	static final List<String> USERS = List.of("applicant", EVIL, "enterprise", "agent", "clerk", "reviewer", "approver",
			"deptadmin", "deptadmin-qc", "legal", "supervisor", "admin", "admin-bs", "reviewer-gh");

	private final ApiClient api;

	private final HostileHttp http;

	/**
	 * The applicant's own received case: other applicants and out-of-scope staff must not
	 * reach it.
	 */
	String caseA;

	/** The evil applicant's case awaiting correction, with a script in the notice. */
	String caseE1;

	/**
	 * The evil applicant's refused case, with a script in the reasons and a javascript:
	 * URL as competent authority.
	 */
	String caseE2;

	String caseE2Code;

	/** A window case for an applicant named by script, reviewed with a script comment. */
	String caseW;

	/** The refusal decision of caseE2. */
	String document;

	String openNotice;

	String closedNotice;

	/** A card on caseA that its department has answered, and one nobody answered. */
	String answeredCard;

	String openCard;

	long applicantMessage;

	long evilMessage;

	long hallId;

	/** A file the applicant uploaded and never handed in. */
	String applicantFile;

	final Map<String, PageSession> sessions = new LinkedHashMap<>();

	PageSession visitor;

	/** What the valid uploads with hostile names were stored as. */
	final List<String> storedNames = new ArrayList<>();

	AbuseFixture(ApiClient api, HostileHttp http) {
		this.api = api;
		this.http = http;
	}

	static JsonNode ok(Response r, int status) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		return r.json();
	}

	/**
	 * Registers the evil applicant, uploads files with hostile names, and makes the
	 * cases. Clock at 2026-09-30.
	 */
	void casesAndUploads() {
		ok(api
			.post("/api/v1/applicants", null,
					Map.of("username", EVIL, "password", PASSWORD, "kind", "RESIDENT_ID", "legalName", EVIL_NAME,
							"identityNumber", HostilePayloads.idNumber("11010519880808123"), "phone", "13800000009")),
				201);
		// a window clerk saw the evil applicant's identity card: only a verified identity
		// files (ADR 0024)
		ok(api.post("/api/v1/applicants/" + EVIL + "/verification", "clerk", Map.of("originalSeen", true)), 200);
		// issue 12's squatter: registered with the public credit code of an enterprise of
		// the identity platform that
		// has no GovHall account yet; the claim stays unverified
		ok(api.post("/api/v1/applicants", null, Map.of("username", SQUATTER, "password", PASSWORD, "kind",
				"CREDIT_CODE", "legalName", "示范市新开科技有限公司", "identityNumber", XINKAI)), 201);
		for (String name : HostilePayloads.fileNames()) {
			Response r = api.upload("/api/v1/cases/files", "applicant", name, HostilePayloads.PDF);
			if (r.status() == 201) {
				storedNames.add(r.json().get("name").asString());
				applicantFile = r.json().get("fileId").asString();
			}
			else {
				assertThat(r.status()).as("upload named %s: %s", name, r.body()).isBetween(400, 499);
			}
		}
		caseA = submit("applicant");
		submit("applicant"); // a second overdue case, so that the daily run issues two
								// cards to the department
		caseE1 = submit(EVIL);
		ok(api.post("/api/v1/cases/" + caseE1 + "/correction-notice", "clerk", Map.of("issues",
				List.of(Map.of("material", FOOD_FORM, "problem", HostilePayloads.SCRIPT + HostilePayloads.SVG)))), 200);
		caseE2 = submit(EVIL);
		ok(api.post("/api/v1/cases/" + caseE2 + "/refusal", "clerk", Map.of("reasons",
				HostilePayloads.IMG + HostilePayloads.SCRIPT, "competentAuthority", HostilePayloads.JS_URL)), 200);
		caseW = ok(api.post("/api/v1/cases", "clerk",
				Map.of("itemCode", FOOD, "applicant",
						Map.of("kind", "RESIDENT_ID", "name", HostilePayloads.SVG + HostilePayloads.LINK, "number",
								HostilePayloads.idNumber("11010519770707456")),
						"materials", RequiredMaterials.upload(api, "clerk", FOOD, HostilePayloads.PDF))),
				201)
			.get("number")
			.asString();
		ok(api.post("/api/v1/cases/" + caseW + "/acceptance", "clerk", null), 200);
		ok(api.post("/api/v1/cases/" + caseW + "/review", "reviewer",
				Map.of("recommendation", "APPROVED", "comments", HostilePayloads.SCRIPT)), 200);
		ok(api.post("/api/v1/items/" + FOOD + "/drafts", "deptadmin", null), 201);
		hallId = ok(api.get("/api/v1/halls", null), 200).get(0).get("id").asLong();
	}

	private String submit(String user) {
		return ok(RequiredMaterials.submit(api, api, user, FOOD, HostilePayloads.PDF, FOOD_FORM), 201).get("number")
			.asString();
	}

	/**
	 * The refusal's document (issued once the refusal's event is handled), supervision
	 * notices (one open, one closed) and accountability, once the read model has the
	 * cases.
	 */
	void supervision() {
		JsonNode refused = ok(api.get("/api/v1/cases/" + caseE2, EVIL), 200);
		document = refused.get("documents").get(0).get("number").asString();
		caseE2Code = refused.get("queryCode").asString();
		openNotice = ok(api.post("/api/v1/supervision/cases/" + caseA + "/notices", "supervisor",
				Map.of("demand", HostilePayloads.SCRIPT + "请说明未受理原因", "responseDays", 3)), 201)
			.get("number")
			.asString();
		closedNotice = ok(api.post("/api/v1/supervision/cases/" + caseW + "/notices", "supervisor",
				Map.of("demand", HostilePayloads.SVG, "responseDays", 3)), 201)
			.get("number")
			.asString();
		ok(api.post("/api/v1/supervision/notices/" + closedNotice + "/response", "deptadmin",
				Map.of("response", HostilePayloads.IMG)), 200);
		ok(api.post("/api/v1/supervision/notices/" + closedNotice + "/close", "supervisor",
				Map.of("comment", HostilePayloads.LINK)), 200);
		ok(api.post("/api/v1/supervision/cases/" + caseW + "/accountability", "supervisor",
				Map.of("person", HostilePayloads.SCRIPT, "measure", "ADMONITION", "basis", HostilePayloads.IMG)), 201);
	}

	/**
	 * The cards of the daily run (clock moved past the acceptance deadlines): one is
	 * answered, one left open.
	 */
	void cards() {
		List<String> cards = new ArrayList<>();
		JsonNode all = ok(api.get("/api/v1/supervision/cards?all=true", "supervisor"), 200);
		all.forEach(c -> {
			if (c.get("departmentCode").asString().equals("660100-SCJG")) {
				cards.add(c.get("number").asString());
			}
		});
		assertThat(cards).as("cards of the daily run for 660100-SCJG among %s", all).hasSizeGreaterThanOrEqualTo(2);
		answeredCard = cards.get(0);
		openCard = cards.get(1);
		ok(api.post("/api/v1/supervision/cards/" + answeredCard + "/answer", "deptadmin",
				Map.of("explanation", HostilePayloads.SCRIPT, "rectification", HostilePayloads.SVG)), 200);
	}

	/**
	 * Message ids, a signed-in session per user and an anonymous one; every API user is
	 * authenticated once.
	 */
	void sessionsAndMessages() throws IOException, InterruptedException {
		applicantMessage = ok(api.get("/api/v1/notifications", "applicant"), 200).get(0).get("id").asLong();
		evilMessage = ok(api.get("/api/v1/notifications", EVIL), 200).get(0).get("id").asLong();
		for (String user : USERS) {
			// the first HTTP Basic call of a user is a login the audit log records; the
			// run then finds it cached
			assertThat(api.get("/api/v1/notifications", user).status()).as(user).isEqualTo(200);
			sessions.put(user, http.signIn(user, PASSWORD));
		}
		// the squatter only calls the API (issue 12's probes): its login is recorded here
		// too
		assertThat(api.get("/api/v1/notifications", SQUATTER).status()).isEqualTo(200);
		visitor = http.visit();
	}

	/**
	 * Every stored file's path below the storage directory: two levels of fan-out and the
	 * file's UUID.
	 */
	static List<String> storedPaths(Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile)
				.map(p -> root.relativize(p).toString().replace('\\', '/'))
				.toList();
		}
	}

	PageSession session(String user) {
		PageSession s = sessions.get(user);
		if (s == null) {
			throw new IllegalArgumentException("no session for " + user);
		}
		return s;
	}

}
