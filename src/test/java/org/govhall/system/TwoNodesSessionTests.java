package org.govhall.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.govhall.GovHallApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * Two GovHall nodes on one PostgreSQL database (the production topology, behind a load
 * balancer without sticky sessions): a login made on one node is a login on the other,
 * because the session lives in {@code spring_session} (Spring Session JDBC); signing out
 * on one node ends it on both; the API stays stateless and stores no session. The nodes
 * use a schema of their own in {@code govhall_nodes}, so other tests on that database are
 * not disturbed.
 */
@Tag("multi-node")
@ResourceLock(Lanes.SERVICES)
class TwoNodesSessionTests {

	static final String DATABASE = System.getenv()
		.getOrDefault("GOVHALL_NODES_DB_URL", "jdbc:postgresql://127.0.0.1:5432/govhall_nodes");

	static final String SCHEMA = "nodes_session";

	static final String PASSWORD = "govhall-demo";

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void startTwoNodes() throws SQLException {
		dropSchema(SCHEMA);
		// node A migrates the schema and loads the demo province; node B finds both
		nodeA = node(SCHEMA, "session-a", true, "--govhall.demo.training-clock=false");
		nodeB = node(SCHEMA, "session-b", false);
	}

	/**
	 * A node on {@code schema} of the nodes' database, with the session store on.
	 * Command-line arguments, not {@code properties(…)}: those are defaults, which
	 * application.properties (with its H2 fallback for {@code spring.datasource.url})
	 * would override.
	 */
	static ConfigurableApplicationContext node(String schema, String name, boolean demo, String... more) {
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + DATABASE + "?currentSchema=" + schema,
				"--spring.datasource.username=govhall", "--spring.datasource.password=govhall",
				"--spring.flyway.schemas=" + schema, "--spring.flyway.default-schema=" + schema, "--server.port=0",
				"--spring.autoconfigure.exclude=", "--govhall.node-name=" + name, "--govhall.demo.enabled=" + demo,
				"--govhall.supervision.daily-cron=-", "--govhall.cases.deemed-acceptance-cron=-",
				"--govhall.storage.dir=target/test-files/nodes-" + name,
				"--govhall.audit.key-dir=target/test-files/nodes-audit-key"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(GovHallApplication.class).run(args.toArray(String[]::new));
	}

	@AfterAll
	static void stop() throws SQLException {
		stopNodes(SCHEMA, nodeB, nodeA);
	}

	/**
	 * Closes the nodes that started, in this order, and drops their schema even when one
	 * fails to close.
	 */
	static void stopNodes(String schema, ConfigurableApplicationContext... nodes) throws SQLException {
		try {
			for (ConfigurableApplicationContext node : nodes) {
				if (node != null) {
					node.close();
				}
			}
		}
		finally {
			dropSchema(schema);
		}
	}

	static void dropSchema(String schema) throws SQLException {
		try (Connection c = DriverManager.getConnection(DATABASE, "govhall", "govhall");
				Statement s = c.createStatement()) {
			s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
	}

	@Test
	void aLoginOnOneNodeWorksOnTheOtherUntilSignedOutOnEither() throws Exception {
		// sign in with the form on node A
		HttpResponse<String> loginPage = send(get(nodeA, "/login", null));
		assertThat(loginPage.statusCode()).isEqualTo(200);
		String anonymous = sessionCookie(loginPage);
		HttpResponse<String> login = send(post(nodeA, "/login", anonymous,
				Map.of("username", "clerk", "password", PASSWORD, "_csrf", csrf(loginPage.body()))));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(location(login)).endsWith("/staff");
		List<String> setCookie = login.headers().allValues("Set-Cookie");
		assertThat(setCookie).as("the login gets a new session id (fixation protection)")
			.anySatisfy(c -> assertThat(c).startsWith("SESSION=")
				.contains("Secure", "HttpOnly", "SameSite=Lax")
				.doesNotContain("SESSION=" + anonymous + ";"));
		String session = sessionCookie(login);
		assertThat(jdbc().sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = 'clerk'")
			.query(Integer.class)
			.single()).isEqualTo(1);

		// the same cookie on node B: the clerk's workbench, not the login page
		HttpResponse<String> workbench = send(get(nodeB, "/staff", session));
		assertThat(workbench.statusCode()).as("GET /staff on node B: %s", location(workbench)).isEqualTo(200);
		assertThat(workbench.body()).contains("王窗口", "id=\"go-to-accept\"");

		// sign out on node B
		HttpResponse<String> logout = send(post(nodeB, "/logout", session, Map.of("_csrf", csrf(workbench.body()))));
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(jdbc().sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = 'clerk'")
			.query(Integer.class)
			.single()).isZero();

		// the same cookie on node A is no login any more
		HttpResponse<String> after = send(get(nodeA, "/staff", session));
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(location(after)).endsWith("/login");
	}

	@Test
	void theApiStoresNoSession() throws Exception {
		JdbcClient jdbc = jdbc();
		int before = jdbc.sql("SELECT COUNT(*) FROM spring_session").query(Integer.class).single();
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString(("clerk:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
			HttpResponse<String> r = send(
					HttpRequest.newBuilder(uri(node, "/api/v1/notifications")).header("Authorization", basic).GET());
			assertThat(r.statusCode()).isEqualTo(200);
			assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session").query(Integer.class).single()).isEqualTo(before);
	}

	static JdbcClient jdbc() {
		return nodeA.getBean(JdbcClient.class);
	}

	static URI uri(ConfigurableApplicationContext node, String path) {
		int port = ((WebServerApplicationContext) node).getWebServer().getPort();
		return URI.create("http://127.0.0.1:" + port + path);
	}

	/**
	 * The cookie is {@code Secure}; java.net.http's cookie handling would not send it
	 * over http, so it is sent here.
	 */
	static HttpRequest.Builder get(ConfigurableApplicationContext node, String path, String session) {
		HttpRequest.Builder b = HttpRequest.newBuilder(uri(node, path)).header("Accept", "text/html").GET();
		return session == null ? b : b.header("Cookie", "SESSION=" + session);
	}

	static HttpRequest.Builder post(ConfigurableApplicationContext node, String path, String session,
			Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return HttpRequest.newBuilder(uri(node, path))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", "SESSION=" + session)
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	static String sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("SESSION="))
			.map(c -> c.substring("SESSION=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("no SESSION cookie in " + response.headers().map()));
	}

	static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		assertThat(m.find()).as("a CSRF token on the page").isTrue();
		return m.group(1);
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

}
