package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.govhall.support.ApiClient;
import org.govhall.support.Browser;
import org.govhall.support.CaseJourneyContext;
import org.govhall.support.MovableClock;
import org.govhall.support.RequiredMaterials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * The action section of the case page after the procedure table (ADR 0026), walked on a
 * 390 px phone in elderly mode, in Chinese and in English, by each of its users: the
 * clerk on a received case (one-time notice, acceptance, refusal), the reviewer on an
 * accepted one (review, special procedure), the approver on a reviewed one (decision,
 * extension), the applicant on a case awaiting correction (corrections, withdrawal). Each
 * form is shown with its legal basis; no raw code or message key, no {@code null}, no
 * English in the Chinese pages; a refusal sent without its reasons (the browser's
 * {@code required} taken away) comes back in words. Screenshots:
 * target/screenshots/steps-*.png.
 */
@Tag("browser")
@CaseJourneyContext
@ResourceLock(Lanes.IN_PROCESS)
class CaseStepsWalkBrowserTests {

	/** 食品经营许可 of 示范市. */
	static final String FOOD = "660100-XK-02001";

	static final byte[] PDF = "%PDF-1.4\n%steps walk\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

	/**
	 * What must never be shown: the table's keys and names, states as codes, nulls,
	 * message keys.
	 */
	static final Pattern RAW = Pattern.compile("step\\.basis|CaseStep|CaseCommand|\\b[A-Z]+_[A-Z_]+\\b|\\bRECEIVED\\b|"
			+ "\\bACCEPTED\\b|\\bREVIEWED\\b|\\bAPPROVED\\b|\\bDENIED\\b|\\bnull\\b|\\berror\\.|\\b[a-z]+\\.[a-z]+\\.[a-zA-Z.]+\\b|\\?\\?");

	static final Pattern LATIN_WORD = Pattern.compile("\\b[A-Za-z]{3,}\\b");

	static final Set<String> LATIN_ALLOWED = Set.of("pdf", "english", "word", "excel", "jpeg", "png");

	@LocalServerPort
	int port;

	@Autowired
	MovableClock.Moving clock;

	String base;

	final List<String> problems = new ArrayList<>();

	final Map<String, Set<String>> latin = new LinkedHashMap<>();

	ApiClient api;

	/** Received, awaiting acceptance (the applicant's). */
	String received;

	/** Accepted, under review (the enterprise's). */
	String accepted;

	@BeforeEach
	void cases() {
		base = "http://localhost:" + port;
		clock.set("2026-10-12T10:00:00");
		api = new ApiClient(port);
		received = submit(api, "applicant");
		accepted = submit(api, "enterprise");
		ok(api.post("/api/v1/cases/" + accepted + "/acceptance", "clerk", null));
	}

	@Test
	void eachUserSeesTheFormsOfTheirStepsWithTheirLegalBasisReadablyOnAPhoneInBothLanguages() throws Exception {
		String reviewed = submit(api, "enterprise");
		ok(api.post("/api/v1/cases/" + reviewed + "/acceptance", "clerk", null));
		ok(api.post("/api/v1/cases/" + reviewed + "/review", "reviewer",
				Map.of("recommendation", "APPROVED", "comments", "现场核查符合条件")));
		String correcting = submit(api, "applicant");
		ok(api.post("/api/v1/cases/" + correcting + "/correction-notice", "clerk", Map.of("issues",
				List.of(Map.of("material", RequiredMaterials.of(api, FOOD).get(0), "problem", "缺少法定代表人签字")))));

		SoftAssertions soft = new SoftAssertions();
		try (Browser browser = new Browser()) {
			WebDriver d = browser.driver();
			browser.resize(390, 844);

			// the clerk: a received case
			browser.signIn(base, "clerk");
			String text = walk(browser, "steps-01-clerk-received", "/staff/cases/" + received, true);
			soft.assertThat(d.findElements(By.id("notice-form"))).as("one-time notice form").hasSize(1);
			soft.assertThat(d.findElements(By.id("accept"))).as("acceptance").hasSize(1);
			soft.assertThat(d.findElements(By.id("refusal-form"))).as("refusal form").hasSize(1);
			soft.assertThat(text).contains("第三十二条");
			soft.assertThat(basis(d, "acceptance")).contains("行政许可法", "第三十二条");
			soft.assertThat(basis(d, "refusal")).contains("行政许可法", "第三十二条");
			soft.assertThat(basis(d, "correction-notice")).contains("行政许可法", "第三十二条");
			walk(browser, "steps-01-clerk-received-en", "/staff/cases/" + received, false);
			soft.assertThat(basis(d, "refusal")).contains("Administrative Licensing Law", "Art. 32");

			// the refusal without reasons, the browser's check taken away: refused in
			// words, nothing done
			String refused = tampered(browser, "/staff/cases/" + received, "zh-CN",
					"document.getElementById('refusal-reasons').removeAttribute('required')", "refusal-submit");
			soft.assertThat(refused).contains("请填写理由或意见");
			check(browser, "steps-02-clerk-refusal-refused", true, "#refusal");
			soft.assertThat(d.findElement(By.id("case-state")).getText()).isEqualTo("已收件");
			// and over the limit (maxlength taken away), in English
			refused = tampered(browser, "/staff/cases/" + received, "en", """
					const r = document.getElementById('refusal-reasons');
					r.removeAttribute('maxlength');
					r.value = 'x'.repeat(2001);""", "refusal-submit");
			soft.assertThat(refused).contains("Reasons for not accepting", "at most 2000 characters", "2001");
			check(browser, "steps-02-clerk-refusal-too-long-en", false, "#refusal");
			refused = tampered(browser, "/staff/cases/" + received, "zh-CN", """
					const r = document.getElementById('refusal-reasons');
					r.removeAttribute('maxlength');
					r.value = '长'.repeat(2001);""", "refusal-submit");
			soft.assertThat(refused).contains("不予受理的理由", "最多 2000 个字", "2001");
			check(browser, "steps-02-clerk-refusal-too-long", true, "#refusal");
			soft.assertThat(d.findElement(By.id("case-state")).getText()).isEqualTo("已收件");

			// the reviewer: an accepted case
			browser.signIn(base, "reviewer");
			walk(browser, "steps-03-reviewer-accepted", "/staff/cases/" + accepted, true);
			soft.assertThat(d.findElements(By.id("review-form"))).as("review form").hasSize(1);
			soft.assertThat(d.findElements(By.id("suspension-form"))).as("suspension form").hasSize(1);
			soft.assertThat(basis(d, "suspension")).contains("第四十五条");
			soft.assertThat(basis(d, "review")).contains("第三十四条");
			walk(browser, "steps-03-reviewer-accepted-en", "/staff/cases/" + accepted, false);
			// an invalid date sent (the date picker's check taken away)
			refused = tampered(browser, "/staff/cases/" + accepted, "zh-CN", """
					const f = document.getElementById('suspension-from');
					f.type = 'text'; f.removeAttribute('min'); f.removeAttribute('max'); f.value = '2026-13-45';
					document.getElementById('suspension-reason').value = '听证';""", "suspension-submit");
			soft.assertThat(refused).contains("起始日", "格式不正确");
			check(browser, "steps-04-reviewer-bad-date", true, "#refusal");

			// the approver: a reviewed case
			browser.signIn(base, "approver");
			walk(browser, "steps-05-approver-reviewed", "/staff/cases/" + reviewed, true);
			soft.assertThat(d.findElements(By.id("decision-form"))).as("decision form").hasSize(1);
			soft.assertThat(d.findElements(By.id("extension-form"))).as("extension form").hasSize(1);
			soft.assertThat(basis(d, "decision")).contains("第三十七条");
			soft.assertThat(basis(d, "extension")).contains("第四十二条");
			walk(browser, "steps-05-approver-reviewed-en", "/staff/cases/" + reviewed, false);
			// a decision whose outcome is not one of the choices
			refused = tampered(browser, "/staff/cases/" + reviewed, "zh-CN",
					"document.getElementById('outcome').options[0].value = 'MAYBE'", "decide");
			soft.assertThat(refused).contains("决定", "格式不正确");
			check(browser, "steps-06-approver-bad-outcome", true, "#refusal");
			soft.assertThat(d.findElement(By.id("case-state")).getText()).isEqualTo("已审查");

			// the applicant: a case awaiting correction, and a received one
			browser.signIn(base, "applicant");
			walk(browser, "steps-07-applicant-correction", "/cases/" + correcting, true);
			soft.assertThat(d.findElements(By.id("correction-form"))).as("corrections form").hasSize(1);
			soft.assertThat(d.findElements(By.id("withdrawal-form"))).as("withdrawal").hasSize(1);
			soft.assertThat(basis(d, "corrections")).contains("第三十二条");
			walk(browser, "steps-07-applicant-correction-en", "/cases/" + correcting, false);
			walk(browser, "steps-08-applicant-received", "/cases/" + received, true);
			soft.assertThat(d.findElements(By.id("withdrawal-form"))).as("withdrawal").hasSize(1);
			soft.assertThat(d.findElements(By.id("refusal-form"))).as("no staff forms").isEmpty();
		}
		report(soft);
	}

	/**
	 * The findings of the walk of the case page, walked again at 390 px in elderly mode
	 * in Chinese and English: a refused form comes back at the form, anchored there, with
	 * what was typed and the field at fault marked; the hand-over without anyone to take
	 * the case is one plain sentence, no form; the ✓ of the listed special procedures is
	 * explained; the one-time notice's boxes are large. Screenshots:
	 * target/screenshots/steps-1*.png.
	 */
	@Test
	void aRefusedFormComesBackAtTheFormAsTypedAndTheCasePageExplainsItselfInElderlyMode() throws Exception {
		SoftAssertions soft = new SoftAssertions();
		try (Browser browser = new Browser()) {
			WebDriver d = browser.driver();
			JavascriptExecutor js = (JavascriptExecutor) d;
			browser.resize(390, 844);
			browser.signIn(base, "clerk");
			for (boolean zh : List.of(true, false)) {
				String lang = zh ? "zh-CN" : "en";
				String suffix = zh ? "" : "-en";

				// 2a: a refusal over the limit, with the authority typed as well
				String authority = zh ? "示范市住房和城乡建设局" : "Municipal Housing Bureau";
				String refused = tampered(browser, "/staff/cases/" + received, lang, """
						const r = document.getElementById('refusal-reasons');
						r.removeAttribute('maxlength');
						r.value = '长'.repeat(2001);
						document.getElementById('refusal-competentAuthority').value = '%s';""".formatted(authority),
						"refusal-submit");
				browser.screenshot("steps-10-refused-form-lands" + suffix);
				soft.assertThat(d.getCurrentUrl()).as("anchored at the form").endsWith("#step-refusal");
				soft.assertThat(refused).contains(zh ? "最多 2000 个字" : "at most 2000 characters");
				soft.assertThat(d.findElements(By.cssSelector("#step-refusal #refusal")))
					.as("the refusal at its form")
					.hasSize(1);
				soft.assertThat(d.findElements(By.cssSelector(".case-outcome #refusal")))
					.as("not at the top")
					.isEmpty();
				WebElement reasons = d.findElement(By.id("refusal-reasons"));
				soft.assertThat(reasons.getDomProperty("value")).as("what was typed").isEqualTo("长".repeat(2001));
				soft.assertThat(reasons.getDomAttribute("aria-invalid")).isEqualTo("true");
				soft.assertThat(reasons.getDomAttribute("aria-describedby")).isEqualTo("refusal");
				WebElement other = d.findElement(By.id("refusal-competentAuthority"));
				soft.assertThat(other.getDomProperty("value")).isEqualTo(authority);
				soft.assertThat(other.getDomAttribute("aria-invalid")).isNull();
				// the form's refusal is where the page landed, not above it
				Number top = (Number) js.executeScript(
						"return document.getElementById('refusal').getBoundingClientRect().top / window.innerHeight");
				soft.assertThat(top.doubleValue()).as("the refusal in the window").isBetween(-0.01, 0.9);
				check(browser, "steps-10-refused-form" + suffix, zh, "#step-refusal");
				soft.assertThat(d.findElement(By.id("case-state")).getText()).isEqualTo(zh ? "已收件" : "Received");

				// 2b: nobody else on duty to take the case: one plain sentence, no form
				soft.assertThat(d.findElements(By.id("handover-form"))).as("hand-over form").isEmpty();
				WebElement nobody = d.findElement(By.id("handover-nobody"));
				soft.assertThat(nobody.getText())
					.contains(zh ? "暂时无法移交" : "cannot be handed over", zh ? "在岗" : "on duty");
				js.executeScript("arguments[0].scrollIntoView()", nobody);
				browser.screenshot("steps-11-no-handover" + suffix);

				// 2d: the one-time notice's boxes at least 24 px, their labels as large
				// as the text
				d.get(base + "/staff/cases/" + received + "?elder=on&lang=" + lang);
				List<WebElement> boxes = d.findElements(By.cssSelector("#notice-form input[type=checkbox]"));
				soft.assertThat(boxes).as("the notice's boxes").isNotEmpty();
				for (WebElement box : boxes) {
					soft.assertThat(box.getRect().getWidth()).as("box width").isBetween(24, 30);
					soft.assertThat(box.getRect().getHeight()).as("box height").isBetween(24, 30);
				}
				for (WebElement label : d.findElements(By.cssSelector("#notice-form .notice-row label.inline"))) {
					soft.assertThat(Double.parseDouble(label.getCssValue("font-size").replace("px", "")))
						.as("label size")
						.isGreaterThanOrEqualTo(21);
				}
				check(browser, "steps-12-notice-boxes" + suffix, zh, "#notice-form");
			}

			// 2c: the reviewer's special procedures: the ✓ explained, in both languages
			browser.signIn(base, "reviewer");
			for (boolean zh : List.of(true, false)) {
				d.get(base + "/staff/cases/" + accepted + "?elder=on&lang=" + (zh ? "zh-CN" : "en"));
				WebElement legend = d.findElement(By.id("suspension-procedure-listed"));
				soft.assertThat(legend.isDisplayed()).isTrue();
				soft.assertThat(legend.getText()).contains("✓", zh ? "第四十五条" : "Art. 45");
				soft.assertThat(d.findElement(By.id("suspension-procedure")).getDomAttribute("aria-describedby"))
					.isEqualTo("suspension-procedure-listed");
				soft.assertThat(d.findElements(By.cssSelector("#suspension-procedure option"))
					.stream()
					.anyMatch(o -> o.getText().endsWith("✓"))).as("a listed procedure ticked").isTrue();
				check(browser, "steps-13-special-procedures" + (zh ? "" : "-en"), zh, "#step-suspension");
				// a suspension refused for its date: the procedure and reason as chosen
				// and typed, the date marked
				String refused = tampered(browser, "/staff/cases/" + accepted, zh ? "zh-CN" : "en", """
						const f = document.getElementById('suspension-from');
						f.type = 'text'; f.removeAttribute('min'); f.removeAttribute('max'); f.value = '2026-13-45';
						document.getElementById('suspension-procedure').value = 'EXPERT_REVIEW';
						document.getElementById('suspension-reason').value = '%s';"""
					.formatted(zh ? "专家评审" : "expert review"), "suspension-submit");
				soft.assertThat(refused).contains(zh ? "起始日" : "From");
				soft.assertThat(d.getCurrentUrl()).endsWith("#step-suspension");
				soft.assertThat(d.findElement(By.id("suspension-procedure")).getDomProperty("value"))
					.isEqualTo("EXPERT_REVIEW");
				soft.assertThat(d.findElement(By.id("suspension-reason")).getDomProperty("value"))
					.isEqualTo(zh ? "专家评审" : "expert review");
				soft.assertThat(d.findElement(By.id("suspension-from")).getDomAttribute("aria-invalid"))
					.isEqualTo("true");
				soft.assertThat(d.findElement(By.id("suspension-from")).getDomAttribute("aria-describedby"))
					.isEqualTo("refusal");
				soft.assertThat(d.findElement(By.id("suspension-procedure")).getDomAttribute("aria-describedby"))
					.isEqualTo("suspension-procedure-listed");
				check(browser, "steps-14-suspension-refused" + (zh ? "" : "-en"), zh, "#step-suspension");
			}
		}
		report(soft);
	}

	/**
	 * The soft assertions, the problems {@link #check} found, and the English words found
	 * in the Chinese pages.
	 */
	void report(SoftAssertions soft) {
		latin.forEach((page, words) -> System.out.println("Latin words in the actions of " + page + ": " + words));
		soft.assertAll();
		assertThat(problems).as(String.join("\n", problems)).isEmpty();
		latin.forEach((page, words) -> assertThat(words).as("English in the actions of the Chinese page " + page)
			.isSubsetOf(LATIN_ALLOWED));
	}

	static String submit(ApiClient api, String user) {
		ApiClient.Response r = RequiredMaterials.submit(api, api, user, FOOD, PDF);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	static void ok(ApiClient.Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	/** The legal basis under a step's form. */
	static String basis(WebDriver d, String segment) {
		List<WebElement> b = d.findElements(By.cssSelector("#step-" + segment + " .step-basis"));
		return b.isEmpty() ? "" : b.get(0).getText();
	}

	/**
	 * Opens the case page in elderly mode, changes a form past what the browser would let
	 * a person send, presses its button and answers the refusal the page comes back with.
	 */
	String tampered(Browser browser, String path, String lang, String script, String buttonId) {
		WebDriver d = browser.driver();
		d.get(base + path + "?elder=on&lang=" + lang);
		((JavascriptExecutor) d).executeScript(script);
		press(browser, buttonId);
		return browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("refusal"))).getText();
	}

	/**
	 * Presses a form's button, confirms when asked, and waits for the case page to come
	 * back.
	 */
	static void press(Browser browser, String buttonId) {
		WebElement button = browser.driver().findElement(By.id(buttonId));
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", button);
		boolean confirms = !button.findElements(By.xpath("ancestor::form[@data-confirm]")).isEmpty();
		button.click();
		if (confirms) {
			Alert alert = browser.waiting().until(ExpectedConditions.alertIsPresent());
			alert.accept();
		}
		browser.awaitGone(button);
	}

	/**
	 * Opens the case page in elderly mode in Chinese or English and checks its action
	 * section.
	 */
	String walk(Browser browser, String name, String path, boolean zh) throws Exception {
		browser.driver().get(base + path + "?elder=on&lang=" + (zh ? "zh-CN" : "en"));
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("h-actions")));
		return check(browser, name, zh, ".case-actions");
	}

	/**
	 * The section: no raw codes, nothing wider than the phone, elderly mode, no English
	 * in Chinese; screenshots.
	 */
	String check(Browser browser, String name, boolean zh, String css) throws Exception {
		WebDriver d = browser.driver();
		WebElement section = d.findElement(By.cssSelector(css));
		((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView()", section);
		browser.screenshot(name);
		long height = (Long) ((JavascriptExecutor) d).executeScript("return arguments[0].offsetHeight", section);
		for (int i = 1; i * 700 < height && i < 6; i++) {
			((JavascriptExecutor) d).executeScript("window.scrollBy(0, 700)");
			browser.screenshot(name + "-" + i);
		}
		String classes = d.findElement(By.tagName("body")).getAttribute("class");
		if (classes == null || !classes.contains("elder")) {
			problems.add(name + ": not in elderly mode");
		}
		long overflow = browser.horizontalOverflow();
		if (overflow > 0) {
			problems.add(name + ": " + overflow + " px wider than the phone");
		}
		String text = section.getText();
		Matcher raw = RAW.matcher(text);
		while (raw.find()) {
			problems.add(name + ": shows " + raw.group());
		}
		if (zh) {
			Set<String> words = new TreeSet<>();
			Matcher m = LATIN_WORD.matcher(text);
			while (m.find()) {
				words.add(m.group().toLowerCase(Locale.ROOT));
			}
			latin.put(name, words);
		}
		else if (Pattern.compile("[\\u4e00-\\u9fff]{3,}")
			.matcher(text.replaceAll("[\\u4e00-\\u9fff]+（[^）]*）", ""))
			.find()) {
			System.out.println("Chinese words in the English actions of " + name + ": " + text);
		}
		return text;
	}

}
