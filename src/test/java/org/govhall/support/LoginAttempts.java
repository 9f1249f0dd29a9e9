package org.govhall.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Logins from a chosen client address, by HTTP Basic (an API read) and by the login form,
 * for the throttle's tests.
 */
public final class LoginAttempts {

	private LoginAttempts() {
	}

	/**
	 * {@code GET /api/v1/accounts} with Basic credentials: 200 or 403 once signed in, 401
	 * or 429 if not.
	 */
	public static MockHttpServletResponse basic(MockMvc mvc, String username, String password, String address)
			throws Exception {
		return mvc.perform(get("/api/v1/accounts").with(httpBasic(username, password)).with(r -> {
			r.setRemoteAddr(address);
			return r;
		})).andReturn().getResponse();
	}

	/**
	 * {@code POST /login}: redirected to {@code /staff}, {@code /login?error} or
	 * {@code /login?wait=N}.
	 */
	public static MockHttpServletResponse form(MockMvc mvc, String username, String password, String address)
			throws Exception {
		return mvc
			.perform(post("/login").param("username", username).param("password", password).with(csrf()).with(r -> {
				r.setRemoteAddr(address);
				return r;
			}))
			.andReturn()
			.getResponse();
	}

}
