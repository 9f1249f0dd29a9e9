package org.govhall.system;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.govhall.shared.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;

/**
 * The web edge alone: every failure becomes RFC 9457 problem details in the requester's
 * language.
 */
@WebMvcTest(controllers = ProblemDetailsWebTests.Probe.class)
@Import({ Problems.class, SecuritySettings.class, ErrorPages.class, IdentityPlatform.class,
		ProblemDetailsWebTests.Probe.class })
class ProblemDetailsWebTests {

	/**
	 * The directory behind the page chain's sign-in through the identity platform; no
	 * request here signs in.
	 */
	@org.springframework.test.context.bean.override.mockito.MockitoBean
	org.govhall.directory.Directory directory;

	/**
	 * Nobody signs in here: with the OAuth2 client present Boot makes no user store of
	 * its own.
	 */
	@org.springframework.test.context.bean.override.mockito.MockitoBean
	org.springframework.security.core.userdetails.UserDetailsService users;

	@Autowired
	MockMvc mvc;

	@Test
	@WithMockUser
	void invalidFieldsComeBackAsProblemDetailsListingEveryFieldInChineseByDefault() throws Exception {
		mvc.perform(
				post("/api/v1/probe").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"count\":0}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:govhall:problem:invalid-input"))
			.andExpect(jsonPath("$.title").value("请求有误"))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.instance").value("/api/v1/probe"))
			.andExpect(jsonPath("$.errors", hasSize(2)))
			.andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'count')]").exists());
	}

	@Test
	@WithMockUser
	void speaksEnglishWhenAskedTo() throws Exception {
		mvc.perform(post("/api/v1/probe").header("Accept-Language", "en-GB,en;q=0.9")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"\",\"count\":1}"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Language", "en"))
			.andExpect(jsonPath("$.title").value("Bad request"))
			.andExpect(jsonPath("$.detail").value(containsString("problem")));
	}

	@Test
	@WithMockUser
	void malformedJsonAndWrongContentTypesAreClientErrors() throws Exception {
		mvc.perform(post("/api/v1/probe").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:govhall:problem:malformed-body"));
		mvc.perform(post("/api/v1/probe").contentType(MediaType.TEXT_PLAIN).content("name=x"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.type").value("urn:govhall:problem:unsupported-media-type"));
		mvc.perform(post("/api/v1/probe").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\",\"count\":\"many\"}")).andExpect(status().isBadRequest());
	}

	@Test
	@WithMockUser
	void ruleViolationsAre422WithTheirMessage() throws Exception {
		mvc.perform(get("/api/v1/probe/refused"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.type").value("urn:govhall:problem:publish-refused"))
			.andExpect(jsonPath("$.detail").value("不能公布：有 3 项不符合公布规则。"));
	}

	@Test
	@WithMockUser
	void unexpectedFailuresAre500WithoutInternals() throws Exception {
		mvc.perform(get("/api/v1/probe/boom"))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.type").value("urn:govhall:problem:internal"))
			.andExpect(content().string(not(containsString("IllegalStateException"))))
			.andExpect(content().string(not(containsString("secret detail"))));
	}

	@Test
	@WithMockUser
	void unknownApiPathsAre404ProblemDetails() throws Exception {
		mvc.perform(get("/api/v1/nothing-here"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void anonymousWritesAre401ProblemDetailsWithABasicChallenge() throws Exception {
		mvc.perform(post("/api/v1/probe").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Basic")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("需要登录"))
			.andExpect(jsonPath("$.properties").doesNotExist());
	}

	@Test
	@WithMockUser
	void everyResponseCarriesAStrictContentSecurityPolicy() throws Exception {
		mvc.perform(get("/api/v1/probe/refused"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	@WithMockUser
	void requestsTheServerCannotReadAreClientErrorsNotFailures() throws Exception {
		mvc.perform(get("/api/v1/probe/multipart"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:govhall:problem:malformed-multipart"));
		mvc.perform(get("/api/v1/probe/parameters").param("status", "400").header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("parameters could not be read")));
		mvc.perform(get("/api/v1/probe/parameters").param("status", "413"))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.type").value("urn:govhall:problem:too-large"));
	}

	@Test
	void theErrorPathAskedForDirectlyIsNotFoundNotAFailure() throws Exception {
		mvc.perform(get("/error"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/error").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
	}

	@RestController
	static class Probe {

		record Body(@NotBlank String name, @Min(1) int count) {
		}

		@PostMapping("/api/v1/probe")
		String accept(@Valid @RequestBody Body body) {
			return "ok";
		}

		@GetMapping("/api/v1/probe/refused")
		String refused() {
			throw new RuleViolationException("publish-refused", "error.publish.refused", 3);
		}

		@GetMapping("/api/v1/probe/boom")
		String boom() {
			throw new IllegalStateException("secret detail");
		}

		@GetMapping("/api/v1/probe/multipart")
		String multipart() {
			throw new MultipartException("Failed to parse multipart servlet request");
		}

		/**
		 * As Tomcat refuses a query with a broken encoding (400) or a form past its size
		 * limit (413).
		 */
		@GetMapping("/api/v1/probe/parameters")
		String parameters(@RequestParam int status) {
			throw new InvalidParameterException("parameters not parsed", status);
		}

	}

}
