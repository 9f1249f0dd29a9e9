package org.govhall.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.govhall.directory.AccountDraft;
import org.govhall.directory.Role;
import org.govhall.support.ApiClient;
import org.govhall.support.RequiredMaterials;
import org.govhall.support.ApiClient.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The supervision loop through the REST API and the {@link Supervision} façade, with the
 * clock moved by hand around the 2026 National Day holiday (days off 10-01..10-07,
 * Saturday 10-10 a make-up working day): cases that turn red bring yellow cards; the
 * department head answers, the supervisor returns or accepts; an unanswered card is
 * escalated to the parent region and turns red; supervision notices (督办) and
 * accountability (问责); who sees which warning; the sub-deadlines of joint review; and the
 * case timeline.
 *
 * <p>
 * Every expected date is worked out by hand from the calendar above (the start day is
 * never counted) and, where noted, checked against the calendar API as well. The context
 * is shared with other supervision test classes and cards pile up per department and
 * month, so every assertion is filtered by this test's own case numbers.
 */
class SupervisionLoopTests extends SupervisionScenario {

	/**
	 * 建设工程规划许可证核发 of 660100-ZRGH, joint with 660100-ZJJ and 660100-STHJ; 45 working days.
	 */
	static final String PLANNING = "660100-XK-05001";

	static final String PLANNING_FORM = "建设工程规划许可申请表";

	/**
	 * 护士执业注册 of 示范市卫生健康委员会 (660100-WJW): no other supervision test uses this department.
	 */
	static final String NURSE = "660100-XK-08001";

	static final String NURSE_FORM = "护士执业注册申请审核表";

	static final String SCJG = "660100-SCJG";

	@Autowired
	JdbcClient jdbc;

	// ---- helpers

	/**
	 * The audit log's rows about a card, notice or case: "action by actor as roles",
	 * oldest first.
	 */
	List<String> audited(String subject) {
		return jdbc.sql("SELECT action, actor, actor_role FROM audit_entry WHERE subject = :s ORDER BY id")
			.param("s", subject)
			.query((rs, n) -> rs.getString("action") + " by " + rs.getString("actor") + " as "
					+ rs.getString("actor_role"))
			.list();
	}

	/**
	 * A food licence taken at the 660100 window by {@code clerk} for a resident
	 * applicant.
	 */
	String submitAtTheWindow() {
		Response r = api.post("/api/v1/cases", "clerk",
				Map.of("itemCode", FOOD, "applicant",
						Map.of("kind", "RESIDENT_ID", "name", "张三", "number", "110105199003071239"), "materials",
						RequiredMaterials.upload(api, "clerk", FOOD, PDF)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.json().get("channel").asString()).isEqualTo("WINDOW");
		return r.json().get("number").asString();
	}

	JsonNode created(Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json();
	}

	static List<JsonNode> list(JsonNode array) {
		List<JsonNode> out = new ArrayList<>();
		array.forEach(out::add);
		return out;
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode v = node.get(field);
		return v == null || v.isNull() ? null : v.asString();
	}

	static @Nullable LocalDate date(JsonNode node, String field) {
		String s = text(node, field);
		return s == null ? null : LocalDate.parse(s);
	}

	/** The case numbers in a list of supervised cases from the API. */
	List<String> caseNumbers(String user, String warning) {
		return list(ok(api.get("/api/v1/supervision/cases?warning=" + warning, user))).stream()
			.map(n -> n.get("caseNumber").asString())
			.toList();
	}

	/** Every card (open and closed) the user sees for the case. */
	List<JsonNode> cardsOfCase(String user, String caseNumber) {
		return list(ok(api.get("/api/v1/supervision/cards?all=true", user))).stream()
			.filter(c -> caseNumber.equals(text(c, "caseNumber")))
			.toList();
	}

	List<String> cardNumbers(String user, boolean all) {
		return list(ok(api.get("/api/v1/supervision/cards?all=" + all, user))).stream()
			.map(c -> c.get("number").asString())
			.toList();
	}

	/** The one card of the cause for the case, as the supervisor sees it. */
	JsonNode cardOf(String caseNumber, String cause) {
		List<JsonNode> cards = cardsOfCase("supervisor", caseNumber).stream()
			.filter(c -> cause.equals(text(c, "cause")))
			.toList();
		assertThat(cards).as("%s cards of %s", cause, caseNumber).hasSize(1);
		return cards.get(0);
	}

	JsonNode cardDetail(String card) {
		return ok(api.get("/api/v1/supervision/cards/" + card, "supervisor"));
	}

	static List<String> historyActions(JsonNode detail) {
		return list(detail.get("history")).stream().map(h -> h.get("action").asString()).toList();
	}

	// ---- a. a case turns red and brings a yellow card

	@Test
	void aCaseLeftAlonePastItsAcceptanceWindowTurnsRedAndBringsItsDepartmentAYellowCard() {
		String number = submitFoodLicence();
		SupervisedCase row = awaitRow(number, r -> r.stage() == Stage.ACCEPTANCE);
		assertThat(row.carded()).isFalse();
		assertThat(cardsOfCase("supervisor", number)).isEmpty();

		clock.set("2026-10-14T09:00:00");
		Supervision.DailyRun run = supervision.daily();
		assertThat(run.cardsIssued()).isPositive();

		row = seen("supervisor", Supervision.Filter.RED, number).orElseThrow();
		assertThat(row.warning()).isEqualTo(Warning.RED);
		assertThat(row.carded()).isTrue();

		JsonNode card = cardOf(number, "CASE_OVERDUE");
		assertThat(text(card, "colour")).isEqualTo("YELLOW");
		assertThat(text(card, "status")).isEqualTo("ISSUED");
		assertThat(text(card, "departmentCode")).isEqualTo(SCJG);
		assertThat(text(card, "regionCode")).isEqualTo("660100");
		assertThat(text(card, "levelRegion")).isEqualTo("660100");
		assertThat(text(card, "issuedBy")).isEqualTo("system");
		// nobody has handled the online case, yet it has had its first handler since
		// receipt (首办负责制): named
		assertThat(text(card, "handler")).isEqualTo("clerk");
		assertThat(date(card, "issuedOn")).isEqualTo(LocalDate.of(2026, 10, 14));
		// 5 working days after Wed 10-14: 15, 16, 19, 20, 21
		assertThat(date(card, "answerDue")).isEqualTo(LocalDate.of(2026, 10, 21))
			.isEqualTo(addWorkingDays("2026-10-14", 5));
		assertThat(text(card, "reason")).contains("2026-10-13");
		String cardNumber = text(card, "number");
		assertThat(cardNumber).startsWith("YC-2026-");

		// the supervisor of the province and the department head see it; the county's
		// head and another city do not
		assertThat(cardNumbers("supervisor", false)).contains(cardNumber);
		assertThat(cardNumbers("deptadmin", false)).contains(cardNumber);
		assertThat(cardNumbers("deptadmin-qc", false)).doesNotContain(cardNumber);
		assertThat(cardNumbers("deptadmin-qc", true)).doesNotContain(cardNumber);
		assertThat(cardNumbers("supervisor-bs", true)).doesNotContain(cardNumber);
		assertThat(api.get("/api/v1/supervision/cards", "applicant").status()).isEqualTo(403);
		assertThat(api.get("/api/v1/supervision/cards", null).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/supervision/cards/" + cardNumber, "deptadmin-qc").status()).isEqualTo(404);
		assertThat(ok(api.get("/api/v1/supervision/cards/" + cardNumber, "deptadmin")).get("card")
			.get("number")
			.asString()).isEqualTo(cardNumber);

		// the next run finds the case still red but cards it only once
		supervision.daily();
		assertThat(cardsOfCase("supervisor", number)).hasSize(1);
	}

	// ---- b. the card loop

	@Test
	void theHeadAnswersTheSupervisorReturnsThenAcceptsAndTheHistoryKeepsEveryStepInOrder() {
		String number = redFoodCase();
		String card = text(cardOf(number, "CASE_OVERDUE"), "number");
		String path = "/api/v1/supervision/cards/" + card;
		Map<String, String> answer = Map.of("explanation", "国庆假期后窗口人手不足，未及时受理。", "rectification",
				"已安排专人每日清理待受理件，并纳入考核。");

		// refused while the card is still open, and nothing changes
		assertThat(api.post(path + "/review", "supervisor", Map.of("accept", true)).status()).isEqualTo(409);
		Response empty = api.post(path + "/answer", "deptadmin", Map.of("explanation", "", "rectification", "整改"));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.contentType()).startsWith("application/problem+json");
		assertThat(list(empty.json().get("errors")).stream().map(e -> e.get("field").asString()))
			.contains("explanation");
		// outside the card's scope the card does not exist for the county's head (as GET
		// answers 404)
		assertThat(api.post(path + "/answer", "deptadmin-qc", answer).status()).isEqualTo(404);
		// the supervisor sees the card but only the department head answers it
		assertThat(api.post(path + "/answer", "supervisor", answer).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/supervision/cards/YC-2026-999999/answer", "deptadmin", answer).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/supervision/cards/YC-2026-999999", "supervisor").status()).isEqualTo(404);
		JsonNode untouched = cardDetail(card);
		assertThat(text(untouched.get("card"), "status")).isEqualTo("ISSUED");
		assertThat(text(untouched.get("card"), "explanation")).isNull();
		assertThat(historyActions(untouched)).containsExactly("ISSUED");

		JsonNode answered = ok(api.post(path + "/answer", "deptadmin", answer));
		assertThat(text(answered, "status")).isEqualTo("ANSWERED");
		assertThat(text(answered, "answeredBy")).isEqualTo("deptadmin");
		assertThat(date(answered, "answeredOn")).isEqualTo(LocalDate.of(2026, 10, 14));
		assertThat(text(answered, "explanation")).isEqualTo(answer.get("explanation"));
		assertThat(text(answered, "rectification")).isEqualTo(answer.get("rectification"));
		assertThat(api.post(path + "/answer", "deptadmin", answer).status()).isEqualTo(409);
		// only a supervisor reviews
		assertThat(api.post(path + "/review", "deptadmin", Map.of("accept", true)).status()).isEqualTo(403);
		// returning needs a reason
		Response noReason = api.post(path + "/review", "supervisor", Map.of("accept", false));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.body()).contains("comment");

		clock.set("2026-10-15T10:00:00");
		JsonNode returned = ok(
				api.post(path + "/review", "supervisor", Map.of("accept", false, "comment", "整改措施不具体，请写明责任人和时限。")));
		assertThat(text(returned, "status")).isEqualTo("RETURNED");
		assertThat(text(returned, "reviewedBy")).isEqualTo("supervisor");
		assertThat(text(returned, "reviewComment")).isEqualTo("整改措施不具体，请写明责任人和时限。");
		assertThat(text(returned, "closedOn")).isNull();
		// a new answer deadline of 5 working days from Thu 10-15: 16, 19, 20, 21, 22
		assertThat(date(returned, "answerDue")).isEqualTo(LocalDate.of(2026, 10, 22))
			.isEqualTo(addWorkingDays("2026-10-15", 5));

		clock.set("2026-10-16T10:00:00");
		JsonNode again = ok(api.post(path + "/answer", "deptadmin",
				Map.of("explanation", "同上，补充说明。", "rectification", "责任人：孙管理；10月底前完成积压件清理。")));
		assertThat(text(again, "status")).isEqualTo("ANSWERED");
		assertThat(date(again, "answeredOn")).isEqualTo(LocalDate.of(2026, 10, 16));

		JsonNode accepted = ok(api.post(path + "/review", "supervisor", Map.of("accept", true, "comment", "同意")));
		assertThat(text(accepted, "status")).isEqualTo("ACCEPTED");
		assertThat(date(accepted, "closedOn")).isEqualTo(LocalDate.of(2026, 10, 16));
		assertThat(api.post(path + "/review", "supervisor", Map.of("accept", true)).status()).isEqualTo(409);
		assertThat(api.post(path + "/answer", "deptadmin", answer).status()).isEqualTo(409);

		JsonNode detail = cardDetail(card);
		assertThat(historyActions(detail)).containsExactly("ISSUED", "ANSWERED", "RETURNED", "ANSWERED", "ACCEPTED");
		assertThat(list(detail.get("history")).stream().map(h -> h.get("actor").asString())).containsExactly("system",
				"deptadmin", "supervisor", "deptadmin", "supervisor");
		// every step is a privileged action in the tamper-evident audit log; the refused
		// attempts left nothing
		assertThat(audited(card)).containsExactly("supervision.card-issued by system as SYSTEM",
				"supervision.card-answered by deptadmin as DEPARTMENT_ADMIN",
				"supervision.card-returned by supervisor as SUPERVISOR",
				"supervision.card-answered by deptadmin as DEPARTMENT_ADMIN",
				"supervision.card-accepted by supervisor as SUPERVISOR");
		// a closed card leaves the open list and stays in the full one
		assertThat(cardNumbers("deptadmin", false)).doesNotContain(card);
		assertThat(cardNumbers("deptadmin", true)).contains(card);
	}

	// ---- c. escalation

	@Test
	void anUnansweredCardGoesUpToTheParentRegionAndTurnsRedOnceAndNoHigherThanTheProvince() {
		String number = redFoodCase();
		String card = text(cardOf(number, "CASE_OVERDUE"), "number");
		assertThat(date(cardDetail(card).get("card"), "answerDue")).isEqualTo(LocalDate.of(2026, 10, 21));

		// the due day itself is still in time
		clock.set("2026-10-21T18:00:00");
		supervision.daily();
		JsonNode c = cardDetail(card);
		assertThat(text(c.get("card"), "levelRegion")).isEqualTo("660100");
		assertThat(text(c.get("card"), "colour")).isEqualTo("YELLOW");
		assertThat(historyActions(c)).containsExactly("ISSUED");

		clock.set("2026-10-22T00:15:00");
		supervision.daily();
		c = cardDetail(card);
		assertThat(text(c.get("card"), "levelRegion")).isEqualTo("660000");
		assertThat(text(c.get("card"), "regionCode")).isEqualTo("660100");
		assertThat(text(c.get("card"), "colour")).isEqualTo("RED");
		assertThat(text(c.get("card"), "status")).isEqualTo("ISSUED");
		// a new deadline of 5 working days from Thu 10-22: 23, 26, 27, 28, 29
		assertThat(date(c.get("card"), "answerDue")).isEqualTo(LocalDate.of(2026, 10, 29));
		assertThat(historyActions(c)).containsExactly("ISSUED", "ESCALATED");
		assertThat(c.get("history").get(1).get("actor").asString()).isEqualTo("system");
		assertThat(audited(card)).containsExactly("supervision.card-issued by system as SYSTEM",
				"supervision.card-escalated by system as SYSTEM");

		// the next run on the same day leaves it alone
		supervision.daily();
		c = cardDetail(card);
		assertThat(text(c.get("card"), "levelRegion")).isEqualTo("660000");
		assertThat(historyActions(c)).containsExactly("ISSUED", "ESCALATED");

		// overdue again at the province: 660000 has no parent, so it stays there
		clock.set("2026-10-30T00:15:00");
		supervision.daily();
		c = cardDetail(card);
		assertThat(text(c.get("card"), "levelRegion")).isEqualTo("660000");
		assertThat(text(c.get("card"), "colour")).isEqualTo("RED");
		assertThat(date(c.get("card"), "answerDue")).isEqualTo(LocalDate.of(2026, 10, 29));
		assertThat(historyActions(c)).containsExactly("ISSUED", "ESCALATED");

		// the department still sees and may still answer it
		assertThat(cardNumbers("deptadmin", false)).contains(card);
		JsonNode answered = ok(api.post("/api/v1/supervision/cards/" + card + "/answer", "deptadmin",
				Map.of("explanation", "逾期说明", "rectification", "整改措施")));
		assertThat(text(answered, "status")).isEqualTo("ANSWERED");
	}

	// ---- accumulation

	@Test
	void threeYellowCardsOfTheDepartmentInOctoberBringExactlyOneRedAccumulationCardForThatMonth() {
		List<String> numbers = List.of(submitFoodLicence(), submitFoodLicence(), submitFoodLicence());
		numbers.forEach(n -> awaitRow(n, r -> r.stage() == Stage.ACCEPTANCE));
		clock.set("2026-10-14T09:00:00");
		supervision.daily();
		for (String n : numbers) {
			JsonNode yellow = cardOf(n, "CASE_OVERDUE");
			assertThat(text(yellow, "colour")).isEqualTo("YELLOW");
			assertThat(text(yellow, "departmentCode")).isEqualTo(SCJG);
			assertThat(date(yellow, "issuedOn")).isEqualTo(LocalDate.of(2026, 10, 14));
		}

		List<JsonNode> accumulation = list(ok(api.get("/api/v1/supervision/cards?all=true", "supervisor"))).stream()
			.filter(c -> "ACCUMULATION".equals(text(c, "cause")) && SCJG.equals(text(c, "departmentCode")))
			.filter(c -> date(c, "issuedOn").getYear() == 2026 && date(c, "issuedOn").getMonthValue() == 10)
			.toList();
		assertThat(accumulation).hasSize(1);
		JsonNode red = accumulation.get(0);
		assertThat(text(red, "number")).isEqualTo("RC-202610-" + SCJG);
		assertThat(text(red, "colour")).isEqualTo("RED");
		assertThat(text(red, "caseNumber")).isNull();
		assertThat(text(red, "regionCode")).isEqualTo("660100");
		assertThat(text(red, "reason")).contains("2026-10");
		assertThat(cardNumbers("deptadmin", true)).contains("RC-202610-" + SCJG);
	}

	/**
	 * A yellow card escalated for want of an answer turns red, but it was still a yellow
	 * card the department got that month: three yellow cards issued in October must bring
	 * the red accumulation card whatever became of them.
	 */
	@Test
	void aYellowCardEscalatedToRedStillCountsTowardsTheMonthsAccumulation() {
		String first = submitOnline(NURSE, NURSE_FORM);
		awaitRow(first, r -> r.stage() == Stage.ACCEPTANCE);
		clock.set("2026-10-14T09:00:00");
		supervision.daily();
		String firstCard = text(cardOf(first, "CASE_OVERDUE"), "number");
		assertThat(text(cardOf(first, "CASE_OVERDUE"), "colour")).isEqualTo("YELLOW");
		assertThat(text(cardOf(first, "CASE_OVERDUE"), "departmentCode")).isEqualTo("660100-WJW");

		clock.set("2026-10-22T10:00:00");
		supervision.daily();
		assertThat(text(cardDetail(firstCard).get("card"), "colour")).isEqualTo("RED");

		List<String> later = List.of(submitOnline(NURSE, NURSE_FORM), submitOnline(NURSE, NURSE_FORM));
		// received Thu 10-22: 23, 26, 27, 28, 29
		later.forEach(n -> assertThat(awaitRow(n, r -> r.stage() == Stage.ACCEPTANCE).dueOn())
			.isEqualTo(LocalDate.of(2026, 10, 29)));
		clock.set("2026-10-30T09:00:00");
		supervision.daily();
		for (String n : later) {
			JsonNode yellow = cardOf(n, "CASE_OVERDUE");
			assertThat(text(yellow, "colour")).isEqualTo("YELLOW");
			assertThat(date(yellow, "issuedOn")).isEqualTo(LocalDate.of(2026, 10, 30));
		}
		// three yellow cards were issued to 660100-WJW in October 2026
		assertThat(historyActions(cardDetail(firstCard)).get(0)).isEqualTo("ISSUED");
		assertThat(cardDetail(firstCard).get("history").get(0).get("note").asString()).startsWith("YELLOW");

		List<JsonNode> accumulation = list(ok(api.get("/api/v1/supervision/cards?all=true", "supervisor"))).stream()
			.filter(c -> "ACCUMULATION".equals(text(c, "cause")) && "660100-WJW".equals(text(c, "departmentCode")))
			.toList();
		assertThat(accumulation).as("red accumulation card of 660100-WJW for 2026-10").hasSize(1);
		assertThat(text(accumulation.get(0), "number")).isEqualTo("RC-202610-660100-WJW");
	}

	/**
	 * A card for an irregularity must not stand in for the overdue card: each cause is
	 * carded once per case, so a case with a red card for an unlisted fee that then
	 * misses its decision deadline still gets its yellow card.
	 */
	@Test
	void aCardForAnIrregularityDoesNotKeepTheCaseFromItsOverdueCard() {
		String number = submitFoodLicence();
		awaitRow(number, r -> r.stage() == Stage.ACCEPTANCE);
		ok(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null));
		// accepted Wed 09-30; 20 working days: 10-08, 09, 10, 12..16, 19..23, 26..30,
		// 11-02, 11-03
		SupervisedCase row = awaitRow(number, r -> r.stage() == Stage.DECISION);
		assertThat(row.dueOn()).isEqualTo(LocalDate.of(2026, 11, 3)).isEqualTo(addWorkingDays("2026-09-30", 20));

		// the food licence lists no fee at all: any fee is 乱收费, a critical irregularity
		// and a red card
		ok(api.post("/api/v1/cases/" + number + "/fees", "clerk",
				Map.of("name", "加急服务费", "amount", new BigDecimal("50.00"), "receiptNo", "R-" + number)));
		JsonNode fee = Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> cardsOfCase("supervisor", number).stream()
				.filter(c -> "UNLISTED_FEE".equals(text(c, "cause")))
				.findFirst()
				.orElse(null), c -> c != null);
		assertThat(text(fee, "colour")).isEqualTo("RED");

		clock.set("2026-11-04T09:00:00");
		supervision.daily();
		assertThat(seen("supervisor", Supervision.Filter.RED, number)).isPresent();
		JsonNode overdue = cardOf(number, "CASE_OVERDUE");
		assertThat(text(overdue, "colour")).isEqualTo("YELLOW");
		assertThat(date(overdue, "issuedOn")).isEqualTo(LocalDate.of(2026, 11, 4));
	}

	// ---- d. supervision notices

	@Test
	void aSupervisionNoticeIsIssuedRespondedToAndClosed() {
		String number = submitFoodLicence();
		awaitRow(number, r -> r.stage() == Stage.ACCEPTANCE);
		String path = "/api/v1/supervision/cases/" + number + "/notices";

		assertThat(api.post(path, "deptadmin", Map.of("demand", "请说明", "responseDays", 3)).status()).isEqualTo(403);
		Response zero = api.post(path, "supervisor", Map.of("demand", "请说明", "responseDays", 0));
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.contentType()).startsWith("application/problem+json");
		assertThat(list(zero.json().get("errors")).stream().map(e -> e.get("field").asString()))
			.contains("responseDays");
		assertThat(api.post(path, "supervisor", Map.of("demand", "请说明", "responseDays", 31)).status()).isEqualTo(400);
		assertThat(api.post(path, "supervisor", Map.of("demand", " ", "responseDays", 3)).status()).isEqualTo(400);
		assertThat(api
			.post("/api/v1/supervision/cases/660100-2026-9999999/notices", "supervisor",
					Map.of("demand", "请说明", "responseDays", 3))
			.status()).isEqualTo(404);

		JsonNode notice = created(
				api.post(path, "supervisor", Map.of("demand", "请于3个工作日内说明该件未受理的原因。", "responseDays", 3)));
		String n = text(notice, "number");
		assertThat(n).startsWith("DB-2026-");
		assertThat(text(notice, "status")).isEqualTo("OPEN");
		assertThat(text(notice, "caseNumber")).isEqualTo(number);
		assertThat(text(notice, "departmentCode")).isEqualTo(SCJG);
		assertThat(text(notice, "issuedBy")).isEqualTo("supervisor");
		assertThat(date(notice, "issuedOn")).isEqualTo(LocalDate.of(2026, 9, 30));
		// 3 working days after Wed 09-30 across the holiday: 10-08, 10-09 and Saturday
		// 10-10 (a make-up working day)
		assertThat(date(notice, "responseDue")).isEqualTo(LocalDate.of(2026, 10, 10))
			.isEqualTo(addWorkingDays("2026-09-30", 3));

		// seen by the department and the supervisor, not by the county's head
		assertThat(list(ok(api.get("/api/v1/supervision/notices", "deptadmin"))).stream()
			.map(x -> x.get("number").asString())).contains(n);
		assertThat(list(ok(api.get("/api/v1/supervision/notices", "supervisor"))).stream()
			.map(x -> x.get("number").asString())).contains(n);
		assertThat(list(ok(api.get("/api/v1/supervision/notices", "deptadmin-qc"))).stream()
			.map(x -> x.get("number").asString())).doesNotContain(n);
		assertThat(api.get("/api/v1/supervision/notices/" + n, "deptadmin-qc").status()).isEqualTo(404);

		// closing before a response is refused; only the department head responds
		assertThat(api.post("/api/v1/supervision/notices/" + n + "/close", "supervisor", Map.of()).status())
			.isEqualTo(409);
		assertThat(api.post("/api/v1/supervision/notices/" + n + "/response", "supervisor", Map.of("response", "x"))
			.status()).isEqualTo(403);
		assertThat(api.post("/api/v1/supervision/notices/" + n + "/response", "deptadmin", Map.of("response", ""))
			.status()).isEqualTo(400);

		clock.set("2026-10-09T10:00:00");
		JsonNode responded = ok(api.post("/api/v1/supervision/notices/" + n + "/response", "deptadmin",
				Map.of("response", "已于10月9日受理该件。")));
		assertThat(text(responded, "status")).isEqualTo("RESPONDED");
		assertThat(text(responded, "respondedBy")).isEqualTo("deptadmin");
		assertThat(date(responded, "respondedOn")).isEqualTo(LocalDate.of(2026, 10, 9));
		assertThat(text(responded, "response")).isEqualTo("已于10月9日受理该件。");
		assertThat(api.post("/api/v1/supervision/notices/" + n + "/response", "deptadmin", Map.of("response", "again"))
			.status()).isEqualTo(409);
		assertThat(api.post("/api/v1/supervision/notices/" + n + "/close", "deptadmin", Map.of()).status())
			.isEqualTo(403);

		JsonNode closed = ok(
				api.post("/api/v1/supervision/notices/" + n + "/close", "supervisor", Map.of("comment", "答复属实，办结。")));
		assertThat(text(closed, "status")).isEqualTo("CLOSED");
		assertThat(text(ok(api.get("/api/v1/supervision/notices/" + n, "deptadmin")), "status")).isEqualTo("CLOSED");
		assertThat(list(ok(api.get("/api/v1/supervision/cases/" + number, "supervisor")).get("notices")).stream()
			.map(x -> x.get("number").asString())).containsExactly(n);
		assertThat(supervision.history(n).stream().map(SupervisionHistory.Entry::action)).containsExactly("ISSUED",
				"RESPONDED", "CLOSED");
		assertThat(audited(n)).containsExactly("supervision.notice-issued by supervisor as SUPERVISOR",
				"supervision.notice-responded by deptadmin as DEPARTMENT_ADMIN",
				"supervision.notice-closed by supervisor as SUPERVISOR");
	}

	// ---- e. accountability

	@Test
	void aSupervisorRecordsAccountabilityAgainstACard() {
		String number = redFoodCase();
		String card = text(cardOf(number, "CASE_OVERDUE"), "number");
		String path = "/api/v1/supervision/cards/" + card + "/accountability";
		Map<String, String> body = Map.of("person", "王窗口", "measure", "ADMONITION", "basis", "国庆假期后未在5个工作日内作出受理决定。");

		assertThat(api.post(path, "supervisor", Map.of("person", "王窗口", "measure", "NOPE", "basis", "x")).status())
			.isEqualTo(400);
		assertThat(api.post(path, "supervisor", Map.of("person", "", "measure", "ADMONITION", "basis", "x")).status())
			.isEqualTo(400);
		assertThat(api.post(path, "deptadmin", body).status()).isEqualTo(403);
		assertThat(list(cardDetail(card).get("accountabilities"))).isEmpty();

		JsonNode a = created(api.post(path, "supervisor", body));
		assertThat(text(a, "person")).isEqualTo("王窗口");
		assertThat(text(a, "measure")).isEqualTo("ADMONITION");
		assertThat(text(a, "cardNumber")).isEqualTo(card);
		assertThat(text(a, "caseNumber")).isEqualTo(number);
		assertThat(text(a, "departmentCode")).isEqualTo(SCJG);
		assertThat(text(a, "decidedBy")).isEqualTo("supervisor");
		assertThat(date(a, "decidedOn")).isEqualTo(LocalDate.of(2026, 10, 14));

		JsonNode detail = cardDetail(card);
		assertThat(list(detail.get("accountabilities"))).hasSize(1);
		assertThat(text(detail.get("accountabilities").get(0), "person")).isEqualTo("王窗口");
		assertThat(text(detail.get("accountabilities").get(0), "basis")).isEqualTo(body.get("basis"));
		assertThat(historyActions(detail)).containsExactly("ISSUED", "ACCOUNTABILITY");
		assertThat(audited(card)).containsExactly("supervision.card-issued by system as SYSTEM",
				"supervision.accountability-recorded by supervisor as SUPERVISOR");
		// the department head sees it too, and so does the case's timeline
		assertThat(list(ok(api.get("/api/v1/supervision/cards/" + card, "deptadmin")).get("accountabilities")))
			.hasSize(1);
		assertThat(
				list(ok(api.get("/api/v1/supervision/cases/" + number, "supervisor")).get("accountabilities")).stream()
					.map(x -> x.get("measure").asString()))
			.containsExactly("ADMONITION");
	}

	// ---- f. who sees which warning

	@Test
	void warningsAreSeenByTheDepartmentHeadAndByTheFirstHandlerOfAnOnlineOrWindowCaseOnly() {
		String online = submitFoodLicence();
		String window = submitAtTheWindow();
		awaitRow(online, r -> r.stage() == Stage.ACCEPTANCE);
		SupervisedCase w = awaitRow(window, r -> r.stage() == Stage.ACCEPTANCE);
		assertThat(w.firstHandler()).isEqualTo("clerk");
		assertThat(w.channel()).isEqualTo("WINDOW");

		clock.set("2026-10-14T09:00:00");
		supervision.daily();

		assertThat(caseNumbers("supervisor", "RED")).contains(online, window);
		assertThat(caseNumbers("deptadmin", "RED")).contains(online, window);
		assertThat(caseNumbers("reviewer-zj", "RED")).doesNotContain(online, window);
		// the department's reviewer is responsible for neither case yet
		assertThat(caseNumbers("reviewer", "RED")).doesNotContain(online, window);
		assertThat(caseNumbers("deptadmin-qc", "RED")).doesNotContain(online, window);
		// online cases too have their first handler from receipt: the city's
		// comprehensive-window clerk
		assertThat(caseNumbers("clerk", "RED")).contains(window, online);
		assertThat(api.get("/api/v1/supervision/cases?warning=RED", "applicant").status()).isEqualTo(403);
		assertThat(api.get("/api/v1/supervision/cases?warning=NOPE", "supervisor").status()).isEqualTo(400);

		assertThat(api.get("/api/v1/supervision/cases/" + window, "clerk").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/supervision/cases/" + online, "clerk").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/supervision/cases/" + online, "reviewer-zj").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/supervision/cases/" + online, "deptadmin").status()).isEqualTo(200);

		// each case's card names the clerk, who sees both
		JsonNode windowCard = cardOf(window, "CASE_OVERDUE");
		assertThat(text(windowCard, "handler")).isEqualTo("clerk");
		String onlineCard = text(cardOf(online, "CASE_OVERDUE"), "number");
		assertThat(cardNumbers("clerk", true)).contains(text(windowCard, "number"), onlineCard);
		assertThat(cardNumbers("reviewer-zj", true)).doesNotContain(text(windowCard, "number"), onlineCard);
		// the clerk sees the card but is not the department head
		assertThat(api
			.post("/api/v1/supervision/cards/" + text(windowCard, "number") + "/answer", "clerk",
					Map.of("explanation", "x", "rectification", "y"))
			.status()).isEqualTo(403);
	}

	/**
	 * A supervisor whose scope names a department sees only that department
	 * ({@link Viewer}): the lists must agree with the detail pages, which already answer
	 * 404 for another department's card, case and notice.
	 */
	@Test
	void aSupervisorScopedToADepartmentListsOnlyThatDepartmentsCardsAndNotices() {
		if (!directory.accountExists("supervisor-zj")) {
			directory.openAccount(new AccountDraft("supervisor-zj", ApiClient.DEMO_PASSWORD, "住建监察",
					Set.of(Role.SUPERVISOR), "660100", "660100-ZJJ"));
		}
		String number = redFoodCase();
		String card = text(cardOf(number, "CASE_OVERDUE"), "number");
		String notice = text(created(api.post("/api/v1/supervision/cases/" + number + "/notices", "supervisor",
				Map.of("demand", "请说明。", "responseDays", 3))), "number");

		// the detail of another department's card, case and notice is not theirs
		assertThat(api.get("/api/v1/supervision/cards/" + card, "supervisor-zj").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/supervision/cases/" + number, "supervisor-zj").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/supervision/notices/" + notice, "supervisor-zj").status()).isEqualTo(404);
		assertThat(caseNumbers("supervisor-zj", "ALL")).doesNotContain(number);

		// so the lists must not show them either
		List<String> cards = cardNumbers("supervisor-zj", true);
		List<String> notices = list(ok(api.get("/api/v1/supervision/notices", "supervisor-zj"))).stream()
			.map(x -> x.get("number").asString())
			.toList();
		SoftAssertions.assertSoftly(soft -> {
			soft.assertThat(cards).as("cards listed to a 660100-ZJJ supervisor").doesNotContain(card);
			soft.assertThat(notices).as("notices listed to a 660100-ZJJ supervisor").doesNotContain(notice);
		});
	}

	// ---- g. joint review sub-deadlines

	@Test
	void coDepartmentsThatMissTheirSubDeadlineTurnRedAndGetTheirOwnYellowCards() {
		String number = submitOnline(PLANNING, PLANNING_FORM);
		awaitRow(number, r -> r.stage() == Stage.ACCEPTANCE);
		JsonNode accepted = ok(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null));
		// the promise is 15 working days, and the 4 days of the steps after 并联审查 are the
		// lead's: the co-departments
		// have 11, to Wed 10-21 (Sat 10-10 is a make-up working day)
		LocalDate subDue = LocalDate.of(2026, 10, 21);
		assertThat(subDue).isEqualTo(addWorkingDays("2026-09-30", 11));
		assertThat(list(accepted.get("opinions")).stream().map(o -> date(o, "dueOn"))).containsOnly(subDue);

		CaseTimeline before = Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> supervision.timeline(number, as("supervisor")), t -> t.subClocks().size() == 2);
		assertThat(before.subClocks()).allSatisfy(s -> {
			assertThat(s.dueOn()).isEqualTo(subDue);
			assertThat(s.warning()).isEqualTo(Warning.NONE);
		});

		clock.set("2026-10-22T09:00:00");
		supervision.daily();

		JsonNode timeline = ok(api.get("/api/v1/supervision/cases/" + number, "supervisor"));
		List<JsonNode> subClocks = list(timeline.get("subClocks"));
		assertThat(subClocks.stream().map(s -> s.get("departmentCode").asString()))
			.containsExactlyInAnyOrder("660100-ZJJ", "660100-STHJ");
		assertThat(subClocks).allSatisfy(s -> {
			assertThat(text(s, "warning")).isEqualTo("RED");
			assertThat(date(s, "dueOn")).isEqualTo(subDue);
			assertThat(text(s, "answeredOn")).isNull();
			assertThat(s.get("remainingWorkingDays").asInt()).isEqualTo(-1);
		});
		// the case's own clocks (promised 15, statutory 45 working days) are not red
		assertThat(text(timeline.get("supervised"), "warning")).isNotEqualTo("RED");

		List<JsonNode> cards = cardsOfCase("supervisor", number);
		assertThat(cards).allSatisfy(c -> {
			assertThat(text(c, "cause")).isEqualTo("OPINION_OVERDUE");
			assertThat(text(c, "colour")).isEqualTo("YELLOW");
			assertThat(date(c, "issuedOn")).isEqualTo(LocalDate.of(2026, 10, 22));
		});
		assertThat(cards.stream().map(c -> c.get("departmentCode").asString())).containsExactlyInAnyOrder("660100-ZJJ",
				"660100-STHJ");
		assertThat(list(timeline.get("cards"))).hasSize(2);
		// a second run cards nothing more
		supervision.daily();
		assertThat(cardsOfCase("supervisor", number)).hasSize(2);

		ok(api.post("/api/v1/cases/" + number + "/opinions", "reviewer-zj", Map.of("verdict", "AGREE")));
		CaseTimeline.SubClock zj = Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> supervision.timeline(number, as("supervisor"))
				.subClocks()
				.stream()
				.filter(s -> s.departmentCode().equals("660100-ZJJ") && s.answeredOn() != null)
				.findFirst()
				.orElse(null), s -> s != null);
		assertThat(zj.answeredOn()).isEqualTo(LocalDate.of(2026, 10, 22));
		assertThat(zj.late()).isTrue();
		assertThat(zj.warning()).isNotEqualTo(Warning.RED);
		JsonNode after = ok(api.get("/api/v1/supervision/cases/" + number, "supervisor"));
		for (JsonNode s : after.get("subClocks")) {
			if (s.get("departmentCode").asString().equals("660100-ZJJ")) {
				assertThat(date(s, "answeredOn")).isEqualTo(LocalDate.of(2026, 10, 22));
				assertThat(s.get("late").asBoolean()).isTrue();
			}
			else {
				assertThat(text(s, "answeredOn")).isNull();
				assertThat(text(s, "warning")).isEqualTo("RED");
			}
		}
	}

	// ---- h. timeline

	@Test
	void theTimelineListsEveryStepInOrderWithWhoTookItAndHowLongTheCaseStayed() {
		String number = submitFoodLicence();
		awaitRow(number, r -> r.stage() == Stage.ACCEPTANCE);
		clock.set("2026-09-30T11:00:00");
		ok(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null));
		awaitRow(number, r -> r.stage() == Stage.DECISION);
		clock.set("2026-10-08T09:00:00");
		ok(api.post("/api/v1/cases/" + number + "/review", "reviewer",
				Map.of("recommendation", "APPROVED", "comments", "材料齐全，符合条件")));
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> supervision.timeline(number, as("supervisor")).steps().size() == 3);
		clock.set("2026-10-08T12:00:00");

		JsonNode timeline = ok(api.get("/api/v1/supervision/cases/" + number, "supervisor"));
		List<JsonNode> steps = list(timeline.get("steps"));
		assertThat(steps.stream().map(s -> s.get("step").get("action").asString())).containsExactly("RECEIVED",
				"ACCEPTED", "REVIEWED");
		assertThat(steps.stream().map(s -> s.get("step").get("actor").asString())).containsExactly("applicant", "clerk",
				"reviewer");
		assertThat(steps.stream().map(s -> s.get("step").get("role").asString())).containsExactly("APPLICANT",
				"WINDOW_CLERK", "REVIEWER");
		assertThat(steps.stream().map(s -> s.get("step").get("state").asString())).containsExactly("RECEIVED",
				"ACCEPTED", "REVIEWED");
		assertThat(steps.stream().map(s -> s.get("current").asBoolean())).containsExactly(false, false, true);
		assertThat(steps.stream().map(s -> text(s, "nextActor"))).containsExactly("clerk", "reviewer", null);
		assertThat(text(timeline.get("supervised"), "caseNumber")).isEqualTo(number);

		// how long the case stayed after each step: 1 h with the clerk, then 09-30 11:00
		// to 10-08 09:00, then until now
		List<CaseTimeline.Held> held = supervision.timeline(number, as("supervisor")).steps();
		assertThat(held.get(0).heldFor()).isEqualTo(Duration.ofHours(1));
		assertThat(held.get(1).heldFor()).isEqualTo(Duration.ofDays(7).plusHours(22));
		assertThat(held.get(1).days()).isEqualTo(7);
		assertThat(held.get(2).heldFor()).isEqualTo(Duration.ofHours(3));

		// the steps are seen by the department head; not by another department's reviewer
		assertThat(api.get("/api/v1/supervision/cases/" + number, "deptadmin").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/supervision/cases/" + number, "reviewer-zj").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/supervision/cases/660100-2026-9999999", "supervisor").status()).isEqualTo(404);
	}

	@Test
	void theLastStepOfAClosedCaseIsNotCurrent() {
		String number = submitFoodLicence();
		awaitRow(number, r -> r.stage() == Stage.ACCEPTANCE);
		clock.set("2026-09-30T15:00:00");
		ok(api.post("/api/v1/cases/" + number + "/refusal", "clerk", Map.of("reasons", "不属于本机关职权范围")));
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> supervision.timeline(number, as("supervisor")).steps().size() == 2);
		clock.set("2026-10-09T15:00:00");

		CaseTimeline t = supervision.timeline(number, as("supervisor"));
		assertThat(t.supervised().closedOn()).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(t.steps().stream().map(h -> h.step().action())).containsExactly("RECEIVED", "REFUSED");
		assertThat(t.steps().get(0).heldFor()).isEqualTo(Duration.ofHours(5));
		assertThat(t.steps().get(1).current()).isFalse();
		assertThat(t.steps().get(1).heldFor()).isEqualTo(Duration.ZERO);
	}

}
