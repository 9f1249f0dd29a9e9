package org.govhall.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.govhall.support.BehindTheProxyTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Public endpoints are rate limited per client address: over the budget a client gets 429
 * with Retry-After and a problem+json in its language (a short page for a browser),
 * another client is not affected, and a flood of login attempts is stopped before the
 * password check. A limited path counts however it is spelled and whatever the method
 * (issue 12: {@code /logi%6E} and {@code HEAD} went round the limits). The budgets are
 * those of {@link BehindTheProxyTest}; the clients connect over https from addresses of
 * their own, not through the proxy.
 */
@BehindTheProxyTest
class RateLimitsTests {

	@Autowired
	MockMvc mvc;

	static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder b, String address) {
		return b.secure(true).with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
	}

	MockHttpServletResponse progress(String address, String lang) throws Exception {
		return mvc
			.perform(from(get("/api/v1/progress").param("number", "660100-2026-0000001")
				.param("code", "ABCDEFGH")
				.header("Accept-Language", lang), address))
			.andReturn()
			.getResponse();
	}

	@Test
	void theProgressLookupAnswers429WithRetryAfterOnceTheBudgetIsSpent() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(progress("10.0.0.1", "zh-CN").getStatus()).as("request %d", i + 1).isEqualTo(404);
		}
		MockHttpServletResponse refused = progress("10.0.0.1", "zh-CN");
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 12L);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("请求过于频繁")
			.contains("urn:govhall:problem:too-many-requests");
		assertThat(progress("10.0.0.1", "en").getContentAsString(StandardCharsets.UTF_8)).contains("Too many requests");
		assertThat(progress("10.0.0.2", "zh-CN").getStatus()).as("another client").isEqualTo(404);
	}

	@Test
	void loginAttemptsAreLimitedBeforeThePasswordCheck() throws Exception {
		for (int i = 0; i < 3; i++) {
			MockHttpServletResponse r = mvc
				.perform(from(post("/login").param("username", "nobody")
					.param("password", "wrong")
					.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
						.csrf()), "10.0.1.1"))
				.andReturn()
				.getResponse();
			assertThat(r.getStatus()).isEqualTo(302);
		}
		MockHttpServletResponse page = mvc
			.perform(from(post("/login").param("username", "nobody")
				.param("password", "wrong")
				.header("Accept", "text/html,application/xhtml+xml")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()), "10.0.1.1"))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(429);
		assertThat(page.getHeader("Retry-After")).isNotBlank();
		assertThat(page.getContentType()).startsWith("text/html");
		assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("请求过于频繁");
	}

	@Test
	void verificationAndRegistrationHaveTheirOwnBudgets() throws Exception {
		for (int i = 0; i < 4; i++) {
			assertThat(mvc.perform(from(get("/verify/NO-SUCH-1"), "10.0.2.1")).andReturn().getResponse().getStatus())
				.isNotEqualTo(429);
		}
		assertThat(
				mvc.perform(from(get("/api/v1/documents/NO-SUCH-1"), "10.0.2.1")).andReturn().getResponse().getStatus())
			.isEqualTo(429);
		// the progress budget of the same client is untouched
		assertThat(progress("10.0.2.1", "zh-CN").getStatus()).isEqualTo(404);
		for (int i = 0; i < 2; i++) {
			assertThat(mvc
				.perform(from(post("/api/v1/applicants").contentType("application/json").content("{}"), "10.0.2.1"))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(400);
		}
		assertThat(
				mvc.perform(from(post("/api/v1/applicants").contentType("application/json").content("{}"), "10.0.2.1"))
					.andReturn()
					.getResponse()
					.getStatus())
			.isEqualTo(429);
	}

	MockHttpServletResponse raw(HttpMethod method, String uri, String address) throws Exception {
		return mvc.perform(from(request(method, URI.create("http://localhost" + uri)).with(csrf()), address))
			.andReturn()
			.getResponse();
	}

	@Test
	void aLoginPathSpelledAnotherWayStillSpendsTheLoginBudget() throws Exception {
		String address = "10.0.3.1";
		for (String uri : List.of("/logi%6E", "//login", "/login;x=1")) {
			assertThat(raw(HttpMethod.POST, uri, address).getStatus()).as(uri).isNotEqualTo(429);
		}
		for (String uri : List.of("/login", "/logi%6E", "//login", "/login;x=1", "/./LOGIN", "/x/../login/")) {
			assertThat(raw(HttpMethod.POST, uri, address).getStatus()).as(uri).isEqualTo(429);
		}
	}

	@Test
	void everyMethodOnALimitedPathSpendsItsBudget() throws Exception {
		String address = "10.0.4.1";
		assertThat(
				raw(HttpMethod.HEAD, "/api/v1/progress?number=660100-2026-0000001&code=ABCDEFGH", address).getStatus())
			.isNotEqualTo(429);
		assertThat(raw(HttpMethod.OPTIONS, "/api/v1/progress", address).getStatus()).isNotEqualTo(429);
		assertThat(raw(HttpMethod.PUT, "/api/v1/progress", address).getStatus()).isNotEqualTo(429);
		assertThat(raw(HttpMethod.HEAD, "/progres%73?number=660100-2026-0000001&code=ABCDEFGH", address).getStatus())
			.isNotEqualTo(429);
		assertThat(raw(HttpMethod.DELETE, "/progress", address).getStatus()).isNotEqualTo(429);
		assertThat(raw(HttpMethod.HEAD, "/progress", address).getStatus()).isEqualTo(429);
		assertThat(progress(address, "zh-CN").getStatus()).isEqualTo(429);
		for (int i = 0; i < 3; i++) {
			raw(HttpMethod.HEAD, "/login", "10.0.4.2");
		}
		assertThat(raw(HttpMethod.POST, "/login", "10.0.4.2").getStatus()).as("HEAD spent the login budget")
			.isEqualTo(429);
	}

	@Test
	void thePathIsNormalisedAsTheServerWouldReadIt() {
		for (String raw : List.of("/login", "/logi%6E", "/%6c%6F%67%69%6e", "//login", "///login", "/login;x=1",
				"/login;jsessionid=abc", "/./login", "/x/../login", "/x/%2e%2e/login", "/LOGIN", "/login/", "\\login",
				"/login%2F", "/;x=1/login")) {
			assertThat(RateLimits.normalised(raw)).as(raw).isEqualTo("/login");
		}
		assertThat(RateLimits.normalised("/progres%73")).isEqualTo("/progress");
		assertThat(RateLimits.normalised("/verify%2FNO-1")).isEqualTo("/verify/no-1");
		assertThat(RateLimits.normalised("/../../login")).isEqualTo("/login");
		assertThat(RateLimits.normalised("/logi%6")).isEqualTo("/logi%6");
		assertThat(RateLimits.normalised("/log%E4%B8%ADin")).isEqualTo("/log中in");
		assertThat(RateLimits.normalised("/loginx")).isNotEqualTo("/login");
	}

	@Test
	void aBucketRefillsEvenlyOverAMinute() {
		RateLimits.Bucket b = new RateLimits.Bucket(6, 0);
		for (int i = 0; i < 6; i++) {
			assertThat(b.take(0)).isZero();
		}
		assertThat(b.take(0)).isEqualTo(10); // one token every 10 s
		assertThat(b.take(5_000_000_000L)).isEqualTo(5);
		assertThat(b.take(10_000_000_000L)).isZero();
		assertThat(b.take(10_000_000_000L)).isEqualTo(10);
		assertThat(b.take(1_000_000_000_000L)).isZero(); // refilled, but never beyond the
															// capacity
		for (int i = 0; i < 5; i++) {
			assertThat(b.take(1_000_000_000_000L)).isZero();
		}
		assertThat(b.take(1_000_000_000_000L)).isPositive();
	}

}
