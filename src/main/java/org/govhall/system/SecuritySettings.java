package org.govhall.system;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.govhall.directory.Directory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what (ADR 0006). The API speaks HTTP Basic without sessions or cookies, so
 * it needs no CSRF token; the pages use form login with BCrypt, CSRF tokens on every
 * form, a secure session cookie and a strict CSP that the pages satisfy (no inline script
 * or style). Scope rules (region, department) are checked in the modules' façades.
 */
@Configuration(proxyBeanMethods = false)
class SecuritySettings {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/** Swagger UI sets inline styles; it gets them, and nothing else more. */
	static final String CSP_SWAGGER = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

	/**
	 * No observation per security filter, authentication and authorization: they wrapped
	 * each of the chain's filters on every request, about half a millisecond of CPU per
	 * API call (docs/PERFORMANCE.md). Requests are still observed as
	 * {@code http.server.requests}, and logins are audited (audit/AuditLog).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * A request the firewall refuses is answered through the error path with a detail
	 * that names its address as the cause ({@link ErrorPages#REJECTED}).
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return ErrorPages.MARK_REJECTED;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The gates in front of every password check (ADR 0019); see {@link LoginThrottle}
	 * for the settings.
	 */
	@Bean
	LoginThrottle loginThrottle(SystemSettings settings, ObjectProvider<Clock> clock) {
		SystemSettings.LoginThrottle t = settings.loginThrottle();
		SystemSettings.RateLimit limits = settings.rateLimit();
		return new LoginThrottle(
				new LoginThrottle.Settings(t.freeFailures(), t.maxDelay(), t.strangerChecks(), t.strangerWindow(),
						t.familiarFor(), limits.enabled() ? limits.perMinute(limits.basic(), 30) : 0),
				clock.getIfAvailable(Clock::systemUTC));
	}

	/**
	 * Checks a password against the account's hash, or against a dummy hash for a name
	 * without an account (Spring Security's timing protection), and only then whether the
	 * account is disabled: the time of the answer does not tell an existing account from
	 * an unknown name.
	 */
	static DaoAuthenticationProvider passwordCheck(UserDetailsService users, PasswordEncoder passwords) {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
		dao.setPasswordEncoder(passwords);
		dao.setPreAuthenticationChecks(user -> {
		});
		dao.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		return dao;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, Problems problems, LocaleResolver locales, UserDetailsService users,
			PasswordEncoder passwords, AuthenticationEventPublisher authenticationEvents, ObjectProvider<Clock> clock,
			LoginThrottle throttle) throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		ProviderManager basic = new ProviderManager(new BasicCredentialCache(
				throttle.guarding(passwordCheck(users, passwords), LoginThrottle.Channel.BASIC), users,
				clock.getIfAvailable(Clock::systemUTC)));
		basic.setAuthenticationEventPublisher(authenticationEvents);
		http.authenticationManager(basic);
		http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**")
			.authorizeHttpRequests(a -> a
				.requestMatchers(HttpMethod.GET, "/api/v1/items/*/draft", "/api/v1/accounts/**")
				.authenticated()
				.requestMatchers(HttpMethod.GET, "/api/v1/items/**", "/api/v1/regions/**", "/api/v1/departments/**",
						"/api/v1/halls/**", "/api/v1/calendar/**", "/api/v1/documents/**", "/api/v1/progress",
						"/api/v1/audit/head", "/api/v1/audit/heads", "/api/v1/case-steps")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/applicants", "/api/v1/password-reset")
				.permitAll()
				.requestMatchers("/v3/api-docs/**", "/actuator/health/**", "/actuator/info")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole("SYSTEM_ADMIN")
				.anyRequest()
				.authenticated())
			.httpBasic(b -> b.realmName("GovHall").authenticationEntryPoint((req, res, ex) -> {
				if (ErrorHandling.isDatabaseUnavailable(ex)) {
					// the account could not be looked up: not a wrong password, and no
					// reason to ask for one again
					res.setHeader("Retry-After", ErrorHandling.DATABASE_RETRY_AFTER);
					write(json, res, problems.problem(503, "database-unavailable", "error.databaseUnavailable",
							new Object[0], List.of(), req, locale(locales, req)));
					return;
				}
				if (ex instanceof LoginThrottle.Throttled t) {
					// the same answer for an account and for a name without one: nothing
					// tells them apart
					res.setHeader("Retry-After", Long.toString(t.seconds()));
					ProblemDetail p = problems.problem(429, "too-many-requests", "error.tooManyRequests",
							new Object[] { t.seconds() }, List.of(), req, locale(locales, req));
					p.setProperty("retryAfter", t.seconds());
					write(json, res, p);
					return;
				}
				res.setHeader("WWW-Authenticate", "Basic realm=\"GovHall\"");
				write(json, res, problems.problem(401, "unauthenticated", "error.unauthenticated", new Object[0],
						List.of(), req, locale(locales, req)));
			}))
			.exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> write(json, res,
					problems.problem(403, "forbidden", "error.forbidden.role", new Object[0], List.of(), req,
							locale(locales, req)))))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable())
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, UserDetailsService users, PasswordEncoder passwords,
			AuthenticationEventPublisher authenticationEvents, LoginThrottle throttle, IdentityPlatform platform,
			Directory directory) throws Exception {
		List<AuthenticationProvider> providers = new ArrayList<>(
				List.of(throttle.guarding(passwordCheck(users, passwords), LoginThrottle.Channel.FORM)));
		if (platform.configured()) {
			// the code from the identity platform is exchanged for its ID token, checked
			// against its keys
			providers.add(new OidcAuthorizationCodeAuthenticationProvider(
					new RestClientAuthorizationCodeTokenResponseClient(), new OidcUserService()));
		}
		ProviderManager form = new ProviderManager(providers);
		form.setAuthenticationEventPublisher(authenticationEvents);
		http.authenticationManager(form);
		// a session of an account disabled, stripped of a role or given a new password
		// since sign-in ends here
		http.addFilterAfter(new SignedInAccountCheck(users), SecurityContextHolderFilter.class);
		http.authorizeHttpRequests(a -> a
			.requestMatchers("/staff/**", "/supervision/**", "/cases/**", "/messages/**", "/messages", "/account/**",
					"/authorisations", "/authorisations/**")
			.authenticated()
			.anyRequest()
			.permitAll()).formLogin(f -> f.loginPage("/login").failureHandler((req, res, ex) -> {
				if (ErrorHandling.isDatabaseUnavailable(ex)) {
					// not a wrong password: the error page (ErrorPages) says the service
					// is unavailable, 503
					req.setAttribute(RequestDispatcher.ERROR_EXCEPTION, ex);
					res.sendError(503);
					return;
				}
				res.sendRedirect(req.getContextPath()
						+ (ex instanceof LoginThrottle.Throttled t ? "/login?wait=" + t.seconds() : "/login?error"));
			}).defaultSuccessUrl("/staff", false).permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/").permitAll())
			.httpBasic(b -> b.disable())
			.headers(h -> h.addHeaderWriter(pathCsp())
				.referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")))
			.csrf(Customizer.withDefaults());
		if (platform.configured()) {
			// the unified identity platform over OpenID Connect (ADR 0024): back from it,
			// the session holds the same
			// GovHallUser a password login gives (PlatformSignIn)
			http.oauth2Login(o -> o.loginPage("/login")
				.clientRegistrationRepository(platform)
				.authorizedClientRepository(IdentityPlatform.forgetting())
				.successHandler(new PlatformSignIn(directory))
				.failureHandler(PlatformSignIn::failed));
		}
		return http.build();
	}

	private static HeaderWriter pathCsp() {
		return (req, res) -> res.setHeader("Content-Security-Policy",
				req.getRequestURI().startsWith(req.getContextPath() + "/swagger-ui") ? CSP_SWAGGER : CSP);
	}

	private static Locale locale(LocaleResolver locales, HttpServletRequest req) {
		return locales.resolveLocale(req);
	}

	static void write(JsonMapper json, HttpServletResponse res, ProblemDetail problem) throws IOException {
		res.setStatus(problem.getStatus());
		res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		res.setCharacterEncoding("UTF-8");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(problem.getType()));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		json.writeValue(res.getOutputStream(), body);
	}

}
