package org.govhall.supervision.delegation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.govhall.catalog.Catalog;
import org.govhall.catalog.DelegationTakeUp;
import org.govhall.catalog.ItemDraft;
import org.govhall.directory.AccountDraft;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.shared.ForbiddenException;
import org.govhall.support.ApiClient;
import org.govhall.support.ApiClient.Response;
import org.govhall.support.GovHallTest;
import org.govhall.support.MovableClock;
import org.govhall.support.RequiredMaterials;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 11, item 1, from the application to the tracking: the applicant's county comes
 * from the address given with the application (not the identity number's prefix), a
 * city's refusal that sends the applicant to the county is not "handled above", a county
 * counterpart of an entrusted power issues its documents in the entrusting authority's
 * name, a county records a power as not yet taken on (audited), and the guide and the
 * apply page tell a county applicant which office handles the item for them, in Chinese
 * and English.
 */
@GovHallTest
class DelegatedPowerCasesTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

	/** 北山市行政审批服务局's 食品经营许可, delegated to 青川县 (counterpart 660221-XK-00201). */
	static final String CITY_FOOD = DelegationTrackingTests.FOOD;

	/** 示范市市场监督管理局's 药品经营许可证核发（零售）, entrusted (委托) to 东湖县 from 2025-06-01. */
	static final String DRUGS = "660100-XK-02004";

	@LocalServerPort
	int port;

	@Autowired
	MovableClock.Moving clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	Catalog catalog;

	@Autowired
	DelegationTakeUp takeUp;

	@Autowired
	DelegationTracking tracking;

	@Autowired
	ObjectMapper json;

	@Autowired
	MockMvc mvc;

	ApiClient api;

	@BeforeEach
	void start() {
		api = new ApiClient(port);
		clock.set("2026-10-12T10:00:00");
		account("clerk-bs", Role.WINDOW_CLERK, "660200");
		account("clerk-dh", Role.WINDOW_CLERK, "660121");
	}

	void account(String username, Role role, String region) {
		if (!directory.accountExists(username)) {
			directory
				.openAccount(new AccountDraft(username, ApiClient.DEMO_PASSWORD, username, Set.of(role), region, null));
		}
	}

	GovHallUser as(String username) {
		return directory.principal(username).orElseThrow();
	}

	Response apply(String user, String item, @Nullable String addressRegion) {
		Map<String, Object> body = new HashMap<>();
		body.put("itemCode", item);
		body.put("materials", RequiredMaterials.upload(api, user, item, PDF));
		if (addressRegion != null) {
			body.put("addressRegion", addressRegion);
		}
		return api.post("/api/v1/cases", user, body);
	}

	String supervised(String number, String column) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> jdbc
				.sql("SELECT CAST(" + column + " AS VARCHAR(20)) FROM supervision_case WHERE case_number = :n")
				.param("n", number)
				.query(String.class)
				.optional()
				.orElse(null), v -> v != null);
	}

	@Test
	void theApplicantsCountyIsTheAddressGivenAndARefusalThatSendsThemToTheCountyIsNotHandledAbove() {
		// 张三's identity number begins 110105: without an address he would belong to no
		// county of the province
		Response r = apply("applicant", CITY_FOOD, "660221");
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		String number = r.json().get("number").asString();
		assertThat(supervised(number, "applicant_region")).isEqualTo("660221");
		DelegationOverview.Power food = DelegationTrackingTests
			.byItem(tracking.track(as("supervisor"), "660221", "2026-10-01", "2026-10-31"))
			.get(CITY_FOOD);
		assertThat(food.aboveReceived()).isEqualTo(1);
		assertThat(food.redirectedAbove()).isZero();

		// the city refuses, naming the county's office: the applicant was sent where the
		// power now lies
		Response refused = api.post("/api/v1/cases/" + number + "/refusal", "clerk-bs",
				Map.of("reasons", "本事项已下放至青川县实施", "competentAuthority", "青川县行政审批服务局"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(200);
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> "TRUE".equalsIgnoreCase(supervised(number, "redirected")));
		food = DelegationTrackingTests.byItem(tracking.track(as("supervisor"), "660221", "2026-10-01", "2026-10-31"))
			.get(CITY_FOOD);
		assertThat(food.aboveReceived()).isZero();
		assertThat(food.redirectedAbove()).isEqualTo(1);

		// a refusal that names no competent authority stays a case handled above
		Response other = apply("applicant", CITY_FOOD, "660221");
		String second = other.json().get("number").asString();
		assertThat(api.post("/api/v1/cases/" + second + "/refusal", "clerk-bs", Map.of("reasons", "材料不真实")).status())
			.isEqualTo(200);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "REFUSED".equals(supervised(second, "state")));
		assertThat(supervised(second, "redirected")).isEqualToIgnoringCase("FALSE");
		food = DelegationTrackingTests.byItem(tracking.track(as("supervisor"), "660221", "2026-10-01", "2026-10-31"))
			.get(CITY_FOOD);
		assertThat(food.aboveReceived()).isEqualTo(1);
	}

	@Test
	void withoutAnAddressAPersonCountsByTheIdentityNumberAndAnEnterpriseByItsRegistration() {
		Response person = apply("applicant", CITY_FOOD, null);
		assertThat(person.status()).as(person.body()).isEqualTo(201);
		assertThat(supervised(person.json().get("number").asString(), "applicant_region")).isEqualTo("110105");
		// 91660100MA0000017K: registered in 示范市 (660100)
		Response enterprise = apply("enterprise", CITY_FOOD, null);
		assertThat(enterprise.status()).as(enterprise.body()).isEqualTo(201);
		assertThat(supervised(enterprise.json().get("number").asString(), "applicant_region")).isEqualTo("660100");
	}

	@Test
	void anAddressOutsideTheDirectoryIsRefusedAndNothingIsStored() {
		long before = jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single();
		Response unknown = apply("applicant", CITY_FOOD, "669999");
		assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(unknown.json().get("type").asString()).isEqualTo("urn:govhall:problem:unknown-region");
		assertThat(unknown.json().get("detail").asString()).contains("669999");
		Response malformed = apply("applicant", CITY_FOOD, "66022x");
		assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM cases_case").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aCountyCounterpartOfAnEntrustedPowerDecidesInTheEntrustingAuthoritysName() throws Exception {
		String county = "660121-XK-09004";
		if (catalog.findGuide(county).isEmpty()) {
			// 东湖县行政审批服务局's own item for the entrusted 药品经营许可, then the city names it by
			// code
			ObjectNode content = json.valueToTree(catalog.guide(DRUGS).content());
			content.put("nameZh", "药品经营许可证核发（零售，东湖县受委托）");
			content.putArray("delegations");
			content.putArray("exerciseLevels").add("COUNTY");
			// the city's windows do not receive the county department's items
			content.remove("handling");
			GovHallUser admin = as("admin");
			GovHallUser legal = as("legal");
			catalog.createItem(county, "660121-XZSP", json.treeToValue(content, ItemDraft.class), admin);
			catalog.submit(county, admin);
			catalog.approve(county, legal);
			catalog.newDraft(DRUGS, admin);
			ObjectNode city = json.valueToTree(catalog.guide(DRUGS).content());
			for (JsonNode d : city.get("delegations")) {
				if (d.get("countyCode").asString().equals("660121")) {
					((ObjectNode) d).put("counterpartItemCode", county);
				}
			}
			catalog.reviseDraft(DRUGS, json.treeToValue(city, ItemDraft.class), admin);
			catalog.submit(DRUGS, admin);
			catalog.approve(DRUGS, legal);
		}
		assertThat(takeUp.carriedBy(county)).hasValueSatisfying(p -> {
			assertThat(p.itemCode()).isEqualTo(DRUGS);
			assertThat(p.entrusted()).isTrue();
			assertThat(p.departmentNameZh()).isEqualTo("示范市市场监督管理局");
		});
		Response r = apply("applicant", county, "660121");
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		String number = r.json().get("number").asString();
		assertThat(api.post("/api/v1/cases/" + number + "/acceptance", "clerk-dh", null).status()).isEqualTo(200);
		String issuer = Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> jdbc
				.sql("SELECT issuer FROM documents_document WHERE case_number = :n AND kind = 'ACCEPTANCE_NOTICE'")
				.param("n", number)
				.query(String.class)
				.optional()
				.orElse(null), v -> v != null);
		assertThat(issuer).isEqualTo("示范市市场监督管理局（受委托实施机关：东湖县行政审批服务局）");
		// a case of a county item that carries no entrusted power is issued in the county
		// office's own name
		Response own = apply("applicant", "660121-XK-00301", null);
		assertThat(own.status()).as(own.body()).isEqualTo(201);
		String ownNumber = own.json().get("number").asString();
		assertThat(api.post("/api/v1/cases/" + ownNumber + "/acceptance", "clerk-dh", null).status()).isEqualTo(200);
		assertThat(Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> jdbc
				.sql("SELECT issuer FROM documents_document WHERE case_number = :n AND kind = 'ACCEPTANCE_NOTICE'")
				.param("n", ownNumber)
				.query(String.class)
				.optional()
				.orElse(null), v -> v != null))
			.isEqualTo("东湖县行政审批服务局");
		// the county item's guide says whose power it carries and in whose name it
		// decides
		String guide = page("/items/" + county, "zh-CN", null);
		assertThat(guide).contains("本事项承接示范市市场监督管理局下放的“药品经营许可证核发（零售）”（委托下放", "本机关受示范市市场监督管理局委托、以示范市市场监督管理局的名义办理");
	}

	@Test
	void aCountyRecordsAPowerAsNotYetTakenOnAndWithdrawsItAudited() throws Exception {
		String invest = DelegationTrackingTests.INVEST;
		Response marked = api.put("/api/v1/items/" + invest + "/delegations/660221/not-taken-on", "deptadmin-qc",
				Map.of("reason", "县发展和改革局尚未配备核准人员", "targetOn", "2027-01-31"));
		assertThat(marked.status()).as(marked.body()).isEqualTo(200);
		assertThat(marked.json().get("targetOn").asString()).isEqualTo("2027-01-31");
		assertThat(marked.json().has("markedBy")).as("the staff login stays in the audit log").isFalse();
		assertThat(api.get("/api/v1/items/" + invest + "/delegations/660221/not-taken-on", null)
			.json()
			.get("reason")
			.asString()).isEqualTo("县发展和改革局尚未配备核准人员");
		assertThat(jdbc
			.sql("SELECT actor || ' ' || detail FROM audit_entry WHERE action = 'catalog.not-taken-on'"
					+ " AND subject = :s ORDER BY id DESC")
			.param("s", invest)
			.query(String.class)
			.list()).first().asString().startsWith("deptadmin-qc county=660221; target=2027-01-31");
		DelegationOverview.Power p = DelegationTrackingTests
			.byItem(tracking.track(as("supervisor"), "660221", "2026-01-01", "2026-10-12"))
			.get(invest);
		assertThat(p.notTakenOnReason()).isEqualTo("县发展和改革局尚未配备核准人员");
		assertThat(page("/items/" + invest + "?county=660221", "zh-CN", null))
			.contains("您所在的青川县尚未承接此项权力，请向示范省发展和改革委员会申请。", "县发展和改革局尚未配备核准人员");

		// someone else's county, a bad request, an item not delegated there
		assertThat(api
			.put("/api/v1/items/" + invest + "/delegations/660221/not-taken-on", "deptadmin",
					Map.of("reason", "x", "targetOn", "2027-01-31"))
			.status()).isEqualTo(403);
		Response past = api.put("/api/v1/items/" + invest + "/delegations/660221/not-taken-on", "deptadmin-qc",
				Map.of("reason", "x", "targetOn", "2026-10-11"));
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.json().get("type").asString()).isEqualTo("urn:govhall:problem:invalid-target-date");
		assertThat(api
			.put("/api/v1/items/" + invest + "/delegations/660221/not-taken-on", "deptadmin-qc",
					Map.of("targetOn", "2027-01-31"))
			.status()).isEqualTo(400);
		assertThat(api
			.put("/api/v1/items/660100-XK-02001/delegations/660221/not-taken-on", "deptadmin-qc",
					Map.of("reason", "x", "targetOn", "2027-01-31"))
			.status()).isEqualTo(404);

		// withdrawn: the county handles it now
		assertThat(mvc
			.perform(delete("/api/v1/items/" + invest + "/delegations/660221/not-taken-on")
				.with(user(as("deptadmin-qc"))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(204);
		assertThat(takeUp.notTakenOn(invest)).noneMatch(m -> m.countyCode().equals("660221"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'catalog.taken-on' AND subject = :s")
			.param("s", invest)
			.query(Long.class)
			.single()).isPositive();
		assertThatThrownBy(() -> takeUp.clearNotTakenOn(invest, "660221", as("clerk")))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void theCountysStaffPageListsItsPowersInBothLanguages() throws Exception {
		String zh = page("/staff/take-up", "zh-CN", "deptadmin-qc");
		assertThat(zh).contains("下放权力承接情况", "企业变更登记（青川县承接）", "已承接", "尚未承接", "未承接", "预计 2027-06-30 前承接", "登记尚未承接");
		String en = page("/staff/take-up", "en", "deptadmin-qc");
		assertThat(en).contains("Delegated powers taken on", "Enterprise Change Registration (Qingchuan County)",
				"Not yet taken on", "to be taken on by 2027-06-30");
		for (String html : List.of(zh, en)) {
			assertThat(html).doesNotContain("DelegationMode.", "takeUp.", ">null<", "??");
		}
		assertThat(mvc.perform(get("/staff/take-up").with(user(as("clerk")))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
	}

	@Test
	void theGuideAndTheApplyPageTellACountyApplicantWhichOfficeHandlesIt() throws Exception {
		String change = DelegationTrackingTests.CHANGE;
		String zh = page("/items/" + change + "?county=660221", "zh-CN", null);
		assertThat(zh).contains("您所在的青川县由青川县市场监督管理局办理，可直接申请。", "href=\"/items/660221-XK-00202\"", "前往“企业变更登记（青川县承接）”申请",
				"青川县：直接下放（自 2026-02-01 起，北政发〔2026〕2号），由青川县市场监督管理局以自己的名义实施并作出决定",
				"石门县：已直接下放（自 2026-02-01 起，北政发〔2026〕2号），但石门县尚未承接，目前仍由北山市市场监督管理局办理。");
		String en = page("/items/" + change + "?county=660221", "en", null);
		assertThat(en).contains(
				"In Qingchuan County, where you live, Qingchuan County Administration for Market Regulation handles this",
				"Apply for &quot;Enterprise Change Registration (Qingchuan County)&quot; there",
				"Shimen County: delegated (from 2026-02-01, 北政发〔2026〕2号), but Shimen County has not yet taken it on");
		// an entrusted power (taken on once the entrusted-power test has named 东湖县's
		// item)
		String drugs = page("/items/" + DRUGS, "zh-CN", null);
		assertThat(drugs).containsPattern("东湖县：(已委托下放（自 2025-06-01 起，.*尚未承接|委托下放（自 2025-06-01 起，"
				+ "[^）]*），由东湖县行政审批服务局受示范市市场监督管理局委托、以示范市市场监督管理局的名义办理)");
		// without a county the guide asks for one; the county item names what it carries
		assertThat(page("/items/" + change, "zh-CN", null)).contains("id=\"county-picker\"")
			.doesNotContain("id=\"your-county\"");
		assertThat(page("/items/660221-XK-00202", "zh-CN", null))
			.contains("本事项承接北山市市场监督管理局下放的“企业变更登记”（直接下放，自 2026-02-01 起，北政发〔2026〕2号）。");
		// the apply page: the applicant's chosen county, or the picker
		String apply = page("/cases/new?item=" + change + "&addressRegion=660221", "zh-CN", "applicant");
		assertThat(apply).contains("您所在的青川县由青川县市场监督管理局办理，可直接申请。", "name=\"addressRegion\"", "住址所在县（区）",
				"<option value=\"660221\" selected=\"selected\">青川县</option>");
		for (String html : List.of(zh, en, drugs, apply)) {
			assertThat(html).doesNotContain("DelegationMode.", "guide.delegation", ">null<", "??");
		}
	}

	String page(String path, String lang, @Nullable String username) throws Exception {
		var request = get(path).param("lang", lang).accept(MediaType.TEXT_HTML);
		if (username != null) {
			request.with(user(as(username)));
		}
		var response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

}
