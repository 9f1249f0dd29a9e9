package org.govhall.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import demo.identityplatform.IdentityPlatformApplication;
import org.govhall.cases.CaseIntake;
import org.govhall.cases.SubmitCase;
import org.govhall.support.ApiClient;
import org.govhall.support.ApiClient.Response;
import org.govhall.support.MovableClock;
import org.govhall.support.RequiredMaterials;
import org.govhall.support.QuickPasswords;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * Issue 12, item 1 (ADR 0024): identities are verified, by the unified identity platform
 * or at a window, before anyone files; one verified account per number; an enterprise is
 * acted for only by its legal representative or staff it authorised. The demo identity
 * platform runs here as its own Spring application on a port of its own, and the sign-in
 * goes over real HTTP through the authorization-code flow, as a browser would.
 */
@Tag("multi-node")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "govhall.demo.enabled=true", "govhall.demo.training-clock=false",
				"govhall.cases.deemed-acceptance-cron=-", "govhall.supervision.daily-cron=-",
				"govhall.storage.dir=target/test-files/verified-identity", "govhall.rate-limit.enabled=false",
				// the test's HTTP client speaks plain http, and a secure cookie is never
				// sent over it
				"server.servlet.session.cookie.secure=false",
				"govhall.identity.client-secret=govhall-demo-platform-secret" })
@ActiveProfiles("h2")
@Import(QuickPasswords.class)
@ResourceLock(Lanes.IN_PROCESS)
class VerifiedIdentityTests {

	static final String FOOD = "660100-XK-02001";

	/** 企业注销登记: what the probe filed in the demo enterprise's name. */
	static final String DEREGISTRATION = "660100-XK-02003";

	static final byte[] PDF = "%PDF-1.4\n%test\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

	/** The demo enterprise's credit code: public, printed on its licence. */
	static final String HAOWEI = "91660100MA0000017K";

	/**
	 * An enterprise the platform knows (legal representative 李四) that has no GovHall
	 * account yet.
	 */
	static final String XINKAI = "91660100MA0000025E";

	/** 李四, a resident the platform knows, with no GovHall account yet. */
	static final String LISI = "660101198506151238";

	/** 王芳, a resident the platform knows. */
	static final String WANGFANG = "660102199211202342";

	static final int PLATFORM_PORT = freePort();

	static ConfigurableApplicationContext platform;

	@DynamicPropertySource
	static void identityPlatform(DynamicPropertyRegistry registry) {
		if (platform == null) {
			platform = IdentityPlatformApplication.start("--server.port=" + PLATFORM_PORT,
					"--identity-platform.issuer=http://127.0.0.1:" + PLATFORM_PORT);
		}
		registry.add("govhall.identity.issuer", () -> "http://127.0.0.1:" + PLATFORM_PORT);
	}

	@AfterAll
	static void stopPlatform() {
		if (platform != null) {
			platform.close();
			platform = null;
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	MovableClock.Moving clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	CaseIntake cases;

	ApiClient api;

	@BeforeEach
	void start() {
		api = new ApiClient(port);
		clock.set("2026-10-13T10:00:00");
	}

	static int freePort() {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Response register(String username, String kind, String name, String number) {
		return api.post("/api/v1/applicants", null, Map.of("username", username, "password", ApiClient.DEMO_PASSWORD,
				"kind", kind, "legalName", name, "identityNumber", number));
	}

	static void problem(Response r, int status) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		assertThat(r.contentType()).startsWith("application/problem+json");
	}

	@Nullable String verifiedHolder(String number) {
		return jdbc.sql("SELECT username FROM directory_account WHERE verified_number = :n")
			.param("n", number)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	// ---- the Why bullet: anyone could act as anyone

	@Test
	void aNumberTypedAtRegistrationProvesNothingTheAccountCannotFileUntilVerified() {
		// the demo enterprise's public credit code: held by its verified account, so
		// registration points at it
		Response squat = register("t-squat-haowei", "CREDIT_CODE", "示范市好味餐饮有限公司", HAOWEI);
		problem(squat, 409);
		assertThat(squat.body()).contains("en*******e");
		// a code nobody verified yet: the claim is taken, unverified, and cannot file in
		// the company's name
		Response claimed = register("t-squat-xinkai", "CREDIT_CODE", "示范市新开科技有限公司", XINKAI);
		assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
		assertThat(directory.principal("t-squat-xinkai").orElseThrow().verified()).isFalse();
		Response filed = RequiredMaterials.submit(api, api, "t-squat-xinkai", DEREGISTRATION, PDF);
		problem(filed, 403);
		Response zh = api.post("/api/v1/cases", "t-squat-xinkai",
				Map.of("itemCode", DEREGISTRATION, "materials", List.of()), "Accept-Language", "zh-CN");
		assertThat(zh.json().get("detail").asString()).contains("身份尚未核验").contains("统一身份认证").contains("窗口");
		Response en = api.post("/api/v1/cases", "t-squat-xinkai",
				Map.of("itemCode", DEREGISTRATION, "materials", List.of()), "Accept-Language", "en");
		assertThat(en.json().get("detail").asString()).contains("not verified").contains("identity platform");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM cases_case WHERE applicant_number = :n")
			.param("n", XINKAI)
			.query(Long.class)
			.single()).isZero();
		// browsing and the applicant's own pages still work
		assertThat(api.get("/api/v1/notifications", "t-squat-xinkai").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/items/" + DEREGISTRATION, "t-squat-xinkai").status()).isEqualTo(200);
	}

	// ---- one verified account per number; a clerk verifies at the window

	@Test
	void aWindowClerkVerifiesAnAccountAfterSeeingTheCardAndASecondClaimOfTheNumberCanNeverBeVerified() {
		assertThat(register("t-wang-1", "RESIDENT_ID", "王芳", WANGFANG).status()).isEqualTo(201);
		// a second claim of the same number is no longer refused: a claim blocks nobody
		assertThat(register("t-wang-2", "RESIDENT_ID", "王芳", WANGFANG).status()).isEqualTo(201);
		Response found = api.get("/api/v1/applicants?query=" + WANGFANG, "clerk");
		assertThat(found.status()).as(found.body()).isEqualTo(200);
		assertThat(found.json().size()).isEqualTo(2);
		assertThat(found.body()).doesNotContain(WANGFANG).contains("\"verifiedVia\":null");
		// only a window clerk verifies, and only having seen the original
		problem(api.post("/api/v1/applicants/t-wang-1/verification", "t-wang-1", Map.of("originalSeen", true)), 403);
		problem(api.post("/api/v1/applicants/t-wang-1/verification", "reviewer", Map.of("originalSeen", true)), 403);
		problem(api.post("/api/v1/applicants/t-wang-1/verification", "clerk", Map.of("originalSeen", false)), 400);
		problem(api.get("/api/v1/applicants?query=" + WANGFANG, "applicant"), 403);
		Response verified = api.post("/api/v1/applicants/t-wang-1/verification", "clerk", Map.of("originalSeen", true));
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		assertThat(verified.json().get("verifiedVia").asString()).isEqualTo("WINDOW");
		GovHallUser wang = directory.principal("t-wang-1").orElseThrow();
		assertThat(wang.verified()).isTrue();
		assertThat(wang.verification().via()).isEqualTo(Verification.Via.WINDOW);
		assertThat(wang.verification().by()).isEqualTo("clerk");
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'directory.identity-verified' AND subject"
					+ " = 't-wang-1' AND actor = 'clerk'")
			.query(Long.class)
			.single()).isEqualTo(1);
		// the other claim of the number can never be verified now, and registration
		// points at the holder
		Response second = api.post("/api/v1/applicants/t-wang-2/verification", "clerk", Map.of("originalSeen", true),
				"Accept-Language", "zh-CN");
		problem(second, 409);
		assertThat(second.json().get("detail").asString()).contains("另一个经核验的账号");
		assertThat(directory.principal("t-wang-2").orElseThrow().verified()).isFalse();
		problem(register("t-wang-3", "RESIDENT_ID", "王芳", WANGFANG), 409);
		assertThat(verifiedHolder(WANGFANG)).isEqualTo("t-wang-1");
		// verified, the account files; the unverified claim does not
		Response filed = RequiredMaterials.submit(api, api, "t-wang-1", FOOD, PDF);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		problem(RequiredMaterials.submit(api, api, "t-wang-2", FOOD, PDF), 403);
	}

	// ---- an enterprise is acted for only by its legal representative or staff it
	// authorised

	@Test
	void anEnterpriseIsActedForOnlyByStaffItAuthorisedForAPeriodUntilRevoked() {
		Map<String, Object> forHaowei = Map.of("itemCode", DEREGISTRATION, "applicant",
				Map.of("kind", "CREDIT_CODE", "name", "示范市好味餐饮有限公司", "number", HAOWEI), "materials",
				RequiredMaterials.upload(api, "applicant", DEREGISTRATION, PDF));
		// 张三 is verified, but nobody authorised him: no filing in the company's name
		problem(api.post("/api/v1/cases", "applicant", forHaowei), 403);
		// only staff with a verified personal account, for at most a year
		assertThat(register("t-zhaoliu", "RESIDENT_ID", "赵六", "11010519491231002X").status()).isEqualTo(201);
		problem(api.post("/api/v1/enterprise-staff", "enterprise",
				Map.of("staffUsername", "t-zhaoliu", "validUntil", "2026-12-31")), 422);
		problem(api.post("/api/v1/enterprise-staff", "enterprise",
				Map.of("staffUsername", "applicant", "validUntil", "2028-01-01")), 400);
		problem(api.post("/api/v1/enterprise-staff", "applicant",
				Map.of("staffUsername", "applicant", "validUntil", "2026-12-31")), 403);
		Response granted = api.post("/api/v1/enterprise-staff", "enterprise",
				Map.of("staffUsername", "applicant", "validUntil", "2026-12-31"));
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		long grant = granted.json().get("id").asLong();
		// both sides see it
		assertThat(api.get("/api/v1/enterprise-staff", "enterprise").body())
			.contains("\"staffUsername\":\"applicant\"");
		assertThat(api.get("/api/v1/enterprise-staff", "applicant").body()).contains(HAOWEI)
			.contains("\"active\":true");
		Response filed = api.post("/api/v1/cases", "applicant", forHaowei);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		// the case belongs to the enterprise's account, filed by the person
		assertThat(jdbc.sql("SELECT applicant_number FROM cases_case WHERE number = :n")
			.param("n", filed.json().get("number").asString())
			.query(String.class)
			.single()).isEqualTo(HAOWEI);
		assertThat(api.get("/api/v1/cases/" + filed.json().get("number").asString(), "enterprise").status())
			.isEqualTo(200);
		// nobody else: another verified person, the unverified claimant
		problem(api.post("/api/v1/cases", "t-zhaoliu", forHaowei), 403);
		// revoked, it ends at once, and only the enterprise revokes
		problem(api.delete("/api/v1/enterprise-staff/" + grant, "applicant"), 403);
		assertThat(api.delete("/api/v1/enterprise-staff/" + grant, "enterprise").status()).isEqualTo(204);
		problem(api.post("/api/v1/cases", "applicant", forHaowei), 403);
		assertThat(api.get("/api/v1/enterprise-staff", "applicant").body()).contains("\"active\":false");
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_entry WHERE action IN ('directory.enterprise-staff-granted',"
					+ " 'directory.enterprise-staff-revoked') AND actor = 'enterprise'")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	// ---- the identity platform, over OpenID Connect, as a browser signs in

	/** A browser: cookies, redirects followed; a new one for each sign-in. */
	HttpClient browser = newBrowser();

	static HttpClient newBrowser() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	HttpResponse<String> get(String url) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/**
	 * Signs in on the platform's login form, starting from GovHall's button; the page
	 * GovHall ends on.
	 */
	HttpResponse<String> signInThroughPlatform(String login) throws Exception {
		browser = newBrowser();
		String govhall = "http://127.0.0.1:" + port;
		HttpResponse<String> loginPage = get(govhall + "/login");
		assertThat(loginPage.body()).contains("统一身份认证登录").contains("/login/platform");
		HttpResponse<String> platformForm = get(govhall + "/login/platform");
		assertThat(platformForm.uri().toString()).startsWith("http://127.0.0.1:" + PLATFORM_PORT + "/login");
		assertThat(platformForm.body()).contains("统一身份认证平台");
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(platformForm.body());
		assertThat(csrf.find()).isTrue();
		String form = "username=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&password="
				+ PlatformPassword.VALUE + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PLATFORM_PORT + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** The demo platform's password for every login. */
	static final class PlatformPassword {

		static final String VALUE = "govhall-demo";

	}

	@Test
	void aResidentSignsInThroughThePlatformAndGetsAVerifiedAccountThatFilesWhileALocalClaimStaysUnverified()
			throws Exception {
		// someone claimed 李四's number locally first
		assertThat(register("t-claims-lisi", "RESIDENT_ID", "李四", LISI).status()).isEqualTo(201);
		HttpResponse<String> landed = signInThroughPlatform("lisi");
		assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
		assertThat(landed.uri().getPath()).as(landed.uri() + " " + landed.body()).isEqualTo("/cases");
		assertThat(landed.body()).contains("李四");
		// a new verified account, not the claim
		String username = verifiedHolder(LISI);
		assertThat(username).isNotNull().isNotEqualTo("t-claims-lisi").matches("u[0-9a-f]{10}");
		GovHallUser lisi = directory.principal(username).orElseThrow();
		assertThat(lisi.verified()).isTrue();
		assertThat(lisi.verification().via()).isEqualTo(Verification.Via.PLATFORM);
		assertThat(lisi.verification().by()).startsWith("http://127.0.0.1:" + PLATFORM_PORT + "#");
		assertThat(lisi.identity().legalName()).isEqualTo("李四");
		assertThat(directory.principal("t-claims-lisi").orElseThrow().verified()).isFalse();
		problem(api.post("/api/v1/applicants/t-claims-lisi/verification", "clerk", Map.of("originalSeen", true)), 409);
		// the signed-in principal files
		List<SubmitCase.MaterialFile> files = RequiredMaterials.of(api, FOOD)
			.stream()
			.map(m -> new SubmitCase.MaterialFile(m, cases.upload("材料.pdf", PDF, lisi).id()))
			.toList();
		assertThat(cases.submit(new SubmitCase(FOOD, null, null, null, files, List.of(), null), null, lisi).number())
			.isNotBlank();
		// signing in again finds the same account
		signInThroughPlatform("lisi");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM directory_account WHERE identity_number = :n")
			.param("n", LISI)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theDemoResidentSigningInThroughThePlatformIsTheDemoAccountAndAnEnterpriseLoginNamesItsRepresentative()
			throws Exception {
		HttpResponse<String> landed = signInThroughPlatform("zhangsan");
		assertThat(landed.uri().getPath()).as(landed.uri() + " " + landed.body()).isEqualTo("/cases");
		assertThat(landed.body()).contains("张三");
		assertThat(verifiedHolder("110105199003071239")).isEqualTo("applicant");
		// a new enterprise, signed in by its legal representative 李四
		HttpResponse<String> company = signInThroughPlatform(XINKAI);
		assertThat(company.uri().getPath()).isEqualTo("/cases");
		String xinkai = verifiedHolder(XINKAI);
		assertThat(xinkai).isNotNull();
		assertThat(jdbc.sql("SELECT representative_number FROM directory_account WHERE username = :u")
			.param("u", xinkai)
			.query(String.class)
			.single()).isEqualTo(LISI);
	}

	@Test
	void wrongPlatformPasswordStaysOnThePlatformsLoginForm() throws Exception {
		get("http://127.0.0.1:" + port + "/login/platform");
		HttpResponse<String> wrong = browser
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PLATFORM_PORT + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=lisi&password=wrong"))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(wrong.uri().getHost()).isEqualTo("127.0.0.1");
		assertThat(wrong.uri().getPort()).isEqualTo(PLATFORM_PORT);
	}

}
