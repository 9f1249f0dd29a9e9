package org.govhall.supervision.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.govhall.support.Browser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * The dashboard in a real browser under the strict CSP: ECharts draws the charts from the
 * tables, without a blocked script or style, on a desktop, at phone width and in elderly
 * mode. Screenshots go to target/screenshots/dashboard-*.png.
 */
@Tag("browser")
@ResourceLock(Lanes.IN_PROCESS)
class DashboardBrowserTests extends DashboardTests {

	@LocalServerPort
	int port;

	static void show(WebDriver d, String id) {
		((JavascriptExecutor) d).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
	}

	@Test
	void theChartsAreDrawnUnderTheContentSecurityPolicyOnADesktopAndAPhone() throws Exception {
		String base = "http://localhost:" + port;
		try (Browser browser = new Browser()) {
			WebDriver d = browser.driver();
			d.get(base + "/login?lang=zh-CN");
			d.findElement(By.id("username")).sendKeys("supervisor");
			d.findElement(By.id("password")).sendKeys("govhall-demo");
			d.findElement(By.cssSelector("form[action='/login'] button[type='submit']")).click();
			browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

			d.get(base + "/supervision/dashboard?from=" + FROM + "&to=" + TO);
			browser.waiting()
				.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".dashboard-chart.drawn canvas"), 2));
			assertThat(d.findElement(By.id("sum-received")).getText()).isEqualTo("10");
			assertThat(d.findElements(By.cssSelector("#dashboard-regions tbody tr"))).hasSize(2);
			browser.screenshot("dashboard-01-province");
			show(d, "regions-heading");
			browser.screenshot("dashboard-02-province-cities-chart");
			show(d, "trend-heading");
			browser.screenshot("dashboard-03-province-trend");

			d.findElement(By.linkText("示范市")).click();
			browser.waiting().until(ExpectedConditions.textToBe(By.id("dashboard-scope"), "示范市"));
			d.findElement(By.linkText("示范市市场监督管理局")).click();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard-items")));
			browser.waiting()
				.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".dashboard-chart.drawn canvas"), 2));
			browser.screenshot("dashboard-04-department");
			d.findElement(By.linkText("食品经营许可")).click();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard-cases")));
			assertThat(d.findElements(By.cssSelector("#dashboard-cases tbody tr"))).hasSize(5);
			browser.screenshot("dashboard-05-item-cases");

			browser.resize(390, 844);
			d.get(base + "/supervision/dashboard?from=" + FROM + "&to=" + TO + "&lang=en&elder=on");
			browser.waiting()
				.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".dashboard-chart.drawn canvas"), 2));
			assertThat(d.findElement(By.tagName("body")).getAttribute("class")).contains("elder");
			assertThat(d.findElement(By.tagName("h1")).getText()).contains("Supervision dashboard");
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0L);
			show(d, "regions-heading");
			browser.screenshot("dashboard-06-phone-en-elder-chart");
			show(d, "dashboard-regions");
			browser.screenshot("dashboard-07-phone-en-elder-table");

			List<LogEntry> errors = d.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.filter(e -> e.getMessage().contains("Content Security Policy")
						|| (e.getLevel().getName().equals("SEVERE") && !e.getMessage().contains("favicon.ico")))
				.toList();
			assertThat(errors).isEmpty();
		}
	}

	/**
	 * Fast to load (issue 10, item 14): a repeat visit to the dashboard, after the
	 * workbench in between, transfers under 150 KB — the page itself, compressed, while
	 * ECharts, htmx, the scripts and the stylesheets come from the browser's cache
	 * (content-hash and versioned URLs with a year of caching, ADR 0015).
	 */
	@Test
	void aRepeatVisitToTheDashboardTransfersUnder150KB() throws Exception {
		String base = "http://localhost:" + port;
		String dashboard = base + "/supervision/dashboard?from=" + FROM + "&to=" + TO;
		try (Browser browser = new Browser()) {
			WebDriver d = browser.driver();
			browser.signIn(base, "supervisor");
			d.get(dashboard);
			browser.waiting()
				.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".dashboard-chart.drawn canvas"), 2));
			long first = transferred(d);

			d.get(base + "/staff");
			d.get(dashboard);
			browser.waiting()
				.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".dashboard-chart.drawn canvas"), 2));
			long repeat = transferred(d);
			browser.screenshot("dashboard-08-repeat-visit");
			System.out.printf("dashboard: first visit %.1f KB, repeat visit %.1f KB%n", first / 1024.0,
					repeat / 1024.0);

			assertThat(first).as("the first visit fetches ECharts").isGreaterThan(150 * 1024L);
			assertThat(repeat).isLessThan(150 * 1024L);
		}
	}

	/**
	 * Bytes over the wire for the page now shown: the document and every resource it
	 * loaded (0 when cached).
	 */
	static long transferred(WebDriver d) {
		return ((Number) ((JavascriptExecutor) d).executeScript("""
				return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
				  .reduce((sum, e) => sum + e.transferSize, 0);
				""")).longValue();
	}

}
