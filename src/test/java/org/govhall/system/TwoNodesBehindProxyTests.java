package org.govhall.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.govhall.support.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * Two GovHall nodes on one PostgreSQL database behind a real HAProxy (Debian's package;
 * issue 12, item 8; ADR 0022). HAProxy terminates TLS on one port and takes plain http on
 * another, balances round robin over both nodes and connects to them from 127.0.0.2, the
 * only address the nodes trust ({@code govhall.proxy.trusted}); the nodes require https
 * and name the proxy's https port as their public address. Clients connect from other
 * loopback addresses: 127.0.0.3 and 127.0.0.4 through the proxy, 127.0.0.5 straight to a
 * node. Shown: the client's address, not the proxy's and not one the client made up, is
 * in the audit log and keys the rate-limit bucket; a forwarded header sent straight to a
 * node changes nothing; HSTS and https redirects when the proxy saw https, one redirect
 * (no loop) when it saw http. Without HAProxy installed the test fails
 * (scripts/setup-machine.sh installs it). HAProxy's configuration and log are in
 * {@code target/proxy/}.
 */
@Tag("multi-node")
@ResourceLock(Lanes.SERVICES)
class TwoNodesBehindProxyTests {

	static final String SCHEMA = "nodes_proxy";

	/** HAProxy connects to the nodes from here. */
	static final String PROXY = "127.0.0.2";

	static final String CLIENT = "127.0.0.3";

	static final String OTHER_CLIENT = "127.0.0.4";

	/** Talks to a node directly, past the proxy. */
	static final String OUTSIDER = "127.0.0.5";

	/** The progress lookup's budget per client and node. */
	static final int BUDGET = 3;

	static final String PROGRESS = "/api/v1/progress?number=660100-2026-0000001&code=ABCDEFGH";

	static final Path DIR = Path.of("target", "proxy");

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	static Process haproxy;

	static int httpsPort;

	static int httpPort;

	static RawHttp tls;

	static final RawHttp PLAIN = new RawHttp();

	static final Thread REAPER = new Thread(TwoNodesBehindProxyTests::stopProxy, "kill-haproxy");

	@BeforeAll
	static void start() throws Exception {
		String binary = haproxyBinary();
		Files.createDirectories(DIR);
		tls = new RawHttp(certificate());
		httpsPort = freePort();
		httpPort = freePort();
		TwoNodesSessionTests.dropSchema(SCHEMA);
		// node A migrates the schema and loads the demo province; node B finds both
		nodeA = node("proxy-a", true);
		nodeB = node("proxy-b", false);
		Path config = DIR.resolve("haproxy.cfg");
		Files.writeString(config, config(port(nodeA), port(nodeB)));
		Process check = new ProcessBuilder(binary, "-c", "-f", config.toString()).redirectErrorStream(true).start();
		String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(check.waitFor()).as("haproxy -c: %s", checked).isZero();
		Runtime.getRuntime().addShutdownHook(REAPER);
		haproxy = new ProcessBuilder(binary, "-db", "-f", config.toString()).redirectErrorStream(true)
			.redirectOutput(DIR.resolve("haproxy.log").toFile())
			.start();
		awaitBothNodesBehindTheProxy();
	}

	@AfterAll
	static void stop() throws SQLException {
		try {
			stopProxy();
			Runtime.getRuntime().removeShutdownHook(REAPER);
		}
		finally {
			TwoNodesSessionTests.stopNodes(SCHEMA, nodeB, nodeA);
		}
	}

	@Test
	void theClientsAddressBehindTheProxyIsInTheAuditLogWhateverTheClientClaims() throws Exception {
		Set<String> served = new HashSet<>();
		// the client claims other addresses, in both header forms; HAProxy appends the
		// address it saw
		String[] spoofed = { "Accept", "text/html", "X-Forwarded-For", "203.0.113.66", "Forwarded",
				"for=203.0.113.67;proto=https" };
		RawHttp.Response page = tls.get(CLIENT, httpsPort, "/login", spoofed);
		assertThat(page.status()).isEqualTo(200);
		served.add(page.header("X-Node").orElseThrow());
		String anonymous = cookie(page);
		String form = "username=clerk&password=govhall-demo&_csrf="
				+ URLEncoder.encode(TwoNodesSessionTests.csrf(page.body()), StandardCharsets.UTF_8);
		RawHttp.Response login = tls.send(CLIENT, httpsPort, "POST", "/login", form,
				with(spoofed, "Cookie", "SESSION=" + anonymous, "Content-Type", "application/x-www-form-urlencoded"));
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.header("Location")).as("an https redirect to the proxy's address")
			.hasValue("https://127.0.0.1:" + httpsPort + "/staff");
		served.add(login.header("X-Node").orElseThrow());
		RawHttp.Response workbench = tls.get(CLIENT, httpsPort, "/staff",
				with(spoofed, "Cookie", "SESSION=" + cookie(login)));
		assertThat(workbench.status()).isEqualTo(200);
		assertThat(workbench.body()).contains("王窗口");
		served.add(workbench.header("X-Node").orElseThrow());
		assertThat(served).as("the proxy balanced over both nodes").containsExactlyInAnyOrder("a", "b");

		JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
		assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE action = 'login.succeeded' AND actor = 'clerk'")
			.query(String.class)
			.list()).singleElement().asString().contains("channel=form").matches(".*address=127\\.0\\.0\\.3($|;.*)");
		assertThat(jdbc
			.sql("SELECT detail FROM audit_entry WHERE detail LIKE '%127.0.0.2%' " + "OR detail LIKE '%203.0.113.%'")
			.query(String.class)
			.list()).as("neither the proxy's address nor a claimed one").isEmpty();
	}

	@Test
	void theRateLimitBucketIsTheClientsBehindTheProxyAndTheConnectionsPastIt() throws Exception {
		// through the proxy, claiming a new address each time: the budget is still per
		// node and real client
		Map<String, Integer> perNode = new HashMap<>();
		for (int i = 1; i <= 2 * BUDGET + 2; i++) {
			RawHttp.Response r = tls.get(CLIENT, httpsPort, PROGRESS, "X-Forwarded-For", "198.51.100." + i, "Forwarded",
					"for=198.51.100." + (100 + i));
			int n = perNode.merge(r.header("X-Node").orElseThrow(), 1, Integer::sum);
			assertThat(r.status()).as("request %d, the %d. on node %s", i, n, r.header("X-Node").orElseThrow())
				.isEqualTo(n <= BUDGET ? 404 : 429);
		}
		assertThat(perNode).as("both nodes were asked").hasSize(2);
		// another client behind the same proxy has its own budget (it was the proxy's,
		// shared by all, before)
		for (int i = 0; i < 2; i++) {
			assertThat(tls.get(OTHER_CLIENT, httpsPort, PROGRESS).status()).isEqualTo(404);
		}

		// straight to node A, past the proxy: the forwarded headers are not believed, the
		// connection's address is
		// the bucket, and the answer is the redirect to https (the node did not see
		// https)
		for (int i = 1; i <= BUDGET + 1; i++) {
			RawHttp.Response r = PLAIN.get(OUTSIDER, port(nodeA), PROGRESS, "X-Forwarded-For", "198.51.100." + i,
					"X-Forwarded-Proto", "https", "Forwarded", "for=198.51.100." + (100 + i) + ";proto=https");
			assertThat(r.status()).as("direct request %d", i).isEqualTo(i <= BUDGET ? 301 : 429);
		}
	}

	@Test
	void hstsAndHttpsRedirectsFollowTheSchemeTheProxySawWithoutALoop() throws Exception {
		RawHttp.Response secure = tls.get(CLIENT, httpsPort, "/login", "Accept", "text/html");
		assertThat(secure.status()).isEqualTo(200);
		assertThat(secure.header("Strict-Transport-Security"))
			.hasValueSatisfying(h -> assertThat(h).contains("max-age=31536000"));

		// plain http at the proxy: one redirect to the https address, then the page
		String location = "http://127.0.0.1:" + httpPort + "/login?lang=en";
		List<String> hops = new ArrayList<>();
		RawHttp.Response r;
		do {
			assertThat(hops).as("redirects so far").hasSizeLessThan(5);
			hops.add(location);
			boolean https = location.startsWith("https://");
			String rest = location.substring(location.indexOf("//") + 2);
			int port = Integer.parseInt(rest.substring(rest.indexOf(':') + 1, rest.indexOf('/')));
			r = (https ? tls : PLAIN).get(CLIENT, port, rest.substring(rest.indexOf('/')), "Accept", "text/html");
			if (!https) {
				assertThat(r.header("Strict-Transport-Security")).as("HSTS only over https").isEmpty();
			}
			location = r.header("Location").orElse("");
		}
		while (r.status() / 100 == 3);
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body()).contains("Sign in");
		assertThat(hops).containsExactly("http://127.0.0.1:" + httpPort + "/login?lang=en",
				"https://127.0.0.1:" + httpsPort + "/login?lang=en");

		// a host named by the client does not reach the redirects: the proxy removes
		// X-Forwarded-Host
		RawHttp.Response staff = tls.get(CLIENT, httpsPort, "/staff", "X-Forwarded-Host", "evil.example");
		assertThat(staff.status()).isEqualTo(302);
		assertThat(staff.header("Location")).hasValue("https://127.0.0.1:" + httpsPort + "/login");

		// straight to a node, claiming https: not believed, so no HSTS and the redirect
		// to the https address
		for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
			RawHttp.Response direct = PLAIN.get(OUTSIDER, port(node), "/login", "X-Forwarded-Proto", "https",
					"Forwarded", "proto=https", "X-Forwarded-Port", "443");
			assertThat(direct.status()).isEqualTo(301);
			assertThat(direct.header("Location")).hasValue("https://127.0.0.1:" + httpsPort + "/login");
			assertThat(direct.header("Strict-Transport-Security")).isEmpty();
		}
	}

	static String config(int portA, int portB) {
		return """
				# generated by TwoNodesBehindProxyTests: the README's proxy settings, on loopback ports
				global
				    maxconn 200
				defaults
				    mode http
				    timeout connect 5s
				    timeout check 5s
				    timeout client 30s
				    timeout server 30s
				    # appends the address HAProxy saw to X-Forwarded-For
				    option forwardfor
				frontend public_https
				    bind 127.0.0.1:%1$d ssl crt %3$s
				    http-request set-header X-Forwarded-Proto https
				    http-request set-header X-Forwarded-Port %%[dst_port]
				    http-request del-header X-Forwarded-Host
				    default_backend govhall
				frontend public_http
				    bind 127.0.0.1:%2$d
				    http-request set-header X-Forwarded-Proto http
				    http-request set-header X-Forwarded-Port %%[dst_port]
				    http-request del-header X-Forwarded-Host
				    default_backend govhall
				backend govhall
				    balance roundrobin
				    option httpchk GET /actuator/health/readiness
				    http-response set-header X-Node %%[srv_name]
				    server a 127.0.0.1:%4$d source %6$s check inter 2s fall 3 rise 1
				    server b 127.0.0.1:%5$d source %6$s check inter 2s fall 3 rise 1
				""".formatted(httpsPort, httpPort, DIR.resolve("proxy.pem").toAbsolutePath(), portA, portB, PROXY);
	}

	/**
	 * A node that trusts the proxy alone, requires https and names the proxy's https port
	 * as its address.
	 */
	static ConfigurableApplicationContext node(String name, boolean demo) {
		return TwoNodesSessionTests.node(SCHEMA, name, demo,
				"--govhall.demo.today=" + MovableClock.suiteToday().atZone(MovableClock.ZONE).toLocalDate(),
				"--govhall.proxy.trusted=" + PROXY, "--govhall.proxy.require-https=true",
				"--govhall.public-url=https://127.0.0.1:" + httpsPort,
				"--govhall.rate-limit.progress.per-minute=" + BUDGET);
	}

	/**
	 * HAProxy answers through its https port, and both nodes have answered through it.
	 */
	static void awaitBothNodesBehindTheProxy() throws Exception {
		Set<String> seen = new HashSet<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (seen.size() < 2) {
			if (!haproxy.isAlive()) {
				throw new AssertionError("haproxy exited with " + haproxy.exitValue() + ": "
						+ Files.readString(DIR.resolve("haproxy.log")));
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("the nodes did not answer through haproxy within 30 s, only " + seen + ": "
						+ Files.readString(DIR.resolve("haproxy.log")));
			}
			try {
				RawHttp.Response r = tls.get(CLIENT, httpsPort, "/actuator/health/readiness");
				if (r.status() == 200) {
					r.header("X-Node").ifPresent(seen::add);
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
	}

	/**
	 * HAProxy from the PATH, /usr/sbin (Debian puts it there) or {@code GOVHALL_HAPROXY};
	 * a missing binary fails the test, it never skips it.
	 */
	static String haproxyBinary() {
		String named = System.getenv("GOVHALL_HAPROXY");
		String path = System.getenv().getOrDefault("PATH", "");
		List<String> dirs = new ArrayList<>(List.of(path.split(File.pathSeparator)));
		dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin"));
		return Stream.concat(Stream.ofNullable(named), dirs.stream().map(d -> d + "/haproxy"))
			.filter(p -> Files.isExecutable(Path.of(p)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("HAProxy is not installed: this test needs it "
					+ "(apt-get install haproxy, which scripts/setup-machine.sh and .ci/run do), "
					+ "or GOVHALL_HAPROXY naming the binary"));
	}

	/**
	 * A self-signed certificate for 127.0.0.1 made by the JDK's keytool, written as the
	 * PEM file HAProxy loads; the answer is a trust store that holds it, for the test's
	 * TLS client.
	 */
	static KeyStore certificate() throws Exception {
		Path p12 = DIR.resolve("proxy.p12");
		Files.deleteIfExists(p12);
		char[] password = "govhall-proxy".toCharArray();
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "proxy", "-keyalg", "RSA", "-keysize", "2048", "-validity", "7", "-dname",
				"CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", p12.toString(),
				"-storepass", new String(password), "-keypass", new String(password))
			.redirectErrorStream(true)
			.start();
		String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).as("keytool: %s", out).isZero();
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(p12)) {
			store.load(in, password);
		}
		Certificate cert = store.getCertificate("proxy");
		PrivateKey key = (PrivateKey) store.getKey("proxy", password);
		Base64.Encoder pem = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
		Files.writeString(DIR.resolve("proxy.pem"),
				"-----BEGIN CERTIFICATE-----\n" + pem.encodeToString(cert.getEncoded())
						+ "\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\n"
						+ pem.encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n");
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		trusted.load(null, null);
		trusted.setCertificateEntry("proxy", cert);
		return trusted;
	}

	static void stopProxy() {
		Process p = haproxy;
		if (p != null && p.isAlive()) {
			p.destroy();
			try {
				if (!p.waitFor(10, TimeUnit.SECONDS)) {
					p.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	static String cookie(RawHttp.Response response) {
		return response.all("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("SESSION="))
			.map(c -> c.substring("SESSION=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("no SESSION cookie in " + response.headers()));
	}

	static String[] with(String[] headers, String... more) {
		return Stream.concat(Stream.of(headers), Stream.of(more)).toArray(String[]::new);
	}

}
