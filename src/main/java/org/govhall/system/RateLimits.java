package org.govhall.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
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
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rate limits on the public endpoints that need no login, per client address and per
 * node: the progress lookup, the login form, the document verification pages and
 * self-registration. Each group is a token bucket of
 * {@code govhall.rate-limit.<group>.per-minute} requests that refills evenly over a
 * minute. A request over the limit gets 429 with {@code Retry-After} (seconds) and a
 * problem+json body in the requester's language, or a short page for a browser. The
 * filter runs before Spring Security, so a flood of login attempts never reaches the
 * password check. A group is matched on the {@linkplain #normalised(String) normalised}
 * path, whatever the method (ADR 0019): {@code /logi%6E}, {@code //login},
 * {@code /login;x=1} and {@code HEAD /login} all spend the login budget. The client
 * address is {@code request.getRemoteAddr()}, which Tomcat sets from a proxy's forwarded
 * header only when the proxy is listed in {@code govhall.proxy.trusted}
 * ({@link ProxySettings}). HTTP Basic password checks have their own budget per address
 * ({@code govhall.rate-limit.basic.per-minute}), spent in {@link LoginThrottle}, because
 * only a check that is not remembered costs a password hash.
 */
@Configuration(proxyBeanMethods = false)
class RateLimits {

	/** A group of endpoints sharing one budget per client. */
	record Group(String name, int perMinute, Predicate<HttpServletRequest> matches) {
	}

	@Bean
	FilterRegistrationBean<Limiter> rateLimitFilter(SystemSettings settings, Problems problems, LocaleResolver locales,
			ObjectProvider<Clock> clock) {
		SystemSettings.RateLimit limits = settings.rateLimit();
		List<Group> groups = List.of(
				group("progress", limits.perMinute(limits.progress(), 60), "/progress", "/api/v1/progress"),
				group("login", limits.perMinute(limits.login(), 60), "/login"),
				group("verification", limits.perMinute(limits.verification(), 120), "/verify", "/verify/**",
						"/api/v1/documents/**"),
				group("registration", limits.perMinute(limits.registration(), 40), "/register", "/api/v1/applicants"));
		Limiter limiter = new Limiter(groups, limits.enabled(), problems, locales,
				clock.getIfAvailable(Clock::systemUTC));
		FilterRegistrationBean<Limiter> bean = new FilterRegistrationBean<>(limiter);
		bean.setOrder(-110); // before Spring Security's filter chain (-100)
		bean.addUrlPatterns("/*");
		return bean;
	}

	/**
	 * A group of paths ({@code /x/**} covers {@code /x} and everything below it), matched
	 * on any method.
	 */
	private static Group group(String name, int perMinute, String... paths) {
		return new Group(name, perMinute, r -> {
			String path = normalised(path(r));
			for (String p : paths) {
				if (p.endsWith("/**")
						? path.equals(p.substring(0, p.length() - 3)) || path.startsWith(p.substring(0, p.length() - 2))
						: path.equals(p)) {
					return true;
				}
			}
			return false;
		});
	}

	static String path(HttpServletRequest r) {
		String uri = r.getRequestURI();
		String context = r.getContextPath();
		return context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}

	/**
	 * The path as the application will route it, or wider: path parameters ({@code ;x=1})
	 * dropped, percent-encoding decoded once (as the container does), backslashes read as
	 * slashes, repeated slashes collapsed, {@code .} and {@code ..} segments resolved, a
	 * trailing slash dropped, and lower case. The result may match more requests than the
	 * application would serve under a limited path, never fewer: a request that would
	 * reach a limited endpoint cannot dodge its budget by spelling the path differently.
	 */
	static String normalised(String raw) {
		StringBuilder withoutParameters = new StringBuilder(raw.length());
		for (String segment : raw.split("/", -1)) {
			int semicolon = segment.indexOf(';');
			withoutParameters.append('/').append(semicolon >= 0 ? segment.substring(0, semicolon) : segment);
		}
		List<String> segments = new ArrayList<>();
		for (String s : decode(withoutParameters.toString()).replace('\\', '/').split("/")) {
			if (s.equals("..")) {
				if (!segments.isEmpty()) {
					segments.remove(segments.size() - 1);
				}
			}
			else if (!s.isEmpty() && !s.equals(".")) {
				segments.add(s);
			}
		}
		return ("/" + String.join("/", segments)).toLowerCase(Locale.ROOT);
	}

	/**
	 * Percent-decoding as UTF-8; a malformed escape stays as it stands (the container
	 * refuses such a request).
	 */
	private static String decode(String s) {
		if (s.indexOf('%') < 0) {
			return s;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			int high = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
			int low = high >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
			if (c == '%' && low >= 0) {
				bytes.write(high * 16 + low);
				i += 2;
			}
			else {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
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

		/**
		 * Takes a token; answers 0 when one was there, else the seconds until the next
		 * one.
		 */
		long take(Group g, String client) {
			long now = clock.millis() * 1_000_000L;
			if (buckets.size() > SWEEP_AT) {
				buckets.values().removeIf(b -> b.idleSince(now) > IDLE_NANOS);
			}
			Bucket bucket = buckets.computeIfAbsent(g.name() + "|" + client, k -> new Bucket(g.perMinute(), now));
			return bucket.take(now);
		}

		private void refuse(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
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

	/**
	 * Tokens refill evenly: {@code capacity} per {@code period}, never more than
	 * {@code capacity} held.
	 */
	static final class Bucket {

		private final int capacity;

		private final double nanosPerToken;

		private double tokens;

		private long at;

		Bucket(int capacity, long now) {
			this(capacity, 60_000_000_000L, now);
		}

		Bucket(int capacity, long periodNanos, long now) {
			this.capacity = capacity;
			this.nanosPerToken = (double) periodNanos / capacity;
			this.tokens = capacity;
			this.at = now;
		}

		synchronized long take(long now) {
			refill(now);
			if (tokens >= 1) {
				tokens -= 1;
				return 0;
			}
			return Math.max(1, (long) Math.ceil((1 - tokens) * nanosPerToken / 1_000_000_000d));
		}

		/**
		 * Gives back a token that was taken for something that turned out not to count.
		 */
		synchronized void refund(long now) {
			refill(now);
			tokens = Math.min(capacity, tokens + 1);
		}

		/** Whether the bucket is full again, so that forgetting it changes nothing. */
		synchronized boolean full(long now) {
			refill(now);
			return tokens >= capacity;
		}

		private void refill(long now) {
			if (now > at) {
				tokens = Math.min(capacity, tokens + (now - at) / nanosPerToken);
				at = now;
			}
		}

		synchronized long idleSince(long now) {
			return now - at;
		}

	}

}
