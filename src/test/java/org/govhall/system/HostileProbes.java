package org.govhall.system;

import static org.govhall.system.RequestShapes.formOf;
import static org.govhall.system.RequestShapes.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govhall.catalog.CatalogFixtures;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outside probes behind the Why of issue 12, replayed by the abuse suite against the
 * running application (item 10): each was answered with success before the issue and must
 * now be refused cleanly (4xx, problem+json on the API) and change nothing, like every
 * other shot of the suite. Their own tests say what each refusal is; here they run
 * together with ten thousand others, as the probes did.
 */
final class HostileProbes {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final String FAMILY = "issue 12 probe";

	/** 张三, the demo applicant: the agent below names his number under another name. */
	private static final String ZHANG_SAN = "110105199003071239";

	/** 对未取得食品经营许可从事食品经营活动的行政处罚: a penalty, never applied for. */
	private static final String PENALTY = "660100-CF-02006";

	/** 企业注销登记, filed by the squatter in the Why of issue 12. */
	private static final String DEREGISTRATION = "660100-XK-02003";

	/** 土地权属争议行政裁决: not available online (不能网办). */
	private static final String OFFLINE = "660200-CJ-00501";

	private final AbuseFixture f;

	private final Shots shots;

	HostileProbes(AbuseFixture fixture, Shots shots) {
		this.f = fixture;
		this.shots = shots;
	}

	void plan() {
		anyoneAsAnyone();
		administratorsAlone();
		selfDeclaredAgents();
		draftsNamingOthersFiles();
		unboundedFiling();
		unprintableDocuments();
		smallerHoles();
	}

	/**
	 * "A new account registered with the demo enterprise's public credit code and filed
	 * 企业注销登记 in its name": the registration of a verified holder's code is refused, and
	 * an unverified claim files nothing.
	 */
	private void anyoneAsAnyone() {
		Map<String, Object> body = registration("probe-haowei", "plain-and-long-2026", "示范市好味餐饮有限公司");
		body.put("kind", "CREDIT_CODE");
		body.put("identityNumber", AbuseFixture.HAOWEI);
		shots.api("POST /api/v1/applicants", FAMILY, "POST", "/api/v1/applicants", null, json(body), true);
		shots.postWithToken("POST /register", FAMILY, "/register", f.visitor, formOf(body));
		for (String user : List.of(AbuseFixture.SQUATTER, "applicant")) {
			shots.api("POST /api/v1/cases", FAMILY, "POST", "/api/v1/cases", user,
					json(Map.of("itemCode", DEREGISTRATION, "applicant",
							Map.of("kind", "CREDIT_CODE", "name", "示范市好味餐饮有限公司", "number", AbuseFixture.HAOWEI),
							"materials", List.of())),
					true);
		}
		shots.api("POST /api/v1/cases", FAMILY, "POST", "/api/v1/cases", AbuseFixture.SQUATTER,
				json(Map.of("itemCode", DEREGISTRATION, "materials", List.of())), true);
	}

	/**
	 * "Administrators hold supervisor powers": neither the supervision nor the cases
	 * answer them.
	 */
	private void administratorsAlone() {
		for (String admin : List.of("admin", "admin-bs")) {
			shots.api("GET /api/v1/supervision/cases", FAMILY, "GET", "/api/v1/supervision/cases", admin, new byte[0],
					false);
			shots.api("GET /api/v1/supervision/cards", FAMILY, "GET", "/api/v1/supervision/cards", admin, new byte[0],
					false);
			shots.api("GET /api/v1/cases/{number}", FAMILY, "GET", "/api/v1/cases/" + f.caseA, admin, new byte[0],
					false);
		}
		// nor may an administrator confirm a role of an account that holds none waiting,
		// or touch their own
		shots.api("POST /api/v1/accounts/{username}/confirmation", FAMILY, "POST",
				"/api/v1/accounts/admin-bs/confirmation", "admin-bs", new byte[0], false);
		shots.api("POST /api/v1/accounts/{username}/disable", FAMILY, "POST", "/api/v1/accounts/admin/disable", "admin",
				new byte[0], false);
	}

	/**
	 * "An agent filed as 王五 with 张三's identity number, a power of attorney named 无, no
	 * scan, and validity to 2099."
	 */
	private void selfDeclaredAgents() {
		for (String until : List.of("2099-12-31", "+999999999-12-31", "2101-01-01")) {
			for (String document : List.of("无", "none", "-")) {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("itemCode", AbuseFixture.FOOD);
				body.put("applicant", Map.of("kind", "RESIDENT_ID", "name", "王五", "number", ZHANG_SAN));
				body.put("authorization", Map.of("documentName", document, "validUntil", until));
				body.put("materials", List.of());
				shots.api("POST /api/v1/cases", FAMILY, "POST", "/api/v1/cases", "agent", json(body), true);
			}
		}
	}

	/**
	 * "A department admin attached an applicant's material and a citizen's certificate to
	 * a draft. After publication, anonymous users downloaded both from
	 * /items/{code}/files/{id}."
	 */
	private void draftsNamingOthersFiles() {
		@SuppressWarnings("unchecked")
		Map<String, Object> draft = JSON.convertValue(CatalogFixtures.licensingItem().build(), Map.class);
		@SuppressWarnings("unchecked")
		Map<String, Object> implementation = new LinkedHashMap<>((Map<String, Object>) draft.get("implementation"));
		implementation.put("resultSampleFileId", f.applicantFile);
		implementation.put("resultSampleName", "样本.pdf");
		draft.put("implementation", implementation);
		shots.api("PUT /api/v1/items/{code}/draft", FAMILY, "PUT", "/api/v1/items/" + AbuseFixture.FOOD + "/draft",
				"deptadmin", json(draft), true);
		shots.add(HostileHttp.shot("GET /items/{code}/files/{fileId}", FAMILY, "GET",
				"/items/" + AbuseFixture.FOOD + "/files/" + f.applicantFile, List.of("Accept: */*"), new byte[0]));
	}

	/**
	 * "Applicants can file online for penalty and coercion items and for items marked
	 * offline, without limit."
	 */
	private void unboundedFiling() {
		for (String item : List.of(PENALTY, OFFLINE)) {
			shots.api("POST /api/v1/cases", FAMILY, "POST", "/api/v1/cases", "applicant",
					json(Map.of("itemCode", item, "materials", List.of())), true);
		}
	}

	/**
	 * "A control character in a name means the legally required notice is never produced,
	 * while the API answered 200."
	 */
	private void unprintableDocuments() {
		shots.api("POST /api/v1/cases/{number}/refusal", FAMILY, "POST", "/api/v1/cases/" + f.caseA + "/refusal",
				"clerk", json(Map.of("reasons", "材料不全\u0007\u001b[2J")), true);
		shots.api("POST /api/v1/cases", FAMILY, "POST", "/api/v1/cases", "clerk",
				json(Map.of("itemCode", AbuseFixture.FOOD, "applicant",
						Map.of("kind", "RESIDENT_ID", "name", "张\u202E三", "number", ZHANG_SAN), "materials",
						List.of())),
				true);
	}

	/**
	 * Common passwords, reserved usernames, bidi names, another region's item code,
	 * delegation at extreme dates.
	 */
	private void smallerHoles() {
		List<Map<String, Object>> registrations = List.of(registration("probe-weak", "password123", "李明"),
				registration("admin2", "plain-and-long-2026", "李明"),
				registration("probe-bidi", "plain-and-long-2026", "李\u202E明"),
				registration("probe-user", "probe-user-2026", "李明"));
		for (Map<String, Object> body : registrations) {
			shots.api("POST /api/v1/applicants", FAMILY, "POST", "/api/v1/applicants", null, json(body), true);
			shots.postWithToken("POST /register", FAMILY, "/register", f.visitor, formOf(body));
		}
		shots.api("POST /api/v1/items", FAMILY, "POST", "/api/v1/items", "deptadmin",
				json(Map.of("code", "660200-XK-99001", "departmentCode", "660100-SCJG", "content",
						CatalogFixtures.licensingItem().build())),
				true);
		for (String[] p : List.of(new String[] { "0000-01-01", "2026-06-30" },
				new String[] { "2026-01-01", "+99999-12-31" }, new String[] { "99999999", "2026-06-30" })) {
			shots.api("GET /api/v1/supervision/delegations", FAMILY, "GET",
					"/api/v1/supervision/delegations?county=660221" + "&from=" + HostileHttp.enc(p[0]) + "&to="
							+ HostileHttp.enc(p[1]),
					"supervisor", new byte[0], false);
		}
	}

	private static Map<String, Object> registration(String username, String password, String name) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", password);
		body.put("kind", "RESIDENT_ID");
		body.put("legalName", name);
		body.put("identityNumber", "11010519491231002X");
		return body;
	}

}
