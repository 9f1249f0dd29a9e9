package org.govhall.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.govhall.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A citizen in a real browser: opens the portal, searches an item, opens its guide, switches to English and to
 * elderly mode, and reads it at phone width. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "govhall.demo.enabled=true")
@ActiveProfiles("h2")
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
			browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("h-basis"), "Legal basis"));
			assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
			browser.screenshot("04-guide-en");

			driver.findElement(By.id("switch-elder")).click();
			browser.waiting().until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("elder"));
			String fontSize = (String) ((JavascriptExecutor) driver)
				.executeScript("return getComputedStyle(document.documentElement).fontSize");
			assertThat(fontSize).isEqualTo("21px");
			// the apply button reads clearly in elderly mode: WCAG contrast of at least 4.5:1 (it was 1.47:1)
			assertThat(contrast(driver, "apply-online")).isGreaterThanOrEqualTo(4.5);
			browser.screenshot("05-guide-en-elder");

			browser.resize(390, 844);
			driver.get("http://localhost:" + port + "/items?q=license");
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("result-count")));
			assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("elder");
			assertThat(driver.findElement(By.id("result-count")).getText()).contains("items found");
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0L);
			browser.screenshot("06-search-phone-en-elder");

			List<LogEntry> cspErrors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
				.filter(e -> e.getMessage().contains("Content Security Policy"))
				.toList();
			assertThat(cspErrors).isEmpty();
		}
	}


	/** The WCAG 2 contrast ratio of an element's text colour against its own background colour, as rendered. */
	static double contrast(WebDriver driver, String id) {
		Object ratio = ((JavascriptExecutor) driver).executeScript("""
				const e = document.getElementById(arguments[0]);
				const s = getComputedStyle(e);
				const rgb = c => c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
				const lum = c => {
				  const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
				  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
				};
				const a = lum(s.color), b = lum(s.backgroundColor);
				return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
				""", id);
		return ((Number) ratio).doubleValue();
	}

}
