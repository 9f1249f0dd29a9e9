package org.govhall.system;

import static org.govhall.system.RequestShapes.formOf;
import static org.govhall.system.RequestShapes.json;
import static org.govhall.system.RequestShapes.multipart;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govhall.system.HostileHttp.PageSession;

/**
 * The abuse suite's families that aim at one endpoint's own weak spots rather than at
 * every endpoint: registration with invalid identity numbers and credit codes, the same
 * where staff type them, uploads the storage refuses and corrections it must not keep,
 * fee amounts, the login form, oversized forms and paths no handler maps.
 */
final class HostileSpecials {

	private final AbuseFixture f;

	private final Shots shots;

	HostileSpecials(AbuseFixture fixture, Shots shots) {
		this.f = fixture;
		this.shots = shots;
	}

	void plan() {
		registrations();
		identities();
		uploads();
		fees();
		logins();
		oversizedForms();
		strays();
	}

	/**
	 * Registration with invalid identity numbers and credit codes, and every field
	 * hostile, on the API and page.
	 */
	private void registrations() {
		String api = "POST /api/v1/applicants";
		String page = "POST /register";
		int i = 0;
		for (String id : HostilePayloads.invalidIdNumbers()) {
			registration(api, page, "invalid id number", "RESIDENT_ID", id, "newbie" + i++);
		}
		for (String code : HostilePayloads.invalidCreditCodes()) {
			registration(api, page, "invalid credit code", "CREDIT_CODE", code, "newbie" + i++);
		}
		// a valid credit code under the wrong kind, and the other way round
		registration(api, page, "kind mismatch", "RESIDENT_ID", HostilePayloads.creditCode("91660100MA0000017"),
				"newbie" + i++);
		registration(api, page, "kind mismatch", "CREDIT_CODE", HostilePayloads.idNumber("11010519900307123"),
				"newbie" + i++);
		// an account that exists, with everything else valid
		registration(api, page, "duplicate username", "RESIDENT_ID", HostilePayloads.idNumber("11010519900307123"),
				"applicant");
		for (String s : HostilePayloads.strings()) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("username", s);
			body.put("password", s);
			body.put("kind", "RESIDENT_ID");
			body.put("legalName", s);
			body.put("identityNumber", s);
			body.put("phone", s);
			shots.api(api, "hostile registration", "POST", "/api/v1/applicants", null, json(body), true);
			shots.postWithToken(page, "hostile registration", "/register", f.visitor, formOf(body));
		}
	}

	/**
	 * Invalid identity numbers and credit codes where staff and agents type them: an
	 * applicant at the window, an agent's applicant, a department's credit code; on the
	 * API and the pages.
	 */
	private void identities() {
		Map<String, Object> authorization = Map.of("documentName", "授权委托书", "validUntil", "2027-12-31");
		List<Map.Entry<String, String>> numbers = new ArrayList<>();
		HostilePayloads.invalidIdNumbers().forEach(n -> numbers.add(Map.entry("RESIDENT_ID", n)));
		HostilePayloads.invalidCreditCodes().forEach(n -> numbers.add(Map.entry("CREDIT_CODE", n)));
		for (Map.Entry<String, String> n : numbers) {
			Map<String, Object> applicant = Map.of("kind", n.getKey(), "name", HostilePayloads.SCRIPT, "number",
					n.getValue());
			shots.api("POST /api/v1/cases", "invalid id at the window", "POST", "/api/v1/cases", "clerk",
					json(Map.of("itemCode", AbuseFixture.FOOD, "applicant", applicant)), true);
			shots.api("POST /api/v1/cases", "invalid id by an agent", "POST", "/api/v1/cases", "agent",
					json(Map.of("itemCode", AbuseFixture.FOOD, "applicant", applicant, "authorization", authorization)),
					true);
			shots.postWithToken("POST /cases/new", "invalid id at the window", "/cases/new?item=" + AbuseFixture.FOOD,
					f.session("clerk"), formOf(Map.of("applicantKind", n.getKey(), "applicantName",
							HostilePayloads.SCRIPT, "applicantNumber", n.getValue())));
		}
		// a blank credit code is no credit code, which a department may have: only the
		// others
		for (String code : HostilePayloads.invalidCreditCodes().stream().filter(c -> !c.isBlank()).toList()) {
			Map<String, Object> department = new LinkedHashMap<>();
			department.put("code", "ABUSE-1");
			department.put("nameZh", HostilePayloads.SCRIPT);
			department.put("nameEn", HostilePayloads.IMG);
			department.put("regionCode", "660100");
			department.put("kind", "GOVERNMENT");
			department.put("creditCode", code);
			shots.api("POST /api/v1/departments", "invalid credit code", "POST", "/api/v1/departments", "admin",
					json(department), true);
			department.put("code", "660100-SCJG");
			shots.api("PUT /api/v1/departments/{code}", "invalid credit code", "PUT", "/api/v1/departments/660100-SCJG",
					"admin", json(department), true);
			shots.postWithToken("POST /staff/directory/departments", "invalid credit code",
					"/staff/directory/departments", f.session("admin"), formOf(department));
		}
	}

	private void registration(String api, String page, String family, String kind, String number, String username) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", AbuseFixture.PASSWORD);
		body.put("kind", kind);
		body.put("legalName", HostilePayloads.SCRIPT);
		body.put("identityNumber", number);
		body.put("phone", "13800000000");
		shots.api(api, family, "POST", "/api/v1/applicants", null, json(body), true);
		shots.postWithToken(page, family, "/register", f.visitor, formOf(body));
	}

	/**
	 * Uploads the storage refuses (by content, size or form), with hostile names, on the
	 * API and the pages; and corrections handed in where the case does not await any,
	 * with a file the storage would take.
	 */
	private void uploads() {
		String api = "POST /api/v1/cases/files";
		List<String> names = HostilePayloads.fileNames();
		List<byte[]> contents = HostilePayloads.refusedContents();
		for (int i = 0; i < names.size(); i++) {
			for (byte[] content : contents) {
				List<String> headers = new ArrayList<>(List.of(HostileHttp.basic("applicant", AbuseFixture.PASSWORD),
						"Content-Type: multipart/form-data; boundary=xyz", "Accept: application/json"));
				shots.add(HostileHttp.shot(api, "refused upload", "POST", "/api/v1/cases/files", headers,
						multipart("xyz", Map.of(), "file", names.get(i), content)));
			}
		}
		List<String> auth = List.of(HostileHttp.basic("applicant", AbuseFixture.PASSWORD), "Accept: application/json");
		byte[] tooLarge = new byte[11 * 1024 * 1024];
		System.arraycopy(HostilePayloads.PDF, 0, tooLarge, 0, HostilePayloads.PDF.length);
		List<Map.Entry<String, byte[]>> odd = List.of(
				Map.entry("multipart/form-data", multipart("xyz", Map.of(), "file", "a.pdf", HostilePayloads.PDF)),
				Map.entry("multipart/form-data; boundary=", new byte[] { '-', '-' }),
				Map.entry("multipart/form-data; boundary=xyz", "--xyz\r\nbroken".getBytes(StandardCharsets.UTF_8)),
				Map.entry("multipart/form-data; boundary=xyz",
						multipart("xyz", Map.of(), "other", "a.pdf", HostilePayloads.PDF)),
				Map.entry("multipart/form-data; boundary=xyz",
						multipart("xyz", Map.of("file", "not a file"), null, null, null)),
				Map.entry("multipart/form-data; boundary=xyz", multipart("xyz", Map.of(), "file", "big.pdf", tooLarge)),
				Map.entry("application/pdf", HostilePayloads.PDF), Map.entry("application/json", "{}".getBytes()));
		for (Map.Entry<String, byte[]> o : odd) {
			List<String> headers = new ArrayList<>(auth);
			headers.add("Content-Type: " + o.getKey());
			shots.add(HostileHttp.shot(api, "odd multipart", "POST", "/api/v1/cases/files", headers, o.getValue()));
		}
		// the pages: materials of a draft, corrections, a new application with a file the
		// storage refuses
		PageSession deptadmin = f.session("deptadmin");
		PageSession evil = f.session(AbuseFixture.EVIL);
		PageSession applicant = f.session("applicant");
		for (int i = 0; i < names.size(); i++) {
			byte[] content = contents.get(i % contents.size());
			shots.multipartPage("POST /staff/items/{code}/materials/{index}/files", "refused upload",
					"/staff/items/" + AbuseFixture.FOOD + "/materials/0/files", deptadmin, Map.of("kind", names.get(i)),
					"file", names.get(i), content);
			shots.multipartPage("POST /cases/{number}/corrections", "refused upload",
					"/cases/" + f.caseE1 + "/corrections", evil, Map.of(), "file0", names.get(i), content);
			shots.multipartPage("POST /cases/new", "refused upload", "/cases/new?item=" + AbuseFixture.FOOD, applicant,
					Map.of("phone", HostilePayloads.SCRIPT), "file0", names.get(i), content);
		}
		// well-formed files where the step is refused: the case does not await
		// correction, the form is invalid
		for (String c : List.of(f.caseE2, f.caseE1 + "x")) {
			shots.multipartPage("POST /cases/{number}/corrections", "file on refused step",
					"/cases/" + c + "/corrections", evil, Map.of(), "file0", "材料.pdf", HostilePayloads.PDF);
		}
		shots.multipartPage("POST /cases/{number}/corrections", "file on refused step",
				"/cases/" + f.caseA + "/corrections", applicant, Map.of(), "file0", "材料.pdf", HostilePayloads.PDF);
		shots.multipartPage("POST /cases/{number}/corrections", "file with refused file",
				"/cases/" + f.caseE1 + "/corrections", evil, Map.of(), "file0", "材料.pdf", HostilePayloads.PDF, "file0",
				"b.html", contents.get(0));
	}

	/**
	 * Fee amounts no receipt has: negative, fractions of a fen, astronomically large, not
	 * numbers.
	 */
	private void fees() {
		List<String> amounts = List.of("-5", "0", "0.001", "1E+100", "1E+2147483647", "12345678901.00", "1E-2147483647",
				"NaN", "Infinity", "1,000", "0x10", "9".repeat(400));
		for (String amount : amounts) {
			String json = "{\"name\":\"工本费\",\"amount\":"
					+ (amount.matches("[-0-9.E+]+") ? amount : HostilePayloads.quote(amount)) + ",\"receiptNo\":\"R-"
					+ amount.length() + "\"}";
			shots.api("POST /api/v1/cases/{number}/fees", "fee amount", "POST", "/api/v1/cases/" + f.caseW + "/fees",
					"clerk", json.getBytes(StandardCharsets.UTF_8), true);
			shots.postWithToken("POST /staff/cases/{number}/fees", "fee amount", "/staff/cases/" + f.caseW + "/fees",
					f.session("clerk"), "name=" + HostileHttp.enc("工本费") + "&amount=" + HostileHttp.enc(amount)
							+ "&receiptNo=R-" + amount.length());
		}
	}

	/** Forms past the container's 2 MB limit, on the anonymous and a signed-in form. */
	private void oversizedForms() {
		String big = "A".repeat(3 * 1024 * 1024);
		shots.postWithToken("POST /register", "oversized form", "/register", f.visitor, "legalName=" + big);
		shots.postWithToken("POST /login", "oversized form", "/login", f.visitor, "username=" + big);
		shots.postWithToken("POST /staff/items/new", "oversized form", "/staff/items/new", f.session("deptadmin"),
				"nameZh=" + big);
		shots.postWithToken("POST /staff/cases/{number}/refusal", "oversized form",
				"/staff/cases/" + f.caseE2 + "/refusal", f.session("clerk"), "reasons=" + big);
	}

	/** The login form with unknown users, SQL in the name, huge fields and no token. */
	private void logins() {
		// each refused login costs a password check (BCrypt): the script, SQL and
		// traversal names, not every one
		for (String s : HostilePayloads.strings().subList(0, 21)) {
			String form = "username=" + HostileHttp.enc(s) + "&password=" + HostileHttp.enc(s);
			shots.postWithToken("POST /login", "hostile login", "/login", f.visitor, form);
		}
		shots.postWithToken("POST /login", "hostile login", "/login", f.visitor,
				"username=" + "a".repeat(100_000) + "&password=" + "b".repeat(100_000));
		shots.postForm("POST /login", "csrf missing", "/login", f.visitor.cookieHeader(), "username=admin&password=x");
	}

	/**
	 * Paths no handler maps: traversal to the static resources, hidden files, the
	 * actuator, logout by GET.
	 */
	private void strays() {
		for (String p : List.of("/css/../../../../etc/passwd", "/js/%2e%2e/%2e%2e/application.properties",
				"/WEB-INF/web.xml", "/.git/config", "/actuator/prometheus", "/actuator/env", "/actuator/heapdump",
				"/api/v1/nothing", "/api/v2/cases", "/logout", "/error?x=" + HostileHttp.enc(HostilePayloads.SCRIPT),
				"/index.html", "/%2e%2e/%2e%2e/etc/passwd", "/api/v1/cases/../../../etc/passwd",
				"/static/" + HostileHttp.enc(HostilePayloads.SCRIPT))) {
			shots
				.add(HostileHttp.shot("(unmapped)", "stray path", "GET", p, List.of("Accept: text/html"), new byte[0]));
			shots.add(HostileHttp.shot("(unmapped)", "stray path", "GET", p,
					List.of(HostileHttp.basic("admin", AbuseFixture.PASSWORD), "Accept: application/json"),
					new byte[0]));
		}
		shots.add(HostileHttp.shot("(unmapped)", "csrf missing", "POST", "/logout",
				List.of(f.session("admin").cookieHeader(), "Content-Type: application/x-www-form-urlencoded"),
				new byte[0]));
	}

}
