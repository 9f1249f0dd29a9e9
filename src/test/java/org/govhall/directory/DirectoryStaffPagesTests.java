package org.govhall.directory;

import java.util.List;

import org.govhall.shared.CreditCode;
import org.govhall.support.GovHallTest;
import org.govhall.support.HtmlForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The system administrator's directory page: the lists, and adding departments, accounts
 * and regions through its forms, with refusals listed on the page after the redirect.
 * Forms are posted as the rendered page would send them ({@link HtmlForm}).
 */
@GovHallTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryStaffPagesTests {

	/**
	 * The first 17 characters of a unified social credit code: 机关 (11), region 660100,
	 * then an organisation code.
	 */
	static final String CREDIT_PREFIX = "11660100MB0001234";

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	GovHallUser admin;

	GovHallUser adminBs;

	GovHallUser deptadmin;

	@BeforeAll
	void signIn() {
		admin = directory.principal("admin").orElseThrow();
		adminBs = directory.principal("admin-bs").orElseThrow();
		deptadmin = directory.principal("deptadmin").orElseThrow();
	}

	/**
	 * The window clerks this class opens in 示范市 (660100) without a department are clerks
	 * of its comprehensive windows, whom the demo departments' cases would go to in turn:
	 * they go off duty when the class is done, so that the classes after it find the
	 * demo's clerks on duty and no others.
	 */
	@AfterAll
	void offDuty() {
		jdbc.sql("UPDATE directory_account SET on_duty = FALSE WHERE username LIKE 't-page-%'").update();
	}

	/**
	 * Halls and windows are served from the node's snapshot of the directory (a guide's
	 * handling places read them on every guide): a hall or window added is there at once,
	 * in the region's list and by its id.
	 */
	@Test
	void aHallOrWindowAddedIsListedAtOnce() {
		String dep = directory.departmentsOf("660100").get(0).code();
		int before = directory.halls().size();
		HallView hall = directory
			.addHall(new HallDraft("660100", "示范市快照测试大厅", "Snapshot Test Hall", null, null, null, null, null), admin);
		assertThat(directory.halls()).hasSize(before + 1).extracting(HallView::id).contains(hall.id());
		assertThat(directory.hallsOf("660100")).extracting(HallView::id).contains(hall.id());
		assertThat(directory.hallsOf("660200")).extracting(HallView::id).doesNotContain(hall.id());
		assertThat(directory.hall(hall.id()).windows()).isEmpty();

		directory.addWindow(hall.id(),
				new WindowDraft("K01", "快照窗口", "Snapshot window", WindowKind.COMPREHENSIVE, java.util.Set.of(dep)),
				admin);
		assertThat(directory.hall(hall.id()).windows()).singleElement().satisfies(w -> {
			assertThat(w.number()).isEqualTo("K01");
			assertThat(w.departmentCodes()).containsExactly(dep);
		});
		assertThat(directory.halls().stream().filter(h -> h.id() == hall.id()).findFirst().orElseThrow().windows())
			.hasSize(1);
	}

	@Test
	void showsRegionsDepartmentsAndAccountsToTheProvincesSystemAdministrator() throws Exception {
		MockHttpServletResponse page = perform(get("/staff/directory").with(user(admin)));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("示范省", "示范市", "东湖县", "示范市市场监督管理局", "1166000090979317XY",
				"<td>deptadmin</td>", "<td>deptadmin-qc</td>", "<td>admin-bs</td>", "孙管理");
	}

	@Test
	void forbidsTheDirectoryPageToADepartmentAdministrator() throws Exception {
		assertThat(perform(get("/staff/directory").with(user(deptadmin))).getStatus()).isEqualTo(403);
		assertThat(
				perform(departmentForm("660100-PG-DENIED", null).post().with(user(deptadmin)).with(csrf())).getStatus())
			.isEqualTo(403);
		assertThat(directory.department("660100-PG-DENIED")).isEmpty();
	}

	@Test
	void refusesADepartmentWithAnInvalidCreditCodeAndListsTheProblem() throws Exception {
		char check = CreditCode.checkCharacter(CREDIT_PREFIX);
		String wrong = CREDIT_PREFIX + (check == '0' ? '1' : '0');
		assertThat(CreditCode.isValid(wrong)).isFalse();

		MvcResult result = send(departmentForm("660100-PG-BAD", wrong).post().with(user(admin)).with(csrf()));

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/staff/directory");
		assertThat(problems(result)).isNotEmpty().contains("统一社会信用代码无效（GB 32100 校验未通过）。");
		assertThat(flash(result)).doesNotContainKey("done");
		assertThat(directory.department("660100-PG-BAD")).isEmpty();
		assertThat(perform(get("/staff/directory").with(user(admin)).flashAttrs(result.getFlashMap()))
			.getContentAsString()).contains("id=\"problems\"", "统一社会信用代码无效（GB 32100 校验未通过）。");
	}

	@Test
	void refusesADepartmentWhoseFieldsBreakTheFormRules() throws Exception {
		MvcResult result = send(
				departmentForm("660100 PG BAD", null).set("nameZh", "").post().with(user(admin)).with(csrf()));

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(problems(result)).anySatisfy(p -> assertThat(p).startsWith("code: "))
			.anySatisfy(p -> assertThat(p).startsWith("nameZh: "));
		assertThat(directory.department("660100 PG BAD")).isEmpty();
	}

	@Test
	void addsADepartmentWithAValidCreditCode() throws Exception {
		String creditCode = CREDIT_PREFIX + CreditCode.checkCharacter(CREDIT_PREFIX);
		assertThat(creditCode).hasSize(18);
		assertThat(CreditCode.isValid(creditCode)).isTrue();

		MvcResult result = send(departmentForm("660100-PG-OK", creditCode).post().with(user(admin)).with(csrf()));

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/staff/directory");
		assertThat(flash(result)).doesNotContainKey("problems");
		assertThat(result.getFlashMap().get("done")).isEqualTo("已保存。");
		DepartmentView department = directory.department("660100-PG-OK").orElseThrow();
		assertThat(department.nameZh()).isEqualTo("示范市页面测试局");
		assertThat(department.regionCode()).isEqualTo("660100");
		assertThat(department.kind()).isEqualTo(DepartmentKind.GOVERNMENT);
		assertThat(department.creditCode()).isEqualTo(creditCode);
		assertThat(perform(get("/staff/directory").with(user(admin))).getContentAsString()).contains("示范市页面测试局",
				creditCode);
	}

	@Test
	void opensAStaffAccountThatCanThenSignIn() throws Exception {
		HtmlForm form = accountForm("t-page-clerk", "window-pass1").set("regionCode", "660100");
		assertThat(form.values("departmentCode")).as("no department chosen").containsExactly("");

		MvcResult result = send(form.post().with(user(admin)).with(csrf()));

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(flash(result)).doesNotContainKey("problems");
		assertThat(directory.accountExists("t-page-clerk")).isTrue();
		GovHallUser clerk = directory.principal("t-page-clerk").orElseThrow();
		assertThat(clerk.scope().roles()).containsExactly(Role.WINDOW_CLERK);
		assertThat(clerk.scope().regionCode()).isEqualTo("660100");
		assertThat(clerk.scope().departmentId()).isNull();
		assertThat(clerk.displayName()).isEqualTo("页面测试窗口");

		MockHttpServletResponse login = perform(
				post("/login").param("username", "t-page-clerk").param("password", "window-pass1").with(csrf()));
		assertThat(login.getStatus()).isEqualTo(302);
		assertThat(login.getRedirectedUrl()).isEqualTo("/staff");
		assertThat(
				perform(post("/login").param("username", "t-page-clerk").param("password", "wrong-pass-1").with(csrf()))
					.getRedirectedUrl())
			.isEqualTo("/login?error");
	}

	/** Fails today: the page trims every text field, the password too. See the report. */
	@Test
	void keepsThePasswordExactlyAsTyped() throws Exception {
		String password = "  spaced-password-1  ";
		MvcResult result = send(accountForm("t-page-spaces", password).set("regionCode", "660100")
			.post()
			.with(user(admin))
			.with(csrf()));
		assertThat(flash(result)).doesNotContainKey("problems");

		MockHttpServletResponse login = perform(
				post("/login").param("username", "t-page-spaces").param("password", password).with(csrf()));
		assertThat(login.getRedirectedUrl()).isEqualTo("/staff");
	}

	@Test
	void refusesAStaffAccountWithoutRegion() throws Exception {
		HtmlForm form = accountForm("t-page-noregion", "window-pass1");
		assertThat(form.values("regionCode")).as("no region chosen").containsExactly("");

		MvcResult result = send(form.post().with(user(admin)).with(csrf()));

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(problems(result)).isNotEmpty().contains("工作人员账号必须指定所属地区。");
		assertThat(directory.accountExists("t-page-noregion")).isFalse();
	}

	@Test
	void refusesAnAccountWithATooShortPassword() throws Exception {
		MvcResult result = send(accountForm("t-page-short", "short-1").set("regionCode", "660100")
			.post()
			.with(user(admin))
			.with(csrf()));

		assertThat(problems(result)).anySatisfy(p -> assertThat(p).startsWith("password: "));
		assertThat(directory.accountExists("t-page-short")).isFalse();
	}

	@Test
	void forbidsACitySystemAdministratorToAddARegionOutsideTheirCity() throws Exception {
		MockHttpServletResponse response = perform(post("/staff/directory/regions").param("code", "660103")
			.param("nameZh", "页面测试区")
			.param("nameEn", "Page Test District")
			.param("level", "COUNTY")
			.param("parentCode", "660100")
			.with(user(adminBs))
			.with(csrf()));

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(directory.region("660103")).isEmpty();
	}

	@Test
	void letsACitySystemAdministratorAddACountyInTheirCity() throws Exception {
		MvcResult result = send(post("/staff/directory/regions").param("code", "660223")
			.param("nameZh", "页面测试县")
			.param("nameEn", "Page Test County")
			.param("level", "COUNTY")
			.param("parentCode", "660200")
			.with(user(adminBs))
			.with(csrf()));

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(flash(result)).doesNotContainKey("problems");
		assertThat(directory.region("660223")).hasValueSatisfying(r -> {
			assertThat(r.parentCode()).isEqualTo("660200");
			assertThat(r.level()).isEqualTo(RegionLevel.COUNTY);
		});
	}

	/**
	 * A city's system administrator may add regions, departments and halls there, but
	 * cannot open the page.
	 */
	@Test
	void showsTheDirectoryPageToACitySystemAdministrator() throws Exception {
		assertThat(perform(get("/staff/directory").with(user(adminBs))).getStatus()).isEqualTo(200);
	}

	// ---- helpers

	/** The department form of the page, filled in for a department of 示范市 (660100). */
	private HtmlForm departmentForm(String code, String creditCode) throws Exception {
		HtmlForm form = HtmlForm.read(directoryPage(), "/staff/directory/departments")
			.set("code", code)
			.set("nameZh", "示范市页面测试局")
			.set("nameEn", "Demo City Page Test Bureau")
			.set("regionCode", "660100")
			.set("kind", "GOVERNMENT")
			.set("approvalDivisionZh", "行政审批科")
			.set("phone", "0660-1234567");
		return creditCode == null ? form : form.set("creditCode", creditCode);
	}

	/**
	 * The account form of the page, filled in for a window clerk; region and department
	 * left as offered.
	 */
	private HtmlForm accountForm(String username, String password) throws Exception {
		return HtmlForm.read(directoryPage(), "/staff/directory/accounts")
			.set("username", username)
			.set("password", password)
			.set("displayName", "页面测试窗口")
			.set("roles", "WINDOW_CLERK");
	}

	private String directoryPage() throws Exception {
		MockHttpServletResponse page = perform(get("/staff/directory").with(user(admin)));
		assertThat(page.getStatus()).isEqualTo(200);
		return page.getContentAsString();
	}

	@SuppressWarnings("unchecked")
	private static List<String> problems(MvcResult result) {
		Object problems = result.getFlashMap().get("problems");
		assertThat(problems).as("flash attribute problems").isInstanceOf(List.class);
		return (List<String>) problems;
	}

	/**
	 * The flash attributes of a redirect, as a map (a FlashMap is also Comparable, which
	 * confuses AssertJ).
	 */
	private static java.util.Map<String, Object> flash(MvcResult result) {
		return result.getFlashMap();
	}

	private MvcResult send(RequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn();
	}

	private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
		return send(request).getResponse();
	}

}
