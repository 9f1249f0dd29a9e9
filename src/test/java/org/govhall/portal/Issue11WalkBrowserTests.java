package org.govhall.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.govhall.support.Accessibility;
import org.govhall.support.ApiClient;
import org.govhall.support.Browser;
import org.govhall.support.CaseJourneyContext;
import org.govhall.support.MovableClock;
import org.govhall.support.RequiredMaterials;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * Issue 11's new pages walked as their users walk them, on a 390 px phone in elderly
 * mode, in one browser: a citizen on the guide of a delegated city item for 青川县 (who
 * handles it there), on a GB/T 39046-rich guide (codes, place and hours, FAQ; once in
 * English), on an ex-officio guide (no 在线申请) and on an offline one (apply at a window);
 * the county department admin on 承接情况; the department admin on 首办分派 and on an online
 * case's staff page; the supervisor on the roll-up and a county's tracking; the applicant
 * on the own case page. Every page: nothing wider than the phone, no {@code null}, no raw
 * enum codes, no English in the Chinese pages; axe on the guide, take-up, routing and
 * tracking pages. Screenshots: target/screenshots/issue11-*.png.
 */
@Tag("browser")
@CaseJourneyContext
@ResourceLock(Lanes.IN_PROCESS)
class Issue11WalkBrowserTests {

	/** 企业变更登记 of 北山市, directly delegated to 青川县 and taken on there as 660221-XK-00202. */
	static final String DELEGATED = "660200-XK-00201";

	/**
	 * 食品经营许可 of 示范市: GB/T 39046 elements from demo/items-gbt39046.json (FAQ, hours,
	 * implementing bases).
	 */
	static final String GBT_RICH = "660100-XK-02001";

	/** 对食品经营者的监督检查: enforcement, done ex officio. */
	static final String EX_OFFICIO = "660100-JC-02005";

	/** 土地权属争议行政裁决: applied for, but only at a window. */
	static final String OFFLINE = "660200-CJ-00501";

	static final byte[] PDF = "%PDF-1.4\n%walk material\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

	/** Enum constants that reach templates in issue 11; none may be shown as such. */
	static final Pattern RAW_CODE = Pattern.compile("\\b(?:[A-Z]+_[A-Z_]+|DIRECT|ENTRUSTED|AUTHORIZED|OFFLINE|"
			+ "ACTIVE|PUBLISHED|DRAFT|PENDING|CLOSED|ACCEPTED|RECEIVED)\\b");

	/**
	 * Latin words a Chinese page may show (lower case): names of formats and standards,
	 * the language switch.
	 */
	static final Set<String> LATIN_ALLOWED = Set.of("govhall", "pdf", "english", "openapi", "html", "word", "excel");

	static final Pattern LATIN_WORD = Pattern.compile("\\b[A-Za-z]{3,}\\b");

	@LocalServerPort
	int port;

	@Autowired
	MovableClock.Moving clock;

	String base;

	/**
	 * The case's 查询码, shown on its pages: letters and digits drawn at random, so now and
	 * then all letters, which is a code and not English; it is taken out of the text
	 * before the Latin words are counted.
	 */
	String queryCode = "";

	final List<String> serious = new ArrayList<>();

	/** What a user would trip over, per page: overflow, null, raw codes. */
	final List<String> problems = new ArrayList<>();

	/**
	 * Per Chinese page, the Latin words it shows (printed, and checked against
	 * {@link #LATIN_ALLOWED}).
	 */
	final Map<String, Set<String>> latin = new LinkedHashMap<>();

	@Test
	void issue11PagesReadWellOnAPhoneInElderlyModeForEachOfTheirUsers() throws Exception {
		base = "http://localhost:" + port;
		clock.set("2026-11-10T10:00:00");
		ApiClient api = new ApiClient(port);
		ApiClient.Response submitted = RequiredMaterials.submit(api, api, "applicant", GBT_RICH, PDF);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		String number = submitted.json().get("number").asString();
		queryCode = submitted.json().get("queryCode").asString();
		assertThat(queryCode).isNotBlank();

		try (Browser browser = new Browser()) {
			WebDriver d = browser.driver();
			browser.resize(390, 844);

			// 1. a citizen, signed out, from 青川县
			String text = walk(browser, "01-guide-delegated", "/items/" + DELEGATED + "?county=660221", true);
			assertThat(d.findElement(By.id("your-county")).getText()).contains("您所在的青川县由", "办理");
			assertThat(d.findElements(By.id("apply-in-county"))).hasSize(1);
			assertThat(d.findElements(By.id("apply-online"))).as("the city's button applies to the wrong office")
				.isEmpty();
			assertThat(d.findElement(By.id("your-county")).getRect().getY()).as("seen before scrolling")
				.isLessThan(844);
			assertThat(text).as("石门县 has no counterpart yet").contains("尚未承接");

			text = walk(browser, "02-guide-gbt", "/items/" + GBT_RICH, true);
			assertThat(d.findElement(By.id("implementation-code")).getText()).isNotBlank();
			assertThat(d.findElement(By.id("business-item-code")).getText()).isNotBlank();
			assertThat(d.findElement(By.id("initiation")).getText()).isEqualTo("依申请");
			assertThat(d.findElement(By.id("where-to-go")).getText()).contains("9:00", "地址");
			assertThat(d.findElement(By.id("faq")).getText()).contains("只销售预包装食品");
			look(browser, "02-guide-gbt", "#where-to-go");
			assertThat(d.findElements(By.id("apply-online"))).hasSize(1);

			walk(browser, "03-guide-ex-officio", "/items/" + EX_OFFICIO, false);
			assertThat(d.findElements(By.id("apply-online"))).isEmpty();
			assertThat(d.findElement(By.id("initiation")).getText()).isEqualTo("依职权");
			assertThat(d.findElement(By.id("ex-officio")).getText()).contains("依职权");

			walk(browser, "04-guide-offline", "/items/" + OFFLINE, false);
			assertThat(d.findElements(By.id("apply-online"))).isEmpty();
			assertThat(d.findElement(By.id("apply-window-only")).getText()).contains("窗口");

			d.get(base + "/items/" + GBT_RICH + "?lang=en&elder=on");
			check(browser, "05-guide-gbt-en", false);
			assertThat(d.findElement(By.id("faq")).getText()).contains("pre-packaged food");
			assertThat(d.findElement(By.id("initiation")).getText()).isEqualTo("On application");

			// 2. 青川县's market regulator admin: what the county has taken on
			browser.signIn(base, "deptadmin-qc");
			walk(browser, "06-take-up", "/staff/take-up", true);
			assertThat(d.findElements(By.cssSelector("section.power"))).isNotEmpty();
			look(browser, "06-take-up", "section.power");

			// 3. the city market regulator's admin: first handlers; its approver: the
			// online case
			browser.signIn(base, "deptadmin");
			walk(browser, "07-routing", "/staff/routing", true);
			assertThat(d.findElements(By.cssSelector("#rule-form input[name=mode]:checked"))).hasSize(1);
			look(browser, "07-routing", "#rule-form");
			var first = d.findElement(By.cssSelector("label[for=mode-ROUND_ROBIN]")).getRect();
			var second = d.findElement(By.id("mode-DUTY_CLERK")).getRect();
			assertThat(second.getY()).as("each way of routing on a line of its own")
				.isGreaterThanOrEqualTo(first.getY() + first.getHeight());
			// the case itself is read by its handlers, not by the administrator (issue
			// 12, item 3)
			browser.signIn(base, "approver");
			walk(browser, "08-staff-case", "/staff/cases/" + number, false);
			String handler = d.findElement(By.id("first-handler")).getText();
			assertThat(handler).matches(".+（工号 [A-Za-z0-9-]+）");
			look(browser, "08-staff-case", "#first-handler");

			// 4. the supervisor: the roll-up, then 青川县
			browser.signIn(base, "supervisor");
			walk(browser, "09-delegations-rollup", "/supervision/delegations", true);
			assertThat(d.findElements(By.cssSelector("#rollup-table tr.rollup-county"))).isNotEmpty();
			look(browser, "09-delegations-rollup", "#rollup");
			walk(browser, "10-delegations-county", "/supervision/delegations?county=660221", true);
			assertThat(d.findElement(By.id("h-county")).getText()).contains("青川县");
			assertThat(d.findElements(By.cssSelector("#delegated-powers tbody tr"))).isNotEmpty();
			look(browser, "10-delegations-county", "#delegated-powers");

			// 5. the applicant sees who is responsible, by name and staff number
			browser.signIn(base, "applicant");
			walk(browser, "11-applicant-case", "/cases/" + number, false);
			assertThat(d.findElement(By.id("first-handler")).getText()).isEqualTo(handler).doesNotContain("clerk");
			look(browser, "11-applicant-case", "#first-handler");
		}

		latin.forEach((page, words) -> System.out.println("Latin words on " + page + ": " + words));
		assertThat(problems).as(String.join("\n", problems)).isEmpty();
		assertThat(serious).as(String.join("\n", serious)).isEmpty();
		latin.forEach(
				(page, words) -> assertThat(words).as("English on the Chinese page " + page).isSubsetOf(LATIN_ALLOWED));
	}

	/** Opens the Chinese page in elderly mode and checks it; returns its visible text. */
	String walk(Browser browser, String name, String path, boolean axe) throws Exception {
		browser.driver().get(base + path + (path.contains("?") ? "&" : "?") + "elder=on&lang=zh-CN");
		String text = check(browser, name, axe);
		Set<String> words = new TreeSet<>();
		Matcher m = LATIN_WORD.matcher(queryCode.isEmpty() ? text : text.replace(queryCode, " "));
		while (m.find()) {
			words.add(m.group().toLowerCase(java.util.Locale.ROOT));
		}
		latin.put(name, words);
		return text;
	}

	/**
	 * The part of the page that matters scrolled to the top of the screen, for a second
	 * screenshot.
	 */
	static void look(Browser browser, String name, String css) throws Exception {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()",
				browser.driver().findElement(By.cssSelector(css)));
		browser.screenshot("issue11-" + name + "-detail");
	}

	/**
	 * Nothing wider than the phone, no null, no raw codes, elderly mode on; axe if asked;
	 * a screenshot.
	 */
	String check(Browser browser, String name, boolean axe) throws Exception {
		WebDriver d = browser.driver();
		browser.screenshot("issue11-" + name);
		String classes = d.findElement(By.tagName("body")).getAttribute("class");
		if (classes == null || !classes.contains("elder")) {
			problems.add(name + ": not in elderly mode");
		}
		long overflow = browser.horizontalOverflow();
		if (overflow > 0) {
			problems.add(name + ": " + overflow + " px wider than the phone, because of " + widest(d));
		}
		String text = d.findElement(By.tagName("body")).getText();
		Matcher nulls = Pattern.compile("(?i).{0,20}\\bnull\\b.{0,20}").matcher(text);
		if (nulls.find()) {
			problems.add(name + ": shows null in \"" + nulls.group() + "\"");
		}
		Matcher raw = RAW_CODE.matcher(text);
		while (raw.find()) {
			problems.add(name + ": shows the raw code " + raw.group());
		}
		if (axe) {
			serious.addAll(Accessibility.seriousViolations(d, "issue11-" + name));
		}
		return text;
	}

	/**
	 * The deepest elements reaching past the right edge of the window, or whose text
	 * spills out of them (a long unbreakable word), that no scrolling or clipping box
	 * holds in: what makes the page too wide.
	 */
	static Object widest(WebDriver d) {
		return ((JavascriptExecutor) d).executeScript(
				"""
						const w = document.documentElement.clientWidth;
						const beyond = e => e.getBoundingClientRect().right > w + 1;
						const held = e => {
						  for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
						    if (getComputedStyle(a).overflowX !== 'visible') return true;
						  }
						  return false;
						};
						const spills = e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'
						  && !held(e);
						return Array.from(document.querySelectorAll('body *'))
						  .filter(e => (beyond(e) || spills(e)) && !held(e)
						    && !Array.from(e.children).some(c => (beyond(c) || spills(c)) && !held(c)))
						  .slice(0, 5)
						  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className + ' "'
						    + (e.textContent || '').trim().slice(0, 30) + '" right=' + Math.round(e.getBoundingClientRect().right) + ', content ' + e.scrollWidth + ' px wide');
						""");
	}

}
