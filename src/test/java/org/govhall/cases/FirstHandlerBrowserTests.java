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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11, item 3 in a real browser: the applicant of an online case sees who is responsible for it by name and
 * staff number from receipt, never a login; the department admin sees the clerks on the first-handler page and hands
 * the case over with a reason; the case page then names the new holder and lists the handover. Screenshots:
 * target/screenshots/first-handler-*.
 */
@CaseJourneyContext
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
		assertThat(api.put("/api/v1/routing/660100-SCJG", "deptadmin",
				java.util.Map.of("mode", "DUTY_CLERK", "dutyClerk", "clerk")).status()).isEqualTo(200);
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

			d.get(base + "/staff/cases/" + number);
			new Select(d.findElement(By.id("handover-to"))).selectByValue("scjg-window");
			d.findElement(By.id("handover-reason")).sendKeys("王窗口休年假");
			CaseJourneyBrowserTests.submit(browser, "hand-over");
			assertThat(d.findElement(By.id("first-handler")).getText()).isEqualTo("周窗口（工号 SC0100）");
			assertThat(d.findElement(By.id("handovers")).getText()).contains("王窗口", "周窗口", "王窗口休年假");
			assertThat(d.findElement(By.id("history")).getText()).contains("移交");
			browser.screenshot("first-handler-03-handed-over");

			// 周窗口 goes on leave: the admin hands all the clerk's open cases back at once, on a phone, confirmed
			browser.resize(390, 844);
			d.get(base + "/staff/routing?elder=on");
			d.findElement(By.cssSelector("#handover-all-scjg-window summary")).click();
			new Select(d.findElement(By.id("ha-to-scjg-window"))).selectByValue("clerk");
			d.findElement(By.id("ha-reason-scjg-window")).sendKeys("周窗口休年假");
			browser.screenshot("first-handler-04-hand-over-all");
			assertThat(browser.horizontalOverflow()).isZero();
			d.findElement(By.id("ha-submit-scjg-window")).click();
			org.openqa.selenium.Alert alert = browser.waiting()
				.until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
			assertThat(alert.getText()).contains("周窗口");
			alert.accept();
			browser.waiting()
				.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.ok")));
			assertThat(d.findElement(By.cssSelector(".notice.ok")).getText()).contains("移交给王窗口");
			browser.screenshot("first-handler-05-handed-over-all");
			d.get(base + "/staff/cases/" + number);
			assertThat(d.findElement(By.id("first-handler")).getText()).isEqualTo("王窗口（工号 NS0101）");
			assertThat(d.findElement(By.id("handovers")).getText()).contains("周窗口休年假");
		}
		api.put("/api/v1/routing/660100-SCJG", "deptadmin", java.util.Map.of("mode", "ROUND_ROBIN"));
	}

}
