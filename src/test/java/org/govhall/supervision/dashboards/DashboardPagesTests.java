package org.govhall.supervision.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The dashboard page in Chinese and English at each level of the drill-down: figures,
 * links one level down and back up, Excel exports, the charts' script from the bundled
 * webjar, and nothing inline that the CSP would block.
 */
class DashboardPagesTests extends DashboardTests {

	static final String PERIOD = "from=" + FROM + "&to=" + TO;

	MockHttpServletResponse page(String username, String query) throws Exception {
		return mvc.perform(get("/supervision/dashboard?" + query).with(user(as(username)))).andReturn().getResponse();
	}

	String html(String username, String query) throws Exception {
		MockHttpServletResponse response = page(username, query);
		String html = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(html).isEqualTo(200);
		return html;
	}

	/** The text of the element with that id, tags stripped and blanks collapsed. */
	static String textOf(String html, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>(.*?)</dd>", Pattern.DOTALL).matcher(html);
		assertThat(m.find()).as(id).isTrue();
		return m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
	}

	@Test
	void theProvinceInChineseAndEnglish() throws Exception {
		String zh = html("supervisor", PERIOD + "&lang=zh-CN");
		assertThat(zh).contains("<title>监察统计", "示范市", "北山市", "本级部门", "月度趋势", "导出 Excel", "指标说明");
		// the summary of the province: 10 received, 7 completed, 5/7 on time
		assertThat(textOf(zh, "sum-received")).isEqualTo("10");
		assertThat(textOf(zh, "sum-completed")).isEqualTo("7");
		assertThat(textOf(zh, "sum-on-time-rate")).isEqualTo("71.4%");
		assertThat(textOf(zh, "sum-overdue")).isEqualTo("4 超时办结 2，在办超期 2");
		// each city links one level down, keeping the period
		assertThat(zh).contains("href=\"/supervision/dashboard?from=2019-03-01&amp;to=2019-05-31&amp;region=660100\"");
		assertThat(zh)
			.contains("href=\"/supervision/dashboard?from=2019-03-01&amp;to=2019-05-31&amp;department=660000-SCJG\"");
		assertThat(zh).contains(
				"href=\"/supervision/dashboard/export?from=2019-03-01&amp;to=2019-05-31&amp;region=660000&amp;table=REGIONS\"");
		assertThat(zh).contains("table=TREND", "<th scope=\"row\" data-label=\"月份\">2019-04</th>");
		// the charts read the tables: a row's figures ride on data attributes
		assertThat(zh.replaceAll("\\s+", " ")).contains("<tr data-code=\"660100\" data-name=\"示范市\" "
				+ "data-received=\"7\" data-completed=\"6\" data-rate=\"83.3300\">");
		// ECharts from the bundled webjar, at its versioned path
		assertThat(zh).containsPattern("<script src=\"/webjars/echarts/[0-9.]+/dist/echarts.min.js\" defer>");
		// our own files by content-hash URLs (ADR 0015)
		assertThat(zh).containsPattern("src=\"/js/dashboard-[0-9a-f]{32}\\.js\"")
			.containsPattern("href=\"/css/dashboard-[0-9a-f]{32}\\.css\"");

		String en = html("supervisor", PERIOD + "&lang=en");
		assertThat(en).contains("<title>Supervision dashboard", "Demo City", "Beishan City", "Export to Excel",
				"Monthly trend", "What the figures mean");
		assertThat(textOf(en, "sum-on-time-rate")).isEqualTo("71.4%");
		assertThat(textOf(en, "sum-overdue")).isEqualTo("4 completed late 2, open and red 2");
	}

	@Test
	void drillingDownFromCityToDepartmentToItemToTheCases() throws Exception {
		String city = html("supervisor", PERIOD + "&region=660100&lang=zh-CN");
		assertThat(city).contains("东湖县", "城关区", "示范市市场监督管理局");
		assertThat(city)
			.contains("<a href=\"/supervision/dashboard?from=2019-03-01&amp;to=2019-05-31&amp;region=660000\">示范省</a>");
		assertThat(city)
			.contains("href=\"/supervision/dashboard?from=2019-03-01&amp;to=2019-05-31&amp;department=660100-SCJG\"");

		String department = html("supervisor", PERIOD + "&department=660100-SCJG&lang=zh-CN");
		assertThat(department).contains("食品经营许可", "企业注销登记", "table=ITEMS");
		assertThat(department).contains("href=\"/supervision/dashboard?from=2019-03-01&amp;to=2019-05-31"
				+ "&amp;department=660100-SCJG&amp;item=660100-XK-02001\"");

		String item = html("supervisor", PERIOD + "&department=660100-SCJG&item=660100-XK-02001&lang=zh-CN");
		assertThat(item).contains("href=\"/cases/" + number(2) + "\"", "href=\"/cases/" + number(6) + "\"");
		assertThat(item).doesNotContain(number(12));
		assertThat(item).contains("table=CASES", "期内受理或办结", "超期件");

		String overdue = html("supervisor", PERIOD + "&department=660100-SCJG&item=660100-XK-02001&figure=OVERDUE");
		assertThat(overdue).contains(number(2), number(4)).doesNotContain(number(1), number(6));
		// the period form keeps the item and the figure
		assertThat(overdue).contains("name=\"item\" value=\"660100-XK-02001\"", "name=\"figure\" value=\"OVERDUE\"");

		String en = html("supervisor", PERIOD + "&department=660100-SCJG&item=660100-XK-02001&lang=en");
		assertThat(en).contains("Food Business License", "Counted overdue", "At a window");
	}

	@Test
	void aDepartmentAdministratorSeesTheOwnDepartmentOnly() throws Exception {
		String own = html("deptadmin", PERIOD);
		assertThat(own).contains("示范市市场监督管理局", "食品经营许可").doesNotContain("北山市");
		assertThat(page("deptadmin", PERIOD + "&region=660100").getStatus()).isEqualTo(403);
		assertThat(page("deptadmin", PERIOD + "&department=660100-GAJ").getStatus()).isEqualTo(403);
		assertThat(page("clerk", PERIOD).getStatus()).isEqualTo(403);
		assertThat(page("supervisor-bs", PERIOD + "&region=660100").getStatus()).isEqualTo(403);
	}

	@Test
	void badInputIsRefusedOnThePage() throws Exception {
		MockHttpServletResponse badDate = mvc
			.perform(get("/supervision/dashboard?from=yesterday").accept("text/html").with(user(as("supervisor"))))
			.andReturn()
			.getResponse();
		assertThat(badDate.getStatus()).isEqualTo(400);
		assertThat(page("supervisor", "region=669999").getStatus()).isEqualTo(404);
	}

	@Test
	void thePageExportsEachTableAndPassesTheContentSecurityPolicy() throws Exception {
		MockHttpServletResponse export = mvc
			.perform(get("/supervision/dashboard/export?table=DEPARTMENTS&region=660100&" + PERIOD)
				.with(user(as("supervisor"))))
			.andReturn()
			.getResponse();
		assertThat(export.getStatus()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.getContentAsByteArray()))) {
			assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("本级部门");
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("名称");
		}

		MockHttpServletResponse page = page("supervisor", PERIOD + "&elder=on");
		String html = page.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page.getHeader("Content-Security-Policy")).contains("script-src 'self'", "style-src 'self'");
		assertThat(html).contains("<body class=\"elder\">");
		assertThat(html).doesNotContain(" style=", "<style", "javascript:", " onclick=");
		Matcher scripts = Pattern.compile("<script[^>]*>").matcher(html);
		int count = 0;
		while (scripts.find()) {
			assertThat(scripts.group()).contains(" src=\"");
			count++;
		}
		assertThat(count).isGreaterThanOrEqualTo(4);

		for (String asset : new String[] { "/webjars/echarts/dist/echarts.min.js", "/js/dashboard.js",
				"/css/dashboard.css" }) {
			MockHttpServletResponse r = mvc.perform(get(asset)).andReturn().getResponse();
			assertThat(r.getStatus()).as(asset).isEqualTo(200);
			assertThat(r.getContentAsByteArray()).as(asset).isNotEmpty();
		}
	}

}
