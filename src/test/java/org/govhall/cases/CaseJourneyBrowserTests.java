package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.govhall.support.Browser;
import org.govhall.support.CaseJourneyContext;
import org.govhall.support.MovableClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * A joint-review case in a real browser, through the pages only: the applicant applies
 * online from the guide, the clerk sends a one-time notice, the applicant corrects after
 * National Day, the clerk accepts, two co-departments give their opinions, the lead
 * department reviews and approves, the clerk delivers; the certificate is downloaded and
 * verified, and the public progress page shows the case completed, also at phone width in
 * English. Screenshots go to target/screenshots/case-*.png.
 */
@Tag("browser")
@CaseJourneyContext
@ResourceLock(Lanes.IN_PROCESS)
class CaseJourneyBrowserTests {

	static final String PLANNING = CaseJourneyTests.PLANNING;

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

	@Test
	void aJointReviewCaseGoesThroughThePagesFromOnlineApplicationToTheCompletedProgressPage() throws Exception {
		base = "http://localhost:" + port;
		clock.set("2026-09-30T10:00:00");
		Path uploads = Files.createDirectories(Path.of("target", "test-files", "case-browser-uploads"));
		Path form = pdf(uploads, "application-form.pdf");
		Path land = pdf(uploads, "land-certificate.pdf");
		Path design = pdf(uploads, "site-plan.pdf");

		try (Browser browser = new Browser()) {
			WebDriver d = browser.driver();

			// the applicant finds the guide, applies online and logs in on the way
			d.get(base + "/items/" + PLANNING + "?lang=zh-CN");
			d.findElement(By.id("apply-online")).click();
			browser.waiting().until(ExpectedConditions.urlContains("/login"));
			signIn(browser, "applicant");
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("application-form")));
			assertThat(d.findElement(By.tagName("h1")).getText()).contains("建设工程规划许可证核发");
			d.findElement(By.id("file0")).sendKeys(form.toAbsolutePath().toString());
			d.findElement(By.id("file2")).sendKeys(design.toAbsolutePath().toString());
			browser.screenshot("case-01-apply-online");
			d.findElement(By.id("submit-application")).click();
			// the summary before submitting: item, limits, and the files of each material
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("review-summary")));
			String summary = d.findElement(By.id("review-summary")).getText();
			assertThat(summary).contains("建设工程规划许可证核发", "45 个工作日", "15 个工作日");
			assertThat(d.findElement(By.id("review-materials")).getText()).contains("application-form.pdf",
					"site-plan.pdf", "免于提交");
			browser.screenshot("case-01b-review");
			submit(browser, "confirm-application");
			String number = d.findElement(By.id("case-number")).getText();
			String queryCode = d.findElement(By.id("query-code")).getText();
			assertThat(number).matches("660100-2026-\\d{7}");
			assertThat(d.findElement(By.id("case-state")).getText()).isEqualTo("已收件");
			String clocks = d.findElement(By.id("clocks")).getText();
			assertThat(clocks).contains("受理期限", "期限 2026-10-13", "2026-10-01..10-07", "国庆节", "2026-10-10 调休上班");
			show(d, "h-clocks");
			browser.screenshot("case-02-received");

			// the clerk names every missing material at once
			signIn(browser, "clerk");
			d.get(base + "/staff/cases?list=TO_ACCEPT");
			WebElement row = d.findElement(By.cssSelector("tr[data-number='" + number + "']"));
			assertThat(row.getText()).contains("正常", "剩 5 个工作日");
			browser.screenshot("case-03-clerk-worklist");
			row.findElement(By.linkText(number)).click();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("notice-form")));
			// the staff open the files they decide on
			assertThat(d.findElements(By.cssSelector("#materials a.material-file"))).hasSize(2);
			// complete, but the shared land certificate cannot be found and the site plan
			// lacks the general layout
			assertThat(d.findElement(By.id("issue2")).isSelected()).isFalse();
			d.findElement(By.id("issue1")).click();
			d.findElement(By.id("issue2")).click();
			WebElement problem = d.findElement(By.id("problem2"));
			problem.clear();
			problem.sendKeys("缺总平面图");
			WebElement landProblem = d.findElement(By.id("problem1"));
			landProblem.clear();
			landProblem.sendKeys("共享平台查无记录，请提交");
			browser.screenshot("case-04-one-time-notice");
			submit(browser, "send-notice");
			assertThat(d.findElement(By.id("case-state")).getText()).isEqualTo("待补正");

			// after the holiday the applicant corrects
			clock.set("2026-10-09T09:00:00");
			signIn(browser, "applicant");
			d.get(base + "/cases/" + number);
			assertThat(d.findElement(By.id("correction-form")).getText()).contains("缺总平面图");
			d.findElement(By.id("file1")).sendKeys(land.toAbsolutePath().toString());
			d.findElement(By.id("file2")).sendKeys(design.toAbsolutePath().toString());
			submit(browser, "submit-corrections");
			assertThat(d.findElement(By.id("case-state")).getText()).isEqualTo("已收件");
			assertThat(d.findElement(By.id("clocks")).getText()).contains("期限 2026-10-15", "收件日 2026-10-09");
			show(d, "h-clocks");
			browser.screenshot("case-05-corrected");

			signIn(browser, "clerk");
			d.get(base + "/staff/cases/" + number);
			submit(browser, "accept");
			assertThat(d.findElement(By.id("case-state")).getText()).isEqualTo("已受理");

			// the lead department chases 住建局 from a phone, in elderly mode; the
			// sub-deadline ends before the case's
			signIn(browser, "reviewer-gh");
			browser.resize(390, 844);
			d.get(base + "/staff/cases/" + number + "?elder=on");
			WebElement zjRow = d.findElement(By.xpath("//table[@id='opinions']//tr[td[contains(., '住房和城乡建设局')]]"));
			String subDue = zjRow.findElement(By.cssSelector("td[data-label='意见期限'] span")).getText();
			assertThat(subDue).matches("\\d{4}-\\d{2}-\\d{2}");
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0L);
			show(d, "h-opinions");
			submit(browser, "chase-660100-ZJJ");
			assertThat(d.findElement(By.id("done")).getText()).contains("已催办");
			assertThat(d.findElement(By.id("opinions")).getText()).contains("已催办 1 次");
			// chased today: the button comes back tomorrow; the other co-department can
			// still be chased
			assertThat(d.findElements(By.id("chase-660100-ZJJ"))).isEmpty();
			assertThat(d.findElements(By.id("chase-660100-STHJ"))).hasSize(1);
			show(d, "h-opinions");
			browser.screenshot("case-05b-chase-phone-zh-elder");

			// joint review: both co-departments, then the lead department; 住建局's list
			// runs on its own sub-deadline
			signIn(browser, "reviewer-zj");
			// the chase reaches 住建局's reviewers after the step commits
			browser.waiting().until(x -> {
				x.get(base + "/messages");
				return x.findElement(By.tagName("main")).getText().contains("牵头部门催办：办件 " + number);
			});
			d.get(base + "/staff/cases?list=OPINIONS&elder=on");
			WebElement listed = d.findElement(By.cssSelector("#cases tr[data-number='" + number + "']"));
			// at phone width each row is a card, labelled cell by cell
			assertThat(listed.findElement(By.cssSelector("td[data-label='意见期限']")).getText()).contains(subDue);
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0L);
			browser.screenshot("case-05c-opinions-list-phone-zh-elder");
			browser.resize(1280, 900);
			d.findElement(By.linkText(number)).click();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("opinions-form")));
			new Select(d.findElement(By.id("opinions-verdict"))).selectByValue("AGREE");
			submit(browser, "opinions-submit");

			signIn(browser, "reviewer-hb");
			d.get(base + "/staff/cases/" + number);
			new Select(d.findElement(By.id("opinions-verdict"))).selectByValue("CONDITIONAL");
			d.findElement(By.id("opinions-reasons")).sendKeys("落实雨污分流");
			submit(browser, "opinions-submit");
			assertThat(d.findElement(By.id("opinions")).getText()).contains("附条件同意", "落实雨污分流");

			signIn(browser, "reviewer-gh");
			d.get(base + "/staff/cases?list=TO_REVIEW");
			d.findElement(By.linkText(number)).click();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("review-form")));
			new Select(d.findElement(By.id("review-recommendation"))).selectByValue("APPROVED");
			d.findElement(By.id("review-comments")).sendKeys("符合规划条件");
			browser.screenshot("case-06-review");
			submit(browser, "review-submit");
			assertThat(d.findElement(By.id("case-state")).getText()).isEqualTo("已审查");

			signIn(browser, "approver-gh");
			d.get(base + "/staff/cases/" + number);
			new Select(d.findElement(By.id("outcome"))).selectByValue("APPROVED");
			d.findElement(By.id("licence-scope")).sendKeys("新建综合楼一栋，地上十二层");
			submit(browser, "decide");
			assertThat(d.findElement(By.id("decision")).getText()).contains("准予许可", "660100-ZRGH-2026-");

			signIn(browser, "clerk");
			d.get(base + "/staff/cases?list=TO_DELIVER");
			d.findElement(By.linkText(number)).click();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("delivery-form")));
			new Select(d.findElement(By.id("delivery-method"))).selectByValue("WINDOW");
			submit(browser, "delivery-submit");
			assertThat(d.findElement(By.id("case-state")).getText()).isEqualTo("已送达办结");
			assertThat(d.findElement(By.id("history")).getText()).contains("一次性告知补正", "补正材料", "受理", "联审意见", "审查", "决定",
					"送达");

			// the certificate is issued after the decision: wait for it, download it with
			// the session, verify it
			WebElement certificate = certificateRow(d);
			show(d, "h-decision");
			browser.screenshot("case-07-delivered");
			String pdfLink = certificate.findElement(By.cssSelector("a.pdf-link")).getAttribute("href");
			assertThat(pdfLink).startsWith(base + "/staff/cases/" + number + "/documents/ZZ-");
			HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(pdfLink)).header("Cookie", cookies(d)).GET().build(),
						HttpResponse.BodyHandlers.ofByteArray());
			assertThat(pdf.statusCode()).isEqualTo(200);
			assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
			assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
			String documentNumber = certificate.findElement(By.cssSelector("td.document-number")).getText();
			certificate.findElement(By.cssSelector("a.verify-link")).click();
			browser.waiting().until(ExpectedConditions.urlContains("/verify/" + documentNumber));
			assertThat(d.findElement(By.tagName("main")).getText()).contains(documentNumber, number);
			browser.screenshot("case-08-verify-certificate");

			// the public sees the progress without logging in, and nothing personal
			d.manage().deleteAllCookies();
			d.get(base + "/?lang=zh-CN");
			d.findElement(By.id("nav-progress")).click();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("progress-form")));
			d.findElement(By.id("number")).sendKeys(number);
			d.findElement(By.id("code")).sendKeys(queryCode.toLowerCase());
			d.findElement(By.id("lookup")).click();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("progress-state")));
			assertThat(d.findElement(By.id("progress-state")).getText()).isEqualTo("已送达办结");
			assertThat(d.findElement(By.id("closed")).getText()).contains("已办结");
			assertThat(d.findElement(By.tagName("main")).getText()).doesNotContain("张三", "110105");
			show(d, "progress");
			browser.screenshot("case-09-progress-completed");

			// at phone width, in English
			browser.resize(390, 844);
			d.get(base + "/progress?number=" + number + "&code=" + queryCode + "&lang=en");
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("progress-state")));
			assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
			assertThat(d.findElement(By.id("progress-state")).getText()).isEqualTo("Completed");
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0L);
			show(d, "progress");
			browser.screenshot("case-10-progress-phone-en");

			signIn(browser, "applicant");
			d.get(base + "/cases/" + number + "?lang=en");
			assertThat(d.findElement(By.id("case-state")).getText()).isEqualTo("Completed");
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0L);
			browser.screenshot("case-11-case-phone-en");
			d.get(base + "/cases/" + number + "?elder=on");
			assertThat(d.findElement(By.tagName("body")).getAttribute("class")).contains("elder");
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0L);
			show(d, "h-clocks");
			browser.screenshot("case-12-case-phone-en-elder");

			// a 70-year-old applies on a phone in elderly mode: three files, the summary,
			// nothing wider than the phone
			d.get(base + "/cases/new?item=" + FOOD + "&lang=zh-CN&elder=on");
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("application-form")));
			for (String field : List.of("file0", "file2", "file3")) {
				d.findElement(By.id(field)).sendKeys(form.toAbsolutePath().toString());
			}
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0L);
			d.findElement(By.id("submit-application")).click();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("review-summary")));
			assertThat(d.findElement(By.id("review-materials")).getText()).contains("营业执照", "免于提交");
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0L);
			browser.screenshot("case-13-review-phone-zh-elder");
			submit(browser, "confirm-application");
			String food = d.findElement(By.id("case-number")).getText();

			// the clerk sees the files, and the shared business licence flagged to be
			// fetched
			signIn(browser, "clerk");
			d.get(base + "/staff/cases/" + food + "?lang=zh-CN&elder=on");
			assertThat(d.findElements(By.cssSelector("#materials a.material-file"))).hasSize(3);
			assertThat(d.findElement(By.id("materials")).getText()).contains("免于提交：请从电子证照库或信息共享平台调取核验");
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0L);
			show(d, "h-materials");
			browser.screenshot("case-14-staff-materials-phone-zh-elder");

			List<LogEntry> cspErrors = d.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.filter(e -> e.getMessage().contains("Content Security Policy"))
				.toList();
			assertThat(cspErrors).isEmpty();
		}
	}

	void signIn(Browser browser, String username) {
		browser.signIn(base, username);
	}

	/** Signs in through the login page as a person would (see {@link Browser#signIn}). */
	static void signIn(Browser browser, String base, String username) {
		browser.signIn(base, username);
	}

	/**
	 * Presses a form's button and waits for the case page to come back saying what
	 * happened.
	 */
	static void submit(Browser browser, String buttonId) {
		WebElement button = browser.driver().findElement(By.id(buttonId));
		boolean confirms = !button.findElements(By.xpath("ancestor::form[@data-confirm]")).isEmpty();
		button.click();
		if (confirms) {
			// an irreversible step asks once more, naming the case: the person confirms
			Alert alert = browser.waiting().until(ExpectedConditions.alertIsPresent());
			assertThat(alert.getText()).startsWith("确认");
			alert.accept();
		}
		browser.awaitGone(button);
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#done, #refusal")));
		List<WebElement> refusal = browser.driver().findElements(By.id("refusal"));
		assertThat(refusal).as(() -> buttonId + " refused: " + refusal.get(0).getText()).isEmpty();
	}

	/**
	 * The certificate's row in the case page's documents, once the listener has issued it
	 * (reloading till then).
	 */
	static WebElement certificateRow(WebDriver d) {
		return new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> {
			List<WebElement> rows = x.findElements(By.cssSelector("#documents tr[data-kind='CERTIFICATE']"));
			if (rows.isEmpty()) {
				x.navigate().refresh();
				return null;
			}
			return rows.get(0);
		});
	}

	/** Scrolls the element into view for the screenshot. */
	static void show(WebDriver d, String id) {
		((JavascriptExecutor) d).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
	}

	static String cookies(WebDriver d) {
		return d.manage()
			.getCookies()
			.stream()
			.map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
	}

	static Path pdf(Path dir, String name) throws java.io.IOException {
		Path file = dir.resolve(name);
		Files.write(file, ("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% " + name
				+ "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		return file;
	}

}
