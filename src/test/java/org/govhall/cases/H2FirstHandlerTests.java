package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.govhall.directory.AccountDraft;
import org.govhall.directory.Directory;
import org.govhall.directory.Role;
import org.govhall.directory.StaffNames;
import org.govhall.supervision.Supervision;
import org.govhall.support.ApiClient;
import org.govhall.support.ApiClient.Response;
import org.govhall.support.ClerksOffDutyAfterwards;
import org.govhall.support.GovHallTest;
import org.govhall.support.MovableClock;
import org.govhall.support.RequiredMaterials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 首办负责制 from the first minute (issue 11, item 3): online cases have a first handler from
 * receipt by their department's routing rule, also when nobody acts and the law deems
 * them accepted; cases are handed over; the first handler hears of supervision's warnings
 * and cards; window cases reach the applicant's own account. The same Spring context as
 * {@link H2CaseJourneyTests} (demo data on H2, the clock moved by hand).
 */
@GovHallTest
@ClerksOffDutyAfterwards({ "scjg-clerk-a", "scjg-clerk-b" })
class H2FirstHandlerTests {

	/** 食品经营许可 of 示范市市场监督管理局 (660100-SCJG), whose department admin is deptadmin. */
	static final String FOOD = CaseJourneyTests.FOOD;

	static final String SCJG = "660100-SCJG";

	/**
	 * The market regulator's own window clerks, besides the city's comprehensive-window
	 * clerk "clerk".
	 */
	static final String CLERK_A = "scjg-clerk-a";

	static final String CLERK_B = "scjg-clerk-b";

	@LocalServerPort
	int port;

	@Autowired
	MovableClock.Moving clock;

	@Autowired
	CaseHandling handling;

	@Autowired
	Directory directory;

	@Autowired
	StaffNames staffNames;

	@Autowired
	Supervision supervision;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	@BeforeEach
	void start() {
		api = new ApiClient(port);
		clock.set("2026-09-30T10:00:00");
		for (String[] c : new String[][] { { CLERK_A, "市监窗口甲", "SC0001" }, { CLERK_B, "市监窗口乙", "SC0002" } }) {
			if (!directory.accountExists(c[0])) {
				directory.openAccount(new AccountDraft(c[0], ApiClient.DEMO_PASSWORD, c[1], Set.of(Role.WINDOW_CLERK),
						"660100", SCJG, c[2]));
			}
		}
	}

	/**
	 * Every clerk back on duty and the default rule, so that no test depends on another's
	 * order.
	 */
	@AfterEach
	void restore() {
		for (String c : List.of(CLERK_A, CLERK_B, "clerk")) {
			ok(api.put("/api/v1/routing/" + SCJG + "/clerks/" + c, "deptadmin", Map.of("onDuty", true, "staffNumber",
					c.equals("clerk") ? "NS0101" : c.equals(CLERK_A) ? "SC0001" : "SC0002")));
		}
		ok(api.put("/api/v1/routing/" + SCJG, "deptadmin", Map.of("mode", "ROUND_ROBIN")));
	}

	@Test
	void onlineCasesAreGivenOutInTurnAmongTheClerksOnDutyOrToTheNamedDutyClerk() {
		Set<String> handlers = new HashSet<>();
		for (int i = 0; i < 3; i++) {
			handlers.add(submitOnline().get("firstHandler").asString());
		}
		assertThat(handlers).as("three cases in a row, one to each clerk on duty")
			.containsExactlyInAnyOrder("clerk", CLERK_A, CLERK_B);

		// a clerk on leave receives nothing new
		JsonNode off = ok(api.put("/api/v1/routing/" + SCJG + "/clerks/" + CLERK_B, "deptadmin",
				Map.of("onDuty", false, "staffNumber", "SC0002")));
		assertThat(off.get("onDuty").asBoolean()).isFalse();
		List<String> next = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			next.add(submitOnline().get("firstHandler").asString());
		}
		assertThat(next).doesNotContain(CLERK_B).contains("clerk", CLERK_A);

		// the named duty clerk takes every case; an off-duty clerk cannot be named, and
		// only the admin sets the rule
		Response offDutyClerk = api.put("/api/v1/routing/" + SCJG, "deptadmin",
				Map.of("mode", "DUTY_CLERK", "dutyClerk", CLERK_B));
		assertThat(offDutyClerk.status()).as(offDutyClerk.body()).isEqualTo(422);
		assertThat(offDutyClerk.json().get("detail").asString()).contains(CLERK_B);
		assertThat(api.put("/api/v1/routing/" + SCJG, "clerk", Map.of("mode", "ROUND_ROBIN")).status()).isEqualTo(403);
		JsonNode rule = ok(
				api.put("/api/v1/routing/" + SCJG, "deptadmin", Map.of("mode", "DUTY_CLERK", "dutyClerk", CLERK_A)));
		assertThat(rule.get("mode").asString()).isEqualTo("DUTY_CLERK");
		assertThat(rule.get("updatedBy").asString()).isEqualTo("deptadmin");
		assertThat(submitOnline().get("firstHandler").asString()).isEqualTo(CLERK_A);
		assertThat(submitOnline().get("firstHandler").asString()).isEqualTo(CLERK_A);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> count("SELECT COUNT(*) FROM audit_entry WHERE action = 'directory.routing-set' AND subject = '"
					+ SCJG + "'") > 0
					&& count("SELECT COUNT(*) FROM audit_entry WHERE action = 'directory.duty-set' AND subject = '"
							+ CLERK_B + "'") > 0);
	}

	/**
	 * A clerk going on leave: the department admin hands over every open case the clerk
	 * holds in one step, each recorded and told as a single handover is; only the
	 * department admin may, only to a clerk on duty, with a reason.
	 */
	@Test
	void theDepartmentAdminHandsOverAllOpenCasesOfAClerkGoingOnLeave() {
		ok(api.put("/api/v1/routing/" + SCJG, "deptadmin", Map.of("mode", "DUTY_CLERK", "dutyClerk", CLERK_A)));
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			numbers.add(submitOnline().get("number").asString());
		}
		ok(api.put("/api/v1/routing/" + SCJG + "/clerks/" + CLERK_A, "deptadmin",
				Map.of("onDuty", false, "staffNumber", "SC0001")));
		Map<String, Object> body = new java.util.HashMap<>(
				Map.of("departmentCode", SCJG, "from", CLERK_A, "to", CLERK_B, "reason", "休年假"));

		assertThat(api.post("/api/v1/cases/handovers", CLERK_B, body).status()).as("not the department admin")
			.isEqualTo(403);
		assertThat(api.post("/api/v1/cases/handovers", "deptadmin-qc", body).status()).isEqualTo(403);
		Map<String, Object> toOffDuty = new java.util.HashMap<>(body);
		toOffDuty.put("to", CLERK_A);
		Response offDuty = api.post("/api/v1/cases/handovers", "deptadmin", toOffDuty);
		assertThat(offDuty.status()).as(offDuty.body()).isEqualTo(422);
		Map<String, Object> noReason = new java.util.HashMap<>(body);
		noReason.put("reason", " ");
		assertThat(api.post("/api/v1/cases/handovers", "deptadmin", noReason).status()).isEqualTo(400);
		for (String n : numbers) {
			assertThat(ok(api.get("/api/v1/cases/" + n, "approver")).get("firstHandler").asString())
				.as("nothing moved by a refused request")
				.isEqualTo(CLERK_A);
		}

		Response done = api.post("/api/v1/cases/handovers", "deptadmin", body);
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		List<String> handed = new ArrayList<>();
		done.json().get("handedOver").forEach(n -> handed.add(n.asString()));
		assertThat(handed).containsAll(numbers);
		assertThat(done.json().get("left")).isEmpty();
		for (String n : numbers) {
			JsonNode c = ok(api.get("/api/v1/cases/" + n, "approver"));
			assertThat(c.get("firstHandler").asString()).isEqualTo(CLERK_B);
			assertThat(c.get("handovers").get(0).get("reason").asString()).isEqualTo("休年假");
		}
		assertThat(count("SELECT COUNT(*) FROM cases_case WHERE department_code = '" + SCJG + "' AND first_handler = '"
				+ CLERK_A + "' AND state NOT IN ('DELIVERED', 'REFUSED', 'WITHDRAWN')"))
			.isZero();
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> numbers.stream().allMatch(n -> messages(CLERK_B, n, "HandedOver") == 1));
	}

	/** The id of a window of 示范市政务服务中心 by its number. */
	long window(String number) {
		return directory.hallsOf("660100")
			.stream()
			.flatMap(h -> h.windows().stream())
			.filter(w -> w.number().equals(number))
			.findFirst()
			.orElseThrow()
			.id();
	}

	/**
	 * Per department and window: a rule that names a window serving the department gives
	 * its cases in turn to the clerks on duty there, and to all its clerks on duty while
	 * nobody is there; a window that does not serve the department is refused, for the
	 * rule and for a clerk's seat.
	 */
	@Test
	void aRuleForAWindowGivesTheCasesToTheClerksOnDutyThere() {
		long b01 = window("B01");
		JsonNode rule = ok(api.get("/api/v1/routing/" + SCJG, "deptadmin"));
		List<String> offered = new ArrayList<>();
		rule.get("windows").forEach(w -> offered.add(w.get("number").asString()));
		assertThat(offered).as("the windows that take 市场监管 cases").containsExactly("B01");

		ok(api.put("/api/v1/routing/" + SCJG + "/clerks/" + CLERK_A, "deptadmin",
				Map.of("onDuty", true, "staffNumber", "SC0001", "windowId", b01)));
		JsonNode set = ok(
				api.put("/api/v1/routing/" + SCJG, "deptadmin", Map.of("mode", "ROUND_ROBIN", "windowId", b01)));
		assertThat(set.get("windowId").asLong()).isEqualTo(b01);
		for (int i = 0; i < 3; i++) {
			assertThat(submitOnline().get("firstHandler").asString()).as("only 市监窗口甲 sits at B01").isEqualTo(CLERK_A);
		}

		// nobody on duty at B01: in turn among all the department's clerks on duty
		ok(api.put("/api/v1/routing/" + SCJG + "/clerks/" + CLERK_A, "deptadmin",
				Map.of("onDuty", false, "staffNumber", "SC0001", "windowId", b01)));
		Set<String> others = new HashSet<>();
		for (int i = 0; i < 2; i++) {
			others.add(submitOnline().get("firstHandler").asString());
		}
		assertThat(others).containsExactlyInAnyOrder("clerk", CLERK_B);

		// B05 (社会保障业务专窗) takes no 市场监管 case
		Response wrong = api.put("/api/v1/routing/" + SCJG, "deptadmin",
				Map.of("mode", "ROUND_ROBIN", "windowId", window("B05")));
		assertThat(wrong.status()).as(wrong.body()).isEqualTo(422);
		assertThat(wrong.json().get("type").asString()).endsWith("routing-window");
		assertThat(ok(api.get("/api/v1/routing/" + SCJG, "deptadmin")).get("windowId").asLong()).isEqualTo(b01);
		assertThat(api
			.put("/api/v1/routing/" + SCJG + "/clerks/" + CLERK_B, "deptadmin",
					Map.of("onDuty", true, "staffNumber", "SC0002", "windowId", window("B05")))
			.status()).isEqualTo(422);
	}

	@Test
	void aCaseNobodyActsOnHasAResponsiblePersonFromReceiptThroughDeemedAcceptance() {
		JsonNode c = submitOnline();
		String number = c.get("number").asString();
		assertThat(c.get("firstHandler").isNull()).as("responsible from receipt").isFalse();
		String handler = c.get("firstHandler").asString();
		assertThat(handler).isIn("clerk", CLERK_A, CLERK_B);

		// a case received before first handlers were routed, and left alone as well
		String legacy = submitOnline().get("number").asString();
		jdbc.sql("UPDATE cases_case SET first_handler = NULL WHERE number = :n").param("n", legacy).update();
		assertThat(ok(api.get("/api/v1/cases/" + legacy, "clerk")).get("firstHandler").isNull()).isTrue();

		clock.set("2026-10-14T00:10:00");
		handling.deemOverdueAcceptances();
		JsonNode deemed = ok(api.get("/api/v1/cases/" + number, "clerk"));
		assertThat(deemed.get("deemedAccepted").asBoolean()).isTrue();
		assertThat(deemed.get("firstHandler").asString()).isEqualTo(handler);
		JsonNode deemedLegacy = ok(api.get("/api/v1/cases/" + legacy, "clerk"));
		assertThat(deemedLegacy.get("deemedAccepted").asBoolean()).isTrue();
		assertThat(deemedLegacy.get("firstHandler").isNull()).as("deemed accepted, never without a first handler")
			.isFalse();
		assertThat(deemedLegacy.get("firstHandler").asString()).isIn("clerk", CLERK_A, CLERK_B);
	}

	@Test
	void theHolderOrTheDepartmentAdminHandsACaseOverToAClerkOnDutyWithAReason() {
		ok(api.put("/api/v1/routing/" + SCJG, "deptadmin", Map.of("mode", "DUTY_CLERK", "dutyClerk", CLERK_A)));
		String number = submitOnline().get("number").asString();
		String path = "/api/v1/cases/" + number + "/handover";

		// another clerk of the department, neither holder nor admin, may not
		assertThat(api.post(path, CLERK_B, Map.of("to", CLERK_B, "reason", "我来办")).status()).isEqualTo(403);
		// only to a clerk of the department on duty
		ok(api.put("/api/v1/routing/" + SCJG + "/clerks/" + CLERK_B, "deptadmin", Map.of("onDuty", false)));
		Response offDuty = api.post(path, CLERK_A, Map.of("to", CLERK_B, "reason", "休假"));
		assertThat(offDuty.status()).as(offDuty.body()).isEqualTo(422);
		assertThat(offDuty.json().get("type").asString()).endsWith("handover-target");
		assertThat(api.post(path, CLERK_A, Map.of("to", "reviewer", "reason", "休假")).status()).isEqualTo(422);
		assertThat(api.post(path, CLERK_A, Map.of("to", "clerk", "reason", " ")).status()).isEqualTo(400);

		JsonNode c = ok(api.post(path, CLERK_A, Map.of("to", "clerk", "reason", "休年假")));
		assertThat(c.get("firstHandler").asString()).isEqualTo("clerk");
		assertThat(c.get("handovers")).hasSize(1);
		assertThat(c.get("handovers").get(0).get("from").asString()).isEqualTo(CLERK_A);
		assertThat(c.get("handovers").get(0).get("reason").asString()).isEqualTo("休年假");
		JsonNode last = c.get("history").get(c.get("history").size() - 1);
		assertThat(last.get("action").asString()).isEqualTo("HANDED_OVER");
		assertThat(last.get("actor").asString()).isEqualTo(CLERK_A);

		// the old holder no longer may; the department admin may, for a holder who is
		// away
		assertThat(api.post(path, CLERK_A, Map.of("to", CLERK_A, "reason", "拿回")).status()).isEqualTo(403);
		ok(api.put("/api/v1/routing/" + SCJG + "/clerks/" + CLERK_B, "deptadmin", Map.of("onDuty", true)));
		clock.set("2026-09-30T10:05:00");
		c = ok(api.post(path, "deptadmin", Map.of("to", CLERK_B, "reason", "原首办人调岗")));
		assertThat(c.get("firstHandler").asString()).isEqualTo(CLERK_B);
		assertThat(c.get("handovers")).hasSize(2);

		// the new holders are told, and every handover is in the audit log
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> messages(CLERK_B, number, "HandedOver") == 1 && messages("clerk", number, "HandedOver") == 2
					&& messages(CLERK_A, number, "HandedOver") == 1
					&& count("SELECT COUNT(*) FROM audit_entry WHERE action = 'case.handed-over' AND subject = '"
							+ number + "'") == 2);
	}

	@Test
	void theFirstHandlerHearsOfEachWarningAndCardOnce() {
		ok(api.put("/api/v1/routing/" + SCJG, "deptadmin", Map.of("mode", "DUTY_CLERK", "dutyClerk", CLERK_B)));
		String number = submitOnline().get("number").asString();
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> count("SELECT COUNT(*) FROM supervision_case WHERE case_number = '" + number + "'") == 1);
		assertThat(messages(CLERK_B, number, "YellowWarning")).isZero();

		// due on 13 October: on the 12th one working day is left (yellow); on the 14th it
		// is overdue (red, carded)
		clock.set("2026-10-12T09:00:00");
		supervision.daily();
		supervision.daily();
		clock.set("2026-10-14T00:20:00");
		supervision.daily();
		supervision.daily();
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> messages(CLERK_B, number, "RedWarning") == 1 && messages(CLERK_B, number, "YellowCard") == 1);
		assertThat(messages(CLERK_B, number, "YellowWarning")).isEqualTo(1);
		assertThat(messages("clerk", number, "RedWarning")).as("only the one responsible").isZero();
	}

	/**
	 * Between nightly runs a step on a case that is already late in its stage tells its
	 * first handler at once, once per colour; a step that moves the case to a stage
	 * without a warning forgets the colour, so that the next one is told again.
	 */
	@Test
	void aStepOnACaseInWarningTellsTheFirstHandlerOnceWithoutWaitingForTheNight() {
		ok(api.put("/api/v1/routing/" + SCJG, "deptadmin", Map.of("mode", "DUTY_CLERK", "dutyClerk", CLERK_A)));
		String number = submitOnline().get("number").asString();
		String path = "/api/v1/cases/" + number + "/handover";
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> count("SELECT COUNT(*) FROM supervision_case WHERE case_number = '" + number + "'") == 1);

		// acceptance due on 13 October: on the 12th, one working day left, the handover's
		// event finds it yellow
		clock.set("2026-10-12T09:00:00");
		ok(api.post(path, CLERK_A, Map.of("to", CLERK_B, "reason", "调岗")));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> messages(CLERK_B, number, "YellowWarning") == 1);
		assertThat(alerted(number)).isEqualTo("YELLOW");

		// the same colour is not told again, to the next holder either
		clock.set("2026-10-12T09:05:00");
		ok(api.post(path, "deptadmin", Map.of("to", CLERK_A, "reason", "回岗")));
		// (CLERK_A heard of both handovers: of losing the case and of getting it back)
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> messages(CLERK_A, number, "HandedOver") == 2);
		assertThat(messages(CLERK_A, number, "YellowWarning")).isZero();
		assertThat(messages(CLERK_B, number, "YellowWarning")).isEqualTo(1);

		// accepted: the decision stage has its own clock, with no warning yet, and the
		// colour told is forgotten
		clock.set("2026-10-12T09:10:00");
		ok(api.post("/api/v1/cases/" + number + "/acceptance", CLERK_A, null));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "NONE".equals(alerted(number)));
		assertThat(messages(CLERK_A, number, "YellowWarning")).isZero();
	}

	String alerted(String number) {
		return jdbc.sql("SELECT alerted_warning FROM supervision_case WHERE case_number = :n")
			.param("n", number)
			.query(String.class)
			.single();
	}

	@Test
	void aWindowCaseOfARegisteredApplicantShowsInTheirAccountWithItsMessages() {
		// 张三 is registered as "applicant" with this identity number
		Response mine = api.post("/api/v1/cases", "clerk", Map.of("itemCode", FOOD, "applicant",
				Map.of("kind", "RESIDENT_ID", "name", "张三", "number", "110105199003071239")));
		assertThat(mine.status()).as(mine.body()).isEqualTo(201);
		String number = mine.json().get("number").asString();
		JsonNode seen = ok(api.get("/api/v1/cases/" + number, "applicant"));
		assertThat(seen.get("channel").asString()).isEqualTo("WINDOW");
		assertThat(api.get("/api/v1/cases?list=MINE", "applicant").body()).contains(number);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> messages("applicant", number, "Received") == 1);

		// someone without an account: nobody else sees it
		Response other = api.post("/api/v1/cases", "clerk", Map.of("itemCode", FOOD, "applicant",
				Map.of("kind", "CREDIT_CODE", "name", "示范市好味餐饮有限公司", "number", "91660100MA0000017K")));
		assertThat(other.status()).as(other.body()).isEqualTo(201);
		assertThat(api.get("/api/v1/cases/" + other.json().get("number").asString(), "applicant").status())
			.isEqualTo(404);
	}

	@Test
	void applicantsSeeTheResponsiblePersonsNameAndStaffNumberNeverTheLogin() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		try {
			assertThat(staffNames.responsible("clerk")).isEqualTo("王窗口（工号 NS0101）");
			assertThat(staffNames.responsible(CLERK_A)).isEqualTo("市监窗口甲（工号 SC0001）").doesNotContain(CLERK_A);
			assertThat(staffNames.responsible(null)).isEqualTo("—");
			LocaleContextHolder.setLocale(Locale.ENGLISH);
			assertThat(staffNames.responsible("clerk")).isEqualTo("王窗口 (staff no. NS0101)");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	JsonNode submitOnline() {
		List<Map<String, String>> files = new ArrayList<>();
		for (String m : RequiredMaterials.completing(RequiredMaterials.of(api, FOOD), CaseJourneyTests.FOOD_FORM)) {
			Response u = api.upload("/api/v1/cases/files", "applicant", "材料.pdf", CaseJourneyTests.PDF);
			assertThat(u.status()).as(u.body()).isEqualTo(201);
			files.add(Map.of("material", m, "fileId", u.json().get("fileId").asString()));
		}
		Response r = api.post("/api/v1/cases", "applicant", Map.of("itemCode", FOOD, "materials", files));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json();
	}

	JsonNode ok(Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	long messages(String username, String number, String event) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM notification_message m JOIN directory_account a ON a.id = m.account_id
				WHERE a.username = :u AND m.case_number = :n AND m.event = :e
				""").param("u", username).param("n", number).param("e", event).query(Long.class).single();
	}

}
