package org.govhall.supervision.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.govhall.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboards over REST with HTTP Basic: JSON of every table and of the trend, Excel
 * workbooks opened back with POI, and problem details for what is refused.
 */
class DashboardApiTests extends DashboardTests {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final JsonMapper JSON = JsonMapper.builder().build();

	MockHttpServletResponse call(String user, String path, String... headers) throws Exception {
		MockHttpServletRequestBuilder request = get(path).with(httpBasic(user, ApiClient.DEMO_PASSWORD));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	JsonNode json(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("application/json");
		return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	static XSSFWorkbook workbook(MockHttpServletResponse response) throws IOException {
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo(XLSX);
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment").contains(".xlsx");
		return new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()));
	}

	static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		row.forEach(c -> texts.add(c.getCellType() == CellType.STRING ? c.getStringCellValue() : ""));
		return texts;
	}

	static Row rowNamed(Sheet sheet, String first) {
		for (Row row : sheet) {
			if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
					&& row.getCell(0).getStringCellValue().equals(first)) {
				return row;
			}
		}
		throw new AssertionError("no row " + first + " in " + sheet.getSheetName());
	}

	@Test
	void theTableAndTheTrendAreJson() throws Exception {
		JsonNode province = json(call("supervisor", "/api/v1/supervision/dashboard?from=" + FROM + "&to=" + TO));

		assertThat(province.get("level").asString()).isEqualTo("REGION");
		assertThat(province.get("period").get("from").asString()).isEqualTo(FROM);
		assertThat(province.get("total").get("name").asString()).isEqualTo("示范省");
		JsonNode total = province.get("total").get("figures");
		// the figures DashboardFiguresTests computes by hand for the province
		assertThat(total.get("received").asLong()).isEqualTo(10);
		assertThat(total.get("completed").asLong()).isEqualTo(7);
		assertThat(total.get("onTimeRate").decimalValue()).isEqualByComparingTo("0.7143");
		assertThat(total.get("compressionRatio").decimalValue()).isEqualByComparingTo("0.5230");
		assertThat(total.get("overdue").asLong()).isEqualTo(4);
		assertThat(province.get("regions").get(0).get("code").asString()).isEqualTo("660100");
		assertThat(province.get("regions").get(0).get("figures").get("received").asLong()).isEqualTo(7);
		assertThat(province.get("departments").toString()).contains("660000-SCJG");

		JsonNode department = json(
				call("supervisor", "/api/v1/supervision/dashboard?department=" + SCJG + "&from=" + FROM + "&to=" + TO,
						"Accept-Language", "en"));
		assertThat(department.get("level").asString()).isEqualTo("DEPARTMENT");
		JsonNode food = null;
		for (JsonNode item : department.get("items")) {
			if (item.get("code").asString().equals(FOOD)) {
				food = item;
			}
		}
		assertThat(food).isNotNull();
		assertThat(food.get("name").asString()).isEqualTo("Food Business License");
		assertThat(food.get("figures").get("onTimeRate").decimalValue()).isEqualByComparingTo("0.6667");
		// nothing promised for 企业设立登记, so no compression ratio
		for (JsonNode item : department.get("items")) {
			if (item.get("code").asString().equals(ENTERPRISE)) {
				assertThat(item.get("figures").get("compressionRatio").isNull()).isTrue();
			}
		}

		JsonNode cases = json(call("supervisor", "/api/v1/supervision/dashboard?department=" + SCJG + "&item=" + FOOD
				+ "&figure=OVERDUE&from=" + FROM + "&to=" + TO));
		assertThat(cases.get("level").asString()).isEqualTo("ITEM");
		assertThat(cases.get("cases")).hasSize(2);
		assertThat(cases.get("cases").get(0).get("caseNumber").asString()).isEqualTo(number(4));
		assertThat(cases.get("cases").get(1).get("receivedOn").asString()).isEqualTo("2019-03-10");
		assertThat(cases.get("cases").get(1).get("overdue").asBoolean()).isTrue();

		JsonNode trend = json(call("supervisor", "/api/v1/supervision/dashboard/trend?from=" + FROM + "&to=" + TO));
		assertThat(trend.get("months")).hasSize(3);
		assertThat(trend.get("months").get(1).get("month").asString()).isEqualTo("2019-04");
		assertThat(trend.get("months").get(1).get("figures").get("received").asLong()).isEqualTo(3);
		assertThat(trend.get("months").get(2).get("figures").get("overdue").asLong()).isEqualTo(3);
	}

	@Test
	void everyTableExportsToAWorkbookWithAHeaderRowInTheRequestersLanguage() throws Exception {
		String period = "&from=" + FROM + "&to=" + TO;
		List<String> exportedBefore = exports("supervisor");
		try (XSSFWorkbook zh = workbook(
				call("supervisor", "/api/v1/supervision/dashboard/export?table=REGIONS" + period))) {
			assertThat(zh.getNumberOfSheets()).isEqualTo(1);
			Sheet sheet = zh.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("下级地区");
			assertThat(texts(sheet.getRow(0))).startsWith("名称", "代码", "受理量", "办结量", "按时办结量", "按时办结率");
			Row city = sheet.getRow(1);
			assertThat(city.getCell(0).getStringCellValue()).isEqualTo("示范市");
			assertThat(city.getCell(1).getStringCellValue()).isEqualTo("660100");
			// received 7, completed 6, on time 5 (5/6 = 0.8333, shown as a percentage)
			assertThat(city.getCell(2).getNumericCellValue()).isEqualTo(7.0);
			assertThat(city.getCell(3).getNumericCellValue()).isEqualTo(6.0);
			assertThat(city.getCell(4).getNumericCellValue()).isEqualTo(5.0);
			assertThat(city.getCell(5).getNumericCellValue()).isEqualTo(0.8333);
			assertThat(city.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			Row total = sheet.getRow(3);
			assertThat(total.getCell(0).getStringCellValue()).isEqualTo("全辖合计 · 示范省");
			assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(10.0);
			assertThat(sheet.getRow(4)).isNull();
		}
		try (XSSFWorkbook en = workbook(call("supervisor",
				"/api/v1/supervision/dashboard/export?table=REGIONS" + period, "Accept-Language", "en"))) {
			Sheet sheet = en.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("Child regions");
			assertThat(texts(sheet.getRow(0))).startsWith("Name", "Code", "Received", "Completed");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Beishan City");
			assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(2.0);
		}

		// Accept: xlsx on the table itself gives every table of its level; an average
		// with none to take stays empty
		try (XSSFWorkbook department = workbook(
				call("supervisor", "/api/v1/supervision/dashboard?department=" + SCJG + period, "Accept", XLSX))) {
			Sheet items = department.getSheet("事项");
			assertThat(items).isNotNull();
			Row food = rowNamed(items, "食品经营许可");
			assertThat(food.getCell(2).getNumericCellValue()).isEqualTo(4.0);
			Row enterprise = rowNamed(items, "企业设立登记");
			int compression = texts(items.getRow(0)).indexOf("承诺时限压缩比");
			assertThat(enterprise.getCell(compression).getCellType()).isEqualTo(CellType.BLANK);
		}

		try (XSSFWorkbook cases = workbook(
				call("supervisor", "/api/v1/supervision/dashboard/export?table=CASES&department=" + SCJG + "&item="
						+ FOOD + "&figure=COMPLETED" + period))) {
			Sheet sheet = cases.getSheet("办件");
			assertThat(texts(sheet.getRow(0))).startsWith("办件编号", "状态", "申请渠道");
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			Row late = sheet.getRow(1);
			assertThat(late.getCell(0).getStringCellValue()).isEqualTo(number(2));
			assertThat(late.getCell(1).getStringCellValue()).isEqualTo("已决定");
			assertThat(late.getCell(2).getStringCellValue()).isEqualTo("窗口受理");
			Cell received = late.getCell(5);
			assertThat(DateUtil.isCellDateFormatted(received)).isTrue();
			assertThat(received.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2019, 3, 10));
			assertThat(late.getCell(8).getNumericCellValue()).isEqualTo(14.0);
			assertThat(late.getCell(15).getStringCellValue()).isEqualTo("是");
		}

		try (XSSFWorkbook trend = workbook(call("supervisor",
				"/api/v1/supervision/dashboard/trend" + "?from=" + FROM + "&to=" + TO, "Accept", XLSX))) {
			Sheet sheet = trend.getSheet("月度趋势");
			assertThat(texts(sheet.getRow(0))).startsWith("月份", "受理量", "办结量");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("2019-04");
			assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(3.0);
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
		}

		// every download is a data export in the audit log: who, which scope, which file
		List<String> exported = exports("supervisor");
		assertThat(exported.subList(exportedBefore.size(), exported.size())).containsExactly(
				"660000 file=dashboard-regions-660000-" + FROM + "-" + TO + ".xlsx",
				"660000 file=dashboard-regions-660000-" + FROM + "-" + TO + ".xlsx",
				SCJG + " file=dashboard-" + SCJG + "-" + FROM + "-" + TO + ".xlsx",
				FOOD + " file=dashboard-cases-" + FOOD + "-" + FROM + "-" + TO + ".xlsx",
				"660000 file=dashboard-trend-660000-" + FROM + "-" + TO + ".xlsx");
	}

	/** The user's data exports in the audit log: "subject detail", oldest first. */
	List<String> exports(String user) {
		return jdbc.sql("""
				SELECT subject, detail FROM audit_entry WHERE action = 'export.dashboard-workbook' AND actor = :user
				ORDER BY id
				""")
			.param("user", user)
			.query((rs, n) -> rs.getString("subject") + " " + rs.getString("detail"))
			.list();
	}

	@Test
	void refusalsAreProblemDetails() throws Exception {
		MockHttpServletResponse elsewhere = call("supervisor-bs", "/api/v1/supervision/dashboard?region=660100");
		assertThat(elsewhere.getStatus()).isEqualTo(403);
		assertThat(elsewhere.getContentType()).startsWith("application/problem+json");
		assertThat(elsewhere.getContentAsString(StandardCharsets.UTF_8)).contains("urn:govhall:problem:forbidden");

		// also when a workbook was asked for, and a refused export is not recorded as one
		List<String> exportedBefore = exports("deptadmin");
		MockHttpServletResponse workbook = call("deptadmin",
				"/api/v1/supervision/dashboard/export?table=ITEMS" + "&department=660100-GAJ", "Accept", XLSX);
		assertThat(workbook.getStatus()).isEqualTo(403);
		assertThat(workbook.getContentType()).startsWith("application/problem+json");
		assertThat(exports("deptadmin")).isEqualTo(exportedBefore);

		assertThat(call("clerk", "/api/v1/supervision/dashboard").getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/api/v1/supervision/dashboard")).andReturn().getResponse().getStatus())
			.isEqualTo(401);

		MockHttpServletResponse badDate = call("supervisor", "/api/v1/supervision/dashboard?from=2019-13-01");
		assertThat(badDate.getStatus()).isEqualTo(400);
		assertThat(badDate.getContentType()).startsWith("application/problem+json");
		assertThat(badDate.getContentAsString(StandardCharsets.UTF_8)).contains("from");

		MockHttpServletResponse reversed = call("supervisor",
				"/api/v1/supervision/dashboard/trend?from=2019-06-01&to=2019-05-31", "Accept-Language", "en");
		assertThat(reversed.getStatus()).isEqualTo(400);
		assertThat(reversed.getContentType()).startsWith("application/problem+json");
		assertThat(JSON.readTree(reversed.getContentAsString(StandardCharsets.UTF_8)).get("detail").asString())
			.isEqualTo("The period starts on 2019-06-01, after its end on 2019-05-31.");

		MockHttpServletResponse unknown = call("supervisor", "/api/v1/supervision/dashboard?region=669999");
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(unknown.getContentType()).startsWith("application/problem+json");
		assertThat(JSON.readTree(unknown.getContentAsString(StandardCharsets.UTF_8)).get("detail").asString())
			.contains("669999");

		MockHttpServletResponse badTable = call("supervisor", "/api/v1/supervision/dashboard/export?table=NOPE");
		assertThat(badTable.getStatus()).isEqualTo(400);
		assertThat(call("supervisor", "/api/v1/supervision/dashboard?region=6601").getStatus()).isEqualTo(400);
	}

	@Test
	void theApiIsDocumented() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(docs).contains("/api/v1/supervision/dashboard", "/api/v1/supervision/dashboard/trend",
				"/api/v1/supervision/dashboard/export", "The dashboard table at one level of the drill-down");
	}

}
