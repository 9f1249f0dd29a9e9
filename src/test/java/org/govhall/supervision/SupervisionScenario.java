package org.govhall.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.support.ApiClient;
import org.govhall.support.GovHallTest;
import org.govhall.support.RequiredMaterials;
import org.govhall.support.ApiClient.Response;
import org.govhall.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * What the supervision tests share: the demo province on H2 with the jobs off and a clock
 * moved by hand (one context for all of them), a food licence applied for online on
 * 2026-09-30, and waiting for the read model, which follows the case's events
 * asynchronously.
 */
@GovHallTest
abstract class SupervisionScenario {

	/**
	 * 食品经营许可 of 示范市市场监督管理局 (660100-SCJG): 5 working days to accept, 20 to decide; no fee.
	 */
	static final String FOOD = "660100-XK-02001";

	static final String FOOD_FORM = "食品经营许可申请书";

	static final byte[] PDF = "%PDF-1.4\n%test material\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

	@LocalServerPort
	int port;

	@Autowired
	MovableClock.Moving clock;

	@Autowired
	Supervision supervision;

	@Autowired
	Directory directory;

	@Autowired
	MockMvc mvc;

	ApiClient api;

	@BeforeEach
	void start() {
		api = new ApiClient(port);
		clock.set("2026-09-30T10:00:00");
	}

	GovHallUser as(String username) {
		return directory.principal(username).orElseThrow();
	}

	String submitOnline(String item, String material) {
		Response r = RequiredMaterials.submit(api, api, "applicant", item, PDF, material);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	String submitFoodLicence() {
		return submitOnline(FOOD, FOOD_FORM);
	}

	JsonNode ok(Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	Optional<SupervisedCase> seen(String username, Supervision.Filter filter, String number) {
		return supervision.workbench(as(username), filter)
			.stream()
			.filter(c -> c.caseNumber().equals(number))
			.findFirst();
	}

	/**
	 * Waits until the supervisor's open list shows the case as the condition expects
	 * (events arrive async).
	 */
	SupervisedCase awaitRow(String number, Predicate<SupervisedCase> condition) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> seen("supervisor", Supervision.Filter.ALL_OPEN, number).filter(condition).orElse(null),
					c -> c != null);
	}

	/**
	 * A food licence received 2026-09-30 and left alone; at 09:00 on 2026-10-14 the daily
	 * run finds it red.
	 */
	String redFoodCase() {
		return redFoodCase("2026-10-14T09:00:00");
	}

	/** The same, found red by the daily run at the given moment of 2026-10-14. */
	String redFoodCase(String foundAt) {
		String number = submitFoodLicence();
		SupervisedCase row = awaitRow(number, r -> r.stage() == Stage.ACCEPTANCE);
		// received 09-30: 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13 are the 5
		// working days
		assertThat(row.dueOn()).isEqualTo(LocalDate.of(2026, 10, 13));
		clock.set(foundAt);
		supervision.daily();
		return number;
	}

	/** The day the calendar API names as {@code days} working days after {@code from}. */
	LocalDate addWorkingDays(String from, int days) {
		JsonNode added = ok(api.get("/api/v1/calendar/working-days/add?from=" + from + "&days=" + days, null));
		return LocalDate.parse(added.get("due").asString());
	}

}
