package org.govhall.supervision.dashboards;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.directory.Users;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.InvalidInputException;
import org.govhall.system.WebEdge;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard API alone (web slice), the dashboards and their exports mocked: the
 * drill-down parameters reach the dashboards as given, JSON unless an Excel workbook is
 * preferred, and bad dates, unknown tables and the dashboards' refusals are problems in
 * the requester's language.
 */
@WebMvcTest(controllers = DashboardApi.class)
@Import(WebEdge.class)
@MockitoBean(types = { Directory.class, UserDetailsService.class })
class DashboardApiWebTests {

	static final GovHallUser SUPERVISOR = Users.staff(41, "supervisor", "660000", null, Role.SUPERVISOR);

	static final DashboardTrend EMPTY = new DashboardTrend(
			new DashboardPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 9, 30)), List.of(), List.of());

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Dashboards dashboards;

	@MockitoBean
	DashboardExports exports;

	@Test
	void theTrendIsJsonUnlessAWorkbookIsPreferred() throws Exception {
		Dashboards.Request request = new Dashboards.Request("660100", null, null, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 9, 30), null);
		given(dashboards.trend(SUPERVISOR, request, Locale.CHINA)).willReturn(EMPTY);
		given(exports.trend(EMPTY, SUPERVISOR, Locale.CHINA))
			.willReturn(ResponseEntity.ok().contentType(DashboardWorkbook.XLSX).body(new byte[] { 'P', 'K' }));
		mvc.perform(get("/api/v1/supervision/dashboard/trend").with(user(SUPERVISOR))
			.header("Accept-Language", "zh-CN")
			.param("region", "660100")
			.param("from", "2026-01-01")
			.param("to", "2026-09-30"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.period.to").value("2026-09-30"));
		verifyNoInteractions(exports);
		mvc.perform(get("/api/v1/supervision/dashboard/trend").with(user(SUPERVISOR))
			.header("Accept-Language", "zh-CN")
			.accept("application/json;q=0.5, " + DashboardWorkbook.XLSX_VALUE)
			.param("region", "660100")
			.param("from", "2026-01-01")
			.param("to", "2026-09-30"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(DashboardWorkbook.XLSX))
			.andExpect(content().bytes(new byte[] { 'P', 'K' }));
		verify(exports).trend(EMPTY, SUPERVISOR, Locale.CHINA);
	}

	@Test
	void aMalformedDateOrAnUnknownTableIs400NeverReachingTheDashboards() throws Exception {
		mvc.perform(get("/api/v1/supervision/dashboard").with(user(SUPERVISOR)).param("from", "2026-02-30"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("参数“from”的格式不正确。"));
		mvc.perform(get("/api/v1/supervision/dashboard").with(user(SUPERVISOR)).param("figure", "EVERYTHING"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/supervision/dashboard/export").with(user(SUPERVISOR)).param("table", "PEOPLE"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("参数“table”的格式不正确。"));
		mvc.perform(get("/api/v1/supervision/dashboard/export").with(user(SUPERVISOR)).header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Parameter \"table\" is missing."));
		verifyNoInteractions(dashboards, exports);
	}

	@Test
	void theDashboardsRefusalsAreProblemsInTheRequestersLanguage() throws Exception {
		given(dashboards.report(any(), eq(new Dashboards.Request("6601", null, null, null, null, null)), any()))
			.willThrow(new InvalidInputException("invalid-input", "error.regionCode.invalid", "region"));
		given(dashboards.report(any(), eq(new Dashboards.Request("660200", null, null, null, null, null)), any()))
			.willThrow(new ForbiddenException("error.forbidden.scope"));
		mvc.perform(get("/api/v1/supervision/dashboard").with(user(SUPERVISOR)).param("region", "6601"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("region"))
			.andExpect(jsonPath("$.detail").value("行政区划代码应为 6 位数字。"));
		mvc.perform(get("/api/v1/supervision/dashboard").with(user(SUPERVISOR))
			.param("region", "6601")
			.header("Accept-Language", "en")).andExpect(jsonPath("$.detail").value("A region code has six digits."));
		mvc.perform(get("/api/v1/supervision/dashboard").with(user(SUPERVISOR)).param("region", "660200"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("该操作超出您的管辖范围（地区或部门）。"));
		mvc.perform(get("/api/v1/supervision/dashboard")).andExpect(status().isUnauthorized());
	}

}
