package org.govhall.system;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What operations see: every request gets a request id (the caller's {@code X-Request-Id}
 * when it is a plain token, else a new one), put into the logging context as
 * {@code requestId} and answered in the {@code X-Request-Id} header; logs are JSON (ECS,
 * {@code logging.structured.format.console}) with that id. The gauge
 * {@code govhall.events.pending} counts event publications not completed yet.
 */
@Configuration(proxyBeanMethods = false)
class Observability {

	static final String HEADER = "X-Request-Id";

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> requestIdFilter() {
		FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String given = request.getHeader(HEADER);
				String id = given != null && TOKEN.matcher(given).matches() ? given : UUID.randomUUID().toString();
				MDC.put("requestId", id);
				response.setHeader(HEADER, id);
				try {
					chain.doFilter(request, response);
				}
				finally {
					MDC.remove("requestId");
				}
			}
		});
		bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
		bean.addUrlPatterns("/*");
		return bean;
	}

	@Bean
	MeterBinder pendingEventPublications(JdbcClient jdbc) {
		return registry -> Gauge
			.builder("govhall.events.pending",
					() -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
						.query(Long.class)
						.single())
			.description("Event publications not completed yet (listeners still to run or to retry)")
			.register(registry);
	}

}
