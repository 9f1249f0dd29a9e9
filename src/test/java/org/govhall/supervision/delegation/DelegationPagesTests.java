package org.govhall.supervision.delegation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.govhall.directory.Directory;
import org.govhall.documents.Documents;
import org.govhall.directory.GovHallUser;
import org.govhall.support.GovHallTest;
import org.govhall.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The tracking page of 青川县 in Chinese and English (with the threshold stated, the flags
 * as text badges, no inline style or script), and the printable PDF report whose
 * extracted text carries the county and the figures of the fixture of
 * {@link DelegationTrackingTests}.
 */
@GovHallTest
class DelegationPagesTests {

	private static final Pattern INLINE_STYLE = Pattern.compile(" style=\"|<style", Pattern.CASE_INSENSITIVE);

	private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=\\s*\"", Pattern.CASE_INSENSITIVE);

	static final String PAGE = "/supervision/delegations";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	DelegationReport report;

	@Autowired
	DelegationTracking tracking;

	@Autowired
	MovableClock.Moving clock;

	@Autowired
	Documents documents;

	@BeforeEach
	void fixture() {
		clock.set("2026-06-30T10:00:00");
		DelegationTrackingTests.insert(jdbc);
	}

	@AfterEach
	void cleanUp() {
		DelegationTrackingTests.delete(jdbc);
	}

	GovHallUser as(String username) {
		return directory.principal(username).orElseThrow();
	}

	MockHttpServletResponse page(String username, String lang, String... params) throws Exception {
		var request = get(PAGE).param("lang", lang).accept(MediaType.TEXT_HTML).with(user(as(username)));
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	static String row(String html, String item) {
		int start = html.indexOf("data-item=\"" + item + "\"");
		assertThat(start).as("row of " + item).isPositive();
		return html.substring(start, html.indexOf("</tr>", start));
	}

	@Test
	void theChinesePageShowsEachPowerWithItsFiguresFlagsAndTheThreshold() throws Exception {
		MockHttpServletResponse r = page("supervisor", "zh-CN", "county", "660221", "from", "2026-01-01", "to",
				"2026-06-30");
		assertThat(r.getStatus()).isEqualTo(200);
		String html = r.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("扩权强县跟踪督查", "青川县（660221）", "统计期间：2026-01-01 至 2026-06-30", "超过 50%。<",
				"title=\"govhall.supervision.delegation.above-share\"", "2025-12-31 至 2026-06-30",
				"共 4 项下放权力；下放不到位 0 项，放而不用 0 项，未承接 2 项。", "id=\"rule-not-taken-on\"");
		assertThat(html).contains(
				"href=\"/supervision/delegations/660221/report.pdf?from=2026-01-01&amp;to=2026-06-30\"", "打印报告 (PDF)");
		String food = row(html, DelegationTrackingTests.FOOD);
		assertThat(food).contains("食品经营许可", "北山市行政审批服务局", "2025-07-01", "北政发〔2025〕7号", "直接下放",
				DelegationTrackingTests.COUNTY_FOOD, ">4<", ">2<", "66.7%", "33.3%", "按期 1 / 办结 3", "2026-06-01", "正常",
				"另有 1 件经上级不予受理并告知向有权机关申请，不计入");
		assertThat(food).doesNotContain("flag-not-in-practice", "flag-unused", "flag-not-taken-on");
		String change = row(html, DelegationTrackingTests.CHANGE);
		assertThat(change).contains("企业变更登记", "北政发〔2026〕2号", DelegationTrackingTests.COUNTY_CHANGE, "企业变更登记（青川县承接）",
				"青川县市场监督管理局", ">3<", "50%", "生效未满 6 个月");
		assertThat(change).doesNotContain("flag-unused", "flag-not-in-practice", "flag-not-taken-on");
		String invest = row(html, DelegationTrackingTests.INVEST);
		assertThat(invest).contains("企业投资项目核准", "示政发〔2025〕12号", "未指定承接事项", "flag-not-taken-on", "未承接");
		assertThat(invest).doesNotContain("flag-not-in-practice", "flag-unused", "放而不用");
		String labour = row(html, DelegationTrackingTests.LABOUR);
		assertThat(labour).contains("flag-not-taken-on", "县（区）登记尚未承接：", "预计 2027-06-30 前承接");
		assertThat(html).contains("58.3%");
		assertThat(html).doesNotContainPattern(INLINE_STYLE)
			.doesNotContainPattern(INLINE_SCRIPT)
			.doesNotContainPattern(INLINE_HANDLER);
		assertThat(html).contains("class=\"stack\"", "data-label=\"本地办理占比\"");
	}

	@Test
	void theEnglishPageSaysTheSame() throws Exception {
		String html = page("supervisor", "en", "county", "660221", "from", "2026-01-01", "to", "2026-06-30")
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("Delegated-power tracking", "Qingchuan County (660221)",
				"Period: 2026-01-01 to 2026-06-30", "more than 50%", "Food Business License", "Print the report (PDF)",
				"4 delegated powers; 0 not delegated in practice, 0 delegated but unused, 2 not taken on.");
		assertThat(row(html, DelegationTrackingTests.CHANGE))
			.contains("Enterprise Change Registration (Qingchuan County)");
		assertThat(row(html, DelegationTrackingTests.LABOUR)).contains("Not taken on (未承接)", "expected by 2027-06-30");
		assertThat(row(html, DelegationTrackingTests.INVEST)).contains("No counterpart item named");
	}

	@Test
	void withoutACountyThePageOffersThePickerOfTheCountiesInScope() throws Exception {
		String all = page("supervisor", "zh-CN").getContentAsString(StandardCharsets.UTF_8);
		assertThat(all).contains("id=\"delegation-picker\"", "value=\"660102\"", "value=\"660121\"", "value=\"660221\"",
				"value=\"660222\"", "value=\"2026-01-01\"", "value=\"2026-06-30\"");
		assertThat(all).doesNotContain("id=\"delegated-powers\"");
		// the roll-up of the province: each city with its counties, and the province's
		// total
		assertThat(all).contains("id=\"rollup-table\"", "示范市合计", "北山市合计", "示范省合计",
				"href=\"/supervision/delegations?county=660221&amp;from=2026-01-01&amp;to=2026-06-30\"");
		String qingchuan = all.substring(all.indexOf("class=\"rollup-county\" data-region=\"660221\""));
		qingchuan = qingchuan.substring(0, qingchuan.indexOf("</tr>"));
		assertThat(qingchuan).contains("青川县", "class=\"powers\">4<", "class=\"county-received\">7<",
				"class=\"above-received\">5<", "58.3%", "class=\"not-taken-on\">2<");
		String beishan = page("supervisor-bs", "zh-CN").getContentAsString(StandardCharsets.UTF_8);
		assertThat(beishan).contains("value=\"660221\"", "value=\"660222\"").doesNotContain("value=\"660121\"");
		assertThat(beishan).contains("北山市合计").doesNotContain("示范市合计", "示范省合计");
		String english = page("supervisor", "en").getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("By city and county", "Beishan City total", "Demo Province total",
				"Qingchuan County");
	}

	@Test
	void othersAreRefused() throws Exception {
		assertThat(page("clerk", "zh-CN").getStatus()).isEqualTo(403);
		assertThat(page("deptadmin-qc", "zh-CN", "county", "660221").getStatus()).isEqualTo(403);
		assertThat(page("supervisor-bs", "zh-CN", "county", "660121").getStatus()).isEqualTo(403);
		assertThat(page("supervisor", "zh-CN", "county", "669999").getStatus()).isEqualTo(404);
		assertThat(page("supervisor", "zh-CN", "county", "660200").getStatus()).isEqualTo(400);
		assertThat(mvc.perform(get("/supervision/delegations/660221/report.pdf").with(user(as("clerk"))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'export.%' AND actor = 'clerk'")
			.query(Long.class)
			.single()).as("a refused export leaves no export row").isZero();
		assertThat(mvc.perform(get(PAGE)).andReturn().getResponse().getStatus()).isEqualTo(302);
	}

	@Test
	void theReportIsAPdfWithTheCountyAndItsFiguresAsRealChineseText() throws Exception {
		MockHttpServletResponse r = mvc
			.perform(get("/supervision/delegations/660221/report.pdf").param("from", "2026-01-01")
				.param("to", "2026-06-30")
				.param("lang", "zh-CN")
				.with(user(as("supervisor"))))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).isEqualTo(200);
		assertThat(r.getContentType()).isEqualTo("application/pdf");
		assertThat(r.getHeader("Content-Disposition")).contains("delegations-660221-2026-01-01-2026-06-30.pdf");
		// a data export in the audit log: who took which county's report for which period
		assertThat(jdbc.sql("""
				SELECT actor || ' ' || actor_role || ' ' || subject || ' ' || detail FROM audit_entry
				WHERE action = 'export.delegation-report' ORDER BY id
				""").query(String.class).list())
			.contains("supervisor SUPERVISOR 660221 file=delegations-660221-2026-01-01-2026-06-30.pdf");
		byte[] pdf = r.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			// table cells wrap long names onto the next line: compare the text with all
			// white space taken out
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
			assertThat(text).contains("扩权强县跟踪督查报告", "青川县", "660221", "统计期间：2026-01-01至2026-06-30", "食品经营许可",
					"北山市行政审批服务局", "北政发〔2025〕7号", "660221-XK-00201", "企业变更登记", "企业投资项目核准", "劳务派遣经营许可", "66.7%", "33.3%",
					"58.3%", "未承接", "放而不用", "超过50%", "共4项下放权力；下放不到位0项，放而不用0项，未承接2项。", "660221-XK-00202",
					"企业变更登记（青川县承接）");
			assertThat(doc.getDocumentInformation().getTitle()).contains("扩权强县跟踪督查报告", "青川县");
		}
	}

	@Test
	void theEnglishReportIsWellFormedXhtmlTypesetInEnglish() throws Exception {
		DelegationOverview o = tracking.track(as("supervisor"), DelegationTrackingTests.COUNTY, "2026-01-01",
				"2026-06-30");
		String xhtml = report.xhtml(o, Locale.ENGLISH);
		javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
		f.setNamespaceAware(true);
		org.w3c.dom.Document dom = f.newDocumentBuilder()
			.parse(new java.io.ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
		assertThat(dom.getDocumentElement().getAttribute("lang")).isEqualTo("en");
		assertThat(xhtml).contains("govhall-cjk", "Delegated-power tracking report", "Qingchuan County")
			.doesNotContain("xmlns:th", "th:text");
		try (PDDocument doc = Loader.loadPDF(report.pdf(o, Locale.ENGLISH))) {
			assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", "")).contains("QingchuanCounty", "66.7%",
					"北政发〔2025〕7号");
		}
	}

	/**
	 * The report read as an image: the position of every glyph and every vertical cell
	 * border on every page, in both languages. No two glyphs may overlap and no border
	 * may cut through a glyph, which a code, a date or an English word too wide for its
	 * column does as it runs into the next cell (the report before issue 11 failed this).
	 */
	@Test
	void noTextOfTheReportOverlapsOtherTextInEitherLanguage() throws Exception {
		DelegationOverview o = tracking.track(as("supervisor"), DelegationTrackingTests.COUNTY, "2026-01-01",
				"2026-06-30");
		for (Locale locale : new Locale[] { Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH }) {
			try (PDDocument doc = Loader.loadPDF(report.pdf(o, locale))) {
				List<PdfTextBoxes.Box> boxes = PdfTextBoxes.of(doc);
				String text = boxes.stream().map(PdfTextBoxes.Box::text).collect(Collectors.joining());
				assertThat(text).as(locale.toString()).contains("660221-XK-00202", "2026-06-01", "66.7%");
				assertThat(PdfTextBoxes.overlaps(boxes, 0.5f)).as(locale.toString()).isEmpty();
				// and no text runs out of its table cell across a border
				List<PdfRules.Rule> rules = PdfRules.of(doc);
				assertThat(rules).as("the table's cell borders").hasSizeGreaterThan(20);
				assertThat(PdfRules.crossings(boxes, rules, 0.2f)).as(locale.toString()).isEmpty();
			}
		}
	}

	/**
	 * The roll-up prints too: each city's total with its counties and the province's
	 * total, as real Chinese text, recorded as an export, and read as an image like the
	 * county's report (no glyph over another, no border through one) in both languages. A
	 * clerk may not have it.
	 */
	@Test
	void theRollUpPrintsAsAPdfWhoseColumnsFit() throws Exception {
		String html = page("supervisor", "zh-CN", "from", "2026-01-01", "to", "2026-06-30")
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("id=\"rollup-report-link\"",
				"href=\"/supervision/delegations/report.pdf?from=2026-01-01&amp;to=2026-06-30\"");
		MockHttpServletResponse r = mvc
			.perform(get("/supervision/delegations/report.pdf").param("from", "2026-01-01")
				.param("to", "2026-06-30")
				.param("lang", "zh-CN")
				.with(user(as("supervisor"))))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).isEqualTo(200);
		assertThat(r.getContentType()).isEqualTo("application/pdf");
		assertThat(r.getHeader("Content-Disposition")).contains("delegations-rollup-660000-2026-01-01-2026-06-30.pdf");
		assertThat(jdbc.sql("""
				SELECT actor || ' ' || subject || ' ' || detail FROM audit_entry
				WHERE action = 'export.delegation-rollup' ORDER BY id
				""").query(String.class).list())
			.contains("supervisor 660000 file=delegations-rollup-660000-2026-01-01-2026-06-30.pdf");
		try (PDDocument doc = Loader.loadPDF(r.getContentAsByteArray())) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
			assertThat(text).contains("扩权强县跟踪督查汇总报告", "统计期间：2026-01-01至2026-06-30", "北山市合计", "青川县", "660221", "示范省合计",
					"58.3%");
			assertThat(doc.getDocumentInformation().getTitle()).contains("扩权强县跟踪督查汇总报告");
		}
		DelegationRollup rollup = tracking.rollup(as("supervisor"), "2026-01-01", "2026-06-30");
		for (Locale locale : new Locale[] { Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH }) {
			try (PDDocument doc = Loader.loadPDF(report.pdf(rollup, locale))) {
				List<PdfTextBoxes.Box> boxes = PdfTextBoxes.of(doc);
				String text = boxes.stream().map(PdfTextBoxes.Box::text).collect(Collectors.joining());
				assertThat(text).as(locale.toString()).contains("660221", "58.3%");
				assertThat(PdfTextBoxes.overlaps(boxes, 0.5f)).as(locale.toString()).isEmpty();
				List<PdfRules.Rule> rules = PdfRules.of(doc);
				assertThat(rules).as("the table's cell borders").hasSizeGreaterThan(20);
				assertThat(PdfRules.crossings(boxes, rules, 0.2f)).as(locale.toString()).isEmpty();
			}
		}
		assertThat(mvc.perform(get("/supervision/delegations/report.pdf").with(user(as("clerk"))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void theOverlapCheckFindsTextPrintedOverText() throws Exception {
		// two paragraphs pulled onto the same line: the check must see it
		String xhtml = """
				<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title>
				<style>body { font-family: 'govhall-cjk'; } p { margin: 0; } .up { margin-top: -1.2em; }</style>
				</head><body><p>660221-XK-00202 青川县</p><p class="up">2026-06-01 北山市</p></body></html>""";
		try (PDDocument doc = Loader.loadPDF(documents.renderReport(xhtml))) {
			assertThat(PdfTextBoxes.overlaps(PdfTextBoxes.of(doc), 0.5f)).isNotEmpty();
		}
	}

	@Test
	void aReportThatDoesNotUseTheChineseFontIsRefused() {
		assertThatThrownBy(() -> documents.renderReport(
				"<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body><p>青川县</p></body></html>"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("govhall-cjk");
	}

}
