package org.govhall.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.govhall.support.Browser;
import org.govhall.support.GovHallTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * A citizen in a real browser: opens the portal, searches an item, opens its guide,
 * switches to English and to elderly mode, and reads it at phone width. Screenshots go to
 * target/screenshots.
 */
@Tag("browser")
@GovHallTest
@ResourceLock(Lanes.IN_PROCESS)
class PortalBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void citizenFindsAGuideAndReadsItInEnglishAndElderlyModeOnAPhone() throws Exception {
		try (Browser browser = new Browser()) {
			var driver = browser.driver();
			driver.get("http://localhost:" + port + "/?lang=zh-CN");
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("办事，从这里开始");
			browser.screenshot("01-home-zh");

			WebElement search = driver.findElement(By.id("q"));
			search.sendKeys("食品经营");
			search.submit();
			browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "共找到"));
			List<WebElement> results = driver.findElements(By.cssSelector(".results a.name"));
			assertThat(results).isNotEmpty();
			assertThat(results.get(0).getText()).contains("食品经营");
			browser.screenshot("02-search-zh");

			results.get(0).click();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("item-name")));
			assertThat(driver.findElement(By.id("item-name")).getText()).contains("食品经营");
			assertThat(driver.getPageSource()).contains("设定依据").contains("申请材料").contains("法定办结时限");
			browser.screenshot("03-guide-zh");

			driver.findElement(By.id("switch-lang")).click();
			browser.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("h-basis"), "Legal basis"));
			assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
			browser.screenshot("04-guide-en");

			driver.findElement(By.id("switch-elder")).click();
			browser.waiting().until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("elder"));
			String fontSize = (String) ((JavascriptExecutor) driver)
				.executeScript("return getComputedStyle(document.documentElement).fontSize");
			assertThat(fontSize).isEqualTo("21px");
			// the apply button reads clearly in elderly mode: WCAG contrast of at least
			// 4.5:1 (it was 1.47:1)
			assertThat(contrast(driver, "apply-online")).isGreaterThanOrEqualTo(4.5);
			browser.screenshot("05-guide-en-elder");

			browser.resize(390, 844);
			driver.get("http://localhost:" + port + "/items?q=license");
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("result-count")));
			assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("elder");
			assertThat(driver.findElement(By.id("result-count")).getText()).contains("items found");
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0L);
			browser.screenshot("06-search-phone-en-elder");

			List<LogEntry> cspErrors = driver.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.filter(e -> e.getMessage().contains("Content Security Policy"))
				.toList();
			assertThat(cspErrors).isEmpty();
		}
	}

	@Test
	void anElderlyCitizenFindsTheFoodLicenceByPinyinAndWithATypoAndFetchesItsBlankFormOnAPhone() throws Exception {
		try (Browser browser = new Browser()) {
			var driver = browser.driver();
			browser.resize(390, 844);
			driver.get("http://localhost:" + port + "/?lang=zh-CN&elder=on");
			assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("elder");

			search(browser, "shipin jingying");
			assertThat(resultNames(driver).get(0)).isEqualTo("食品经营许可");
			browser.screenshot("07-search-pinyin-phone-elder");

			search(browser, "食品经营许课");
			assertThat(resultNames(driver).get(0)).isEqualTo("食品经营许可");
			browser.screenshot("08-search-typo-phone-elder");

			search(browser, "食品");
			List<String> names = resultNames(driver);
			assertThat(names.get(0)).isEqualTo("食品经营许可");
			assertThat(names.indexOf("对食品经营者的监督检查")).isGreaterThan(names.lastIndexOf("食品经营许可"));
			assertThat(names.indexOf("查封、扣押不符合食品安全标准的食品")).isGreaterThan(names.lastIndexOf("食品经营许可"));
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0L);
			browser.screenshot("09-search-food-phone-elder");

			driver.findElements(By.cssSelector(".results a.name")).get(0).click();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("guide-materials")));
			WebElement template = driver.findElement(By.cssSelector("#guide-materials a.template-link"));
			WebElement sample = driver.findElement(By.cssSelector("#guide-materials a.sample-link"));
			((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", template);
			assertThat(template.getText()).isEqualTo("下载空白表格");
			assertThat(sample.getText()).isEqualTo("查看填写样例");
			assertThat(template.isDisplayed()).isTrue();
			assertThat(template.getSize().getHeight()).as("big enough to tap").isGreaterThanOrEqualTo(40);
			assertThat(contrastOf(driver, template)).isGreaterThanOrEqualTo(4.5);
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0L);
			browser.screenshot("10-guide-forms-phone-elder");

			// the browser fetches both files without any login, as the download would
			assertThat(fetch(driver, template.getAttribute("href"))).startsWith("200|application/pdf|attachment;")
				.contains("filename*=UTF-8''%E9%A3%9F%E5%93%81%E7%BB%8F%E8%90%A5%E8%AE%B8%E5%8F%AF"
						+ "%E7%94%B3%E8%AF%B7%E4%B9%A6%EF%BC%88%E7%A9%BA%E7%99%BD%E8%A1%A8%E6%A0%BC%EF%BC%89.pdf")
				.endsWith("|%PDF");
			assertThat(fetch(driver, sample.getAttribute("href"))).startsWith("200|application/pdf|attachment;")
				.endsWith("|%PDF");
		}
	}

	@Test
	void anElderlyCitizenRegistersOnAPhoneAndIsToldAtTheFieldWhatIsWrongWithEverythingTypedKept() throws Exception {
		try (Browser browser = new Browser()) {
			WebDriver driver = browser.driver();
			browser.resize(390, 844);
			driver.get("http://localhost:" + port + "/register?lang=zh-CN&elder=on");
			driver.findElement(By.id("legalName")).sendKeys("李大爷");
			// one digit off: the check digit does not match
			driver.findElement(By.id("identityNumber")).sendKeys("110105194912310021");
			driver.findElement(By.id("phone")).sendKeys("13900000009");
			driver.findElement(By.id("username")).sendKeys("li-daye");
			driver.findElement(By.id("password")).sendKeys("a-long-enough-password");
			driver.findElement(By.cssSelector("form[action='/register'] button[type='submit']")).click();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("identityNumber-error")));
			assertThat(driver.findElement(By.id("identityNumber-error")).getText()).contains("身份证");
			assertThat(driver.findElement(By.id("identityNumber")).getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(driver.findElement(By.id("legalName")).getAttribute("value")).isEqualTo("李大爷");
			assertThat(driver.findElement(By.id("phone")).getAttribute("value")).isEqualTo("13900000009");
			assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("elder");
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0L);
			browser.screenshot("11-register-phone-elder-error");
		}
	}

	private void search(Browser browser, String text) {
		WebDriver driver = browser.driver();
		driver.get("http://localhost:" + port + "/items");
		WebElement before = driver.findElement(By.id("result-count"));
		WebElement q = driver.findElement(By.id("q"));
		q.clear();
		q.sendKeys(text);
		q.submit();
		browser.awaitGone(before);
		browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "共找到"));
		((JavascriptExecutor) driver).executeScript("document.getElementById('result-count').scrollIntoView()");
	}

	private static List<String> resultNames(WebDriver driver) {
		return driver.findElements(By.cssSelector(".results a.name")).stream().map(WebElement::getText).toList();
	}

	/**
	 * Status, type, disposition and the first four bytes of a GET the page itself makes.
	 */
	private static String fetch(WebDriver driver, String url) {
		return (String) ((JavascriptExecutor) driver).executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						fetch(arguments[0], { credentials: 'omit' }).then(async r => {
						  const head = new TextDecoder().decode((await r.arrayBuffer()).slice(0, 4));
						  done(r.status + '|' + r.headers.get('Content-Type') + '|' + r.headers.get('Content-Disposition') + '|' + head);
						}).catch(e => done('failed ' + e));
						""",
				url);
	}

	private static double contrastOf(WebDriver driver, WebElement element) {
		String id = "contrast-probe";
		((JavascriptExecutor) driver).executeScript("arguments[0].id = arguments[1]", element, id);
		return contrast(driver, id);
	}

	/**
	 * The WCAG 2 contrast ratio of an element's text colour against its own background
	 * colour, as rendered.
	 */
	static double contrast(WebDriver driver, String id) {
		Object ratio = ((JavascriptExecutor) driver).executeScript(
				"""
						const e = document.getElementById(arguments[0]);
						const s = getComputedStyle(e);
						const rgb = c => c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
						const lum = c => {
						  const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
						  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
						};
						const a = lum(s.color), b = lum(s.backgroundColor);
						return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
						""",
				id);
		return ((Number) ratio).doubleValue();
	}

}
