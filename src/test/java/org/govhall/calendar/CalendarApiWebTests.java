package org.govhall.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.directory.Users;
import org.govhall.shared.ForbiddenException;
import org.govhall.system.WebEdge;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The calendar API alone (web slice): the real working-day arithmetic of the shipped
 * 2025–2026 schedules behind it, every bad input a 4xx problem in the requester's
 * language, who may load a year, and what reaches the schedules.
 */
@WebMvcTest(controllers = CalendarApi.class)
@Import(WebEdge.class)
@MockitoBean(types = { Directory.class, UserDetailsService.class })
class CalendarApiWebTests {

	static final GovHallUser PROVINCE_ADMIN = Users.staff(1, "admin", "660000", null, Role.SYSTEM_ADMIN);

	static final String YEAR_2027 = """
			{"notice":"国务院办公厅关于2027年部分节假日安排的通知","noticeDate":"2026-11-10",
			 "days":[{"date":"2027-10-01","kind":"OFF","name":"国庆节"},{"date":"2027-10-09","kind":"WORK"}]}
			""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	HolidaySchedules schedules;

	@BeforeEach
	void officialCalendar() {
		given(schedules.calendar()).willReturn(CalendarFixtures.officialCalendar());
	}

	@Test
	void anyoneAddsWorkingDaysAcrossTheNationalDayHoliday() throws Exception {
		mvc.perform(get("/api/v1/calendar/working-days/add").param("from", "2026-09-30").param("days", "5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("2026-09-30"))
			.andExpect(jsonPath("$.days").value(5))
			.andExpect(jsonPath("$.due").value("2026-10-13"));
		mvc.perform(get("/api/v1/calendar/working-days/count").param("from", "2026-09-30").param("to", "2026-10-13"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.workingDays").value(5));
	}

	@Test
	void aYearNotLoadedIs422NamingTheYearInEitherLanguage() throws Exception {
		mvc.perform(get("/api/v1/calendar/working-days/add").param("from", "2028-03-01").param("days", "5"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:govhall:problem:calendar-year-not-loaded"))
			.andExpect(jsonPath("$.title").value("不符合规则"))
			.andExpect(jsonPath("$.detail").value(containsString("2028 年的节假日安排尚未载入")));
		mvc.perform(get("/api/v1/calendar/working-days/add").param("from", "2028-03-01")
			.param("days", "5")
			.header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(header().string("Content-Language", "en"))
			.andExpect(jsonPath("$.detail").value(containsString("2028")))
			.andExpect(jsonPath("$.detail").value(not(containsString("节假日"))));
	}

	@Test
	void aDayCountOutOfRangeIs400NamingTheParameter() throws Exception {
		mvc.perform(get("/api/v1/calendar/working-days/add").param("from", "2026-10-01").param("days", "-1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:govhall:problem:invalid-input"))
			.andExpect(jsonPath("$.title").value("请求有误"))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("days"));
		mvc.perform(get("/api/v1/calendar/working-days/add").param("from", "2026-10-01")
			.param("days", "3651")
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Bad request"))
			.andExpect(jsonPath("$.errors[0].field").value("days"));
	}

	@Test
	void aMalformedOrMissingParameterIs400NeverA500() throws Exception {
		mvc.perform(get("/api/v1/calendar/working-days/add").param("from", "2026-13-01").param("days", "5"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("参数“from”的格式不正确。"));
		mvc.perform(get("/api/v1/calendar/working-days/add").param("from", "2026-10-01")
			.param("days", "x")
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Parameter \"days\" has the wrong format."));
		mvc.perform(get("/api/v1/calendar/working-days/count").param("from", "2026-10-01"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("to")));
		mvc.perform(get("/api/v1/calendar/years/twenty")).andExpect(status().isBadRequest());
	}

	@Test
	void anonymousVisitorsReadTheYearsButMayNotLoadOne() throws Exception {
		given(schedules.years()).willReturn(List.of(new YearSummary(2026, "国办发明电〔2025〕7号", LocalDate.of(2025, 11, 4),
				28, 6, "admin", Instant.parse("2025-11-05T02:00:00Z"))));
		mvc.perform(get("/api/v1/calendar/years"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].year").value(2026));
		mvc.perform(put("/api/v1/calendar/years/2027").contentType(MediaType.APPLICATION_JSON).content(YEAR_2027))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Basic")))
			.andExpect(jsonPath("$.title").value("需要登录"));
		verify(schedules).years();
		verifyNoMoreInteractions(schedules);
	}

	@Test
	void theYearGoesToTheSchedulesWithTheSignedInAdministrator() throws Exception {
		given(schedules.saveYear(any(), any())).willAnswer(a -> a.getArgument(0));
		mvc.perform(put("/api/v1/calendar/years/2027").with(user(PROVINCE_ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.content(YEAR_2027))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.year").value(2027))
			.andExpect(jsonPath("$.days", hasSize(2)));
		ArgumentCaptor<YearSchedule> year = ArgumentCaptor.forClass(YearSchedule.class);
		verify(schedules).saveYear(year.capture(), eq(PROVINCE_ADMIN));
		assertThat(year.getValue().days()).containsExactly(
				new SpecialDay(LocalDate.of(2027, 10, 1), DayKind.OFF, "国庆节"),
				new SpecialDay(LocalDate.of(2027, 10, 9), DayKind.WORK, null));
	}

	@Test
	void aRefusalOfTheSchedulesIs403InTheRequestersLanguage() throws Exception {
		GovHallUser cityAdmin = Users.staff(2, "admin-bs", "660200", null, Role.SYSTEM_ADMIN);
		given(schedules.saveYear(any(), any())).willThrow(new ForbiddenException("error.forbidden.role"));
		mvc.perform(put("/api/v1/calendar/years/2027").with(user(cityAdmin))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(YEAR_2027))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Not allowed"))
			.andExpect(jsonPath("$.detail").value("Your role does not allow this action."));
	}

	@Test
	void anInvalidScheduleIs400ListingEachFieldAndNeverReachesTheSchedules() throws Exception {
		mvc.perform(put("/api/v1/calendar/years/2027").with(user(PROVINCE_ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"notice":" ","days":[{"date":"2027-10-01"},{"kind":"OFF","date":"2027-10-02","name":"%s"}]}
					""".formatted("节".repeat(51))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:govhall:problem:invalid-input"))
			.andExpect(jsonPath("$.errors", hasSize(3)))
			.andExpect(jsonPath("$.errors[?(@.field == 'notice')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'days[0].kind')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'days[1].name')]").exists());
		mvc.perform(put("/api/v1/calendar/years/2027").with(user(PROVINCE_ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"notice\":\"x\",\"days\":[{\"date\":\"2027-10-01\",\"kind\":\"HOLIDAY\"}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:govhall:problem:malformed-body"));
		verifyNoInteractions(schedules);
	}

}
