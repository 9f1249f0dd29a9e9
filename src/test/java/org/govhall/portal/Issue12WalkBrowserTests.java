package org.govhall.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.govhall.support.Accessibility;
import org.govhall.support.ApiClient;
import org.govhall.support.Browser;
import org.govhall.support.MovableClock;
import org.govhall.support.ProductionLimitsTest;
import org.govhall.support.RequiredMaterials;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * Issue 12's pages (items 4 to 9) walked as their users walk them, on a 390 px phone in
 * elderly mode, in Chinese and in English: the public on 审计日志链头公示 (and its JSON), on the
 * login page after wrong passwords, on the registration page refusing a common password,
 * a reserved user name and a name with a text-direction character, on the public progress
 * of an extended case (no staff free text) and on a licence's verification page (holder
 * masked); the clerk, reviewer, approver and department admin on the 文书未出具 tile, list and
 * case page; the supervisor on the documents owed; the applicant stopped by the open-case
 * limit and by the daily upload quota. Every page: nothing wider than the phone, no
 * {@code null}, no raw codes or message keys, no ISO timestamps, no English in the
 * Chinese pages. Screenshots: target/screenshots/issue12-*.png.
 *
 * <p>
 * The document owed is recorded the way a failed typesetting leaves it (attempts and last
 * failure), straight in its table: making the file store fail is
 * DocumentsNeverMissingTests' (support/FailingDisk). The limits are those of
 * {@link ProductionLimitsTest}.
 */
@Tag("browser")
@ProductionLimitsTest
@ResourceLock(Lanes.IN_PROCESS)
class Issue12WalkBrowserTests {

	/** 食品经营许可 of 示范市. */
	static final String FOOD = "660100-XK-02001";

	/** 建设工程规划许可证核发, another item for the applicant's uploads. */
	static final String PLANNING = "660100-XK-05001";

	static final byte[] PDF = "%PDF-1.4\n%walk material\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

	/** Enum constants and message keys; none may be shown as such. */
	static final Pattern RAW_CODE = Pattern.compile("\\b(?:[A-Z]+_[A-Z_]+|RECEIVED|ACCEPTED|REVIEWED|DECIDED|"
			+ "APPROVED|REFUSED|VALID|REVOKED|EXPIRED|FORM|BASIC|INTACT)\\b|\\b[a-z]+\\.[a-z]+\\.[a-zA-Z.]+\\b|\\?\\?");

	/**
	 * An ISO instant or local date-time as Java prints it, where a person expects
	 * 2026-11-10 10:00.
	 */
	static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

	/**
	 * Latin words a Chinese page may show (lower case): formats, standards, the language
	 * switch, key names.
	 */
	static final Set<String> LATIN_ALLOWED = Set.of("govhall", "pdf", "english", "openapi", "html", "word", "excel",
			"json", "sha", "ed25519", "jpeg", "png", "openssl", "pkeyutl", "verify", "rawin");

	static final Pattern LATIN_WORD = Pattern.compile("\\b[A-Za-z]{3,}\\b");

	@LocalServerPort
	int port;

	@Autowired
	MovableClock.Moving clock;

	@Autowired
	JdbcClient jdbc;

	String base;

	/**
	 * Codes drawn at random (query codes, hashes, signatures) that may look like words;
	 * taken out before counting.
	 */
	final List<String> codes = new ArrayList<>();

	final List<String> serious = new ArrayList<>();

	final List<String> problems = new ArrayList<>();

	final Map<String, Set<String>> latin = new LinkedHashMap<>();

	@Test
	void issue12PagesReadWellOnAPhoneInElderlyModeInBothLanguagesForEachOfTheirUsers() throws Exception {
		base = "http://localhost:" + port;
		clock.set("2026-11-10T10:00:00");
		ApiClient api = new ApiClient(port);

		// an extended case whose reason names a person and an illness: staff only
		ApiClient.Response submitted = RequiredMaterials.submit(api, api, "enterprise", FOOD, PDF);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		String extended = submitted.json().get("number").asString();
		String code = submitted.json().get("queryCode").asString();
		codes.add(code);
		assertThat(api.post("/api/v1/cases/" + extended + "/acceptance", "clerk", null).status()).isEqualTo(200);
		String reason = "申请人张三（110105199003071239）患有高血压，需补充现场核查";
		assertThat(api.post("/api/v1/cases/" + extended + "/extension", "approver", Map.of("reason", reason)).status())
			.isEqualTo(200);

		// a licence granted, for its public verification page
		String licensed = RequiredMaterials.submit(api, api, "enterprise", FOOD, PDF).json().get("number").asString();
		assertThat(api.post("/api/v1/cases/" + licensed + "/acceptance", "clerk", null).status()).isEqualTo(200);
		assertThat(api
			.post("/api/v1/cases/" + licensed + "/review", "reviewer",
					Map.of("recommendation", "APPROVED", "comments", "现场核查符合条件"))
			.status()).isEqualTo(200);
		assertThat(api
			.post("/api/v1/cases/" + licensed + "/decision", "approver", Map.of("outcome", "APPROVED", "scope",
					"预包装食品销售", "premises", "示范市人民路 1 号", "validUntil", "2031-11-09"))
			.status()).isEqualTo(200);
		String certificate = certificate(api, licensed);

		// an accepted case whose notice failed twice to be typeset: owed (文书未出具)
		String owing = RequiredMaterials.submit(api, api, "enterprise", FOOD, PDF).json().get("number").asString();
		assertThat(api.post("/api/v1/cases/" + owing + "/acceptance", "clerk", null).status()).isEqualTo(200);
		jdbc.sql("""
				INSERT INTO cases_document_owed (issue_key, case_number, kind, department_code, owed_since, attempts,
				  last_error, last_failed_at)
				VALUES (:key, :n, 'ACCEPTANCE_NOTICE', '660100-SCJG', :at, 2, 'IOException: disk full', :at)
				""")
			.param("key", "walk-" + owing)
			.param("n", owing)
			.param("at", Timestamp.from(clock.instant()))
			.update();

		// the applicant's three open applications of 食品经营许可, the limit
		// (ProductionLimitsTest)
		for (int i = 0; i < 3; i++) {
			assertThat(RequiredMaterials.submit(api, api, "applicant", FOOD, PDF).status()).isEqualTo(201);
		}

		Path uploads = Files.createDirectories(Path.of("target", "test-files", "issue12-walk-uploads"));
		// every finding of one walk at once: the pages go on after a failed check
		SoftAssertions soft = new SoftAssertions();
		try (Browser browser = new Browser()) {
			WebDriver d = browser.driver();
			browser.resize(390, 844);

			// 1. the public: wrong passwords, then the wait (an account the walk does not
			// otherwise use)
			d.get(base + "/login?lang=zh-CN&elder=on");
			String waitText = null;
			for (int i = 0; i < 8 && waitText == null; i++) {
				d.findElement(By.id("username")).sendKeys("reviewer-hb");
				d.findElement(By.id("password")).sendKeys("wrong-password-" + i);
				var submit = d.findElement(By.cssSelector("form[action='/login'] button[type='submit']"));
				submit.click();
				// the answer is a new page: wait for the old one to go, else its form
				// satisfies the wait
				browser.awaitGone(submit);
				browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
				if (d.getCurrentUrl().contains("wait=")) {
					waitText = d.findElement(By.cssSelector(".notice.error")).getText();
				}
				else {
					soft.assertThat(d.findElement(By.cssSelector(".notice.error")).getText()).contains("用户名或密码错误");
				}
			}
			soft.assertThat(waitText).as("progressive delay after wrong passwords").isNotNull().matches(".*\\d+ 秒.*");
			String text = checkZh(browser, "01-login-wait");
			soft.assertThat(text).doesNotContain("锁定");
			d.get(d.getCurrentUrl().replace("lang=zh-CN", "") + "&lang=en");
			text = check(browser, "01-login-wait-en");
			soft.assertThat(text).containsPattern("try again in \\d+ second").doesNotContain("in 1 seconds");

			// 2. registration refusing a bidi character in the name, a reserved user
			// name, a common password
			register(browser, "zh-CN", "张\u202e三", "admin01", "password123");
			text = checkZh(browser, "02-register-refused");
			soft.assertThat(d.findElement(By.id("problems")).getText()).contains("控制字符", "留作系统", "太常见");
			register(browser, "en", "Zhang\u0007San", "system", "password123");
			text = check(browser, "02-register-refused-en");
			soft.assertThat(d.findElement(By.id("problems")).getText())
				.contains("control characters", "reserved", "too common");
			soft.assertThat(text).doesNotContainPattern("[\\u4e00-\\u9fff]{4}");

			// 3. the public progress of the extended case: the extension, never its
			// reason
			text = walk(browser, "03-progress", "/progress?number=" + extended + "&code=" + code);
			soft.assertThat(text).contains("延长").doesNotContain("110105199003071239", "高血压", "张三", "现场核查");
			look(browser, "03-progress", "#progress");
			d.get(base + "/progress?number=" + extended + "&code=" + code + "&lang=en&elder=on");
			text = check(browser, "03-progress-en");
			soft.assertThat(text).containsIgnoringCase("extend").doesNotContain("110105199003071239", "高血压");

			// 4. the licence verified by the public: holder masked
			text = walk(browser, "04-verify", "/verify/" + certificate);
			soft.assertThat(text).contains("有效", "示范市**").doesNotContain("示范市人民路");
			d.get(base + "/verify/" + certificate + "?lang=en&elder=on");
			text = check(browser, "04-verify-en");
			soft.assertThat(text).contains("Valid").doesNotContain("示范市人民路");

			// the number to type is shown as numbers are issued now (14 random
			// characters), not as before issue 12
			walk(browser, "04-verify-search", "/verify");
			soft.assertThat(d.findElement(By.id("number-hint")).getText())
				.containsPattern("[A-Z]{2}-\\d{4}-\\d{6}-[2-9A-Z]{14}\\b");
			soft.assertThat(d.findElement(By.id("number")).getAttribute("placeholder"))
				.matches("[A-Z]{2}-\\d{4}-\\d{6}-[2-9A-Z]{14}");
			soft.assertThat(certificate).matches("[A-Z]{2}-\\d{4}-\\d{6}-[2-9A-Z]{14}");

			// 5. the department's staff: the tile on the workbench, the list, the case
			// page
			for (String staff : List.of("clerk", "reviewer", "approver")) {
				browser.signIn(base, staff);
				text = walk(browser, "05-" + staff + "-workbench", "/staff");
				soft.assertThat(d.findElements(By.id("go-documents-owed"))).as(staff + " sees the tile").hasSize(1);
				soft.assertThat(d.findElement(By.id("go-documents-owed")).getText()).contains("文书未出具", "1 份");
				d.findElement(By.id("go-documents-owed")).click();
				browser.waiting().until(ExpectedConditions.urlContains("DOCUMENTS_OWED"));
				d.get(d.getCurrentUrl() + "&elder=on&lang=zh-CN");
				checkZh(browser, "06-" + staff + "-list");
				WebElement row = d.findElement(By.cssSelector("tr[data-number='" + owing + "']"));
				soft.assertThat(row.getText()).contains("文书未出具");
				text = walk(browser, "07-" + staff + "-case", "/staff/cases/" + owing);
				soft.assertThat(d.findElement(By.id("documents-owed")).getText())
					.contains("文书未出具", "受理通知书", "出具失败 2 次");
				look(browser, "07-" + staff + "-case", "#documents-owed");
			}
			d.get(base + "/staff?lang=en&elder=on");
			check(browser, "05-approver-workbench-en");
			soft.assertThat(d.findElement(By.id("go-documents-owed")).getText())
				.contains("1 document", "not issued")
				.doesNotContain("1 documents");
			d.get(base + "/staff/cases/" + owing + "?lang=en&elder=on");
			check(browser, "07-approver-case-en");
			soft.assertThat(d.findElement(By.id("documents-owed")).getText())
				.contains("Document not issued", "failed 2 times");
			// the department administrator runs the department's accounts, not its cases
			// (issue 12, item 3)
			browser.signIn(base, "deptadmin");
			walk(browser, "05-deptadmin-workbench", "/staff");
			soft.assertThat(d.findElements(By.id("go-documents-owed"))).as("deptadmin sees no case tile").isEmpty();

			// 6. the supervisor: the documents owed in the province
			browser.signIn(base, "supervisor");
			walk(browser, "08-supervision-documents", "/supervision/documents");
			soft.assertThat(d.findElement(By.id("documents-owed-count")).getText()).isNotBlank();
			soft.assertThat(d.findElement(By.cssSelector("#documents-owed [data-number='" + owing + "']")).getText())
				.contains("受理通知书", "文书未出具", "2026-11-10 10:00");
			look(browser, "08-supervision-documents", "#documents-owed");
			d.get(base + "/supervision/documents?lang=en&elder=on");
			check(browser, "08-supervision-documents-en");
			soft.assertThat(d.findElement(By.id("documents-owed")).getText()).contains("Document not issued");

			// 7. the applicant: a fourth open application of the same item, then too many
			// files in a day
			browser.signIn(base, "applicant");
			apply(browser, FOOD, uploads, 1);
			text = checkZh(browser, "09-open-case-limit");
			soft.assertThat(text).contains("您已有 3 件“食品经营许可”", "等待受理", "撤回");
			look(browser, "09-open-case-limit", "#refusal");
			d.get(base + "/cases/new?item=" + FOOD + "&lang=en&elder=on");
			apply(browser, FOOD, uploads, 1);
			text = check(browser, "09-open-case-limit-en");
			soft.assertThat(text).contains("You already have 3 applications for", "waiting for acceptance");
			apply(browser, PLANNING, uploads, 32);
			text = checkZh(browser, "10-upload-quota");
			soft.assertThat(text).contains("上传的文件已达上限", "每天 30 个", "请明天再上传");
			// said once, not once per file refused, and not "choose them again"
			soft.assertThat(text.split("已达上限", -1)).hasSize(2);
			soft.assertThat(d.findElement(By.id("refusal")).getText()).doesNotContain("请重新选择下列文件");
			look(browser, "10-upload-quota", "#refusal");
			d.get(base + "/cases/new?item=" + PLANNING + "&lang=en&elder=on");
			apply(browser, PLANNING, uploads, 32);
			text = check(browser, "10-upload-quota-en");
			soft.assertThat(text).contains("upload limit", "30 files");

			// 8. anyone: the signed chain head, published at least every minute
			d.manage().deleteAllCookies();
			d.get(base + "/transparency?lang=zh-CN&elder=on");
			new WebDriverWait(d, Duration.ofSeconds(75)).until(x -> {
				if (x.findElements(By.id("signed-head")).isEmpty()) {
					x.navigate().refresh();
					return null;
				}
				return true;
			});
			text = walk(browser, "11-transparency", "/transparency");
			soft.assertThat(d.findElement(By.id("signed-head")).getText())
				.containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
			look(browser, "11-transparency", "#signed-head");
			d.get(base + "/transparency?lang=en&elder=on");
			check(browser, "11-transparency-en");
			ApiClient.Response head = api.get("/api/v1/audit/head", null);
			soft.assertThat(head.status()).isEqualTo(200);
			JsonNode h = head.json().get("head");
			soft.assertThat(h.get("seq").asLong()).isPositive();
			soft.assertThat(h.get("signature").asString()).isNotBlank();
			soft.assertThat(head.json().get("publicKeyPem").asString()).contains("PUBLIC KEY");
		}

		latin.forEach((page, words) -> System.out.println("Latin words on " + page + ": " + words));
		soft.assertAll();
		assertThat(problems).as(String.join("\n", problems)).isEmpty();
		assertThat(serious).as(String.join("\n", serious)).isEmpty();
		latin.forEach(
				(page, words) -> assertThat(words).as("English on the Chinese page " + page).isSubsetOf(LATIN_ALLOWED));
	}

	/** The licence's document number, once the listener has issued it. */
	static String certificate(ApiClient api, String number) throws InterruptedException {
		for (int i = 0; i < 300; i++) {
			for (JsonNode doc : api.get("/api/v1/cases/" + number, "approver").json().get("documents")) {
				if ("CERTIFICATE".equals(doc.get("kind").asString())) {
					return doc.get("number").asString();
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no certificate for " + number);
	}

	/**
	 * Fills in the registration form as typed, a name with characters no keyboard types
	 * set by script.
	 */
	void register(Browser browser, String lang, String name, String username, String password) {
		WebDriver d = browser.driver();
		d.manage().deleteAllCookies();
		d.get(base + "/register?elder=on&lang=" + lang);
		((JavascriptExecutor) d).executeScript("arguments[0].value = arguments[1]", d.findElement(By.id("legalName")),
				name);
		d.findElement(By.id("identityNumber")).sendKeys("110105199003071239");
		d.findElement(By.id("phone")).sendKeys("13800138000");
		d.findElement(By.id("username")).sendKeys(username);
		d.findElement(By.id("password")).sendKeys(password);
		WebElement button = d.findElement(By.cssSelector("form[action='/register'] button[type='submit']"));
		button.click();
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("problems")));
	}

	/**
	 * Applies for the item online with this many files for its first material, up to the
	 * summary or a refusal.
	 */
	void apply(Browser browser, String item, Path dir, int files) throws Exception {
		WebDriver d = browser.driver();
		if (!d.getCurrentUrl().contains("/cases/new?item=" + item)) {
			d.get(base + "/cases/new?item=" + item + "&lang=zh-CN&elder=on");
		}
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("application-form")));
		List<WebElement> inputs = d.findElements(By.cssSelector("#application-form input[type=file]"));
		StringBuilder paths = new StringBuilder();
		for (int i = 0; i < files; i++) {
			Path f = dir.resolve("material-" + i + ".pdf");
			Files.write(f, PDF);
			paths.append(i == 0 ? "" : "\n").append(f.toAbsolutePath());
		}
		inputs.get(0).sendKeys(paths.toString());
		for (int i = 1; i < inputs.size(); i++) {
			Path f = dir.resolve("other-" + i + ".pdf");
			Files.write(f, PDF);
			inputs.get(i).sendKeys(f.toAbsolutePath().toString());
		}
		WebElement button = d.findElement(By.id("submit-application"));
		button.click();
		browser.awaitGone(button);
		if (!d.findElements(By.id("confirm-application")).isEmpty()) {
			WebElement confirm = d.findElement(By.id("confirm-application"));
			confirm.click();
			browser.awaitGone(confirm);
		}
	}

	/** Opens the Chinese page in elderly mode and checks it; returns its visible text. */
	String walk(Browser browser, String name, String path) throws Exception {
		browser.driver().get(base + path + (path.contains("?") ? "&" : "?") + "elder=on&lang=zh-CN");
		return checkZh(browser, name);
	}

	/** Checks the Chinese page the browser stands on, and counts its Latin words. */
	String checkZh(Browser browser, String name) throws Exception {
		String text = check(browser, name);
		String prose = prose(browser.driver());
		Set<String> words = new TreeSet<>();
		Matcher m = LATIN_WORD.matcher(prose);
		while (m.find()) {
			words.add(m.group().toLowerCase(Locale.ROOT));
		}
		latin.put(name, words);
		return text;
	}

	/**
	 * The page's visible text without what is a code and not prose: document numbers,
	 * digests, signatures and the exact signed text (shown verbatim, ISO time included,
	 * to be checked by machine), the codes drawn at random, department codes and the
	 * names of uploaded files.
	 */
	String prose(WebDriver d) {
		String text = (String) ((JavascriptExecutor) d).executeScript("""
				const codes = Array.from(document.querySelectorAll('.document-digest, .document-number'));
				const shown = codes.map(e => e.style.display);
				codes.forEach(e => e.style.display = 'none');
				const text = document.body.innerText;
				codes.forEach((e, i) => e.style.display = shown[i]);
				return text;
				""");
		for (String c : codes) {
			text = text.replace(c, " ");
		}
		return text.replaceAll("\\b\\d{6}-[A-Z]{2,8}\\b", " ").replaceAll("[\\w.-]+\\.pdf\\b", " ");
	}

	static void look(Browser browser, String name, String css) throws Exception {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()",
				browser.driver().findElement(By.cssSelector(css)));
		browser.screenshot("issue12-" + name + "-detail");
	}

	/**
	 * Nothing wider than the phone, no null, no raw codes or keys, no ISO times, elderly
	 * mode on; a screenshot.
	 */
	String check(Browser browser, String name) throws Exception {
		WebDriver d = browser.driver();
		browser.screenshot("issue12-" + name);
		String classes = d.findElement(By.tagName("body")).getAttribute("class");
		if (classes == null || !classes.contains("elder")) {
			problems.add(name + ": not in elderly mode");
		}
		long overflow = browser.horizontalOverflow();
		if (overflow > 0) {
			problems.add(name + ": " + overflow + " px wider than the phone, because of "
					+ Issue11WalkBrowserTests.widest(d));
		}
		String text = d.findElement(By.tagName("body")).getText();
		String title = d.getTitle();
		Matcher nulls = Pattern.compile("(?i).{0,20}\\bnull\\b.{0,20}").matcher(text + "\n" + title);
		if (nulls.find()) {
			problems.add(name + ": shows null in \"" + nulls.group() + "\"");
		}
		String scanned = prose(d);
		Matcher raw = RAW_CODE.matcher(scanned + "\n" + title);
		while (raw.find()) {
			problems.add(name + ": shows the raw code or key " + raw.group());
		}
		Matcher iso = ISO_TIME.matcher(scanned);
		while (iso.find()) {
			problems.add(name + ": shows an ISO time " + iso.group());
		}
		if (name.startsWith("0") || name.startsWith("1")) {
			serious.addAll(Accessibility.seriousViolations(d, "issue12-" + name));
		}
		return text;
	}

}
