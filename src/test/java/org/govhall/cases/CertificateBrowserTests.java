package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.govhall.support.ApiClient;
import org.govhall.support.ApiClient.Response;
import org.govhall.support.Browser;
import org.govhall.support.GovHallTest;
import org.govhall.support.MovableClock;
import org.govhall.support.RequiredMaterials;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * Issue 10, item 9 in a real browser: the approver grants a food business licence
 * entering its scope, premises and term; the certificate's QR code leads to the
 * configured public address; a member of the public, signed out, on a phone in elderly
 * mode, opens that page and finds the licence valid with the holder masked and the
 * SHA-256 of the very PDF; the approver revokes it, and the same page then says it is
 * revoked. Screenshots: target/screenshots/licence-*.
 */
@Tag("browser")
@GovHallTest
@ResourceLock(Lanes.IN_PROCESS)
class CertificateBrowserTests {

	static final String SCOPE = LicenceDecisionTests.SCOPE;

	static final String PREMISES = LicenceDecisionTests.PREMISES;

	@LocalServerPort
	int port;

	@Autowired
	MovableClock.Moving clock;

	@Test
	void theApproverWritesTheLicenceThePublicVerifiesItFromItsQrCodeOnAPhoneAndSeesItRevoked() throws Exception {
		String base = "http://localhost:" + port;
		clock.set("2026-10-12T10:00:00");
		String number = reviewedFoodLicence(new ApiClient(port), "applicant");

		try (Browser browser = new Browser()) {
			WebDriver d = browser.driver();

			// the approver grants the licence and writes what it permits, where, and
			// until when
			CaseJourneyBrowserTests.signIn(browser, base, "approver");
			d.get(base + "/staff/cases/" + number);
			new Select(d.findElement(By.id("outcome"))).selectByValue("APPROVED");
			d.findElement(By.id("licence-scope")).sendKeys(SCOPE);
			d.findElement(By.id("licence-premises")).sendKeys(PREMISES);
			((JavascriptExecutor) d).executeScript("arguments[0].value = '2031-10-11'",
					d.findElement(By.id("licence-valid-until")));
			CaseJourneyBrowserTests.show(d, "licence-fields");
			browser.screenshot("licence-01-approver-decides");
			CaseJourneyBrowserTests.submit(browser, "decide");
			assertThat(d.findElement(By.id("licence")).getText()).contains(SCOPE, PREMISES, "2031-10-11");

			// the certificate: its PDF as the holder receives it, and where its QR code
			// leads
			WebElement row = CaseJourneyBrowserTests.certificateRow(d);
			String documentNumber = row.findElement(By.cssSelector("td.document-number")).getText();
			byte[] pdf = download(row.findElement(By.cssSelector("a.pdf-link")).getAttribute("href"),
					CaseJourneyBrowserTests.cookies(d));
			String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
			String qrTarget = qrCode(pdf);
			assertThat(qrTarget).isEqualTo("https://zwfw.example.gov.cn/verify/" + documentNumber);

			// the public, signed out, on a phone in elderly mode, follows the QR code
			// (served here by this test)
			d.manage().deleteAllCookies();
			browser.resize(390, 844);
			String verifyPath = URI.create(qrTarget).getPath();
			d.get(base + verifyPath + "?lang=zh-CN&elder=on");
			assertThat(d.findElement(By.tagName("body")).getAttribute("class")).contains("elder");
			assertThat(d.findElement(By.id("validity")).getAttribute("data-validity")).isEqualTo("VALID");
			assertThat(d.findElement(By.id("validity")).getText()).contains("有效");
			assertThat(d.findElement(By.id("verify-kind")).getText()).isEqualTo("证照");
			assertThat(d.findElement(By.id("verify-holder")).getText()).isEqualTo("张*");
			assertThat(d.findElement(By.id("verify-holder-number")).getText()).contains("********");
			assertThat(d.findElement(By.id("verify-certificate-no")).getText()).startsWith("660100-SCJG-2026-");
			assertThat(d.findElement(By.id("verify-item")).getText()).contains("食品经营许可");
			assertThat(d.findElement(By.id("verify-scope")).getText()).isEqualTo(SCOPE);
			assertThat(d.findElement(By.id("verify-valid-until")).getText()).isEqualTo("2031-10-11");
			assertThat(d.findElement(By.cssSelector("code.document-digest")).getText()).isEqualTo(sha256);
			String main = d.findElement(By.tagName("main")).getText();
			assertThat(main).contains("示范市市场监督管理局", "2026-10-12", documentNumber).doesNotContain("张三", "人民路");
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0L);
			browser.screenshot("licence-02-public-verifies-phone-elder");
			CaseJourneyBrowserTests.show(d, "verify-holder");
			browser.screenshot("licence-02b-public-verifies-phone-elder-facts");

			// the approver revokes the certificate, confirming once more
			browser.resize(1280, 900);
			clock.set("2026-10-20T10:00:00");
			CaseJourneyBrowserTests.signIn(browser, base, "approver");
			d.get(base + "/staff/cases/" + number);
			d.findElement(By.id("certificate-revocation-reason")).sendKeys("以欺骗手段取得许可，依照行政许可法第六十九条第二款撤销");
			CaseJourneyBrowserTests.submit(browser, "certificate-revocation-submit");
			assertThat(d.findElement(By.id("revocation")).getText()).contains("第六十九条", "2026-10-20");
			assertThat(d.findElements(By.id("certificate-revocation-form"))).as("once").isEmpty();
			CaseJourneyBrowserTests.show(d, "h-decision");
			browser.screenshot("licence-03-approver-revoked");

			// the same QR code now tells the public the certificate is revoked, in
			// Chinese and in English
			d.manage().deleteAllCookies();
			browser.resize(390, 844);
			d.get(base + verifyPath + "?lang=zh-CN&elder=on");
			assertThat(d.findElement(By.id("validity")).getAttribute("data-validity")).isEqualTo("REVOKED");
			assertThat(d.findElement(By.id("validity")).getText()).contains("已撤销（注销）", "2026-10-20");
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0L);
			CaseJourneyBrowserTests.show(d, "validity");
			browser.screenshot("licence-04-public-sees-revoked-phone-elder");
			d.get(base + verifyPath + "?lang=en");
			assertThat(d.findElement(By.id("validity")).getText()).contains("Revoked or cancelled", "2026-10-20");
			assertThat(d.findElement(By.tagName("main")).getText()).doesNotContain("有效期至", "许可范围");
			CaseJourneyBrowserTests.show(d, "validity");
			browser.screenshot("licence-05-public-sees-revoked-phone-en");
		}
	}

	/**
	 * A food licence of 示范市市场监督管理局 applied for by {@code applicant}, accepted and
	 * reviewed through the API.
	 */
	static String reviewedFoodLicence(ApiClient api, String applicant) {
		Response r = RequiredMaterials.submit(api, api, applicant, CaseJourneyTests.FOOD, CaseJourneyTests.PDF);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		String number = r.json().get("number").asString();
		assertThat(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null).status()).isEqualTo(200);
		assertThat(api
			.post("/api/v1/cases/" + number + "/review", "reviewer",
					Map.of("recommendation", "APPROVED", "comments", "现场核查符合条件"))
			.status()).isEqualTo(200);
		return number;
	}

	static byte[] download(String url, String cookies) throws Exception {
		HttpResponse<byte[]> r = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).isEqualTo(200);
		return r.body();
	}

	/**
	 * What the QR code printed on the first page says, read back from the rendered page
	 * as a phone camera would.
	 */
	static String qrCode(byte[] pdf) throws Exception {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
			int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
			return new QRCodeReader()
				.decode(new BinaryBitmap(
						new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels))),
						Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
				.getText();
		}
	}

}
