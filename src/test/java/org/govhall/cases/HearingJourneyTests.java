package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.awaitility.Awaitility;
import org.govhall.calendar.HolidaySchedules;
import org.govhall.directory.Directory;
import org.govhall.support.ApiClient;
import org.govhall.support.GovHallTest;
import org.govhall.support.MovableClock;
import org.govhall.support.RequiredMaterials;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The two procedures the procedure table gained (ADR 0030), walked through the hall as
 * its people take them: the reviewer tells the interested parties (行政许可法 第三十六条) and the
 * review waits; a party asks for a hearing within its 5 working days and the clock stops
 * (第四十五条, 第四十七条); the hearing is noticed 7 working days ahead with a presiding officer
 * who does not review (第四十八条), held and transcribed, and the clock runs again. Each act
 * shows on the API, the case page, the documents, the work list, the parties' messages
 * and supervision.
 */
@GovHallTest
class HearingJourneyTests {

	/** 食品经营许可 of 示范市市场监督管理局. */
	static final String FOOD = "660100-XK-02001";

	static final byte[] PDF = "%PDF-1.4\n%hearing\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

	@LocalServerPort
	int port;

	@Autowired
	MovableClock.Moving clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HolidaySchedules calendar;

	@Test
	void partiesAreHeardAndAHearingStopsTheClockUntilItsTranscript() throws Exception {
		ApiClient api = new ApiClient(port);
		clock.set("2026-11-02T09:00:00");
		ApiClient.Response filed = RequiredMaterials.submit(api, api, "applicant", FOOD, PDF);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		String number = filed.json().get("number").asString();
		ok(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null));
		String decisionDue = ok(api.get("/api/v1/cases/" + number, "reviewer")).get("clocks")
			.get(0)
			.get("dueDate")
			.get("due")
			.asString();

		// 第三十六条: the notice to the parties, with the right to a hearing
		ok(api.post("/api/v1/cases/" + number + "/interested-parties-notice", "reviewer",
				Map.of("parties", "李四\n王五", "matter", "相邻住户的采光和通风", "statementDays", 5, "hearingRight", true)));
		LocalDate today = LocalDate.parse("2026-11-02");
		LocalDate statementsDue = calendar.calendar().addWorkingDays(today, 5);
		JsonNode view = ok(api.get("/api/v1/cases/" + number, "reviewer"));
		assertThat(view.get("acts").get(0).get("step").asString()).isEqualTo("PARTIES_NOTICE");
		assertThat(view.get("awaited").get("step").asString()).isEqualTo("STATEMENT");
		ApiClient.Response early = api.post("/api/v1/cases/" + number + "/review", "reviewer",
				Map.of("recommendation", "APPROVED", "comments", "符合条件"));
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.json().get("detail").asString()).contains(statementsDue.toString()).contains("第三十六条");

		// a party's statement taken on the staff page
		String page = html(mvc.perform(get("/staff/cases/" + number).with(user(directory.principal("clerk").get())))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page).contains("记录陈述申辩").contains("陈述申辩与听证").contains("告知 李四、王五");
		mvc.perform(post("/staff/cases/" + number + "/statements").param("party", "李四")
			.param("summary", "要求举行听证")
			.param("receivedOn", "2026-11-02")
			.with(user(directory.principal("clerk").get()))
			.with(csrf()));
		assertThat(ok(api.get("/api/v1/cases/" + number, "reviewer")).get("acts")).hasSize(2);

		// 第四十七条: the party asks for a hearing; the clock stops from that day
		clock.set("2026-11-04T09:00:00");
		ok(api.post("/api/v1/cases/" + number + "/hearing-request", "clerk",
				Map.of("requester", "李四", "by", "INTERESTED_PARTY")));
		view = ok(api.get("/api/v1/cases/" + number, "reviewer"));
		LocalDate heldBy = calendar.calendar().addWorkingDays(LocalDate.parse("2026-11-04"), 20);
		assertThat(view.get("awaited").get("step").asString()).isEqualTo("HEARING_NOTICE");
		assertThat(view.get("awaited").get("due").asString()).isEqualTo(heldBy.toString());
		assertThat(view.get("suspensions").get(0).get("procedure").asString()).isEqualTo("HEARING");

		// 第四十八条: the reviewer may not preside; a stranger may not either; 7 working days
		LocalDate earliest = calendar.calendar().addWorkingDays(LocalDate.parse("2026-11-04"), 7);
		Map<String, Object> notice = Map.of("hearingOn", earliest.toString(), "time", "09:30", "place", "三楼听证室",
				"presider", "reviewer");
		assertThat(api.post("/api/v1/cases/" + number + "/hearing-notice", "reviewer", notice).status()).isEqualTo(400);
		assertThat(api
			.post("/api/v1/cases/" + number + "/hearing-notice", "reviewer",
					Map.of("hearingOn", earliest.toString(), "time", "09:30", "place", "三楼听证室", "presider", "nobody"))
			.json()
			.get("detail")
			.asString()).contains("nobody");
		ApiClient.Response tooSoon = api.post("/api/v1/cases/" + number + "/hearing-notice", "reviewer",
				Map.of("hearingOn", earliest.minusDays(1).toString(), "time", "09:30", "place", "三楼听证室", "presider",
						"approver"));
		assertThat(tooSoon.status()).isEqualTo(400);
		assertThat(tooSoon.json().get("detail").asString()).contains(earliest.toString());
		ok(api.post("/api/v1/cases/" + number + "/hearing-notice", "reviewer",
				Map.of("hearingOn", earliest.toString(), "time", "09:30", "place", "三楼听证室", "presider", "approver")));

		// while the hearing awaits, restarting the clock by hand says what it means
		String waiting = html(
				mvc.perform(get("/staff/cases/" + number).with(user(directory.principal("reviewer").get())))
					.andReturn()
					.getResponse()
					.getContentAsString(StandardCharsets.UTF_8));
		assertThat(waiting).contains("只有听证申请撤回或听证终止时").contains("本案等待：听证笔录");

		// the work list, the documents, the parties' messages and supervision
		JsonNode procedures = ok(api.get("/api/v1/cases?list=PROCEDURES", "reviewer"));
		assertThat(procedures.toString()).contains(number).contains(heldBy.toString());
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode documents = ok(api.get("/api/v1/cases/" + number, "applicant")).get("documents");
			assertThat(documents.toString()).contains("PROCEDURE_NOTICE");
			assertThat(documents.findValuesAsString("kind").stream().filter("PROCEDURE_NOTICE"::equals)).hasSize(2);
			assertThat(ok(api.get("/api/v1/notifications", "applicant")).toString())
				.contains("办件 " + number + "：已发出听证通知");
			JsonNode timeline = ok(api.get("/api/v1/supervision/cases/" + number, "supervisor"));
			assertThat(timeline.get("awaited").get("step").asString()).isEqualTo("HEARING_TRANSCRIPT");
			assertThat(timeline.get("steps").toString()).contains("\"step\":\"PARTIES_NOTICE\"")
				.contains("\"step\":\"HEARING_NOTICE\"");
		});

		// the hearing held: the transcript, signed; the clock runs again, later by the
		// hearing's days
		clock.set(earliest + "T15:00:00");
		ok(api.post("/api/v1/cases/" + number + "/hearing-transcript", "approver", Map.of("heldOn", earliest.toString(),
				"participants", "李四、申请人张三", "transcript", "双方陈述意见，当场签字", "signed", true)));
		view = ok(api.get("/api/v1/cases/" + number, "reviewer"));
		// 王五 never stated, and the period for statements is long over
		assertThat(view.get("awaited").isNull()).isTrue();
		assertThat(view.get("clocks").get(0).get("dueDate").get("due").asString()).isGreaterThan(decisionDue);
		String after = html(mvc.perform(get("/staff/cases/" + number).with(user(directory.principal("reviewer").get())))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(after).contains("听证于 " + earliest + " 举行").doesNotContain("HEARING_").doesNotContain("null");
		assertThat(jdbc.sql("SELECT awaited_step FROM cases_case WHERE number = :n")
			.param("n", number)
			.query(String.class)
			.single()).isEqualTo("STATEMENT");
		assertThat(ok(api.get("/api/v1/cases?list=PROCEDURES", "reviewer")).toString()).doesNotContain(number);
		ok(api.post("/api/v1/cases/" + number + "/review", "reviewer",
				Map.of("recommendation", "APPROVED", "comments", "依据听证笔录，符合条件")));
		// the review is signed by the reviewer's name, as people know it, not by a login
		String reviewed = html(
				mvc.perform(get("/staff/cases/" + number).with(user(directory.principal("approver").get())))
					.andReturn()
					.getResponse()
					.getContentAsString(StandardCharsets.UTF_8));
		String reviewerName = directory.principal("reviewer").get().displayName();
		assertThat(reviewed).contains(reviewerName + "，" + earliest).doesNotContain("reviewer，");
	}

	/** What a person reads on the page: its text, without the markup. */
	private static String html(String page) {
		return page.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ");
	}

	private static JsonNode ok(ApiClient.Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

}
