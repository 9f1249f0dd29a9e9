package org.govhall.directory;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.govhall.shared.ConflictException;
import org.govhall.shared.ForbiddenException;
import org.govhall.system.WebEdge;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The directory's staff page alone (web slice), the directory behind it mocked: who may
 * open it, how its region form binds to the same {@link RegionDraft} the API takes, and
 * that a form the draft's rules refuse comes back to the page with each field's problem
 * in the administrator's language without reaching the directory.
 */
@WebMvcTest(controllers = DirectoryStaffPages.class)
@Import(WebEdge.class)
@MockitoBean(types = AccountAdministration.class)
class DirectoryStaffPagesWebTests {

	static final GovHallUser ADMIN = Users.staff(1, "admin", "660000", null, Role.SYSTEM_ADMIN);

	static final GovHallUser CLERK = Users.staff(2, "clerk", "660100", 3L, Role.WINDOW_CLERK);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Directory directory;

	/**
	 * The accounts as they are now: each request of a signed-in session is checked
	 * against them.
	 */
	@MockitoBean
	UserDetailsService accounts;

	@BeforeEach
	void accountsAsSignedIn() {
		given(accounts.loadUserByUsername("admin")).willReturn(ADMIN);
		given(accounts.loadUserByUsername("clerk")).willReturn(CLERK);
	}

	static MockHttpServletRequestBuilder region(String code, String nameZh, String level) {
		return post("/staff/directory/regions").with(csrf())
			.param("code", code)
			.param("nameZh", nameZh)
			.param("nameEn", "Xihu District")
			.param("level", level)
			.param("parentCode", "660100");
	}

	@Test
	void onlyASystemAdministratorOpensThePage() throws Exception {
		mvc.perform(get("/staff/directory")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/staff/directory").with(user(CLERK)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("您的角色无权进行该操作。")));
		verify(directory, never()).regions();
	}

	@Test
	void aSessionWhoseAccountLostItsRoleSinceSignInEndsAtTheNextRequest() throws Exception {
		given(accounts.loadUserByUsername("admin"))
			.willReturn(Users.staff(1, "admin", "660000", null, Role.SUPERVISOR));
		mvc.perform(region("660103", "西湖区", "COUNTY").with(user(ADMIN)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		verify(directory, never()).addRegion(any(), any());
	}

	@Test
	void theRegionFormBindsTheDraftTheDirectoryTakes() throws Exception {
		mvc.perform(region("660103", " 西湖区 ", "COUNTY").with(user(ADMIN)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/staff/directory"))
			.andExpect(flash().attribute("done", "已保存。"));
		verify(directory).addRegion(new RegionDraft("660103", " 西湖区 ", "Xihu District", RegionLevel.COUNTY, "660100"),
				ADMIN);
	}

	@Test
	void aRefusedFormComesBackWithEachFieldsProblemAndNeverReachesTheDirectory() throws Exception {
		mvc.perform(region("06610", "", "COUNTY").with(user(ADMIN)))
			.andExpect(redirectedUrl("/staff/directory"))
			.andExpect(flash().attribute("problems", hasItem("code: 行政区划代码应为 6 位数字。")))
			.andExpect(flash().attribute("problems", hasItem(startsWith("nameZh: "))));
		mvc.perform(region("06610", "西湖区", "COUNTY").with(user(ADMIN)).header("Accept-Language", "en"))
			.andExpect(flash().attribute("problems", contains("code: A region code has six digits.")));
		mvc.perform(region("660103", "西湖区", "CONTINENT").with(user(ADMIN)))
			.andExpect(redirectedUrl("/staff/directory"))
			.andExpect(flash().attribute("problems", hasItem(startsWith("level: "))));
		verify(directory, never()).addRegion(any(), any());
	}

	@Test
	void theDirectorysRefusalComesBackToThePageButAForbiddenOneIsA403() throws Exception {
		given(directory.addRegion(any(), any()))
			.willThrow(new ConflictException("duplicate", "error.region.exists", "660103"))
			.willThrow(new ForbiddenException("error.forbidden.scope"));
		mvc.perform(region("660103", "西湖区", "COUNTY").with(user(ADMIN)))
			.andExpect(redirectedUrl("/staff/directory"))
			.andExpect(flash().attribute("problems", contains("行政区划 660103 已存在。")));
		mvc.perform(region("660103", "西湖区", "COUNTY").with(user(ADMIN))).andExpect(status().isForbidden());
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefusedBeforeBinding() throws Exception {
		mvc.perform(post("/staff/directory/regions").with(user(ADMIN)).param("code", "660103"))
			.andExpect(status().isForbidden());
		verify(directory, never()).addRegion(any(), any());
	}

}
