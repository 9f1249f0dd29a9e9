package org.govhall.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.govhall.directory.AccountDraft;
import org.govhall.directory.Role;
import org.govhall.support.EventPublications;
import org.govhall.support.ApiClient;
import org.govhall.support.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The supervision read model as cases move through the API around the 2026 National Day
 * holiday: rows appear from the case events, turn yellow and red as the clock is moved by
 * hand and re-evaluated, follow the case to the next stage, leave the open list when the
 * case closes, and are seen only by supervisors of the case's region.
 */
class SupervisionReadModelTests extends SupervisionScenario {

	@Test
	void aReceivedCaseTurnsYellowOneWorkingDayBeforeItsAcceptanceWindowClosesAndRedAfterIt() {
		String number = submitFoodLicence();
		SupervisedCase c = awaitRow(number, r -> r.stage() == Stage.ACCEPTANCE);
		assertThat(c.dueOn()).isEqualTo(LocalDate.of(2026, 10, 13));
		assertThat(c.warning()).isEqualTo(Warning.NONE);
		assertThat(c.remainingWorkingDays()).isEqualTo(5);
		assertThat(c.departmentCode()).isEqualTo("660100-SCJG");
		assertThat(c.regionCode()).isEqualTo("660100");
		assertThat(c.receivedOn()).isEqualTo(LocalDate.of(2026, 9, 30));

		clock.set("2026-10-12T09:00:00");
		assertThat(supervision.reevaluate()).isPositive();
		c = seen("supervisor", Supervision.Filter.YELLOW, number).orElseThrow();
		assertThat(c.warning()).isEqualTo(Warning.YELLOW);
		assertThat(c.remainingWorkingDays()).isEqualTo(1);
		assertThat(seen("supervisor", Supervision.Filter.RED, number)).isEmpty();

		clock.set("2026-10-14T09:00:00");
		supervision.reevaluate();
		c = seen("supervisor", Supervision.Filter.RED, number).orElseThrow();
		assertThat(c.warning()).isEqualTo(Warning.RED);
		assertThat(c.remainingWorkingDays()).isEqualTo(-1);
		assertThat(seen("supervisor", Supervision.Filter.YELLOW, number)).isEmpty();

		JsonNode red = ok(api.get("/api/v1/supervision/cases?warning=RED", "supervisor"));
		List<String> numbers = new ArrayList<>();
		red.forEach(n -> numbers.add(n.get("caseNumber").asString()));
		assertThat(numbers).contains(number);
		red.forEach(n -> assertThat(n.get("warning").asString()).isEqualTo("RED"));
	}

	@Test
	void acceptingMovesTheCaseToTheDecisionStageAndRefusingTakesItOffTheOpenList() {
		String number = submitFoodLicence();
		awaitRow(number, r -> r.stage() == Stage.ACCEPTANCE);
		JsonNode accepted = ok(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null));
		LocalDate decisionDue = null;
		for (JsonNode clockJson : accepted.get("clocks")) {
			if (clockJson.get("kind").asString().equals("DECISION")) {
				decisionDue = LocalDate.parse(clockJson.get("dueDate").get("due").asString());
			}
		}
		assertThat(decisionDue).isNotNull();
		LocalDate expected = decisionDue;
		SupervisedCase c = awaitRow(number, r -> r.stage() == Stage.DECISION);
		assertThat(c.dueOn()).isEqualTo(expected);
		assertThat(c.acceptedOn()).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(c.state().name()).isEqualTo("ACCEPTED");
		assertThat(c.warning()).isEqualTo(Warning.NONE);

		String refused = submitFoodLicence();
		awaitRow(refused, r -> r.stage() == Stage.ACCEPTANCE);
		ok(api.post("/api/v1/cases/" + refused + "/refusal", "clerk", Map.of("reasons", "不属于本机关职权范围")));
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> seen("supervisor", Supervision.Filter.ALL_OPEN, refused).isEmpty());
		// a later re-evaluation does not bring it back
		supervision.reevaluate();
		assertThat(seen("supervisor", Supervision.Filter.ALL_OPEN, refused)).isEmpty();
		assertThat(seen("supervisor", Supervision.Filter.ALL_OPEN, number)).isPresent();
	}

	@Test
	void onlySupervisorsOfTheCasesRegionSeeIt() {
		String number = submitFoodLicence();
		awaitRow(number, r -> r.stage() == Stage.ACCEPTANCE);

		// officials other than supervisors see only the cases they are responsible for:
		// the clerk who has been its
		// first handler since receipt (首办负责制), not the reviewer before review
		assertThat(ok(api.get("/api/v1/supervision/cases?warning=ALL", "clerk")).toString()).contains(number);
		assertThat(ok(api.get("/api/v1/supervision/cases?warning=ALL", "reviewer")).toString()).doesNotContain(number);
		assertThat(api.get("/api/v1/supervision/cases?warning=ALL", "applicant").status()).isEqualTo(403);
		assertThat(api.get("/api/v1/supervision/cases?warning=ALL", null).status()).isEqualTo(401);
		assertThat(ok(api.get("/api/v1/supervision/cases?warning=ALL", "supervisor")).toString()).contains(number);

		if (!directory.accountExists("supervisor-qc")) {
			directory.openAccount(new AccountDraft("supervisor-qc", ApiClient.DEMO_PASSWORD, "青川监察",
					Set.of(Role.SUPERVISOR), "660200", null));
		}
		JsonNode elsewhere = ok(api.get("/api/v1/supervision/cases?warning=ALL", "supervisor-qc"));
		assertThat(elsewhere.toString()).doesNotContain(number);
		assertThat(seen("supervisor-qc", Supervision.Filter.ALL_OPEN, number)).isEmpty();
	}

	@Test
	void theWorkbenchPageListsTheCasesWithTextBadgesInChineseAndEnglish() throws Exception {
		String number = submitFoodLicence();
		awaitRow(number, r -> r.stage() == Stage.ACCEPTANCE);
		clock.set("2026-10-12T09:00:00");
		supervision.reevaluate();

		String zh = mvc
			.perform(get("/supervision").param("filter", "YELLOW").param("lang", "zh-CN").with(user(as("supervisor"))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(zh).contains("电子监察")
			.contains(number)
			.contains("黄色预警")
			.contains("剩 1 个工作日")
			.contains("/supervision/cases/" + number);
		String en = mvc
			.perform(get("/supervision").param("filter", "YELLOW").param("lang", "en").with(user(as("supervisor"))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(en).contains("Electronic supervision")
			.contains(number)
			.contains("Yellow: almost due")
			.contains("1 working day left");

		assertThat(mvc.perform(get("/supervision").with(user(as("applicant")))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		// officials see the warnings of the cases they are responsible for: the online
		// case's first handler since
		// receipt does, the department's reviewer (before review) does not
		String clerk = mvc.perform(get("/supervision").param("filter", "YELLOW").with(user(as("clerk"))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(clerk).contains("电子监察").contains(number);
		String reviewer = mvc.perform(get("/supervision").param("filter", "YELLOW").with(user(as("reviewer"))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(reviewer).contains("电子监察").doesNotContain(number);
		String staff = mvc.perform(get("/staff").with(user(as("supervisor"))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(staff).contains("id=\"go-supervision\"");
	}

	@Autowired
	DailySums rollup;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient rollupJdbc;

	@Test
	void theSumsKeptEventByEventEqualARecomputation() {
		String decided = submitFoodLicence();
		ok(api.post("/api/v1/cases/" + decided + "/acceptance", "clerk", Map.of()));
		ok(api.post("/api/v1/cases/" + decided + "/review", "reviewer",
				Map.of("recommendation", "APPROVED", "comments", "材料齐全")));
		clock.set("2026-10-12T10:00:00");
		ok(api.post("/api/v1/cases/" + decided + "/decision", "approver",
				Map.of("outcome", "APPROVED", "scope", "预包装食品销售")));
		clock.set("2026-10-13T10:00:00");
		ok(api.post("/api/v1/cases/" + decided + "/delivery", "clerk", Map.of("method", "WINDOW")));
		String corrected = submitFoodLicence();
		ok(api.post("/api/v1/cases/" + corrected + "/correction-notice", "clerk",
				Map.of("issues", List.of(Map.of("material", FOOD_FORM, "problem", "未签字")))));
		clock.set("2026-10-15T10:00:00");
		Response file = api.upload("/api/v1/cases/files", "applicant", "补正.pdf", PDF);
		ok(api.post("/api/v1/cases/" + corrected + "/corrections", "applicant", Map.of("materials",
				List.of(Map.of("material", FOOD_FORM, "fileId", file.json().get("fileId").asString())))));
		String refused = submitFoodLicence();
		ok(api.post("/api/v1/cases/" + refused + "/refusal", "clerk", Map.of("reasons", "不属于本机关职权")));
		awaitQuiet();

		List<Map<String, Object>> receivedKept = rows("supervision_daily_received");
		List<Map<String, Object>> completedKept = rows("supervision_daily_completed");
		assertThat(receivedKept).isNotEmpty();
		assertThat(completedKept).isNotEmpty();
		rollup.rebuild();
		assertThat(rows("supervision_daily_received")).containsExactlyElementsOf(receivedKept);
		assertThat(rows("supervision_daily_completed")).containsExactlyElementsOf(completedKept);
		assertThat(rollupJdbc.sql("SELECT visits FROM supervision_case WHERE case_number = :n")
			.param("n", decided)
			.query(Integer.class)
			.single()).as("online application, delivered at the window").isEqualTo(1);
	}

	/** 就业登记 of 示范市人力资源和社会保障局: an instant item, promised for the same day. */
	static final String EMPLOYMENT = "660100-GG-04001";

	@Test
	void anInstantItemCountsAsInstantOnlyWhenDecidedOnTheSpotAndIsLateLikeAnyOtherWhenNot() {
		String spot = submitOnline(EMPLOYMENT, "申请人居民身份证");
		JsonNode done = ok(api.post("/api/v1/cases/" + spot + "/on-the-spot-decision", "clerk", Map.of()));
		assertThat(done.get("state").asString()).isEqualTo("DELIVERED");
		assertThat(done.get("delivery").get("method").asString()).as("an online case: sent electronically")
			.isEqualTo("ELECTRONIC");

		String later = submitOnline(EMPLOYMENT, "申请人居民身份证");
		clock.set("2026-10-08T10:00:00");
		Response refused = api.post("/api/v1/cases/" + later + "/on-the-spot-decision", "clerk", Map.of());
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().get("type").asString()).endsWith("not-on-the-spot");
		ok(api.post("/api/v1/cases/" + later + "/acceptance", "clerk", Map.of()));
		clock.set("2026-10-12T10:00:00");
		for (Role role : List.of(Role.REVIEWER, Role.APPROVER)) {
			String username = "rsj-" + role.name().toLowerCase(java.util.Locale.ROOT);
			if (!directory.accountExists(username)) {
				directory.openAccount(new AccountDraft(username, ApiClient.DEMO_PASSWORD, "人社" + role.name(),
						Set.of(role), "660100", "660100-RSJ"));
			}
		}
		ok(api.post("/api/v1/cases/" + later + "/review", "rsj-reviewer",
				Map.of("recommendation", "APPROVED", "comments", "符合条件")));
		ok(api.post("/api/v1/cases/" + later + "/decision", "rsj-approver", Map.of("outcome", "APPROVED")));
		awaitQuiet();

		assertThat(column(spot, "on_the_spot")).isEqualTo(true);
		assertThat(column(spot, "on_time")).isEqualTo(true);
		assertThat(column(later, "on_the_spot")).isEqualTo(false);
		assertThat(column(later, "on_time")).as("promised for 10-08, decided 10-12").isEqualTo(false);
		long instant = rollupJdbc.sql("""
				SELECT SUM(instant) FROM supervision_daily_received
				WHERE on_day = DATE '2026-09-30' AND item_code = :item
				""").param("item", EMPLOYMENT).query(Long.class).single();
		assertThat(instant).as("two received, one decided on the spot").isEqualTo(1);
	}

	private Object column(String number, String column) {
		return rollupJdbc.sql("SELECT " + column + " FROM supervision_case WHERE case_number = :n")
			.param("n", number)
			.query((rs, n) -> rs.getObject(1))
			.single();
	}

	void awaitQuiet() {
		EventPublications.awaitNoneOutstanding(rollupJdbc, Duration.ofSeconds(30));
	}

	/**
	 * The non-zero rows of a daily table in key order (a rebuild leaves no zero rows
	 * behind).
	 */
	List<Map<String, Object>> rows(String table) {
		String measure = table.endsWith("received") ? "received" : "completed";
		return rollupJdbc
			.sql("SELECT * FROM " + table + " WHERE " + measure
					+ " <> 0 ORDER BY on_day, region_code, department_code, item_code")
			.query()
			.listOfRows();
	}

}
