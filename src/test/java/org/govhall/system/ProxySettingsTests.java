package org.govhall.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.govhall.support.BehindTheProxyTest;
import org.govhall.support.TightLimitsTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * Forwarded headers over real HTTP (issue 12, item 8; ADR 0022): Tomcat's valve believes
 * them only from the addresses in {@code govhall.proxy.trusted}, so the rate-limit bucket
 * is the client's behind a trusted proxy and the connection's otherwise; HSTS and
 * absolute redirects follow the original scheme and host; {@code Forwarded} is never
 * read; with https required, plain http goes once to the https public address. The test
 * client connects from 127.0.0.1, which is the trusted proxy in one context and an
 * outsider in the other. The two nodes behind a real HAProxy are in
 * {@link TwoNodesBehindProxyTests}. The two contexts are in the slow group
 * {@code multi-node} (ADR 0007), the proxy's shared with the tests of rate limits
 * ({@link BehindTheProxyTest}), the outsider's with the other tests of limits
 * ({@link TightLimitsTest}).
 */
@ResourceLock(Lanes.SERVICES)
class ProxySettingsTests {

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	static HttpResponse<String> get(int port, String path, String... headers) throws Exception {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET(), headers);
	}

	static HttpResponse<String> send(HttpRequest.Builder b, String... headers) throws Exception {
		if (headers.length > 0) {
			b.headers(headers);
		}
		return HTTP.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
	}

	static final String PROGRESS = "/api/v1/progress?number=660100-2026-0000001&code=ABCDEFGH";

	@Test
	void trustedProxiesAreCidrBlocksAndABareAddressIsOneHost() {
		assertThat(ProxySettings.trusted(" 10.0.0.0/8, 127.0.0.2 ,,::1 , fd00::/8")).containsExactly("10.0.0.0/8",
				"127.0.0.2/32", "::1/128", "fd00::/8");
		assertThat(ProxySettings.trusted("")).isEmpty();
		for (String bad : List.of("10.0.0.0/33", "proxy.example.gov.cn", "10.0.0.*", ".*")) {
			assertThatThrownBy(() -> ProxySettings.trusted("127.0.0.1/32," + bad)).as(bad)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("govhall.proxy.trusted")
				.hasMessageContaining(bad);
		}
	}

	@Test
	void requiringHttpsNeedsAnHttpsPublicAddress() {
		assertThat(ProxySettings.httpsOrigin("https://ZWFW.example.gov.cn/")).isEqualTo("https://zwfw.example.gov.cn");
		assertThat(ProxySettings.httpsOrigin("https://127.0.0.1:8443")).isEqualTo("https://127.0.0.1:8443");
		for (String bad : List.of("http://localhost:8080", "", "zwfw.example.gov.cn", "https://")) {
			assertThatThrownBy(() -> ProxySettings.httpsOrigin(bad)).as(bad)
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("govhall.proxy.require-https");
		}
	}

	/**
	 * The test client's address, 127.0.0.1, is the trusted proxy here
	 * ({@link BehindTheProxyTest}); its own requests to the login path (3) stay within
	 * that budget.
	 */
	@Nested
	@Tag("multi-node")
	@BehindTheProxyTest
	class FromATrustedProxy {

		@LocalServerPort
		int port;

		@Test
		void theRateLimitBucketIsTheForwardedClientsTheRightmostOneThatIsNotAProxy() throws Exception {
			// the progress budget of BehindTheProxyTest: 5 a minute
			for (int i = 0; i < 5; i++) {
				assertThat(get(port, PROGRESS, "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.1")
					.statusCode()).as("request %d of 203.0.113.1", i + 1).isEqualTo(404);
			}
			assertThat(get(port, PROGRESS, "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.1").statusCode())
				.isEqualTo(429);
			assertThat(get(port, PROGRESS, "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.2").statusCode())
				.as("another client behind the proxy")
				.isEqualTo(404);
			// what the client wrote in front of the proxy's own entry is not believed:
			// still 203.0.113.1
			assertThat(
					get(port, PROGRESS, "X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.77, 203.0.113.1")
						.statusCode())
				.isEqualTo(429);
			// a chain of trusted proxies is walked through to the client
			assertThat(get(port, PROGRESS, "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.1, 127.0.0.1")
				.statusCode()).isEqualTo(429);
		}

		@Test
		void httpsAsTheProxySaysGetsHstsAndHttpsRedirectsAndPlainHttpGoesOnceToTheHttpsAddress() throws Exception {
			HttpResponse<String> page = get(port, "/login", "X-Forwarded-Proto", "https");
			assertThat(page.statusCode()).as("no redirect loop: the proxy said https").isEqualTo(200);
			assertThat(page.headers().firstValue("Strict-Transport-Security"))
				.hasValueSatisfying(h -> assertThat(h).contains("max-age=31536000"));

			HttpResponse<String> staff = get(port, "/staff", "X-Forwarded-Proto", "https", "X-Forwarded-Host",
					"zwfw.example.gov.cn", "X-Forwarded-Port", "443");
			assertThat(staff.statusCode()).isEqualTo(302);
			assertThat(staff.headers().firstValue("Location")).hasValue("https://zwfw.example.gov.cn/login");

			HttpResponse<String> plain = get(port, "/items?q=%E8%90%A5%E4%B8%9A");
			assertThat(plain.statusCode()).isEqualTo(301);
			assertThat(plain.headers().firstValue("Location"))
				.hasValue("https://zwfw.example.gov.cn/items?q=%E8%90%A5%E4%B8%9A");
			assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
			HttpResponse<String> post = send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
						.POST(HttpRequest.BodyPublishers.ofString("username=clerk")),
					"Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-Proto", "http");
			assertThat(post.statusCode()).as("a POST keeps its method").isEqualTo(308);
			assertThat(post.headers().firstValue("Location")).hasValue("https://zwfw.example.gov.cn/login");

			assertThat(get(port, "/actuator/health/readiness").statusCode()).as("the balancer's health probe")
				.isEqualTo(200);
		}

		@Test
		void theForwardedHeaderIsNeverRead() throws Exception {
			HttpResponse<String> r = get(port, "/login", "Forwarded", "for=203.0.113.9;proto=https;host=evil.example");
			assertThat(r.statusCode()).isEqualTo(301);
			assertThat(r.headers().firstValue("Location")).hasValue("https://zwfw.example.gov.cn/login");
		}

	}

	/**
	 * The trusted proxies are elsewhere: the test client is an outsider, and its
	 * forwarded headers change nothing.
	 */
	@Nested
	@Tag("multi-node")
	@TightLimitsTest
	class FromAnyoneElse {

		@LocalServerPort
		int port;

		@Test
		void aSpoofedClientAddressDoesNotOpenANewBucket() throws Exception {
			for (int i = 0; i < 2; i++) {
				assertThat(get(port, PROGRESS, "X-Forwarded-For", "203.0.113." + (10 + i)).statusCode())
					.as("request %d", i + 1)
					.isEqualTo(404);
			}
			assertThat(get(port, PROGRESS, "X-Forwarded-For", "203.0.113.12").statusCode()).isEqualTo(429);
			assertThat(get(port, PROGRESS, "Forwarded", "for=203.0.113.13").statusCode()).isEqualTo(429);
		}

		@Test
		void aClaimedHttpsSchemeOrHostChangesNothing() throws Exception {
			HttpResponse<String> page = get(port, "/login", "X-Forwarded-Proto", "https", "Forwarded", "proto=https");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
			HttpResponse<String> staff = get(port, "/staff", "X-Forwarded-Proto", "https", "X-Forwarded-Host",
					"evil.example", "X-Forwarded-Port", "443");
			assertThat(staff.statusCode()).isEqualTo(302);
			assertThat(staff.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + port + "/login");
		}

	}

}
