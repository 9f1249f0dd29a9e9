package org.govhall.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.govhall.support.ApiClient;
import org.govhall.support.Browser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * The electronic-supervision workbench in a real browser, through the pages only once the
 * case is red: a food licence received online on 2026-09-30 and left alone is found red
 * on 2026-10-14 by the nightly run, which gives 示范市市场监督管理局 a yellow card. The supervisor
 * finds the case in the red list, reads its timeline and issues a supervision notice
 * (督办), then opens the card; the department head answers it; the supervisor accepts the
 * answer and the card is closed. The supervisor then drills down the dashboard from the
 * province to the city, the department and the item and finds the case behind the item's
 * figures, the received count equal to the cases listed behind it. The browser console
 * must stay free of errors (CSP violations included) throughout. Screenshots go to
 * target/screenshots/supervision-*.png and dashboard-&lt;n&gt;-*.png.
 *
 * <p>
 * The context is the one of every {@link SupervisionScenario}, so it is shared with the
 * other supervision tests in a full run; cases and cards of those tests may be in the
 * same lists, so every assertion picks this test's own case and card.
 */
@Tag("browser")
@ResourceLock(Lanes.IN_PROCESS)
class SupervisionBrowserTests extends SupervisionScenario {

	static final String FOOD_NAME = "食品经营许可";

	static final String SCJG = "660100-SCJG";

	static final String SCJG_NAME = "示范市市场监督管理局";

	String base;

	@Test
	void aRedCaseIsNoticedCardedAnsweredAndAcceptedInTheWorkbenchAndFoundAgainBehindTheDashboardFigures()
			throws Exception {
		base = "http://localhost:" + port;
		// found red by the nightly run at 10:00, the time the pages below show
		String number = redFoodCase("2026-10-14T10:00:00");
		// times of day shown on the pages, checked to the end of the journey and reported
		// together
		SoftAssertions localTimes = new SoftAssertions();

		try (Browser browser = new Browser()) {
			WebDriver d = browser.driver();
			consoleIsWatched(d);

			// 1. the supervisor finds the case among the red ones, reads its timeline and
			// issues a notice
			signIn(browser, "supervisor");
			d.get(base + "/supervision");
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("supervised-cases")));
			assertThat(d.findElement(By.cssSelector("#tab-cases")).getAttribute("aria-current")).isEqualTo("page");
			assertThat(d.findElement(By.cssSelector("nav.tabs.sub a[aria-current='page']")).getText()).isEqualTo("超期");
			WebElement row = d.findElement(By.cssSelector("#supervised-cases tr[data-number='" + number + "']"));
			assertThat(row.getAttribute("data-warning")).isEqualTo("RED");
			assertThat(row.findElement(By.cssSelector("span.badge.clock-status.st-OVERDUE")).getText())
				.isEqualTo("红色超期");
			assertThat(row.getText()).contains(FOOD, SCJG_NAME, "2026-10-13", "超期 1 个工作日", "已发牌");
			scrollTo(d, row);
			browser.screenshot("supervision-1-red");
			noConsoleErrors(d, "the red list");

			row.findElement(By.linkText(number)).click();
			browser.waiting().until(ExpectedConditions.urlToBe(base + "/supervision/cases/" + number));
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
			assertThat(d.findElement(By.id("case-number")).getText()).isEqualTo(number);
			assertThat(d.findElement(By.id("case-warning")).getText()).isEqualTo("红色超期");
			List<WebElement> steps = d.findElements(By.cssSelector("#timeline tbody tr"));
			assertThat(steps).extracting(s -> s.getAttribute("data-action")).containsExactly("RECEIVED");
			// received 09-30 10:00, still there on 10-14 10:00
			assertThat(steps.get(0).getText()).contains("收件", "张三", "14 天 0 小时", "至今");
			localTimes.assertThat(steps.get(0).findElement(By.tagName("td")).getText())
				.as("time of the case's step on the timeline, in Asia/Shanghai")
				.isEqualTo("2026-09-30 10:00");
			assertThat(d.findElements(By.id("sub-clocks"))).isEmpty();
			assertThat(d.findElement(By.id("case-cards")).getText()).contains("黄牌", "待答复");
			assertThat(d.findElements(By.cssSelector("#case-notices li"))).isEmpty();

			d.findElement(By.id("demand")).sendKeys("请于3个工作日内说明该件逾期未受理的原因，并立即受理。");
			WebElement days = d.findElement(By.id("responseDays"));
			days.clear();
			days.sendKeys("3");
			submit(browser, By.cssSelector("#notice-form button[type='submit']"));
			assertThat(d.findElement(By.cssSelector(".notice.ok")).getText()).isEqualTo("督办单已发出。");
			List<WebElement> notices = d.findElements(By.cssSelector("#case-notices li"));
			assertThat(notices).hasSize(1);
			// 3 working days after Wed 10-14: 15, 16 and Mon 19
			LocalDate responseDue = LocalDate.of(2026, 10, 19);
			assertThat(addWorkingDays("2026-10-14", 3)).isEqualTo(responseDue);
			assertThat(notices.get(0).getText()).matches("DB-2026-\\d+ 待答复 · 答复期限 " + responseDue);
			browser.screenshot("supervision-1-timeline");
			show(d, "h-notices");
			browser.screenshot("supervision-1-notice");
			noConsoleErrors(d, "the case timeline and its notice");

			// 2. back to the workbench by the breadcrumb: the department's yellow card
			// for the case is in the cards tab
			d.findElement(By.cssSelector("#main p.meta a[href='/supervision']")).click();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("tab-cards"))).click();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cards")));
			List<WebElement> cards = d.findElements(By.cssSelector("#cards tbody tr"))
				.stream()
				.filter(r -> r.getText().contains(number))
				.toList();
			assertThat(cards).as("open cards of %s", number).hasSize(1);
			WebElement cardRow = cards.get(0);
			assertThat(cardRow.getAttribute("data-colour")).isEqualTo("YELLOW");
			assertThat(cardRow.getAttribute("data-status")).isEqualTo("ISSUED");
			assertThat(cardRow.getText()).contains("黄牌", "办件超期", SCJG_NAME, "2026-10-14", "2026-10-21", "待答复");
			String card = cardRow.getAttribute("data-card");
			assertThat(card).startsWith("YC-2026-");
			cardRow.findElement(By.linkText(card)).click();
			browser.waiting().until(ExpectedConditions.urlToBe(base + "/supervision/cards/" + card));
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("card-status")));
			assertThat(d.findElement(By.id("card-colour")).getText()).isEqualTo("黄牌");
			assertThat(d.findElement(By.id("card-status")).getText()).isEqualTo("待答复");
			assertThat(d.findElement(By.id("h-card")).findElement(By.xpath("..")).getText()).contains("办件超期",
					"2026-10-13", number, SCJG_NAME, "2026-10-14 · 系统", "660100");
			assertThat(d.findElement(By.id("answer-due")).getText()).isEqualTo("2026-10-21");
			// the supervisor does not answer, and there is nothing to review yet
			assertThat(d.findElements(By.id("answer-form"))).isEmpty();
			assertThat(d.findElements(By.id("review-form"))).isEmpty();
			browser.screenshot("supervision-2-card");
			noConsoleErrors(d, "the card page");
			signOut(browser);

			// 3. the department head answers the card
			signIn(browser, "deptadmin");
			d.get(base + "/supervision/cards");
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cards")));
			d.findElement(By.cssSelector("#cards tr[data-card='" + card + "']")).findElement(By.linkText(card)).click();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("answer-form")));
			assertThat(d.findElements(By.id("review-form"))).isEmpty();
			String explanation = "国庆假期后网上申请积压，窗口未在受理期限内审查该件。";
			String rectification = "当日受理该件；网上申请改为每日专人审查，科长每日核对超期预警。";
			d.findElement(By.id("explanation")).sendKeys(explanation);
			d.findElement(By.id("rectification")).sendKeys(rectification);
			submit(browser, By.cssSelector("#answer-form button[type='submit']"));
			assertThat(d.findElement(By.cssSelector(".notice.ok")).getText()).isEqualTo("答复已提交，等待监察机关审核。");
			assertThat(d.findElement(By.id("card-status")).getText()).isEqualTo("待审核");
			assertThat(d.findElement(By.id("card-explanation")).getText()).isEqualTo(explanation);
			assertThat(d.findElement(By.id("h-answer")).findElement(By.xpath("..")).getText()).contains(rectification,
					"孙管理 2026-10-14");
			assertThat(d.findElements(By.id("answer-form"))).isEmpty();
			assertThat(d.findElements(By.id("review-form"))).isEmpty();
			browser.screenshot("supervision-3-answered");
			noConsoleErrors(d, "the department's answer");
			signOut(browser);

			// 4. the supervisor accepts the answer
			signIn(browser, "supervisor");
			d.get(base + "/supervision/cards/" + card);
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("review-form")));
			assertThat(d.findElement(By.id("card-status")).getText()).isEqualTo("待审核");
			d.findElement(By.id("comment")).sendKeys("答复属实，整改措施可行。");
			submit(browser, By.id("accept-answer"));
			assertThat(d.findElement(By.cssSelector(".notice.ok")).getText()).isEqualTo("答复已通过，监察牌已办结。");
			assertThat(d.findElement(By.id("card-status")).getText()).isEqualTo("已办结");
			assertThat(d.findElements(By.id("review-form"))).isEmpty();
			List<WebElement> history = d.findElements(By.cssSelector("#card-history li"));
			assertThat(history).extracting(h -> h.getAttribute("data-action"))
				.containsExactly("ISSUED", "ANSWERED", "ACCEPTED");
			assertThat(history).extracting(h -> h.findElement(By.tagName("strong")).getText())
				.containsExactly("发出", "部门答复", "审核通过");
			assertThat(history.get(1).getText()).contains("孙管理");
			assertThat(history.get(2).getText()).contains("吴监察");
			// the nightly run issued it, the answer and the review came at 10:00 on the
			// same day (the clock stood still)
			localTimes.assertThat(history)
				.extracting(h -> h.findElement(By.tagName("span")).getText())
				.as("times of the card's history, in Asia/Shanghai")
				.containsExactly("2026-10-14 10:00", "2026-10-14 10:00", "2026-10-14 10:00");
			show(d, "h-history");
			browser.screenshot("supervision-4-accepted");
			noConsoleErrors(d, "the accepted card");
			// the closed card has left the open cards and is among all of them
			d.get(base + "/supervision/cards");
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("tab-cards")));
			assertThat(d.findElements(By.cssSelector("tr[data-card='" + card + "']"))).isEmpty();
			d.get(base + "/supervision/cards?all=true");
			assertThat(d.findElement(By.cssSelector("tr[data-card='" + card + "']")).getAttribute("data-status"))
				.isEqualTo("ACCEPTED");

			// 5. the dashboard, from the province down to the cases behind the item
			d.findElement(By.id("tab-dashboard")).click();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard-regions")));
			chartsDrawn(browser);
			assertThat(d.findElement(By.id("dashboard-scope")).getText()).isEqualTo("示范省");
			// without dates: the calendar year to today
			assertThat(d.findElement(By.id("from")).getAttribute("value")).isEqualTo("2026-01-01");
			assertThat(d.findElement(By.id("to")).getAttribute("value")).isEqualTo("2026-10-14");
			long provinceReceived = Long.parseLong(d.findElement(By.id("sum-received")).getText());
			browser.screenshot("dashboard-1-province");
			noConsoleErrors(d, "the province dashboard");

			WebElement city = d.findElement(By.cssSelector("#dashboard-regions tr[data-code='660100'] th a"));
			assertThat(city.getText()).isEqualTo("示范市");
			long cityRowReceived = Long
				.parseLong(d.findElement(By.cssSelector("#dashboard-regions tr[data-code='660100']"))
					.getAttribute("data-received"));
			city.click();
			browser.waiting().until(ExpectedConditions.textToBe(By.id("dashboard-scope"), "示范市"));
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard-departments")));
			chartsDrawn(browser);
			assertThat(Long.parseLong(d.findElement(By.id("sum-received")).getText())).isEqualTo(cityRowReceived)
				.isLessThanOrEqualTo(provinceReceived);
			browser.screenshot("dashboard-2-city");
			noConsoleErrors(d, "the city dashboard");

			WebElement department = d
				.findElement(By.cssSelector("#dashboard-departments tr[data-code='" + SCJG + "'] th a"));
			assertThat(department.getText()).isEqualTo(SCJG_NAME);
			department.click();
			browser.waiting().until(ExpectedConditions.textToBe(By.id("dashboard-scope"), SCJG_NAME));
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard-items")));
			chartsDrawn(browser);
			WebElement itemRow = d.findElement(By.cssSelector("#dashboard-items tr[data-code='" + FOOD + "']"));
			// the received cell as shown (the first figure column), and the attribute the
			// chart reads
			long itemReceived = Long.parseLong(itemRow.findElements(By.cssSelector("td.num")).get(0).getText());
			assertThat(Long.parseLong(itemRow.getAttribute("data-received"))).isEqualTo(itemReceived);
			assertThat(itemReceived).isPositive();
			show(d, "items-heading");
			browser.screenshot("dashboard-3-department");
			scrollTo(d, itemRow);
			browser.screenshot("dashboard-3-department-item");
			noConsoleErrors(d, "the department dashboard");

			WebElement item = itemRow.findElement(By.cssSelector("th a"));
			assertThat(item.getText()).isEqualTo(FOOD_NAME);
			item.click();
			browser.waiting().until(ExpectedConditions.textToBe(By.id("dashboard-scope"), FOOD_NAME));
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cases-heading")));
			chartsDrawn(browser);
			assertThat(d.findElements(By.cssSelector(".dashboard-path a"))).extracting(WebElement::getText)
				.containsExactly("示范省", "示范市", SCJG_NAME);
			assertThat(d.findElement(By.cssSelector(".dashboard-path [aria-current='page']")).getText())
				.isEqualTo(FOOD_NAME);
			assertThat(Long.parseLong(d.findElement(By.id("sum-received")).getText())).isEqualTo(itemReceived);
			assertThat(currentFigure(d)).isEqualTo("期内受理或办结");
			WebElement caseRow = d.findElement(By.cssSelector("#dashboard-cases tr[data-number='" + number + "']"));
			assertThat(caseRow.getText()).contains("已收件", "网上申请", "2026-09-30", "红色超期", "计为超期", "已发牌");
			// promised and statutory working days of the item: 5 and 20
			assertThat(caseRow.findElements(By.cssSelector("td.num"))).extracting(WebElement::getText)
				.containsExactly("—", "5", "20", "0");
			scrollTo(d, caseRow);
			browser.screenshot("dashboard-4-item");
			noConsoleErrors(d, "the item dashboard");

			// the cases behind "received" in the same period are as many as the item's
			// received figure
			d.findElement(By.linkText("期内受理")).click();
			browser.waiting().until(d2 -> "期内受理".equals(currentFigure(d2)));
			assertThat(d.getCurrentUrl()).contains("from=2026-01-01", "to=2026-10-14", "figure=RECEIVED");
			assertThat(d.findElements(By.cssSelector(".dashboard .notice"))).extracting(WebElement::getText)
				.noneMatch(t -> t.contains("只显示前"));
			List<WebElement> received = d.findElements(By.cssSelector("#dashboard-cases tbody tr"));
			assertThat((long) received.size()).as("cases listed behind the received figure %s", itemReceived)
				.isEqualTo(itemReceived);
			assertThat(received).extracting(r -> r.getAttribute("data-number"))
				.contains(number)
				.doesNotHaveDuplicates();
			assertThat(received).extracting(r -> LocalDate.parse(r.findElements(By.tagName("td")).get(3).getText()))
				.allMatch(day -> !day.isBefore(LocalDate.of(2026, 1, 1)) && !day.isAfter(LocalDate.of(2026, 10, 14)));
			scrollTo(d, d.findElement(By.cssSelector("#dashboard-cases tr[data-number='" + number + "']")));
			browser.screenshot("dashboard-5-item-received");
			noConsoleErrors(d, "the cases behind the received figure");

			// 6. the card in English
			d.get(base + "/supervision/cards/" + card + "?lang=en");
			browser.waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
			assertThat(d.findElement(By.id("card-colour")).getText()).isEqualTo("Yellow card");
			assertThat(d.findElement(By.id("card-status")).getText()).isEqualTo("Closed");
			assertThat(d.findElements(By.cssSelector("#card-history li strong"))).extracting(WebElement::getText)
				.containsExactly("Issued", "Department answered", "Accepted");
			browser.screenshot("supervision-5-card-en");
			noConsoleErrors(d, "the card page in English");

			// 7. the card at phone width in elderly mode, its facts and history in
			// Chinese, nothing wider than the phone
			browser.resize(390, 844);
			d.get(base + "/supervision/cards/" + card + "?lang=zh-CN&elder=on");
			browser.waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-CN"));
			assertThat(d.findElement(By.tagName("body")).getAttribute("class")).contains("elder");
			assertThat(d.findElement(By.id("h-card")).findElement(By.xpath("..")).getText())
				.contains("受理期限 2026-10-13 已过")
				.doesNotContain("ACCEPTANCE due");
			assertThat(d.findElement(By.id("card-history")).getText()).contains("黄牌（办件超期）：受理期限 2026-10-13 已过");
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0L);
			browser.screenshot("supervision-6-card-phone-zh-elder");
			noConsoleErrors(d, "the card page at phone width in elderly mode");
		}
		localTimes.assertAll();
	}

	// ---- the browser

	/**
	 * Signs in through the login page as a person would, after dropping the previous
	 * session.
	 */
	void signIn(Browser browser, String username) {
		WebDriver d = browser.driver();
		d.manage().deleteAllCookies();
		d.get(base + "/login?lang=zh-CN");
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
		d.findElement(By.id("username")).sendKeys(username);
		d.findElement(By.id("password")).sendKeys(ApiClient.DEMO_PASSWORD);
		d.findElement(By.cssSelector("form[action='/login'] button[type='submit']")).click();
		browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	/** Signs out with the header's button and waits for the home page without a user. */
	void signOut(Browser browser) {
		WebDriver d = browser.driver();
		d.findElement(By.cssSelector("form[action='/logout'] button[type='submit']")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(base + "/"));
		browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("form[action='/logout']"), 0));
	}

	/**
	 * Presses a form's button and waits for the page to come back with what happened,
	 * failing on a refusal.
	 */
	static void submit(Browser browser, By button) {
		WebElement pressed = browser.driver().findElement(button);
		pressed.click();
		browser.awaitGone(pressed);
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.ok, #refusal")));
		List<WebElement> refusal = browser.driver().findElements(By.id("refusal"));
		assertThat(refusal).as(() -> button + " refused: " + refusal.get(0).getText()).isEmpty();
	}

	/**
	 * Waits until every chart whose table has rows has been drawn on a canvas by
	 * dashboard.js.
	 */
	static void chartsDrawn(Browser browser) {
		browser.waiting().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("""
				var charts = document.querySelectorAll('[data-dashboard-chart]');
				if (charts.length === 0) { return false; }
				return Array.prototype.every.call(charts, function (e) {
				  var table = document.getElementById(e.getAttribute('data-table'));
				  return !table || !table.querySelector('tbody tr[data-name]')
				      || (e.classList.contains('drawn') && e.querySelector('canvas') !== null);
				});"""));
	}

	static String currentFigure(WebDriver d) {
		List<WebElement> current = d.findElements(By.cssSelector("#main nav.tabs a[aria-current='page']"));
		return current.isEmpty() ? null : current.get(0).getText();
	}

	/**
	 * Checks that the browser's console is read at all: a probe written to it must come
	 * back (reading drains it).
	 */
	static void consoleIsWatched(WebDriver d) {
		d.get("about:blank");
		((JavascriptExecutor) d).executeScript("console.error('govhall-console-probe')");
		assertThat(d.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
			.anyMatch(m -> m.contains("govhall-console-probe"));
	}

	/**
	 * No error in the console since the last look: no CSP violation, no failed script,
	 * nothing SEVERE.
	 */
	static void noConsoleErrors(WebDriver d, String where) {
		List<String> errors = d.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(e -> e.getMessage().contains("Content Security Policy")
					|| (e.getLevel().getName().equals("SEVERE") && !e.getMessage().contains("favicon.ico")))
			.map(e -> e.getLevel() + " " + e.getMessage())
			.toList();
		assertThat(errors).as("browser console on %s", where).isEmpty();
	}

	static void show(WebDriver d, String id) {
		((JavascriptExecutor) d).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
	}

	static void scrollTo(WebDriver d, WebElement element) {
		((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
	}

}
