package org.govhall.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.govhall.support.ApiClient;
import org.govhall.support.ApiClient.Response;
import org.govhall.support.GovHallTest;
import org.govhall.support.LoadedYears;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The calendar's public arithmetic and its administration, over HTTP; run on H2 and on
 * PostgreSQL.
 */
@GovHallTest
abstract class CalendarApiTests {

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void addsWorkingDaysAcrossNationalDayForAnyone() {
		Response r = api.get("/api/v1/calendar/working-days/add?from=2026-09-30&days=5", null);
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.json().get("from").asString()).isEqualTo("2026-09-30");
		assertThat(r.json().get("days").asInt()).isEqualTo(5);
		assertThat(r.json().get("due").asString()).isEqualTo("2026-10-13");
	}

	@Test
	void countsWorkingDaysAfterTheStartUpToTheEnd() {
		Response r = api.get("/api/v1/calendar/working-days/count?from=2026-09-30&to=2026-10-13", null);
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.json().get("workingDays").asInt()).isEqualTo(5);
		assertThat(r.json().get("to").asString()).isEqualTo("2026-10-13");
	}

	@Test
	void aYearThatIsNotLoadedIs422NeverAGuess() {
		Response r = api.get("/api/v1/calendar/working-days/add?from=2028-03-01&days=5", null);
		assertThat(r.status()).isEqualTo(422);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("type").asString()).isEqualTo("urn:govhall:problem:calendar-year-not-loaded");
		assertThat(r.json().get("detail").asString()).contains("2028");
	}

	@Test
	void malformedInputIs400() {
		assertThat(api.get("/api/v1/calendar/working-days/add?from=2026-13-01&days=5", null).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/calendar/working-days/add?from=2026-10-01&days=-1", null).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/calendar/working-days/add?from=2026-10-01&days=x", null).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/calendar/working-days/add?days=3", null).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/calendar/working-days/count?from=2026-10-01", null).status()).isEqualTo(400);
	}

	@Test
	void aProvincialAdministratorLoadsANewYearAndItCountsAtOnceWithTheChangeRecorded() {
		assertThat(api.get("/api/v1/calendar/working-days/add?from=2027-09-30&days=1", null).status()).isEqualTo(422);
		Map<String, Object> year = Map.of("notice", "国务院办公厅关于2027年部分节假日安排的通知（测试）", "noticeDate", "2026-11-10", "days",
				List.of(Map.of("date", "2027-10-01", "kind", "OFF", "name", "国庆节"),
						Map.of("date", "2027-10-02", "kind", "OFF", "name", "国庆节"),
						Map.of("date", "2027-10-03", "kind", "OFF", "name", "国庆节"),
						Map.of("date", "2027-10-04", "kind", "OFF", "name", "国庆节"),
						Map.of("date", "2027-10-05", "kind", "OFF", "name", "国庆节"),
						Map.of("date", "2027-10-06", "kind", "OFF", "name", "国庆节"),
						Map.of("date", "2027-10-07", "kind", "OFF", "name", "国庆节"),
						Map.of("date", "2027-10-09", "kind", "WORK", "name", "国庆节调休上班")));
		assertThat(api.put("/api/v1/calendar/years/2027", "deptadmin", year).status()).isEqualTo(403);
		assertThat(api.put("/api/v1/calendar/years/2027", "admin-bs", year).status()).isEqualTo(403);
		assertThat(api.put("/api/v1/calendar/years/2027", null, year).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/calendar/working-days/add?from=2027-09-30&days=1", null).status()).isEqualTo(422);

		try {
			assertThat(api.put("/api/v1/calendar/years/2027", "admin", year).status()).isEqualTo(200);
			Response due = api.get("/api/v1/calendar/working-days/add?from=2027-09-30&days=2", null);
			assertThat(due.json().get("due").asString()).isEqualTo("2027-10-09");
			Response changes = api.get("/api/v1/calendar/years/2027/changes", null);
			assertThat(changes.json()).hasSize(1);
			assertThat(changes.json().get(0).get("changedBy").asString()).isEqualTo("admin");
			assertThat(changes.json().get(0).get("summary").asString()).contains("2027-10-09 WORK");
		}
		finally {
			// the other classes of the shared application (support/GovHallTest) expect
			// 2027 unloaded
			LoadedYears.forget(context, 2027);
		}
	}

	@Test
	void aScheduleThatBreaksTheRulesIsRefusedWholeAndChangesNothing() {
		Response before = api.get("/api/v1/calendar/years/2026", null);
		Map<String, Object> bad = Map.of("notice", "x", "days",
				List.of(Map.of("date", "2026-10-08", "kind", "WORK"), Map.of("date", "2025-10-01", "kind", "OFF"),
						Map.of("date", "2026-10-01", "kind", "OFF"), Map.of("date", "2026-10-01", "kind", "OFF")));
		Response r = api.put("/api/v1/calendar/years/2026", "admin", bad);
		assertThat(r.status()).isEqualTo(422);
		assertThat(r.json().get("errors")).hasSize(3);
		assertThat(api.get("/api/v1/calendar/years/2026", null).body()).isEqualTo(before.body());
		assertThat(api.put("/api/v1/calendar/years/2026", "admin", "{\"notice\":").status()).isEqualTo(400);
		assertThat(api.put("/api/v1/calendar/years/2026", "admin", Map.of("notice", "", "days", List.of())).status())
			.isEqualTo(400);
	}

	@Test
	void encodedSlashesInAPathAreRefusedAsProblemDetailsNotAServerPage() {
		for (String path : List.of("/api/v1/items/%2e%2e%2fetc", "/api/v1/calendar/years/2026%2F..", "/items/a%2Fb")) {
			Response r = api.get(path, null);
			assertThat(r.status()).as(path).isEqualTo(400);
			assertThat(r.contentType()).as(path).startsWith("application/problem+json");
			// the firewall's refusal names the address, not the body, as the cause
			assertThat(r.json().path("detail").asString()).as(path).isEqualTo("请求地址含有不允许的内容（例如编码的“..”或斜杠、分号），已被拒绝。");
		}
	}

	@Test
	void listsTheLoadedYearsWithTheirNotices() {
		Response r = api.get("/api/v1/calendar/years", null);
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body()).contains("国办发明电〔2024〕12号").contains("2026");
	}

}
