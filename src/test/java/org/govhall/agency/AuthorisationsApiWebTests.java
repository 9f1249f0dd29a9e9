package org.govhall.agency;

import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.IdentityKind;
import org.govhall.directory.Role;
import org.govhall.directory.Users;
import org.govhall.shared.ConflictException;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.RuleViolationException;
import org.govhall.system.WebEdge;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The agents' authorisations API alone (web slice), the authorisations behind it mocked:
 * an agent sees its own and a principal those naming them, a request binds to the record
 * the authorisations take and answers 201 with its address, every bad input is a 400 that
 * never reaches the authorisations, and their refusals (404, 409, 422) are problems in
 * the requester's language.
 */
@WebMvcTest(controllers = AuthorisationsApi.class)
@Import(WebEdge.class)
@MockitoBean(types = { Directory.class, UserDetailsService.class })
class AuthorisationsApiWebTests {

	static final GovHallUser AGENT = Users.staff(51, "agent", null, null, Role.AGENT);

	static final GovHallUser PRINCIPAL = Users.applicant(52, "zhangsan");

	static final AuthorisationRequest REQUEST = new AuthorisationRequest(IdentityKind.RESIDENT_ID, "张三",
			"11010519491231002X", List.of("660100-XK-02001"), null, LocalDate.of(2027, 3, 31));

	static final String REQUEST_JSON = """
			{"principalKind":"RESIDENT_ID","principalName":"张三","principalNumber":"11010519491231002X",
			 "itemCodes":["660100-XK-02001"],"validUntil":"2027-03-31"}
			""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Authorisations authorisations;

	static Authorisation pending(long id) {
		return new Authorisation(id, "agent", "代办公司", IdentityKind.RESIDENT_ID, "张三", "110105********002X",
				List.of("660100-XK-02001"), LocalDate.of(2026, 9, 30), LocalDate.of(2027, 3, 31),
				Authorisation.State.REQUESTED, Instant.parse("2026-09-30T02:00:00Z"), null, null, null, null,
				Authorisation.Status.PENDING);
	}

	@Test
	void anAgentSeesItsOwnAndAPrincipalThoseNamingThem() throws Exception {
		given(authorisations.ofAgent(AGENT)).willReturn(List.of(pending(7)));
		given(authorisations.ofPrincipal(PRINCIPAL)).willReturn(List.of());
		mvc.perform(get("/api/v1/authorisations").with(user(AGENT)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].principalNumberMasked").value("110105********002X"));
		mvc.perform(get("/api/v1/authorisations").with(user(PRINCIPAL)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
		verify(authorisations, never()).ofPrincipal(AGENT);
		verify(authorisations, never()).ofAgent(PRINCIPAL);
		mvc.perform(get("/api/v1/authorisations")).andExpect(status().isUnauthorized());
	}

	@Test
	void aRequestIsCreatedWithItsAddress() throws Exception {
		given(authorisations.request(REQUEST, AGENT)).willReturn(pending(8));
		mvc.perform(post("/api/v1/authorisations").with(user(AGENT))
			.contentType(MediaType.APPLICATION_JSON)
			.content(REQUEST_JSON))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/authorisations/8"))
			.andExpect(jsonPath("$.status").value("PENDING"));
		verify(authorisations).request(REQUEST, AGENT);
	}

	@Test
	void anIncompleteRequestIs400ListingEachFieldAndNeverReachesTheAuthorisations() throws Exception {
		mvc.perform(post("/api/v1/authorisations").with(user(AGENT)).contentType(MediaType.APPLICATION_JSON).content("""
				{"principalName":" ","principalNumber":"%s","itemCodes":[],"validUntil":null}
				""".formatted("1".repeat(19))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("提交的内容有 5 处不符合要求，请逐项修改。"))
			.andExpect(jsonPath("$.errors[?(@.field == 'principalKind')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'principalName')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'principalNumber')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'itemCodes')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'validUntil')]").exists());
		mvc.perform(post("/api/v1/authorisations").with(user(AGENT))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(REQUEST_JSON.replace("\"2027-03-31\"", "\"2027-02-30\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Bad request"));
		mvc.perform(post("/api/v1/authorisations/seven/confirm").with(user(PRINCIPAL)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("参数“id”的格式不正确。"));
		verifyNoInteractions(authorisations);
	}

	@Test
	void theAuthorisationsRefusalsAreProblemsInTheRequestersLanguage() throws Exception {
		given(authorisations.find(9, PRINCIPAL)).willThrow(new NotFoundException("error.authorisation.notFound", 9));
		given(authorisations.confirm(7, PRINCIPAL))
			.willThrow(new ConflictException("authorisation-state", "error.authorisation.state"));
		given(authorisations.request(any(), any())).willThrow(
				new RuleViolationException("authorisation-too-long", "error.authorisation.tooLong", "2027-09-30"));
		mvc.perform(get("/api/v1/authorisations/9").with(user(PRINCIPAL)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("未找到该授权委托。"));
		mvc.perform(post("/api/v1/authorisations/7/confirm").with(user(PRINCIPAL)).header("Accept-Language", "en"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:govhall:problem:authorisation-state"))
			.andExpect(jsonPath("$.detail").value("The authorisation is not in a state that allows this."));
		mvc.perform(post("/api/v1/authorisations").with(user(AGENT))
			.contentType(MediaType.APPLICATION_JSON)
			.content(REQUEST_JSON))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value("授权期间最长一年：截止日最迟为 2027-09-30。"));
	}

}
