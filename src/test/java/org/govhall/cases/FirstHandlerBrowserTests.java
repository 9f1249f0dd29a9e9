package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.govhall.directory.AccountDraft;
import org.govhall.directory.Directory;
import org.govhall.directory.Role;
import org.govhall.support.ApiClient;
import org.govhall.support.Browser;
import org.govhall.support.CaseJourneyContext;
import org.govhall.support.MovableClock;
import org.govhall.support.RequiredMaterials;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * Issue 11, item 3 in a real browser: the applicant of an online case sees who is
 * responsible for it by name and staff number from receipt, never a login; the department
 * admin sees the clerks on the first-handler page and hands the case over with a reason;
 * the case page then names the new holder and lists the handover. Screenshots:
 * target/screenshots/first-handler-*.
 */
@Tag("browser")
@CaseJourneyContext
@ResourceLock(Lanes.IN_PROCESS)
class FirstHandlerBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	MovableClock.Moving clock;

	@Autowired
	Directory directory;

	@Test
	void theApplicantSeesTheResponsiblePersonAndTheDepartmentAdminHandsTheCaseOver() throws Exception {
		String base = "http://localhost:" + port;
		clock.set("2026-09-30T10:00:00");
		if (!directory.accountExists("scjg-window")) {
			directory.openAccount(new AccountDraft("scjg-window", ApiClient.DEMO_PASSWORD, "周窗口",
					Set.of(Role.WINDOW_CLERK), "660100", "660100-SCJG", "SC0100"));
		}
		ApiClient api = new ApiClient(port);
		// the market regulator names its duty clerk: the comprehensive window's clerk
		assertThat(api
			.put("/api/v1/routing/660100-SCJG", "deptadmin",
					java.util.Map.of("mode", "DUTY_CLERK", "dutyClerk", "clerk"))
			.status()).isEqualTo(200);
		ApiClient.Response submitted = RequiredMaterials.submit(api, api, "applicant", CaseJourneyTests.FOOD,
				CaseJourneyTests.PDF);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		String number = submitted.json().get("number").asString();

		try (Browser browser = new Browser()) {
			WebDriver d = browser.driver();
			browser.resize(390, 844);
			CaseJourneyBrowserTests.signIn(browser, base, "applicant");
			d.get(base + "/cases/" + number);
			String handler = d.findElement(By.id("first-handler")).getText();
			assertThat(handler).isEqualTo("王窗口（工号 NS0101）").doesNotContain("clerk");
			assertThat(browser.horizontalOverflow()).isZero();
			browser.screenshot("first-handler-01-applicant");
		}

		try (Browser browser = new Browser()) {
			WebDriver d = browser.driver();
			CaseJourneyBrowserTests.signIn(browser, base, "deptadmin");
			d.get(base + "/staff/routing");
			assertThat(d.findElement(By.id("clerk-scjg-window")).getText()).contains("周窗口");
			assertThat(d.findElement(By.id("mode-DUTY_CLERK")).isSelected()).isTrue();
			browser.screenshot("first-handler-02-routing");

			// the administrator runs the department's staff, not its cases (issue 12,
			// item 3): 王窗口 goes on leave and
			// the admin hands all the clerk's open cases to 周窗口 at once, confirmed,
			// without reading them
			handOverAll(browser, "clerk", "scjg-window", "王窗口休年假", "移交给周窗口");
			browser.screenshot("first-handler-03-handed-over");
			JsonNode handed = api.get("/api/v1/cases/" + number, "approver").json();
			assertThat(handed.get("firstHandler").asString()).isEqualTo("scjg-window");
			assertThat(handed.get("handovers").get(0).get("reason").asString()).isEqualTo("王窗口休年假");
			d.get(base + "/staff/cases/" + number);
			assertThat(d.findElements(By.id("first-handler"))).as("no case page for the administrator").isEmpty();

			// 周窗口 goes on leave in turn: the admin hands the clerk's open cases back at
			// once, on a phone
			browser.resize(390, 844);
			handOverAll(browser, "scjg-window", "clerk", "周窗口休年假", "移交给王窗口");
			browser.screenshot("first-handler-05-handed-over-all");
			JsonNode back = api.get("/api/v1/cases/" + number, "approver").json();
			assertThat(back.get("firstHandler").asString()).isEqualTo("clerk");
			assertThat(back.get("handovers").toString()).contains("周窗口休年假");
		}
		try (Browser browser = new Browser()) {
			WebDriver d = browser.driver();
			CaseJourneyBrowserTests.signIn(browser, base, "approver");
			d.get(base + "/staff/cases/" + number);
			assertThat(d.findElement(By.id("first-handler")).getText()).isEqualTo("王窗口（工号 NS0101）");
			assertThat(d.findElement(By.id("handovers")).getText()).contains("王窗口休年假", "周窗口休年假");
			assertThat(d.findElement(By.id("history")).getText()).contains("移交");
			browser.screenshot("first-handler-06-case");
		}
		api.put("/api/v1/routing/660100-SCJG", "deptadmin", java.util.Map.of("mode", "ROUND_ROBIN"));
	}

	/**
	 * On /staff/routing in elderly mode: hands every open case of one clerk to another,
	 * with a reason, confirmed.
	 */
	private void handOverAll(Browser browser, String from, String to, String reason, String told)
			throws java.io.IOException {
		WebDriver d = browser.driver();
		d.get(d.getCurrentUrl().replaceAll("(https?://[^/]+).*", "$1") + "/staff/routing?elder=on");
		d.findElement(By.cssSelector("#handover-all-" + from + " summary")).click();
		new Select(d.findElement(By.id("ha-to-" + from))).selectByValue(to);
		d.findElement(By.id("ha-reason-" + from)).sendKeys(reason);
		browser.screenshot("first-handler-04-hand-over-all-" + from);
		assertThat(browser.horizontalOverflow()).isZero();
		d.findElement(By.id("ha-submit-" + from)).click();
		org.openqa.selenium.Alert alert = browser.waiting()
			.until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
		alert.accept();
		browser.waiting()
			.until(org.openqa.selenium.support.ui.ExpectedConditions
				.presenceOfElementLocated(By.cssSelector(".notice.ok")));
		assertThat(d.findElement(By.cssSelector(".notice.ok")).getText()).contains(told);
	}

}
