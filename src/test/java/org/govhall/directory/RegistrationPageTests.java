package org.govhall.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.govhall.support.GovHallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Citizens and enterprises register with a checked identity number; bad numbers store
 * nothing.
 */
@GovHallTest
class RegistrationPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Test
	void aCitizenRegistersWithAValidIdentityNumberAndCanApply() throws Exception {
		assertThat(mvc.perform(get("/register?lang=zh-CN")).andReturn().getResponse().getContentAsString())
			.contains("居民身份证号码");
		mvc.perform(post("/register").with(csrf())
			.param("kind", "RESIDENT_ID")
			.param("legalName", "李明")
			.param("identityNumber", "11010519491231002x")
			.param("phone", "13900000000")
			.param("username", "liming-reg")
			.param("password", "a-long-password")).andExpect(redirectedUrl("/login?registered"));
		GovHallUser user = directory.principal("liming-reg").orElseThrow();
		assertThat(user.identity()).isNotNull();
		assertThat(user.identity().number()).isEqualTo("11010519491231002X");
		assertThat(user.identity().maskedNumber()).isEqualTo("110105********002X");
		assertThat(user.scope().roles()).containsExactly(Role.APPLICANT);
	}

	@Test
	void aWrongCheckDigitIsRefusedOnThePageAndNothingIsStored() throws Exception {
		String page = mvc
			.perform(post("/register").with(csrf())
				.param("kind", "RESIDENT_ID")
				.param("legalName", "王五")
				.param("identityNumber", "110105194912310021")
				.param("username", "wangwu-reg")
				.param("password", "a-long-password"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// in plain words at the field, with what was typed kept (the password aside)
		assertThat(page)
			.contains("id=\"identityNumber-error\"", "号码不对，请再核对一遍", "aria-invalid=\"true\"",
					"value=\"110105194912310021\"", "value=\"王五\"", "value=\"wangwu-reg\"")
			.doesNotContain("a-long-password");
		assertThat(directory.accountExists("wangwu-reg")).isFalse();
	}

	@Test
	void anEnterpriseRegistersWithItsCreditCode() throws Exception {
		mvc.perform(post("/register").with(csrf())
			.param("kind", "CREDIT_CODE")
			.param("legalName", "示范科技有限公司")
			.param("identityNumber", "91350100M000100Y43")
			.param("username", "shifan-keji")
			.param("password", "a-long-password")).andExpect(redirectedUrl("/login?registered"));
		assertThat(directory.principal("shifan-keji").orElseThrow().identity().regionCode()).isEqualTo("350100");
		// verified at a window, the code is the account's: one verified account per
		// organisation (ADR 0024)
		directory.verifyApplicant("shifan-keji", Verification.Via.WINDOW, "clerk");
		// the same credit code again, under another username: one account per
		// organisation, and the way back to it
		String again = mvc
			.perform(post("/register").with(csrf())
				.param("kind", "CREDIT_CODE")
				.param("legalName", "重复")
				.param("identityNumber", "91350100M000100Y43")
				.param("username", "shifan-keji-2")
				.param("password", "a-long-password"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).contains("这个证件号码已经注册过账户（用户名 sh********i）", "id=\"recover\"", "href=\"/login\"",
				"id=\"identityNumber-error\"");
		assertThat(directory.accountExists("shifan-keji-2")).isFalse();
	}

	@Test
	void residentsOfTheDemoProvinceRegisterWithTheirOwnIdentityNumbers() throws Exception {
		// 660102: 示范市 城关区; 66 is the demo province, which no national list knows
		mvc.perform(post("/register").with(csrf())
			.param("kind", "RESIDENT_ID")
			.param("legalName", "赵示范")
			.param("identityNumber", "660102196001011237")
			.param("username", "zhao-shifan")
			.param("password", "a-long-password")).andExpect(redirectedUrl("/login?registered"));
		assertThat(directory.principal("zhao-shifan").orElseThrow().identity().regionCode()).isEqualTo("660102");
	}

	@Test
	void everyProblemOfARegistrationIsNamedAtOnceInTheOrderOfTheFormAndInTheRequestersLanguage() throws Exception {
		String page = mvc
			.perform(post("/register?lang=zh-CN").with(csrf())
				.param("kind", "RESIDENT_ID")
				.param("legalName", "张\u202e三")
				.param("identityNumber", "110105194912310021")
				.param("username", "admin01")
				.param("password", "password123"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// a bidi character, a wrong check digit, a reserved user name and a common
		// password: four, not one per attempt
		assertThat(page).contains("姓名或单位名称：名称中不能有控制字符", "号码不对，请再核对一遍", "用户名 admin01 留作系统", "这个密码太常见");
		assertThat(page.indexOf("控制字符")).isLessThan(page.indexOf("号码不对"));
		assertThat(page.indexOf("留作系统")).isLessThan(page.indexOf("太常见"));
		assertThat(directory.accountExists("admin01")).isFalse();

		String en = mvc
			.perform(post("/register?lang=en").with(csrf())
				.param("kind", "RESIDENT_ID")
				.param("legalName", "Zhang\u0007San")
				.param("identityNumber", "11010519491231002x")
				.param("username", "system")
				.param("password", "password123"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// with an English colon, not a Chinese one
		assertThat(en)
			.contains("Name or organisation name: A name cannot contain control characters",
					"The user name system is reserved", "too common")
			.doesNotContain("organisation name：");
	}

}
