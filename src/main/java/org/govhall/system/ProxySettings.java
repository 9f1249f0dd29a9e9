package org.govhall.system;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * GovHall behind a reverse proxy or load balancer (ADR 0022). The forwarded headers
 * {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} are believed
 * only when the connection comes from an address in {@code govhall.proxy.trusted}
 * (comma-separated CIDR blocks; a bare address is one host): Tomcat's
 * {@link RemoteIpValve} then sets the client's address (the rightmost one in
 * {@code X-Forwarded-For} that is not a trusted proxy), the scheme, host and port before
 * any filter runs, so that the rate limits, the audit log, HSTS and the redirects all see
 * the original request. From any other address, and while the setting is empty (the
 * default), the headers change nothing. Whatever forwarded headers are left, including
 * RFC 7239 {@code Forwarded}, which GovHall never reads, are removed before the
 * application sees the request.
 * <p>
 * With {@code govhall.proxy.require-https=true}, a request that did not arrive over https
 * (as the valve decides) is redirected to the same path at the https public address
 * {@code govhall.public-url}: 301 for GET and HEAD, 308 for other methods. Health probes
 * are exempt, since load balancers call them over plain http.
 */
@Configuration(proxyBeanMethods = false)
class ProxySettings {

	static final String TRUSTED = "govhall.proxy.trusted";

	static final String REQUIRE_HTTPS = "govhall.proxy.require-https";

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> forwardedHeadersFromTrustedProxies(
			SystemSettings settings) {
		List<String> trusted = trusted(settings.proxy().trusted());
		return factory -> {
			if (!trusted.isEmpty()) {
				factory.addEngineValves(valve(trusted));
			}
		};
	}

	/**
	 * The valve for these proxies; no address outside them is ever a proxy, so none can
	 * speak for a client.
	 */
	static RemoteIpValve valve(List<String> trusted) {
		RemoteIpValve valve = new RemoteIpValve();
		// with a '/' in it, Tomcat reads the list as CIDR blocks, not as a regular
		// expression
		valve.setInternalProxies(String.join(",", trusted));
		valve.setTrustedProxies(null);
		valve.setRemoteIpHeader("X-Forwarded-For");
		valve.setProtocolHeader("X-Forwarded-Proto");
		valve.setProtocolHeaderHttpsValue("https");
		valve.setHostHeader("X-Forwarded-Host");
		valve.setPortHeader("X-Forwarded-Port");
		return valve;
	}

	/**
	 * The trusted proxies as CIDR blocks: {@code 10.0.0.0/8} stays, {@code 10.1.2.3}
	 * becomes {@code 10.1.2.3/32} ({@code /128} for IPv6). Anything else stops the start
	 * with the setting's name.
	 */
	static List<String> trusted(String value) {
		List<String> blocks = new ArrayList<>();
		for (String part : value.split(",")) {
			String entry = part.trim();
			if (entry.isEmpty()) {
				continue;
			}
			String block = entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32");
			try {
				new NetMask(block);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(TRUSTED + ": '" + entry
						+ "' is not an IP address or CIDR block (for example 10.0.0.5 or 10.0.0.0/24)", ex);
			}
			blocks.add(block);
		}
		return List.copyOf(blocks);
	}

	/**
	 * Forwarded headers that the valve did not take (all of them from an untrusted
	 * address, and {@code Forwarded} from anyone) never reach the application, so no code
	 * or library can read a client's claim by mistake.
	 */
	@Bean
	FilterRegistrationBean<ForwardedHeaderFilter> forwardedHeadersRemoved() {
		ForwardedHeaderFilter filter = new ForwardedHeaderFilter();
		filter.setRemoveOnly(true);
		FilterRegistrationBean<ForwardedHeaderFilter> bean = new FilterRegistrationBean<>(filter);
		bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
		bean.addUrlPatterns("/*");
		return bean;
	}

	@Bean
	FilterRegistrationBean<HttpsOnly> httpsOnly(SystemSettings settings) {
		boolean on = settings.proxy().requireHttps();
		FilterRegistrationBean<HttpsOnly> bean = new FilterRegistrationBean<>(
				new HttpsOnly(on ? httpsOrigin(settings.publicUrl()) : null));
		bean.setEnabled(on);
		// after the rate limits (-110), so that a flood over http is limited too; before
		// Spring Security (-100)
		bean.setOrder(-105);
		bean.addUrlPatterns("/*");
		return bean;
	}

	/**
	 * {@code https://host[:port]} of the public address; with https required, anything
	 * else stops the start.
	 */
	static String httpsOrigin(String publicUrl) {
		URI uri;
		try {
			uri = URI.create(publicUrl.trim());
		}
		catch (IllegalArgumentException ex) {
			uri = null;
		}
		if (uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
			throw new IllegalStateException(REQUIRE_HTTPS + "=true needs govhall.public-url (GOVHALL_PUBLIC_URL) to be "
					+ "the hall's https address, for example https://zwfw.example.gov.cn; it is '" + publicUrl + "'");
		}
		return "https://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
	}

	/**
	 * Sends a request that did not come over https to the same path at the public https
	 * address.
	 */
	static final class HttpsOnly extends OncePerRequestFilter {

		private final @Nullable String origin;

		HttpsOnly(@Nullable String origin) {
			this.origin = origin;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return origin == null || request.isSecure() || RateLimits.path(request).startsWith("/actuator/health");
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String query = request.getQueryString();
			String method = request.getMethod();
			response.setStatus("GET".equals(method) || "HEAD".equals(method) ? 301 : 308);
			response.setHeader("Location", origin + request.getRequestURI() + (query == null ? "" : "?" + query));
		}

	}

}
