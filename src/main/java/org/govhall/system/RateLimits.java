package org.govhall.system;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rate limits on the public endpoints that need no login, per client address and per node: the progress lookup,
 * the login form, the document verification pages and self-registration. Each group is a token bucket of
 * {@code govhall.rate-limit.<group>.per-minute} requests that refills evenly over a minute. A request over the limit
 * gets 429 with {@code Retry-After} (seconds) and a problem+json body in the requester's language, or a short page
 * for a browser. The filter runs before Spring Security, so a flood of login attempts never reaches the password
 * check. Behind a load balancer, list it in {@code govhall.proxy.trusted} so that the address is the client's
 * ({@link ProxySettings}).
 */
@Configuration(proxyBeanMethods = false)
class RateLimits {

	/** A group of endpoints sharing one budget per client. */
	record Group(String name, int perMinute, Predicate<HttpServletRequest> matches) {
	}

	@Bean
	FilterRegistrationBean<Limiter> rateLimitFilter(Environment env, Problems problems, LocaleResolver locales,
			ObjectProvider<Clock> clock) {
		List<Group> groups = List.of(
				group(env, "progress", 60,
						r -> "GET".equals(r.getMethod()) && (path(r).equals("/progress")
								|| path(r).equals("/api/v1/progress"))),
				group(env, "login", 30, r -> "POST".equals(r.getMethod()) && path(r).equals("/login")),
				group(env, "verification", 120,
						r -> "GET".equals(r.getMethod()) && (path(r).equals("/verify") || path(r).startsWith("/verify/")
								|| path(r).startsWith("/api/v1/documents/"))),
				group(env, "registration", 20, r -> "POST".equals(r.getMethod())
						&& (path(r).equals("/register") || path(r).equals("/api/v1/applicants"))));
		Limiter limiter = new Limiter(groups, env.getProperty("govhall.rate-limit.enabled", Boolean.class, true),
				problems, locales, clock.getIfAvailable(Clock::systemUTC));
		FilterRegistrationBean<Limiter> bean = new FilterRegistrationBean<>(limiter);
		bean.setOrder(-110); // before Spring Security's filter chain (-100)
		bean.addUrlPatterns("/*");
		return bean;
	}

	private static Group group(Environment env, String name, int fallback, Predicate<HttpServletRequest> matches) {
		return new Group(name, env.getProperty("govhall.rate-limit." + name + ".per-minute", Integer.class, fallback),
				matches);
	}

	static String path(HttpServletRequest r) {
		return r.getRequestURI().substring(r.getContextPath().length());
	}

	static final class Limiter extends OncePerRequestFilter {

		/** Buckets idle this long are dropped when the map grows. */
		private static final long IDLE_NANOS = 10L * 60 * 1_000_000_000L;

		private static final int SWEEP_AT = 50_000;

		private final List<Group> groups;

		private final boolean enabled;

		private final Problems problems;

		private final LocaleResolver locales;

		private final Clock clock;

		private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

		private final JsonMapper json = JsonMapper.builder().build();

		Limiter(List<Group> groups, boolean enabled, Problems problems, LocaleResolver locales, Clock clock) {
			this.groups = groups;
			this.enabled = enabled;
			this.problems = problems;
			this.locales = locales;
			this.clock = clock;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (enabled) {
				for (Group g : groups) {
					if (g.perMinute() > 0 && g.matches().test(request)) {
						long wait = take(g, request.getRemoteAddr());
						if (wait > 0) {
							refuse(request, response, wait);
							return;
						}
						break;
					}
				}
			}
			chain.doFilter(request, response);
		}

		/** Takes a token; answers 0 when one was there, else the seconds until the next one. */
		long take(Group g, String client) {
			long now = clock.millis() * 1_000_000L;
			if (buckets.size() > SWEEP_AT) {
				buckets.values().removeIf(b -> b.idleSince(now) > IDLE_NANOS);
			}
			Bucket bucket = buckets.computeIfAbsent(g.name() + "|" + client, k -> new Bucket(g.perMinute(), now));
			return bucket.take(now);
		}

		private void refuse(HttpServletRequest request, HttpServletResponse response, long seconds)
				throws IOException {
			Locale locale = locales.resolveLocale(request);
			response.setStatus(429);
			response.setHeader("Retry-After", Long.toString(seconds));
			response.setCharacterEncoding("UTF-8");
			ProblemDetail p = problems.problem(429, "too-many-requests", "error.tooManyRequests",
					new Object[] { seconds }, List.of(), request, locale);
			String accept = request.getHeader("Accept");
			if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
				response.setContentType("text/html;charset=UTF-8");
				response.getWriter()
					.write("<!DOCTYPE html><html lang=\"" + (locale.getLanguage().equals("en") ? "en" : "zh-CN")
							+ "\"><head><meta charset=\"UTF-8\"><title>" + HtmlUtils.htmlEscape(p.getTitle())
							+ "</title></head><body><main><h1>" + HtmlUtils.htmlEscape(p.getTitle()) + "</h1><p>"
							+ HtmlUtils.htmlEscape(String.valueOf(p.getDetail())) + "</p></main></body></html>");
				return;
			}
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", String.valueOf(p.getType()));
			body.put("title", p.getTitle());
			body.put("status", p.getStatus());
			body.put("detail", p.getDetail());
			body.put("instance", String.valueOf(p.getInstance()));
			body.put("retryAfter", seconds);
			json.writeValue(response.getOutputStream(), body);
		}

	}

	/** Tokens refill evenly: {@code perMinute} per 60 s, never more than {@code perMinute} held. */
	static final class Bucket {

		private final int capacity;

		private final double nanosPerToken;

		private double tokens;

		private long at;

		Bucket(int capacity, long now) {
			this.capacity = capacity;
			this.nanosPerToken = 60_000_000_000d / capacity;
			this.tokens = capacity;
			this.at = now;
		}

		synchronized long take(long now) {
			if (now > at) {
				tokens = Math.min(capacity, tokens + (now - at) / nanosPerToken);
				at = now;
			}
			if (tokens >= 1) {
				tokens -= 1;
				return 0;
			}
			return Math.max(1, (long) Math.ceil((1 - tokens) * nanosPerToken / 1_000_000_000d));
		}

		synchronized long idleSince(long now) {
			return now - at;
		}

	}

}
