package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.govhall.calendar.HolidaySchedules;
import org.govhall.support.Accessibility;
import org.govhall.support.ApiClient;
import org.govhall.support.Browser;
import org.govhall.support.CaseJourneyContext;
import org.govhall.support.MovableClock;
import org.govhall.support.RequiredMaterials;
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
 * The two procedures inside the review (ADR 0030) walked in Chromium on a 390 px phone in
 * elderly mode, in Chinese and in English, by the people who take them: the reviewer
 * tells the interested parties, the window clerk records a statement and a hearing
 * request, the reviewer gives the hearing notice, the approver records the transcript;
 * the case page's section 陈述申辩与听证 and what the case waits for, the work list 听证与陈述申辩, the
 * notice's PDF link, the applicant's case page and messages, and supervision's case page.
 * Each irreversible step asks for confirmation, every field has its label, no raw code or
 * {@code null} is shown, no English in the Chinese pages, and axe-core finds no serious
 * violation. Screenshots: target/screenshots/hearing-*.png.
 */
@Tag("browser")
@CaseJourneyContext
@ResourceLock(Lanes.IN_PROCESS)
class HearingWalkBrowserTests {

	/** 食品经营许可 of 示范市. */
	static final String FOOD = "660100-XK-02001";

	static final byte[] PDF = "%PDF-1.4\n%hearing walk\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

	/** The table's codes, states, nulls and message keys. */
	static final Pattern RAW = Pattern.compile("\\b[A-Z]+_[A-Z_]+\\b|\\b(RECEIVED|ACCEPTED|REVIEWED|APPLICANT|"
			+ "DEPARTMENT|ORAL|WRITTEN|HEARING|STATEMENT)\\b|\\bnull\\b|\\berror\\.|\\bstep\\.[a-z]|"
			+ "\\b[a-z]+\\.[a-z]+\\.[a-zA-Z.]+\\b|\\?\\?");

	static final Pattern LATIN_WORD = Pattern.compile("\\b[A-Za-z]{3,}\\b");

	/**
	 * Latin words a Chinese page may show: the file type and the language switch.
	 */
	static final Set<String> LATIN_ALLOWED = Set.of("pdf", "english");

	/**
	 * What an English page may show in Chinese: the people's names, what they typed and
	 * said, the titles of the notices (the documents are Chinese), and the demo
	 * catalogue's conditions of a material, which it has in Chinese only.
	 */
	static final List<String> PEOPLES_WORDS = List.of("张三", "申请人张三", "李四", "王五", "王窗口", "赵审查", "钱审批", "吴监察", "三楼听证室",
			"相邻住户的采光和通风", "采光将受影响，要求举行听证", "双方陈述意见，当场签字", "行政许可利害关系人告知书", "行政许可听证通知书", "委托代理人办理的材料");

	@LocalServerPort
	int port;

	@Autowired
	MovableClock.Moving clock;

	@Autowired
	HolidaySchedules calendar;

	String base;

	final List<String> problems = new ArrayList<>();

	final List<String> serious = new ArrayList<>();

	final Map<String, Set<String>> latin = new LinkedHashMap<>();

	@Test
	void theStaffThePartiesAndSupervisionWalkTheNoticeToPartiesAndTheHearingOnAPhoneInBothLanguages() throws Exception {
		base = "http://localhost:" + port;
		clock.set("2026-11-02T09:00:00");
		LocalDate today = LocalDate.parse("2026-11-02");
		LocalDate hearingOn = calendar.calendar().addWorkingDays(today, 7);
		ApiClient api = new ApiClient(port);
		ApiClient.Response filed = RequiredMaterials.submit(api, api, "applicant", FOOD, PDF);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		String number = filed.json().get("number").asString();
		assertThat(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null).status()).isEqualTo(200);
		String page = "/staff/cases/" + number;

		SoftAssertions soft = new SoftAssertions();
		try (Browser browser = new Browser()) {
			WebDriver d = browser.driver();
			browser.resize(390, 844);

			// the reviewer tells the interested parties
			browser.signIn(base, "reviewer");
			open(browser, "hearing-01-reviewer-parties-form", page, true);
			form(soft, d, "interested-parties-notice-form", true);
			open(browser, "hearing-01-reviewer-parties-form-en", page, false);
			form(soft, d, "interested-parties-notice-form", true);
			d.get(base + page + "?elder=on&lang=zh-CN");
			d.findElement(By.id("interested-parties-notice-parties")).sendKeys("李四\n王五");
			d.findElement(By.id("interested-parties-notice-matter")).sendKeys("相邻住户的采光和通风");
			press(browser, "interested-parties-notice-submit", soft);
			String text = check(browser, "hearing-02-reviewer-parties-noticed", true);
			soft.assertThat(text).contains("已告知利害关系人").contains("陈述申辩与听证").contains("告知 李四、王五");
			soft.assertThat(d.findElement(By.id("awaited")).getText()).contains("等待利害关系人陈述申辩");
			open(browser, "hearing-02-reviewer-parties-noticed-en", page, false);
			soft.assertThat(d.findElement(By.id("procedures")).getText()).contains("Statements and hearing");

			// the window clerk records a statement and a hearing request
			browser.signIn(base, "clerk");
			open(browser, "hearing-03-clerk-statement-form", page, true);
			form(soft, d, "statements-form", true);
			form(soft, d, "hearing-request-form", true);
			// the fee form beside them says what the guide lists, a cent at least
			form(soft, d, "fees-form", false);
			soft.assertThat(d.findElement(By.id("fees-note")).getText()).containsAnyOf("办事指南所列收费", "载明不收费");
			soft.assertThat(d.findElement(By.id("fees-amount")).getDomAttribute("step")).isEqualTo("0.01");
			open(browser, "hearing-03-clerk-statement-form-en", page, false);
			d.get(base + page + "?elder=on&lang=zh-CN");
			d.findElement(By.id("statements-party")).sendKeys("李四");
			d.findElement(By.id("statements-summary")).sendKeys("采光将受影响，要求举行听证");
			press(browser, "statements-submit", soft);
			text = check(browser, "hearing-04-clerk-statement-recorded", true);
			soft.assertThat(text).contains("李四（书面）于 2026-11-02 陈述申辩");
			clock.set("2026-11-04T09:00:00");
			d.get(base + page + "?elder=on&lang=zh-CN");
			new org.openqa.selenium.support.ui.Select(d.findElement(By.id("hearing-request-by")))
				.selectByValue("INTERESTED_PARTY");
			d.findElement(By.id("hearing-request-requester")).sendKeys("李四");
			press(browser, "hearing-request-submit", soft);
			text = check(browser, "hearing-05-clerk-hearing-requested", true);
			soft.assertThat(text).contains("李四（利害关系人）于 2026-11-04 申请听证");
			soft.assertThat(d.findElement(By.id("awaited")).getText()).contains("听证通知");

			// the reviewer gives the hearing notice; the work list
			LocalDate noticeOn = calendar.calendar().addWorkingDays(LocalDate.parse("2026-11-04"), 7);
			browser.signIn(base, "reviewer");
			open(browser, "hearing-06-reviewer-notice-form", page, true);
			form(soft, d, "hearing-notice-form", true);
			open(browser, "hearing-06-reviewer-notice-form-en", page, false);
			d.get(base + page + "?elder=on&lang=zh-CN");
			((JavascriptExecutor) d).executeScript(
					"document.getElementById('hearing-notice-hearingOn').value = arguments[0]", noticeOn.toString());
			d.findElement(By.id("hearing-notice-place")).sendKeys("三楼听证室");
			d.findElement(By.id("hearing-notice-presider")).sendKeys("approver");
			press(browser, "hearing-notice-submit", soft);
			text = check(browser, "hearing-07-reviewer-hearing-noticed", true);
			soft.assertThat(text).contains("听证定于 " + noticeOn + " 09:30 在 三楼听证室 举行");
			soft.assertThat(d.findElement(By.id("awaited")).getText()).contains("听证笔录");
			open(browser, "hearing-07-reviewer-hearing-noticed-en", page, false);
			soft.assertThat(d.findElement(By.id("procedures")).getText()).contains("Hearing set for " + noticeOn);
			open(browser, "hearing-08-reviewer-worklist", "/staff/cases?list=PROCEDURES", true);
			soft.assertThat(d.findElement(By.tagName("main")).getText()).contains(number).contains("听证与陈述申辩");
			open(browser, "hearing-08-reviewer-worklist-en", "/staff/cases?list=PROCEDURES", false);
			soft.assertThat(d.findElement(By.tagName("main")).getText())
				.contains(number)
				.contains("Hearings and statements");

			// the applicant: the case page, the notices' links, the messages
			browser.signIn(base, "applicant");
			open(browser, "hearing-09-applicant-case", "/cases/" + number, true);
			soft.assertThat(d.findElement(By.id("procedures")).getText()).contains("听证定于 " + noticeOn);
			// each notice of procedure under its own title, with its PDF
			List<WebElement> notices = browser.waiting().until(dd -> {
				dd.navigate().refresh();
				List<WebElement> rows = dd.findElements(By.cssSelector("#documents tr[data-kind='PROCEDURE_NOTICE']"));
				return rows.size() == 2 ? rows : null;
			});
			soft.assertThat(notices.stream().map(WebElement::getText).toList())
				.anySatisfy(t -> assertThat(t).contains("程序告知文书", "行政许可利害关系人告知书", "下载 PDF"))
				.anySatisfy(t -> assertThat(t).contains("程序告知文书", "行政许可听证通知书", "下载 PDF"));
			for (WebElement row : notices) {
				soft.assertThat(row.findElement(By.cssSelector("a.pdf-link")).getAttribute("href"))
					.contains("/cases/" + number + "/documents/");
			}
			check(browser, "hearing-09-applicant-case-documents", true);
			open(browser, "hearing-09-applicant-case-en", "/cases/" + number, false);
			open(browser, "hearing-10-applicant-messages", "/messages", true);
			soft.assertThat(d.findElement(By.tagName("main")).getText()).contains("已发出听证通知");
			open(browser, "hearing-10-applicant-messages-en", "/messages", false);
			soft.assertThat(d.findElement(By.tagName("main")).getText()).contains("the hearing notice was issued");

			// supervision's case page: the act awaited
			browser.signIn(base, "supervisor");
			open(browser, "hearing-11-supervisor-case", "/supervision/cases/" + number, true);
			soft.assertThat(d.findElement(By.id("awaited")).getText()).contains("听证笔录");
			open(browser, "hearing-11-supervisor-case-en", "/supervision/cases/" + number, false);
			soft.assertThat(d.findElement(By.id("awaited")).getText()).contains("Hearing transcript");

			// the approver records the transcript on the day of the hearing
			clock.set(noticeOn + "T15:00:00");
			browser.signIn(base, "approver");
			open(browser, "hearing-12-approver-transcript-form", page, true);
			form(soft, d, "hearing-transcript-form", true);
			open(browser, "hearing-12-approver-transcript-form-en", page, false);
			d.get(base + page + "?elder=on&lang=zh-CN");
			d.findElement(By.id("hearing-transcript-participants")).sendKeys("李四、申请人张三");
			d.findElement(By.id("hearing-transcript-transcript")).sendKeys("双方陈述意见，当场签字");
			WebElement signed = d.findElement(By.cssSelector("#hearing-transcript-form input[name='signed']"));
			((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView()", signed);
			signed.click();
			press(browser, "hearing-transcript-submit", soft);
			text = check(browser, "hearing-13-approver-hearing-held", true);
			soft.assertThat(text).contains("听证于 " + noticeOn + " 举行");
			soft.assertThat(d.findElements(By.id("hearing-transcript-form"))).isEmpty();
			open(browser, "hearing-13-approver-hearing-held-en", page, false);
		}
		latin.forEach((name, words) -> System.out.println("Latin words on " + name + ": " + words));
		soft.assertAll();
		assertThat(problems).as(String.join("\n", problems)).isEmpty();
		assertThat(serious).as(String.join("\n", serious)).isEmpty();
		latin.forEach(
				(name, words) -> assertThat(words).as("English on the Chinese page " + name).isSubsetOf(LATIN_ALLOWED));
	}

	/**
	 * The form is there, each of its fields has a label (its own, or the label around
	 * it), and with {@code confirms} it asks before it is sent.
	 */
	static void form(SoftAssertions soft, WebDriver d, String id, boolean confirms) {
		List<WebElement> forms = d.findElements(By.id(id));
		soft.assertThat(forms).as(id).hasSize(1);
		if (forms.isEmpty()) {
			return;
		}
		WebElement form = forms.get(0);
		if (confirms) {
			soft.assertThat(form.getAttribute("data-confirm")).as(id + " asks for confirmation").isNotBlank();
		}
		for (WebElement field : form.findElements(By.cssSelector("input:not([type=hidden]), select, textarea"))) {
			String labelled = (String) ((JavascriptExecutor) d).executeScript(
					"const f = arguments[0]; return (f.labels && f.labels.length ? f.labels[0].innerText : '')"
							+ " || f.getAttribute('aria-label') || '';",
					field);
			soft.assertThat(labelled).as(id + " field " + field.getAttribute("name") + " has a label").isNotBlank();
		}
	}

	/**
	 * Presses a form's button, answers the confirmation it must ask (reading it), and
	 * waits for the page to come back.
	 */
	static void press(Browser browser, String buttonId, SoftAssertions soft) {
		WebElement button = browser.driver().findElement(By.id(buttonId));
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", button);
		button.click();
		Alert alert = browser.waiting().until(ExpectedConditions.alertIsPresent());
		soft.assertThat(alert.getText()).as(buttonId + " asks for confirmation").containsPattern("[\\u4e00-\\u9fff]");
		alert.accept();
		browser.awaitGone(button);
	}

	/** Opens a page in elderly mode in Chinese or English and checks it. */
	String open(Browser browser, String name, String path, boolean zh) throws Exception {
		browser.driver().get(base + path + (path.contains("?") ? "&" : "?") + "elder=on&lang=" + (zh ? "zh-CN" : "en"));
		return check(browser, name, zh);
	}

	/**
	 * The page the browser stands on: elderly mode, nothing wider than the phone, no raw
	 * code, no null, no English in Chinese (no Chinese in English but names), axe; the
	 * screenshots, scrolled down the page.
	 */
	String check(Browser browser, String name, boolean zh) throws Exception {
		WebDriver d = browser.driver();
		JavascriptExecutor js = (JavascriptExecutor) d;
		js.executeScript("window.scrollTo(0, 0)");
		browser.screenshot(name);
		// the parts of the page this walk is about, each scrolled into view
		for (String part : List.of("procedures", "awaited", "h-actions", "documents")) {
			List<WebElement> found = d.findElements(By.id(part));
			if (!found.isEmpty()) {
				js.executeScript("arguments[0].scrollIntoView()", found.get(0));
				browser.screenshot(name + "-" + part);
			}
		}
		String classes = d.findElement(By.tagName("body")).getAttribute("class");
		if (classes == null || !classes.contains("elder")) {
			problems.add(name + ": not in elderly mode");
		}
		long overflow = browser.horizontalOverflow();
		if (overflow > 0) {
			problems.add(name + ": " + overflow + " px wider than the phone");
		}
		String text = d.findElement(By.tagName("main")).getText();
		// what is a code and not prose: the case's query code (eight random letters and
		// digits, often letters only), case and document numbers (whose random part may
		// hold a run of letters), department codes, file names, the logins typed
		for (WebElement code : d.findElements(By.id("query-code"))) {
			text = text.replace(code.getText(), " ");
		}
		String prose = text.replaceAll("\\b\\d{6}-\\d{4}-\\d+\\b", " ")
			.replaceAll("\\b[A-Z]{2,3}-\\d{4}-\\d{6,12}-[\\dA-Z]+\\b", " ")
			.replaceAll("\\b[\\dA-Z]{6}-[A-Z\\d-]+\\b", " ")
			.replaceAll("[\\w.-]+\\.pdf\\b", " ");
		Matcher raw = RAW.matcher(prose + "\n" + d.getTitle());
		while (raw.find()) {
			problems.add(name + ": shows " + raw.group());
		}
		if (zh) {
			Set<String> words = new TreeSet<>();
			Matcher m = LATIN_WORD.matcher(prose);
			while (m.find()) {
				String word = m.group().toLowerCase(Locale.ROOT);
				words.add(word);
				if (!LATIN_ALLOWED.contains(word)) {
					System.out.println("Latin word on " + name + ": …"
							+ prose.substring(Math.max(0, m.start() - 30), Math.min(prose.length(), m.end() + 30))
							+ "…");
				}
			}
			latin.put(name, words);
		}
		else {
			// names are the people's own: the applicant, the parties, the place, what
			// they said, the item and department as the catalogue names them
			Matcher cjk = Pattern.compile("[\\u4e00-\\u9fff]{2,}").matcher(prose);
			Set<String> chinese = new TreeSet<>();
			while (cjk.find()) {
				chinese.add(cjk.group());
			}
			System.out.println("Chinese on the English page " + name + ": " + chinese);
			for (String run : chinese) {
				if (PEOPLES_WORDS.stream().noneMatch(w -> w.contains(run))) {
					problems.add(name + ": Chinese on the English page: " + run);
				}
			}
		}
		serious.addAll(Accessibility.seriousViolations(d, name));
		return text;
	}

}
