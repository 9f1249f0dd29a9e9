package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govhall.directory.AccountDraft;
import org.govhall.directory.Directory;
import org.govhall.directory.Role;
import org.govhall.support.ApiClient;
import org.govhall.support.ApiClient.Response;
import org.govhall.support.GovHallTest;
import org.govhall.support.MovableClock;
import org.govhall.support.RequiredMaterials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Agents hold real authority (issue 12, item 2, ADR 0025): an authorisation the principal
 * confirmed from a verified account, bounded to items and a year, revocable; or a written
 * power of attorney the clerk checks against its original before acceptance. Dates past
 * 2100 are refused everywhere. Same context as {@link H2CaseJourneyTests}.
 */
@GovHallTest
class H2AgentAuthorityTests {

	static final String PLANNING = CaseJourneyTests.PLANNING;

	static final String FOOD = CaseJourneyTests.FOOD;

	/** 示范市好味餐饮有限公司, the demo enterprise: verified. */
	static final Map<String, Object> ENTERPRISE = Map.of("kind", "CREDIT_CODE", "name", "示范市好味餐饮有限公司", "number",
			"91660100MA0000017K");

	/** 张三, the demo applicant: verified. */
	static final Map<String, Object> ZHANG_SAN = Map.of("kind", "RESIDENT_ID", "name", "张三", "number",
			"110105199003071239");

	static final byte[] PDF = CaseJourneyTests.PDF;

	@LocalServerPort
	int port;

	@Autowired
	MovableClock.Moving clock;

	@Autowired
	Directory directory;

	ApiClient api;

	@BeforeEach
	void start() {
		api = new ApiClient(port);
		clock.set("2026-09-30T10:00:00");
	}

	// ---- the Why bullet

	@Test
	void anAgentCannotDeclareItsOwnAuthority() {
		// 王五 with 张三's identity number, a power of attorney named 无, no scan, valid to
		// 2099
		Map<String, Object> body = Map.of("itemCode", PLANNING, "applicant",
				Map.of("kind", "RESIDENT_ID", "name", "王五", "number", "110105199003071239"), "authorization",
				Map.of("documentName", "无", "validUntil", "2099-12-31"), "materials", files(PLANNING));
		Response r = api.post("/api/v1/cases", "agent", body);
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.json().get("type").asString()).endsWith("authorization-document");

		// a real name but still no scan, then a scan but a year too far, then everything
		// but 张三 confirms online
		Map<String, Object> named = new LinkedHashMap<>(body);
		named.put("authorization", Map.of("documentName", "授权委托书", "validUntil", "2099-12-31"));
		assertThat(type(api.post("/api/v1/cases", "agent", named))).endsWith("authorization-scan-required");
		named.put("authorization",
				Map.of("documentName", "授权委托书", "documentFileId", upload("agent"), "validUntil", "2099-12-31"));
		assertThat(type(api.post("/api/v1/cases", "agent", named))).endsWith("authorization-too-long");
		named.put("applicant", ZHANG_SAN);
		named.put("authorization",
				Map.of("documentName", "授权委托书", "documentFileId", upload("agent"), "validUntil", "2026-12-31"));
		Response online = api.post("/api/v1/cases", "agent", named);
		assertThat(online.status()).as(online.body()).isEqualTo(422);
		assertThat(type(online)).endsWith("authorization-online");
	}

	@Test
	void anAbsurdYearIsA400ProblemNotAnAuthorisation() {
		Map<String, Object> body = Map.of("itemCode", PLANNING, "applicant", ZHANG_SAN, "authorization",
				Map.of("documentName", "授权委托书", "validUntil", "+999999999-12-31"), "materials", List.of());
		Response r = api.post("/api/v1/cases", "agent", body);
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(type(r)).endsWith("date-out-of-range");
		assertThat(r.body()).contains("2100-12-31");

		Response request = api.post("/api/v1/authorisations", "agent",
				request(ENTERPRISE, List.of(FOOD), "2026-10-01", "2101-01-01"), "Accept-Language", "en");
		assertThat(request.status()).as(request.body()).isEqualTo(400);
		assertThat(type(request)).endsWith("date-out-of-range");
		assertThat(request.body()).contains("The date must lie between");
		// the other date inputs of the API go through the same reader
		Response delegation = api.put("/api/v1/items/660000-XK-00101/delegations/660221/not-taken-on", "admin",
				Map.of("reason", "县发展和改革局尚未配备核准人员", "targetOn", "+999999999-12-31"));
		assertThat(delegation.status()).as(delegation.body()).isEqualTo(400);
		assertThat(type(delegation)).endsWith("date-out-of-range");
		// and query parameters the same bounds (a well-formed date past 2100 is refused
		// like a malformed one)
		Response query = api.get("/api/v1/supervision/dashboard?from=%2B999999999-12-31&to=2026-12-31", "supervisor");
		assertThat(query.status()).as(query.body()).isEqualTo(400);
		assertThat(query.contentType()).startsWith("application/problem+json");
		assertThat(api.get("/api/v1/supervision/dashboard?from=2026-01-01&to=2026-12-31", "supervisor").status())
			.isEqualTo(200);
	}

	// ---- confirmed online

	@Test
	void anAuthorisationTheEnterpriseConfirmedLetsTheAgentFileForItsItemsUntilRevoked() {
		long id = requested(ENTERPRISE, List.of(FOOD), null, "2027-03-31");
		// pending: the enterprise sees it on its own list, the agent cannot file under it
		// yet
		assertThat(api.get("/api/v1/authorisations", "enterprise").body()).contains("\"id\":" + id, "PENDING",
				"\"agentName\":\"李四\"");
		assertThat(type(file(FOOD, id, null))).endsWith("authorisation-not-confirmed");

		JsonNode confirmed = ok(api.post("/api/v1/authorisations/" + id + "/confirm", "enterprise", null));
		assertThat(confirmed.get("state").asString()).isEqualTo("CONFIRMED");
		assertThat(confirmed.get("principalNumberMasked").asString()).isEqualTo("91660100MA0000017K");

		// the applicant is the authorisation's principal; the agent's name is the
		// account's
		Response filed = file(FOOD, id, null);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		JsonNode auth = filed.json().get("authorization");
		assertThat(filed.json().get("channel").asString()).isEqualTo("AGENT");
		assertThat(auth.get("basis").asString()).isEqualTo("CONFIRMED_ONLINE");
		assertThat(auth.get("authorisationId").asLong()).isEqualTo(id);
		assertThat(auth.get("agentName").asString()).isEqualTo("李四");
		assertThat(auth.get("awaitsCheck").asBoolean()).isFalse();
		String number = filed.json().get("number").asString();
		assertThat(api.get("/api/v1/cases?list=MINE", "enterprise").body()).contains(number);

		// another item, or another principal named, is refused
		assertThat(type(file(PLANNING, id, null))).endsWith("authorisation-item");
		assertThat(type(file(FOOD, id, Map.of("kind", "RESIDENT_ID", "name", "王五", "number", "11010519850505678X"))))
			.endsWith("authorization-principal");

		// the accepting clerk needs no check of originals for it
		assertThat(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null).status()).isEqualTo(200);

		// revoked: no new filing, the filed case keeps what it was filed under
		assertThat(ok(api.post("/api/v1/authorisations/" + id + "/revoke", "enterprise", null)).get("state").asString())
			.isEqualTo("REVOKED");
		assertThat(type(file(FOOD, id, null))).endsWith("authorisation-revoked");
		JsonNode kept = ok(api.get("/api/v1/cases/" + number, "clerk")).get("authorization");
		assertThat(kept.get("authorisationId").asLong()).isEqualTo(id);
		assertThat(api.get("/api/v1/authorisations/" + id, "agent").body()).contains("REVOKED");
	}

	@Test
	void anAuthorisationLapsesAfterItsLastDayAndStartsOnItsFirst() {
		long id = requested(ENTERPRISE, List.of(FOOD), "2026-10-10", "2026-10-20");
		ok(api.post("/api/v1/authorisations/" + id + "/confirm", "enterprise", null));
		assertThat(type(file(FOOD, id, null))).endsWith("authorisation-not-yet-valid");
		clock.set("2026-10-20T16:00:00");
		assertThat(file(FOOD, id, null).status()).isEqualTo(201);
		clock.set("2026-10-21T09:00:00");
		assertThat(type(file(FOOD, id, null))).endsWith("authorisation-expired");
		assertThat(api.get("/api/v1/authorisations", "enterprise").body()).contains("\"id\":" + id);
	}

	@Test
	void anAuthorisationIsBoundedToItemsAndAYearFromToday() {
		assertThat(type(api.post("/api/v1/authorisations", "agent",
				request(ENTERPRISE, List.of(FOOD), "2026-10-01", "2027-10-01"))))
			.endsWith("authorisation-period");
		assertThat(api
			.post("/api/v1/authorisations", "agent", request(ENTERPRISE, List.of(FOOD), "2026-10-01", "2027-09-30"))
			.status()).isEqualTo(201);
		assertThat(type(api.post("/api/v1/authorisations", "agent",
				request(ENTERPRISE, List.of(FOOD), "2026-09-29", "2026-12-31"))))
			.endsWith("authorisation-period");
		assertThat(
				type(api.post("/api/v1/authorisations", "agent", request(ENTERPRISE, List.of(), null, "2026-12-31"))))
			.endsWith("invalid-input");
		assertThat(type(api.post("/api/v1/authorisations", "agent",
				request(ENTERPRISE, List.of("NO-SUCH-ITEM"), null, "2026-12-31"))))
			.endsWith("unknown-item");
		// only agents ask; an applicant or a clerk cannot
		assertThat(
				api.post("/api/v1/authorisations", "applicant", request(ENTERPRISE, List.of(FOOD), null, "2026-12-31"))
					.status())
			.isEqualTo(403);
		assertThat(api.post("/api/v1/authorisations", "clerk", request(ENTERPRISE, List.of(FOOD), null, "2026-12-31"))
			.status()).isEqualTo(403);
	}

	@Test
	void theAgentWithdrawsAndThePrincipalDeclines() {
		long withdrawn = requested(ENTERPRISE, List.of(FOOD), null, "2026-12-31");
		assertThat(ok(api.post("/api/v1/authorisations/" + withdrawn + "/withdraw", "agent", null)).get("state")
			.asString()).isEqualTo("WITHDRAWN");
		assertThat(api.post("/api/v1/authorisations/" + withdrawn + "/confirm", "enterprise", null).status())
			.isEqualTo(409);
		long declined = requested(ENTERPRISE, List.of(FOOD), null, "2026-12-31");
		assertThat(ok(api.post("/api/v1/authorisations/" + declined + "/decline", "enterprise", null)).get("state")
			.asString()).isEqualTo("DECLINED");
		assertThat(type(file(FOOD, declined, null))).endsWith("authorisation-ended");
	}

	// ---- one's own only

	@Test
	void noOneSeesOrUsesAnotherOnesAuthorisation() {
		if (!directory.accountExists("agent-two")) {
			directory.openAccount(
					new AccountDraft("agent-two", ApiClient.DEMO_PASSWORD, "周代办", Set.of(Role.AGENT), null, null));
		}
		long id = requested(ENTERPRISE, List.of(FOOD), null, "2026-12-31");
		ok(api.post("/api/v1/authorisations/" + id + "/confirm", "enterprise", null));
		// another agent: not found, cannot file under it, cannot withdraw it, does not
		// list it
		assertThat(api.get("/api/v1/authorisations/" + id, "agent-two").status()).isEqualTo(404);
		assertThat(file(FOOD, id, null, "agent-two").status()).isEqualTo(404);
		assertThat(api.post("/api/v1/authorisations/" + id + "/withdraw", "agent-two", null).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/authorisations", "agent-two").body()).doesNotContain("\"id\":" + id + ",");
		// another principal: not found, cannot revoke; staff: not found
		assertThat(api.get("/api/v1/authorisations/" + id, "applicant").status()).isEqualTo(404);
		assertThat(api.post("/api/v1/authorisations/" + id + "/revoke", "applicant", null).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/authorisations/" + id, "clerk").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/authorisations", "clerk").status()).isEqualTo(403);
		// the agent cannot confirm its own request
		long pending = requested(ENTERPRISE, List.of(FOOD), null, "2026-12-31");
		assertThat(api.post("/api/v1/authorisations/" + pending + "/confirm", "agent", null).status()).isEqualTo(403);
		// its principal sees it
		assertThat(api.get("/api/v1/authorisations/" + pending, "enterprise").status()).isEqualTo(200);
	}

	// ---- a written power of attorney, checked at acceptance

	@Test
	void aWrittenPowerOfAttorneyIsAcceptedOnlyAfterTheClerkCheckedItsOriginal() {
		Map<String, Object> wangWu = Map.of("kind", "RESIDENT_ID", "name", "王五", "number", "110105198203150017");
		Response filed = writtenFiling(wangWu);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		JsonNode auth = filed.json().get("authorization");
		assertThat(auth.get("basis").asString()).isEqualTo("WRITTEN");
		assertThat(auth.get("awaitsCheck").asBoolean()).isTrue();
		assertThat(auth.get("principalName").asString()).isEqualTo("王五");
		String number = filed.json().get("number").asString();

		Response early = api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null);
		assertThat(early.status()).as(early.body()).isEqualTo(422);
		assertThat(type(early)).endsWith("authorization-unchecked");
		// the agent cannot record the check itself
		assertThat(
				api.post("/api/v1/cases/" + number + "/authorization-check", "agent", Map.of("genuine", true)).status())
			.isIn(403, 404);
		JsonNode checked = ok(
				api.post("/api/v1/cases/" + number + "/authorization-check", "clerk", Map.of("genuine", true)));
		assertThat(checked.get("authorization").get("check").get("checkedBy").asString()).isEqualTo("clerk");
		assertThat(ok(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null)).get("state").asString())
			.isEqualTo("ACCEPTED");

		// one that does not hold: not accepted, with the reason
		String refused = writtenFiling(wangWu).json().get("number").asString();
		assertThat(api.post("/api/v1/cases/" + refused + "/authorization-check", "clerk", Map.of("genuine", false))
			.status()).isEqualTo(400);
		JsonNode notAccepted = ok(api.post("/api/v1/cases/" + refused + "/authorization-check", "clerk",
				Map.of("genuine", false, "note", "委托书原件上的签名与委托人身份证件不符")));
		assertThat(notAccepted.get("state").asString()).isEqualTo("REFUSED");
	}

	// ---- helpers

	Response writtenFiling(Map<String, Object> principal) {
		return api.post("/api/v1/cases", "agent",
				Map.of("itemCode", FOOD, "applicant", principal, "authorization",
						Map.of("documentName", "授权委托书", "documentFileId", upload("agent"), "validUntil", "2026-12-31"),
						"materials", files(FOOD)));
	}

	long requested(Map<String, Object> principal, List<String> items, String from, String until) {
		Response r = api.post("/api/v1/authorisations", "agent", request(principal, items, from, until));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.json().get("state").asString()).isEqualTo("REQUESTED");
		return r.json().get("id").asLong();
	}

	static Map<String, Object> request(Map<String, Object> principal, List<String> items, String from, String until) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("principalKind", principal.get("kind"));
		m.put("principalName", principal.get("name"));
		m.put("principalNumber", principal.get("number"));
		m.put("itemCodes", items);
		if (from != null) {
			m.put("validFrom", from);
		}
		m.put("validUntil", until);
		return m;
	}

	Response file(String item, long authorisationId, Map<String, Object> applicant) {
		return file(item, authorisationId, applicant, "agent");
	}

	Response file(String item, long authorisationId, Map<String, Object> applicant, String agent) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("itemCode", item);
		body.put("authorisationId", authorisationId);
		if (applicant != null) {
			body.put("applicant", applicant);
		}
		body.put("materials", files(item, agent));
		return api.post("/api/v1/cases", agent, body);
	}

	List<Map<String, String>> files(String item) {
		return files(item, "agent");
	}

	List<Map<String, String>> files(String item, String user) {
		List<Map<String, String>> files = new ArrayList<>();
		for (String m : RequiredMaterials.completing(RequiredMaterials.of(api, item))) {
			files.add(Map.of("material", m, "fileId", upload(user)));
		}
		return files;
	}

	String upload(String user) {
		Response r = api.upload("/api/v1/cases/files", user, "材料.pdf", PDF);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("fileId").asString();
	}

	static String type(Response r) {
		assertThat(r.status()).as(r.body()).isBetween(400, 499);
		return r.json().get("type").asString();
	}

	static JsonNode ok(Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

}
