package org.govhall;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.govhall.support.ApiClient;
import org.govhall.support.ApiClient.Response;
import org.govhall.support.DependsOnToday;
import org.govhall.support.GovHallTest;
import org.govhall.support.RequiredMaterials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The logs of a full journey (self-registration with a resident ID, an online
 * application, a window application for an organisation, acceptance, a refused request,
 * the public lookup) are JSON lines, carry the request id that the response announced,
 * and contain no personal number.
 */
@DependsOnToday
@GovHallTest
@ExtendWith(OutputCaptureExtension.class)
@Isolated("it reads what the JVM writes to the console, which only its own requests may fill")
class LogHygieneTests {

	static final String RESIDENT_ID = "110105199108083455";

	static final String CREDIT_CODE = "91660100MA0000017K";

	static final byte[] PDF = "%PDF-1.4\n%test\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

	@LocalServerPort
	int port;

	/**
	 * GovHall's own loggers at DEBUG while the journey runs (the shared context logs at
	 * INFO otherwise).
	 */
	@BeforeAll
	static void debug() {
		LoggingSystem.get(LogHygieneTests.class.getClassLoader()).setLogLevel("org.govhall", LogLevel.DEBUG);
	}

	@AfterAll
	static void back() {
		LoggingSystem.get(LogHygieneTests.class.getClassLoader()).setLogLevel("org.govhall", null);
	}

	@Test
	void aJourneyLogsJsonWithRequestIdsAndNoPersonalNumbers(CapturedOutput output) {
		ApiClient api = new ApiClient(port);
		Response registered = api.post("/api/v1/applicants", null, Map.of("username", "log-hygiene", "password",
				ApiClient.DEMO_PASSWORD, "kind", "RESIDENT_ID", "legalName", "刘日志", "identityNumber", RESIDENT_ID));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		// only a verified identity files (ADR 0024): a window clerk saw the card
		assertThat(
				api.post("/api/v1/applicants/log-hygiene/verification", "clerk", Map.of("originalSeen", true)).status())
			.isEqualTo(200);
		Response online = RequiredMaterials.submit(api, api, "log-hygiene", "660100-XK-02001", PDF);
		assertThat(online.status()).as(online.body()).isEqualTo(201);
		String number = online.json().get("number").asString();
		Response window = api.post("/api/v1/cases", "clerk", Map.of("itemCode", "660100-XK-05001", "applicant",
				Map.of("kind", "CREDIT_CODE", "name", "示范市好味餐饮有限公司", "number", CREDIT_CODE)));
		assertThat(window.status()).as(window.body()).isEqualTo(201);
		Response accepted = api.post("/api/v1/cases/" + number + "/acceptance", "clerk", Map.of());
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(api.post("/api/v1/cases", "clerk",
				Map.of("itemCode", "660100-XK-02001", "applicant",
						Map.of("kind", "RESIDENT_ID", "name", "王五", "number", "110105198505056781")))
			.status()).isEqualTo(400);
		assertThat(api
			.get("/api/v1/progress?number=" + number + "&code=" + online.json().get("queryCode").asString(), null)
			.status()).isEqualTo(200);

		String logs = output.getAll();
		assertThat(logs).doesNotContain(RESIDENT_ID).doesNotContain("110105198505056781").doesNotContain(CREDIT_CODE);
		Matcher anyId = Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{16}[\\dXx](?![0-9A-Za-z])").matcher(logs);
		assertThat(anyId.find())
			.as("an 18-character resident ID number in the logs: %s", anyId.hitEnd() ? "" : anyId.group())
			.isFalse();

		JsonMapper json = JsonMapper.builder().build();
		List<JsonNode> lines = logs.lines().filter(l -> l.startsWith("{")).map(json::readTree).toList();
		assertThat(lines).isNotEmpty();
		String requestId = accepted.header("X-Request-Id");
		assertThat(requestId).isNotBlank();
		assertThat(lines).anySatisfy(l -> {
			assertThat(l.path("message").asString()).contains("case " + number + " is ACCEPTED");
			assertThat(l.path("requestId").asString()).isEqualTo(requestId);
		});
		// every line the application wrote is JSON
		assertThat(logs.lines().filter(l -> l.contains("org.govhall")).allMatch(l -> l.startsWith("{"))).isTrue();
	}

	@Test
	void prometheusShowsTheDomainFigures() {
		ApiClient api = new ApiClient(port);
		Response window = api.post("/api/v1/cases", "clerk",
				Map.of("itemCode", "660100-XK-05001", "applicant",
						Map.of("kind", "CREDIT_CODE", "name", "示范市好味餐饮有限公司", "number", CREDIT_CODE), "materials",
						RequiredMaterials.upload(api, "clerk", "660100-XK-05001", PDF)));
		assertThat(window.status()).as(window.body()).isEqualTo(201);
		String number = window.json().get("number").asString();
		assertThat(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", Map.of()).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", Map.of()).status()).isEqualTo(409);

		String metrics = prometheus("admin");
		assertThat(metrics).containsPattern("govhall_cases\\{[^}]*state=\"ACCEPTED\"[^}]*\\} [1-9]")
			.containsPattern("govhall_cases_transition_seconds_count\\{[^}]*state=\"ACCEPTED\"[^}]*\\} [1-9]")
			.containsPattern("govhall_cases_transition_seconds_count\\{[^}]*state=\"refused\"[^}]*\\} [1-9]")
			.contains("govhall_events_pending")
			.contains("govhall_supervision_open_cases{")
			.contains("govhall_supervision_cards_open");
		assertThat(api.get("/actuator/prometheus", "clerk").status()).isEqualTo(403);
	}

	String prometheus(String user) {
		try {
			var request = java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + port + "/actuator/prometheus"))
				.header("Accept", "text/plain")
				.header("Authorization",
						"Basic " + java.util.Base64.getEncoder()
							.encodeToString((user + ":" + ApiClient.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.build();
			var response = java.net.http.HttpClient.newHttpClient()
				.send(request, java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void healthAndReadinessAreOpen() {
		ApiClient api = new ApiClient(port);
		assertThat(api.get("/actuator/health/readiness", null).body()).contains("UP");
		assertThat(api.get("/actuator/health/liveness", null).body()).contains("UP");
	}

}
