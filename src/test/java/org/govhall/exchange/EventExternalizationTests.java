package org.govhall.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.govhall.support.ApiClient;
import org.govhall.support.RequiredMaterials;
import org.govhall.support.ApiClient.Response;
import org.govhall.support.DependsOnToday;
import org.govhall.support.QuickPasswords;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * Domain events reach other government systems through the local RabbitMQ: a case's steps
 * and a catalog publication arrive on the topic exchange as CloudEvents without personal
 * data; while the broker cannot be reached the event waits in the publication registry
 * and, once resubmitted, arrives exactly once; a repeat carries the same id. The broker
 * is the machine's own (127.0.0.1:5672, guest); .ci/run starts it when it is down.
 */
@Tag("rabbitmq")
@DependsOnToday
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "govhall.events.rabbitmq.enabled=true", "govhall.events.rabbitmq.exchange=govhall.events.test",
				"govhall.events.rabbitmq.confirm-timeout=3s", "govhall.demo.enabled=true",
				"govhall.demo.training-clock=false", "govhall.cases.deemed-acceptance-cron=-",
				"govhall.supervision.daily-cron=-", "govhall.rate-limit.enabled=false",
				"govhall.events.resubmit-every=PT1H", "govhall.storage.dir=target/test-files/exchange",
				"govhall.audit.head-interval=PT2S" })
@ActiveProfiles("h2")
@Import(QuickPasswords.class)
@ResourceLock(Lanes.SERVICES)
class EventExternalizationTests {

	static final String EXCHANGE = "govhall.events.test";

	/** 食品经营许可 of 示范市市场监督管理局. */
	static final String FOOD = "660100-XK-02001";

	static final String FOOD_FORM = "食品经营许可申请书";

	/** The demo applicant's resident identity number (demo/directory.json). */
	static final String DEMO_ID_NUMBER = "110105199003071239";

	static final byte[] PDF = "%PDF-1.4\n%test material\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	AmqpAdmin admin;

	@Autowired
	CachingConnectionFactory connections;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	String queue;

	@BeforeEach
	void bind() {
		api = new ApiClient(port);
		queue = "govhall.test." + UUID.randomUUID();
		TopicExchange exchange = new TopicExchange(EXCHANGE, true, false);
		admin.declareExchange(exchange);
		Queue q = new Queue(queue, false, false, false);
		admin.declareQueue(q);
		// the case and catalog events; the audit heads (every few seconds here) have a
		// test and a queue of their own
		admin.declareBinding(BindingBuilder.bind(q).to(exchange).with("case.#"));
		admin.declareBinding(BindingBuilder.bind(q).to(exchange).with("catalog.#"));
	}

	@AfterEach
	void unbind() {
		admin.deleteQueue(queue);
	}

	@Test
	void aCasesStepsArriveAsCloudEventsWithoutPersonalData() {
		String number = submitOnline();
		JsonNode view = ok(api.post("/api/v1/cases/" + number + "/acceptance", "clerk", null));

		List<Message> messages = receiveFor(number, 2);
		assertThat(messages).extracting(m -> m.getMessageProperties().getReceivedRoutingKey())
			.containsExactly("case.received", "case.accepted");
		Message accepted = messages.get(1);
		assertThat(accepted.getMessageProperties().getContentType()).startsWith("application/cloudevents+json");
		assertThat(accepted.getMessageProperties().getAppId()).isEqualTo("govhall");
		JsonNode event = JSON.readTree(accepted.getBody());
		assertThat(event.get("specversion").asString()).isEqualTo("1.0");
		assertThat(event.get("type").asString()).isEqualTo("org.govhall.case.accepted");
		assertThat(event.get("subject").asString()).isEqualTo(number);
		assertThat(event.get("id").asString()).isEqualTo(accepted.getMessageProperties().getMessageId());
		JsonNode data = event.get("data");
		assertThat(data.get("caseNumber").asString()).isEqualTo(number);
		assertThat(data.get("itemCode").asString()).isEqualTo(FOOD);
		assertThat(data.get("departmentCode").asString()).isEqualTo("660100-SCJG");
		assertThat(data.get("state").asString()).isEqualTo("ACCEPTED");
		assertThat(data.get("channel").asString()).isEqualTo("ONLINE");
		assertThat(data.get("acceptedOn").asString()).isNotBlank();
		// the same decision due date as the case itself: a date, or none while it runs
		// into a year whose official
		// calendar is not loaded yet
		JsonNode decisionClock = null;
		for (JsonNode clock : view.get("clocks")) {
			if ("DECISION".equals(clock.get("kind").asString())) {
				decisionClock = clock;
			}
		}
		assertThat(decisionClock).as(view.toString()).isNotNull();
		JsonNode due = decisionClock.get("dueDate").get("due");
		if (due == null || due.isNull()) {
			assertThat(decisionClock.get("status").asString()).isEqualTo("AWAITING_CALENDAR");
			assertThat(data.get("decisionDue").isNull()).as(data.toString()).isTrue();
		}
		else {
			assertThat(data.get("decisionDue").asString()).matches("\\d{4}-\\d{2}-\\d{2}").isEqualTo(due.asString());
		}
		for (Message m : messages) {
			String body = new String(m.getBody(), StandardCharsets.UTF_8);
			assertThat(body).doesNotContain(DEMO_ID_NUMBER, "张三", "13800000001", "applicant", "clerk");
		}
		assertThat(messages.get(0).getMessageProperties().getMessageId())
			.isNotEqualTo(accepted.getMessageProperties().getMessageId());
	}

	@Test
	void whileTheBrokerIsUnreachableTheEventWaitsAndIsDeliveredOnceWhenResubmitted() {
		String broker = connections.getHost() + ":" + connections.getPort();
		String number;
		try {
			connections.setAddresses("127.0.0.1:1");
			connections.resetConnection();
			number = submitOnline();
			// the externalizer's publication failed and stays incomplete in the registry
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> waiting(number) == 1);
		}
		finally {
			connections.setAddresses(broker);
			connections.resetConnection();
		}
		assertThat(rabbit.receive(queue, 500)).as("nothing sent while the broker was away").isNull();

		incomplete.resubmitIncompletePublications(p -> p.getEvent().toString().contains(number));
		List<Message> messages = receiveFor(number, 1);
		assertThat(messages).extracting(m -> m.getMessageProperties().getReceivedRoutingKey())
			.containsExactly("case.received");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waiting(number) == 0);

		// nothing is left to resend: a second resubmission sends nothing more
		incomplete.resubmitIncompletePublications(p -> p.getEvent().toString().contains(number));
		assertThat(rabbit.receive(queue, 1500)).isNull();
	}

	@Test
	void aRepeatOfTheSameFactCarriesTheSameIdSoThatAConsumerDropsIt(@Autowired EventExternalizer externalizer) {
		ExternalEvent event = ExternalEvent.of("http://localhost", "catalog.published", FOOD,
				java.time.Instant.parse("2026-11-27T08:00:00Z"), Map.of("itemCode", FOOD, "versionNo", 7), FOOD + "|7");
		ExternalEvent again = ExternalEvent.of("http://localhost", "catalog.published", FOOD,
				java.time.Instant.parse("2026-11-27T08:00:05Z"), Map.of("itemCode", FOOD, "versionNo", 7), FOOD + "|7");
		ExternalEvent next = ExternalEvent.of("http://localhost", "catalog.published", FOOD,
				java.time.Instant.parse("2026-11-27T08:00:05Z"), Map.of("itemCode", FOOD, "versionNo", 8), FOOD + "|8");
		externalizer.send(event);
		externalizer.send(again);
		externalizer.send(next);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Message m = rabbit.receive(queue, 5000);
			assertThat(m).as("message %d", i + 1).isNotNull();
			ids.add(m.getMessageProperties().getMessageId());
		}
		assertThat(ids.get(0)).isEqualTo(ids.get(1)).isNotEqualTo(ids.get(2));
	}

	@Test
	void theAuditChainsSignedHeadsArriveWithinSecondsAsAWitnessOutsideTheDatabase() throws Exception {
		String heads = "govhall.test.heads." + UUID.randomUUID();
		Queue q = new Queue(heads, false, false, false);
		admin.declareQueue(q);
		admin.declareBinding(BindingBuilder.bind(q).to(new TopicExchange(EXCHANGE, true, false)).with("audit.#"));
		try {
			// the sealer runs every 5 s and signs a head at least every 2 s in this test
			// (every minute by default)
			Message m = rabbit.receive(heads, 20_000);
			assertThat(m).as("a signed head within 20 s").isNotNull();
			assertThat(m.getMessageProperties().getReceivedRoutingKey()).isEqualTo("audit.head");
			JsonNode data = JSON.readTree(m.getBody()).get("data");
			JsonNode published = ok(api.get("/api/v1/audit/head", null));
			java.security.Signature ed25519 = java.security.Signature.getInstance("Ed25519");
			ed25519.initVerify(java.security.KeyFactory.getInstance("Ed25519")
				.generatePublic(new java.security.spec.X509EncodedKeySpec(
						java.util.Base64.getDecoder().decode(published.get("publicKey").asString()))));
			ed25519.update(data.get("message").asString().getBytes(StandardCharsets.UTF_8));
			assertThat(ed25519.verify(java.util.Base64.getDecoder().decode(data.get("signature").asString())))
				.as("the head on the exchange verifies with the published public key")
				.isTrue();
			assertThat(data.get("message").asString())
				.startsWith("govhall-audit-head/1\n" + data.get("chain").asString() + "\n" + data.get("seq").asLong()
						+ "\n" + data.get("hash").asString() + "\n");
			assertThat(java.time.Instant.parse(data.get("signedAt").asString()))
				.isAfter(java.time.Instant.now().minus(Duration.ofMinutes(1)));
		}
		finally {
			admin.deleteQueue(heads);
		}
	}

	/**
	 * Publications of the externalizer about the case still incomplete in the registry.
	 */
	long waiting(String number) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM event_publication
				WHERE completion_date IS NULL AND listener_id LIKE '%EventExternalizer%'
				  AND serialized_event LIKE :number
				""").param("number", "%" + number + "%").query(Long.class).single();
	}

	/**
	 * The next {@code count} messages about the case, waiting up to 10 s for each; fails
	 * on a message too many.
	 */
	List<Message> receiveFor(String number, int count) {
		List<Message> out = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (out.size() < count && System.nanoTime() < deadline) {
			@Nullable Message m = rabbit.receive(queue, 1000);
			if (m != null && new String(m.getBody(), StandardCharsets.UTF_8).contains(number)) {
				out.add(m);
			}
		}
		assertThat(out).as("messages about " + number).hasSize(count);
		assertThat(rabbit.receive(queue, 1000)).as("no message more").isNull();
		return out;
	}

	String submitOnline() {
		Response r = RequiredMaterials.submit(api, api, "applicant", FOOD, PDF, FOOD_FORM);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	static JsonNode ok(Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

}
