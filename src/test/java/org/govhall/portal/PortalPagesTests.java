package org.govhall.portal;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.govhall.catalog.Catalog;
import org.govhall.catalog.CatalogFixtures;
import org.govhall.catalog.ItemStatus;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.support.GovHallTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The public portal's pages: language and elderly mode, search, guides, errors, security
 * headers and login.
 */
@GovHallTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalPagesTests {

	/**
	 * A licence of 示范市市场监督管理局 delegated to 东湖县, published through the catalog's own
	 * steps.
	 */
	static final String ITEM = "P-FOOD-LICENCE";

	static final String ITEM_NAME = "食品经营许可（门户测试）";

	private static final Pattern INLINE_STYLE = Pattern.compile(" style=\"", Pattern.CASE_INSENSITIVE);

	private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=\\s*\"", Pattern.CASE_INSENSITIVE);

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	Directory directory;

	@BeforeAll
	void publishAnItem() {
		GovHallUser deptadmin = directory.principal("deptadmin").orElseThrow();
		GovHallUser legal = directory.principal("legal").orElseThrow();
		catalog.createItem(ITEM, CatalogFixtures.CITY_MARKET_REGULATION,
				CatalogFixtures.licensingItem()
					.nameZh(ITEM_NAME)
					.nameEn("Food business licence (portal test)")
					.delegatedTo(CatalogFixtures.DONGHU_COUNTY)
					.build(),
				deptadmin);
		catalog.submit(ITEM, deptadmin);
		catalog.approve(ITEM, legal);
	}

	@Test
	void showsTheHomePageInChineseByDefault() throws Exception {
		MockHttpServletResponse page = perform(get("/"));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
		assertThat(page.getContentAsString()).contains("<html lang=\"zh-CN\"", "示范省", "办事，从这里开始");
	}

	@Test
	void switchesToEnglishAndRemembersTheChoiceInACookie() throws Exception {
		MockHttpServletResponse page = perform(get("/").param("lang", "en"));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString())
			.contains("<html lang=\"en\"", "Demo Province", "Start here to get things done")
			.doesNotContain("办事，从这里开始");
		assertThat(page.getHeaders("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("govhall-lang=en;"));

		assertThat(perform(get("/").cookie(new Cookie("govhall-lang", "en"))).getContentAsString())
			.contains("Start here to get things done");
		assertThat(perform(get("/").header("Accept-Language", "en-US,en;q=0.9")).getContentAsString())
			.contains("Start here to get things done");
		MockHttpServletResponse back = perform(
				get("/").param("lang", "zh-CN").cookie(new Cookie("govhall-lang", "en")));
		assertThat(back.getContentAsString()).contains("办事，从这里开始");
		assertThat(back.getHeaders("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("govhall-lang=zh-CN;"));
	}

	@Test
	void switchesToElderlyModeAndRemembersItInACookie() throws Exception {
		MockHttpServletResponse page = perform(get("/").param("elder", "on"));

		assertThat(page.getHeaders("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("govhall-elder=on;"));
		assertThat(page.getContentAsString()).containsPattern("<body[^>]*class=\"[^\"]*\\belder\\b");

		assertThat(perform(get("/items").cookie(new Cookie("govhall-elder", "on"))).getContentAsString())
			.containsPattern("<body[^>]*class=\"[^\"]*\\belder\\b");
		assertThat(perform(get("/")).getContentAsString()).doesNotContainPattern("<body[^>]*class=\"[^\"]*\\belder\\b");
		assertThat(
				perform(get("/").param("elder", "off").cookie(new Cookie("govhall-elder", "on"))).getContentAsString())
			.doesNotContainPattern("<body[^>]*class=\"[^\"]*\\belder\\b");
	}

	@Test
	void findsAnItemOnTheSearchPage() throws Exception {
		MockHttpServletResponse page = perform(get("/items").param("q", "门户测试"));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("<html", "href=\"/items/" + ITEM + "\"", ITEM_NAME, "共找到 1 个事项");
		assertThat(perform(get("/items").param("region", "660121")).getContentAsString())
			.contains("href=\"/items/" + ITEM + "\"");
		assertThat(perform(get("/items").param("q", "没有这种事项")).getContentAsString()).contains("没有找到符合条件的事项");
	}

	@Test
	void searchPutsTheFoodLicenceBeforeFoodEnforcementAndToleratesATypoAndPinyin() throws Exception {
		String page = perform(get("/items").param("q", "食品")).getContentAsString();

		assertThat(firstResult(page)).isEqualTo("食品经营许可");
		int lastLicence = page.lastIndexOf(">食品经营许可<");
		assertThat(page.indexOf("对未取得食品经营许可从事食品经营活动的行政处罚")).isGreaterThan(lastLicence);
		assertThat(page.indexOf("查封、扣押不符合食品安全标准的食品")).isGreaterThan(lastLicence);
		assertThat(page.indexOf("对食品经营者的监督检查")).isGreaterThan(lastLicence);
		assertThat(firstResult(perform(get("/items").param("q", "食品经营许课")).getContentAsString())).isEqualTo("食品经营许可");
		assertThat(perform(get("/items").param("q", "营业执召")).getContentAsString()).contains(">企业设立登记<");
		assertThat(perform(get("/items").param("q", "食")).getContentAsString()).doesNotContain(">企业设立登记<");

		MockHttpServletResponse api = perform(get("/api/v1/items").param("q", "shipin jingying").param("size", "2"));
		assertThat(api.getStatus()).isEqualTo(200);
		JsonNode json = JsonMapper.builder().build().readTree(api.getContentAsString());
		assertThat(json.get("items").get(0).get("nameZh").asString()).isEqualTo("食品经营许可");
		assertThat(json.get("items")).hasSize(2);
		assertThat(json.get("total").asLong()).as("all food licences, the portal test's and the inspection")
			.isGreaterThan(2);
	}

	@Test
	void searchFindsAnItemByPinyinOnceItIsPublishedAndNoLongerOnceItIsEnded() throws Exception {
		assertThat(perform(get("/items").param("q", "gangchuangjian")).getContentAsString()).contains("没有找到符合条件的事项");
		GovHallUser deptadmin = directory.principal("deptadmin").orElseThrow();
		catalog.createItem("P-SEARCH-NEW", CatalogFixtures.CITY_MARKET_REGULATION,
				CatalogFixtures.licensingItem().nameZh("刚创建的许可（门户测试）").build(), deptadmin);
		catalog.submit("P-SEARCH-NEW", deptadmin);
		catalog.approve("P-SEARCH-NEW", directory.principal("legal").orElseThrow());

		assertThat(perform(get("/items").param("q", "gangchuangjian")).getContentAsString())
			.contains("href=\"/items/P-SEARCH-NEW\"");
		assertThat(perform(get("/items").param("q", "gcjdxk")).getContentAsString())
			.contains("href=\"/items/P-SEARCH-NEW\"");

		catalog.end("P-SEARCH-NEW", ItemStatus.ABOLISHED, java.time.LocalDate.of(2026, 1, 5), "示政发〔2026〕1号", null,
				directory.principal("admin").orElseThrow());
		assertThat(perform(get("/items").param("q", "gangchuangjian")).getContentAsString()).contains("没有找到符合条件的事项");
	}

	@Test
	void answersAnHtmxSearchWithTheResultsFragmentOnly() throws Exception {
		MockHttpServletResponse fragment = perform(get("/items").param("q", "门户测试").header("HX-Request", "true"));

		assertThat(fragment.getStatus()).isEqualTo(200);
		assertThat(fragment.getContentAsString()).contains("id=\"results\"", "href=\"/items/" + ITEM + "\"")
			.doesNotContain("<html", "<head", "<header", "<footer");
	}

	@Test
	void showsTheGuideWithLegalBasisMaterialsAndDelegations() throws Exception {
		MockHttpServletResponse page = perform(get("/items/" + ITEM));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains(ITEM_NAME, "设定依据", "《中华人民共和国食品安全法》 第三十五条", "申请材料", "食品经营许可申请书",
				"委托书", "委托他人办理的", "东湖县：已直接下放", "但东湖县尚未承接，目前仍由", "示政发〔2025〕12号", "20 个工作日", "10 个工作日");
		assertThat(perform(get("/items/" + ITEM).param("lang", "en")).getContentAsString()).contains(
				"Food business licence (portal test)", "Donghu County: delegated (from",
				"but Donghu County has not yet taken it on");
		assertThat(perform(get("/items/" + ITEM + "/versions")).getContentAsString()).contains("第 1 版");
	}

	@Test
	void theGuideSaysWhereAndWhenToGoAndItsMaterialsStackOnAPhone() throws Exception {
		String guide = perform(get("/items/660100-XK-02001")).getContentAsString();
		// the hall of 示范市 whose enterprise window receives 市场监督管理局, with its address and
		// opening hours
		assertThat(guide)
			.contains("id=\"where-to-go\"", "办理地点和时间", "示范市政务服务中心", "示范市城关区市民大道88号", "周一至周五 9:00-12:00",
					"0660-68012345", "B01 号 企业开办综合窗口")
			.doesNotContain("工程建设项目审批综合窗口");
		assertThat(guide).contains("<table class=\"stack\" id=\"guide-materials\">", "data-label=\"材料名称\"");
		assertThat(perform(get("/items/660100-XK-02001").param("lang", "en")).getContentAsString())
			.contains("Where and when to go", "Monday to Friday 9:00-12:00", "No. B01");
	}

	@Test
	void theGuideOffersTheBlankFormAndAFilledInSampleForDownloadWithoutLogin() throws Exception {
		String guide = perform(get("/items/660100-XK-02001")).getContentAsString();
		assertThat(guide).contains("下载空白表格", "查看填写样例", "aria-label=\"下载空白表格：食品经营许可申请书\"");
		String template = fileLink(guide, "template-link");
		String sample = fileLink(guide, "sample-link");

		MockHttpServletResponse blank = perform(get(template));
		assertThat(blank.getStatus()).isEqualTo(200);
		assertThat(blank.getContentType()).as("the mock adds the charset it was read with")
			.startsWith("application/pdf");
		String disposition = blank.getHeader(HttpHeaders.CONTENT_DISPOSITION);
		assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''");
		assertThat(ContentDisposition.parse(disposition).getFilename()).isEqualTo("食品经营许可申请书（空白表格）.pdf");
		assertThat(pdfText(blank.getContentAsByteArray()))
			.contains("食品经营许可申请书", "空白表格", "申请事项：食品经营许可", "示范市市场监督管理局", "统一社会信用代码", "经营场所")
			.doesNotContain("好味道");

		MockHttpServletResponse filled = perform(get(sample));
		assertThat(ContentDisposition.parse(filled.getHeader(HttpHeaders.CONTENT_DISPOSITION)).getFilename())
			.isEqualTo("食品经营许可申请书（填写样例）.pdf");
		assertThat(pdfText(filled.getContentAsByteArray())).contains("填写样例", "示范市城关区好味道餐饮有限公司", "热食类食品制售");

		for (String item : List.of("660221-XK-00101", "660121-GF-00101", "660102-GF-00101", "660200-XK-00102")) {
			String other = perform(get("/items/" + item)).getContentAsString();
			assertThat(perform(get(fileLink(other, "template-link"))).getStatus()).as(item).isEqualTo(200);
			assertThat(perform(get(fileLink(other, "sample-link"))).getStatus()).as(item).isEqualTo(200);
		}
		assertThat(perform(get("/items/660100-XK-02001").param("lang", "en")).getContentAsString())
			.contains("Download the blank form", "See a filled-in sample");
	}

	@Test
	void answersAnUnknownItemWithTheHtmlErrorPage() throws Exception {
		MockHttpServletResponse page = perform(get("/items/NO-SUCH-ITEM").accept(MediaType.TEXT_HTML));

		assertThat(page.getStatus()).isEqualTo(404);
		assertThat(page.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
		assertThat(page.getContentAsString()).contains("<html", "未找到", "事项 NO-SUCH-ITEM 不存在或尚未公布。")
			.doesNotContain("Exception", "at org.");
	}

	@Test
	void sendsAContentSecurityPolicyThatAllowsOnlyOwnScripts() throws Exception {
		for (String path : List.of("/", "/items", "/items/" + ITEM, "/login", "/api/v1/items")) {
			String csp = perform(get(path)).getHeader("Content-Security-Policy");
			assertThat(csp).as(path).isNotNull().contains("script-src 'self'").doesNotContain("unsafe-inline");
		}
	}

	@Test
	void servesNoPageWithInlineStylesOrScripts() throws Exception {
		for (String path : List.of("/", "/?lang=en", "/?elder=on", "/items", "/items?q=%E8%AE%B8%E5%8F%AF",
				"/items?type=ADMINISTRATIVE_LICENSE&region=660100", "/items/" + ITEM, "/items/" + ITEM + "?lang=en",
				"/items/" + ITEM + "/versions", "/items/" + ITEM + "/versions/1", "/departments", "/halls", "/login",
				"/login?error", "/login?wait=30", "/items/NO-SUCH-ITEM")) {
			MockHttpServletResponse page = perform(get(path).accept(MediaType.TEXT_HTML));
			String html = page.getContentAsString();
			assertThat(html).as(path).contains("<html");
			assertThat(html).as("inline style on %s", path).doesNotContainPattern(INLINE_STYLE);
			assertThat(html).as("inline script on %s", path).doesNotContainPattern(INLINE_SCRIPT);
			assertThat(html).as("inline event handler on %s", path).doesNotContainPattern(INLINE_HANDLER);
		}
	}

	@Test
	void refusesALogoutWithoutCsrfToken() throws Exception {
		assertThat(perform(post("/logout")).getStatus()).isEqualTo(403);
		assertThat(perform(post("/logout").with(csrf())).getStatus()).isEqualTo(302);
	}

	@Test
	void slowsGuessesFromOneAddressButLocksNobody() throws Exception {
		String username = "t-lockout";
		String password = "right-password-1";
		MockHttpServletResponse opened = perform(post("/api/v1/accounts").with(httpBasic("admin", "govhall-demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username": "%s", "password": "%s", "displayName": "锁定测试", "roles": ["APPLICANT"]}
					""".formatted(username, password)));
		assertThat(opened.getStatus()).as(opened.getContentAsString()).isEqualTo(201);

		assertThat(login(username, password).getRedirectedUrl()).isEqualTo("/staff");
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(login(username, "wrong-password").getRedirectedUrl()).as("attempt %d", attempt)
				.isEqualTo("/login?error");
		}

		// this address must wait a second before its next try; the account is not locked
		// for anyone
		assertThat(login(username, password).getRedirectedUrl()).isEqualTo("/login?wait=1");
		assertThat(perform(get("/login").param("wait", "1")).getContentAsString()).contains("请 1 秒后再试");
		assertThat(perform(get("/login").param("wait", "<b>soon</b>")).getContentAsString()).doesNotContain("秒后再试",
				"soon");
		assertThat(
				perform(post("/login").param("username", username).param("password", password).with(csrf()).with(r -> {
					r.setRemoteAddr("10.77.0.1");
					return r;
				})).getRedirectedUrl())
			.as("the owner elsewhere")
			.isEqualTo("/staff");
		MockHttpServletResponse api = perform(get("/api/v1/accounts").with(httpBasic(username, password)).with(r -> {
			r.setRemoteAddr("10.77.0.2");
			return r;
		}));
		assertThat(api.getStatus()).isEqualTo(403);
		assertThat(login("deptadmin", "govhall-demo").getRedirectedUrl()).as("other accounts").isEqualTo("/staff");
	}

	@Test
	void aHostileQueryIsNotEchoedIntoTheLanguageLinks() throws Exception {
		String hostile = "A".repeat(3000);
		String page = perform(get("/login?wait=" + hostile)).getContentAsString();
		assertThat(page).contains("name=\"_csrf\"").doesNotContain(hostile);
		assertThat(perform(get("/items?q=portal")).getContentAsString())
			.contains("href=\"/items?q=portal&amp;lang=en\"");
	}

	private MockHttpServletResponse login(String username, String password) throws Exception {
		MockHttpServletResponse response = perform(
				post("/login").param("username", username).param("password", password).with(csrf()));
		assertThat(response.getStatus()).isEqualTo(302);
		return response;
	}

	private static String fileLink(String page, String kind) {
		java.util.regex.Matcher m = Pattern
			.compile("class=\"button secondary file-link " + kind + "\" href=\"([^\"]+)\"")
			.matcher(page);
		assertThat(m.find()).as(kind).isTrue();
		return m.group(1);
	}

	private static String pdfText(byte[] pdf) throws java.io.IOException {
		try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
		}
	}

	private static String firstResult(String page) {
		java.util.regex.Matcher m = Pattern.compile("<a class=\"name\" href=\"[^\"]+\">([^<]+)</a>").matcher(page);
		assertThat(m.find()).as("a result").isTrue();
		return m.group(1);
	}

	private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		response.setCharacterEncoding("UTF-8");
		return response;
	}

}
