package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.govhall.support.Browser;
import org.govhall.support.GovHallTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * A walk-in at the window, as the clerk takes it from the workbench: the ID-card reader
 * types the number, the clerk chooses 护士执业注册 (six materials), ticks every original as
 * checked, scans the one the hall keeps, receives and accepts in one step and prints the
 * receipt with the acceptance notice. Every key press or click of the clerk's is counted
 * (issue 10, item 11: at most 8), and the time from the number to the printout is
 * printed.
 */
@Tag("browser")
@GovHallTest
@ResourceLock(Lanes.IN_PROCESS)
class WindowIntakeBrowserTests {

	static final String NURSE = "660100-XK-08001";

	@LocalServerPort
	int port;

	@Test
	void aClerkTakesInASixMaterialWalkInAndPrintsItsReceiptAndNoticeInAtMostEightActions() throws Exception {
		Path scan = CaseJourneyBrowserTests.pdf(Files.createTempDirectory("intake"), "体检证明.pdf");
		String base = "http://localhost:" + port;
		try (Browser browser = new Browser()) {
			WebDriver d = browser.driver();
			browser.signIn(base, "clerk");
			d.get(base + "/staff");
			d.findElement(By.id("go-intake")).click();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("intake-number")));

			int actions = 0;
			long start = System.nanoTime();
			// 1: the card reader types the number, as a keyboard does, and moves on
			d.findElement(By.id("intake-number")).sendKeys("110105199003071239" + Keys.TAB);
			actions++;
			browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("intake-found"), "张三"));
			// 2: the item
			new Select(d.findElement(By.id("intake-item"))).selectByValue(NURSE);
			actions++;
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("application-form")));
			assertThat(d.findElement(By.id("applicantName")).getAttribute("value")).isEqualTo("张三");
			assertThat(d.findElements(By.cssSelector("input.original-check"))).hasSize(6);
			// only what people apply for is offered: no penalty, coercion or inspection
			assertThat(new Select(d.findElement(By.id("intake-item"))).getOptions()).extracting(o -> o.getText())
				.noneMatch(t -> t.contains("查封") || t.contains("监督检查"));
			// 3: every original checked and handed back
			d.findElement(By.id("all-originals")).click();
			actions++;
			// 4: the health certificate is scanned and kept
			d.findElement(By.id("file4")).sendKeys(scan.toAbsolutePath().toString());
			actions++;
			browser.screenshot("intake-01-form");
			// 5 and 6: receive and accept, confirmed once
			d.findElement(By.id("intake-accept")).click();
			actions++;
			Alert alert = browser.waiting().until(ExpectedConditions.alertIsPresent());
			assertThat(alert.getText()).startsWith("确认收件并受理");
			alert.accept();
			actions++;
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
			assertThat(d.findElement(By.id("case-state")).getText()).isEqualTo("已受理");
			assertThat(d.findElement(By.id("done")).getText()).contains("收件凭证和受理通知书已生成");
			assertThat(d.findElements(By.cssSelector("#documents tr[data-kind='RECEIPT']"))).hasSize(1);
			assertThat(d.findElements(By.cssSelector("#documents tr[data-kind='ACCEPTANCE_NOTICE']"))).hasSize(1);
			// 7: both print in one go
			String printed = d.findElement(By.id("print-window")).getAttribute("href");
			actions++;
			HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(printed))
					.header("Cookie", CaseJourneyBrowserTests.cookies(d))
					.GET()
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(pdf.statusCode()).isEqualTo(200);
			assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
			try (PDDocument doc = Loader.loadPDF(pdf.body())) {
				String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
				assertThat(text.indexOf("收件凭证")).isNotNegative().isLessThan(text.indexOf("受理通知书"));
				assertThat(text).contains("6个月内健康体检证明：原件已核验并退还，收取电子件1份").contains("已当场受理");
			}
			System.out.printf("window intake of a 6-material walk-in: %d actions, %.1f s%n", actions,
					took.toMillis() / 1000.0);
			assertThat(actions).isLessThanOrEqualTo(8);
			browser.screenshot("intake-02-accepted");

			// the same page on a phone in elderly mode: nothing wider than the screen
			browser.resize(390, 844);
			d.get(base + "/staff/intake?elder=on&applicantNumber=110105199003071239&item=" + NURSE);
			assertThat(d.findElement(By.id("intake-found")).getText()).contains("张三");
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0L);
			browser.screenshot("intake-03-phone-zh-elder");
			// a wrong number says so in words
			d.get(base + "/staff/intake?applicantNumber=110105199003071230");
			assertThat(d.findElement(By.id("intake-bad-number")).getText()).contains("证件号码不正确");
		}
	}

	/** 就业登记 of 示范市人力资源和社会保障局: an instant public service. */
	static final String EMPLOYMENT = "660100-GG-04001";

	@Test
	void anInstantItemIsReceivedDecidedAndHandedOverInOneVisitWithItsRegistrationCertificate() throws Exception {
		String base = "http://localhost:" + port;
		try (Browser browser = new Browser()) {
			WebDriver d = browser.driver();
			browser.signIn(base, "clerk");
			d.get(base + "/staff/intake?applicantNumber=110105199003071239&item=" + EMPLOYMENT);
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("on-the-spot-fields")));
			assertThat(d.findElement(By.id("on-the-spot-fields")).getText()).contains("即办件");
			d.findElement(By.id("all-originals")).click();
			browser.screenshot("instant-01-form");
			d.findElement(By.id("intake-on-the-spot")).click();
			Alert alert = browser.waiting().until(ExpectedConditions.alertIsPresent());
			assertThat(alert.getText()).startsWith("确认收件并当场办结");
			alert.accept();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
			assertThat(d.findElement(By.id("case-state")).getText()).isEqualTo("已送达办结");
			assertThat(d.findElement(By.id("done")).getText()).contains("已当场办结");
			assertThat(d.findElements(By.cssSelector("#documents tr[data-kind='RECEIPT']"))).hasSize(1);
			assertThat(d.findElements(By.cssSelector("#documents tr[data-kind='SERVICE_CERTIFICATE']"))).hasSize(1);
			assertThat(d.findElements(By.cssSelector("#documents tr[data-kind='APPROVAL_DECISION']"))).isEmpty();
			assertThat(d.findElements(By.id("on-the-spot"))).as("nothing left to do").isEmpty();
			browser.screenshot("instant-02-closed");

			HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(d.findElement(By.id("print-window")).getAttribute("href")))
					.header("Cookie", CaseJourneyBrowserTests.cookies(d))
					.GET()
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(pdf.statusCode()).isEqualTo(200);
			try (PDDocument doc = Loader.loadPDF(pdf.body())) {
				String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
				assertThat(text.indexOf("收件凭证")).isNotNegative().isLessThan(text.indexOf("就业登记证明"));
				assertThat(text).contains("已当场办结").doesNotContain("行政许可决定").doesNotContain("持证人");
			}

			// the closed case on a phone in elderly mode, then in English
			browser.resize(390, 844);
			d.get(d.getCurrentUrl().replaceAll("#.*", "") + "?elder=on");
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0L);
			browser.screenshot("instant-03-phone-zh-elder");
			d.get(d.getCurrentUrl().replace("elder=on", "lang=en"));
			assertThat(d.findElement(By.id("documents")).getText()).contains("Certificate of completion");
			browser.screenshot("instant-04-phone-en");
		}
	}

}
