package org.govhall.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govhall.support.Accessibility;
import org.govhall.support.Browser;
import org.govhall.support.CaseJourneyContext;
import org.govhall.support.MovableClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * Accessible (issue 10, item 15): axe-core finds no serious or critical violation on the
 * pages of a case's journey — home, search, guide, the online application, the
 * applicant's case page, the correction form, the staff workbench and the supervision
 * dashboard — each in normal mode on a desktop and in elderly mode on a phone. Only the
 * dashboard loads ECharts (item 14). Screenshots go to target/screenshots/a11y-*.png.
 */
@Tag("browser")
@CaseJourneyContext
@ResourceLock(Lanes.IN_PROCESS)
class AccessibilityBrowserTests {

	/**
	 * 食品经营许可: three materials to hand in, the business licence from the e-certificate
	 * store.
	 */
	static final String FOOD = "660100-XK-02001";

	@LocalServerPort
	int port;

	@Autowired
	MovableClock.Moving clock;

	String base;

	final List<String> serious = new ArrayList<>();

	/** Per page audited, whether it loaded ECharts. */
	final Map<String, Boolean> echarts = new LinkedHashMap<>();

	@Test
	void thePagesOfACaseHaveNoSeriousOrCriticalViolationInNormalAndElderlyMode() throws Exception {
		base = "http://localhost:" + port;
		clock.set("2026-11-10T10:00:00");
		Path form = Files.createDirectories(Path.of("target", "test-files", "accessibility-uploads"))
			.resolve("application-form.pdf");
		Files.write(form, "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
			.getBytes(StandardCharsets.ISO_8859_1));

		try (Browser browser = new Browser()) {
			WebDriver d = browser.driver();
			audit(browser, "home", "/?lang=zh-CN");
			audit(browser, "search", "/items?q=食品经营");
			audit(browser, "guide", "/items/" + FOOD);

			browser.signIn(base, "applicant");
			audit(browser, "apply", "/cases/new?item=" + FOOD);
			for (String field : List.of("file0", "file2", "file3")) {
				d.findElement(By.id(field)).sendKeys(form.toAbsolutePath().toString());
			}
			d.findElement(By.id("submit-application")).click();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-application"))).click();
			String number = browser.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(By.id("case-number")))
				.getText();
			audit(browser, "case", "/cases/" + number);

			browser.signIn(base, "clerk");
			audit(browser, "workbench", "/staff");
			d.get(base + "/staff/cases/" + number);
			d.findElement(By.id("issue0")).click();
			d.findElement(By.id("problem0")).sendKeys("申请书缺少签字");
			d.findElement(By.id("send-notice")).click();
			browser.waiting().until(ExpectedConditions.textToBe(By.id("case-state"), "待补正"));

			browser.signIn(base, "applicant");
			audit(browser, "correction", "/cases/" + number);
			assertThat(d.findElement(By.id("correction-form")).getText()).contains("申请书缺少签字");

			browser.signIn(base, "supervisor");
			audit(browser, "dashboard", "/supervision/dashboard");
		}

		assertThat(serious).as(String.join("\n", serious)).isEmpty();
		assertThat(echarts).hasSize(8);
		echarts.forEach((page, loaded) -> assertThat(loaded).as(page).isEqualTo(page.equals("dashboard")));
	}

	/**
	 * The page in normal mode on a desktop, then in elderly mode on a phone: axe, a
	 * screenshot, the scripts loaded.
	 */
	void audit(Browser browser, String name, String path) throws Exception {
		WebDriver d = browser.driver();
		for (boolean elder : new boolean[] { false, true }) {
			if (elder) {
				browser.resize(390, 844);
			}
			else {
				browser.resize(1280, 900);
			}
			d.get(base + path + (path.contains("?") ? "&" : "?") + "elder=" + (elder ? "on" : "off"));
			browser.waiting().until(x -> chartsSettled(x));
			assertThat(d.findElement(By.tagName("body")).getAttribute("class")).as(name)
				.satisfies(c -> assertThat(c != null && c.contains("elder")).isEqualTo(elder));
			String page = name + (elder ? "-elder-phone" : "-desktop");
			serious.addAll(Accessibility.seriousViolations(d, page));
			browser.screenshot("a11y-" + page);
			echarts.merge(name,
					(Boolean) ((JavascriptExecutor) d).executeScript(
							"return performance.getEntriesByType('resource').some(r => r.name.includes('echarts'))"),
					Boolean::logicalOr);
		}
	}

	/** The page has loaded, and every chart whose table has rows has been drawn. */
	static boolean chartsSettled(WebDriver d) {
		return (Boolean) ((JavascriptExecutor) d).executeScript(
				"""
						return document.readyState === 'complete'
						  && Array.from(document.querySelectorAll('[data-dashboard-chart]')).every(c => c.classList.contains('drawn')
						    || !document.querySelector('#' + c.getAttribute('data-table') + ' tbody tr[data-name]'));
						""");
	}

}
