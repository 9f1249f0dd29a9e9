package org.govhall.system;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The visitor's preferences, kept in cookies so they persist without an account: language
 * (zh-CN by default, en on request or by {@code Accept-Language}) and elderly mode (适老化:
 * larger type, high contrast, simpler layout).
 */
@Configuration(proxyBeanMethods = false)
class Preferences implements WebMvcConfigurer {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

	static final String LANG_COOKIE = "govhall-lang";

	static final String ELDER_COOKIE = "govhall-elder";

	static final String ELDER_ATTRIBUTE = "elderMode";

	static final String[] NO_PREFERENCES = { "/api/**", "/css/**", "/js/**", "/webjars/**" };

	@Bean
	LocaleResolver localeResolver() {
		return new PreferenceLocaleResolver();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
		lang.setParamName("lang");
		lang.setIgnoreInvalidLocale(true);
		// static assets are cached publicly for a year (ADR 0015): never with a visitor's
		// cookie on them
		registry.addInterceptor(lang).excludePathPatterns(NO_PREFERENCES);
		registry.addInterceptor(new ElderModeInterceptor()).excludePathPatterns(NO_PREFERENCES);
	}

	static Locale supported(@Nullable Locale requested) {
		if (requested != null && "en".equals(requested.getLanguage())) {
			return Locale.ENGLISH;
		}
		return CHINESE;
	}

	private static ResponseCookie cookie(String name, String value) {
		return ResponseCookie.from(name, value)
			.path("/")
			.maxAge(Duration.ofDays(365))
			.httpOnly(true)
			.sameSite("Lax")
			.build();
	}

	/** Language from the cookie, then from Accept-Language, else Chinese. */
	static final class PreferenceLocaleResolver implements LocaleResolver {

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			Object set = request.getAttribute(LANG_COOKIE);
			if (set instanceof Locale l) {
				return l;
			}
			if (request.getCookies() != null && !request.getRequestURI().startsWith("/api/")) {
				for (Cookie c : request.getCookies()) {
					if (LANG_COOKIE.equals(c.getName())) {
						return "en".equals(c.getValue()) ? Locale.ENGLISH : CHINESE;
					}
				}
			}
			String header = request.getHeader("Accept-Language");
			if (header == null || header.isBlank()) {
				return CHINESE;
			}
			try {
				Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
				if (best != null) {
					return supported(best);
				}
				for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
					if (r.getRange().startsWith("en")) {
						return Locale.ENGLISH;
					}
					if (r.getRange().startsWith("zh")) {
						return CHINESE;
					}
				}
			}
			catch (IllegalArgumentException ex) {
				return CHINESE;
			}
			return CHINESE;
		}

		@Override
		public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
				@Nullable Locale locale) {
			Locale chosen = supported(locale);
			request.setAttribute(LANG_COOKIE, chosen);
			if (response != null) {
				response.addHeader("Set-Cookie",
						cookie(LANG_COOKIE, "en".equals(chosen.getLanguage()) ? "en" : "zh-CN").toString());
			}
		}

	}

	/**
	 * {@code ?elder=on|off} switches elderly mode; every page learns the mode from the
	 * cookie.
	 */
	static final class ElderModeInterceptor implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			String param = request.getParameter("elder");
			boolean elder;
			if ("on".equals(param) || "off".equals(param)) {
				elder = "on".equals(param);
				response.addHeader("Set-Cookie", cookie(ELDER_COOKIE, elder ? "on" : "off").toString());
			}
			else {
				elder = false;
				if (request.getCookies() != null) {
					for (Cookie c : request.getCookies()) {
						if (ELDER_COOKIE.equals(c.getName())) {
							elder = "on".equals(c.getValue());
						}
					}
				}
			}
			request.setAttribute(ELDER_ATTRIBUTE, elder);
			return true;
		}

	}

}
