package org.govhall.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.govhall.GovHallApplication;
import org.govhall.support.ApiClient;
import org.govhall.support.RequiredMaterials;
import org.govhall.support.ApiClient.Response;
import org.govhall.support.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * Two GovHall nodes on one PostgreSQL database and one shared file store (the production
 * topology): applications are uploaded on one node, submitted on the other and accepted
 * on either, concurrently. Every event publication is then processed exactly once (one
 * completed registry row per event and listener, every effect once, every message to
 * RabbitMQ once), and the deemed-acceptance job, fired on both nodes at the same moment,
 * deems each overdue case once. The nodes use a schema of their own in
 * {@code govhall_nodes}.
 */
@Tag("multi-node")
@ResourceLock(Lanes.SERVICES)
class TwoNodesLoadTests {

	static final String DATABASE = System.getenv()
		.getOrDefault("GOVHALL_NODES_DB_URL", "jdbc:postgresql://127.0.0.1:5432/govhall_nodes");

	static final String SCHEMA = "nodes_load";

	static final String EXCHANGE = "govhall.events.nodes";

	/** 食品经营许可 of 示范市市场监督管理局: 5 working days to accept. */
	static final String FOOD = "660100-XK-02001";

	static final String FOOD_FORM = "食品经营许可申请书";

	static final byte[] PDF = "%PDF-1.4\n%test material\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

	/** Cases submitted and accepted, half through each node. */
	static final int ACCEPTED = 40;

	/** Cases submitted and left alone until the deemed-acceptance job takes them. */
	static final int LEFT = 10;

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	static String queue;

	@BeforeAll
	static void startTwoNodes() throws SQLException {
		dropSchema();
		// node A migrates the schema and loads the demo province; node B finds both (both
		// have the training clock)
		nodeA = node("load-a", true);
		nodeB = node("load-b", true);
		RabbitTemplate rabbit = nodeA.getBean(RabbitTemplate.class);
		AmqpAdmin admin = nodeA.getBean(AmqpAdmin.class);
		queue = "govhall.test.nodes." + UUID.randomUUID();
		TopicExchange exchange = new TopicExchange(EXCHANGE, true, false);
		admin.declareExchange(exchange);
		Queue q = new Queue(queue, false, false, false);
		admin.declareQueue(q);
		admin.declareBinding(BindingBuilder.bind(q).to(exchange).with("case.#"));
		assertThat(rabbit).isNotNull();
	}

	static ConfigurableApplicationContext node(String name, boolean demo) {
		// command-line arguments: they win over application.properties (builder
		// properties would only be defaults)
		return new SpringApplicationBuilder(GovHallApplication.class).run(
				"--spring.datasource.url=" + DATABASE + "?currentSchema=" + SCHEMA,
				"--spring.datasource.username=govhall", "--spring.datasource.password=govhall",
				"--spring.flyway.schemas=" + SCHEMA, "--spring.flyway.default-schema=" + SCHEMA, "--server.port=0",
				"--spring.autoconfigure.exclude=", "--govhall.node-name=" + name, "--govhall.demo.enabled=" + demo,
				"--govhall.demo.training-clock=true",
				"--govhall.demo.today=" + MovableClock.suiteToday().atZone(MovableClock.ZONE).toLocalDate(),
				"--govhall.supervision.daily-cron=-", "--govhall.cases.deemed-acceptance-cron=-",
				"--govhall.rate-limit.enabled=false",
				// load, not a person: the limits of issue 12 would stop the generated
				// traffic
				"--govhall.cases.max-open-per-item=100000", "--govhall.cases.upload-quota.applicant-files=1000000",
				"--govhall.cases.upload-quota.applicant-size=100GB", "--govhall.login-throttle.stranger-checks=1000000",
				"--govhall.events.rabbitmq.enabled=true", "--govhall.events.rabbitmq.exchange=" + EXCHANGE,
				// one file store for both nodes, as a shared volume or object store would
				// be in production
				"--govhall.storage.dir=target/test-files/nodes-load");
	}

	@AfterAll
	static void stop() throws SQLException {
		try {
			if (nodeA != null) {
				nodeA.getBean(AmqpAdmin.class).deleteQueue(queue);
			}
		}
		finally {
			if (nodeB != null) {
				nodeB.close();
			}
			if (nodeA != null) {
				nodeA.close();
			}
			dropSchema();
		}
	}

	static void dropSchema() throws SQLException {
		try (Connection c = DriverManager.getConnection(DATABASE, "govhall", "govhall");
				Statement s = c.createStatement()) {
			s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		}
	}

	static ApiClient api(ConfigurableApplicationContext node) {
		return new ApiClient(((WebServerApplicationContext) node).getWebServer().getPort());
	}

	@Test
	void loadThroughBothNodesIsProcessedOnceAndTheJobRunsOnce() throws Exception {
		List<ApiClient> nodes = List.of(api(nodeA), api(nodeB));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<String>> accepted = new ArrayList<>();
		List<Future<String>> left = new ArrayList<>();
		try {
			for (int i = 0; i < ACCEPTED + LEFT; i++) {
				ApiClient one = nodes.get(i % 2);
				ApiClient other = nodes.get((i + 1) % 2);
				boolean accept = i < ACCEPTED;
				Future<String> f = pool.submit(() -> {
					String number = submit(one, other);
					if (accept) {
						Response r = (number.hashCode() % 2 == 0 ? one : other)
							.post("/api/v1/cases/" + number + "/acceptance", "clerk", null);
						assertThat(r.status()).as(r.body()).isEqualTo(200);
					}
					return number;
				});
				(accept ? accepted : left).add(f);
			}
			List<String> numbers = new ArrayList<>();
			for (Future<String> f : accepted) {
				numbers.add(f.get(120, TimeUnit.SECONDS));
			}
			List<String> waiting = new ArrayList<>();
			for (Future<String> f : left) {
				waiting.add(f.get(120, TimeUnit.SECONDS));
			}
			assertThat(numbers).doesNotHaveDuplicates().hasSize(ACCEPTED);
			assertThat(waiting).doesNotHaveDuplicates().hasSize(LEFT);

			// the acceptance window of the cases left alone passes on both nodes' clocks;
			// both fire the job at once
			LocalDate later = MovableClock.suiteToday().atZone(MovableClock.ZONE).toLocalDate().plusDays(30);
			for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
				ReflectionTestUtils.invokeMethod(node.getBean("demoClock"), "moveTo", later);
			}
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> runs = new ArrayList<>();
			for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
				Object jobs = node.getBean("caseJobs");
				runs.add(pool.submit(() -> {
					start.await();
					ReflectionTestUtils.invokeMethod(jobs, "deemOverdueAcceptances");
					return null;
				}));
			}
			start.countDown();
			for (Future<?> f : runs) {
				f.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
		int cases = ACCEPTED + LEFT;
		// received + accepted for each case, deemed accepted for those left alone
		int steps = cases + ACCEPTED + LEFT;
		Awaitility.await()
			.atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication").query(Long.class).single() == 0);

		long caseRows = count(jdbc, "SELECT COUNT(*) FROM cases_case");
		long deemed = count(jdbc, "SELECT COUNT(*) FROM cases_history WHERE action = 'DEEMED_ACCEPTED'");
		long deemedCases = count(jdbc,
				"SELECT COUNT(DISTINCT case_id) FROM cases_history WHERE action = 'DEEMED_ACCEPTED'");
		List<Map<String, Object>> twice = jdbc.sql("""
				SELECT listener_id, COUNT(*) AS times FROM event_publication_archive
				GROUP BY listener_id, event_type, serialized_event HAVING COUNT(*) > 1
				""").query().listOfRows();
		List<Map<String, Object>> perListener = jdbc.sql("""
				SELECT listener_id, COUNT(*) AS completed FROM event_publication_archive
				WHERE event_type LIKE '%CaseEvent%' GROUP BY listener_id ORDER BY listener_id
				""").query().listOfRows();
		long supervisionSteps = count(jdbc, "SELECT COUNT(*) FROM supervision_case_step");
		long auditSteps = count(jdbc, "SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'case.%'");
		Map<String, Integer> messages = drain(nodeA.getBean(RabbitTemplate.class));
		long repeated = messages.values().stream().filter(n -> n > 1).count();

		System.out.printf("two nodes: cases %d (accepted %d, deemed once each by the job both nodes fired: %d), "
				+ "case steps %d, publications completed per listener %s, completed twice %d, supervision steps %d, "
				+ "audit rows %d, RabbitMQ messages %d (ids repeated %d)%n", caseRows, ACCEPTED, deemedCases, steps,
				perListener.stream().map(r -> shortName(r.get("listener_id")) + "=" + r.get("completed")).toList(),
				twice.size(), supervisionSteps, auditSteps, messages.values().stream().mapToInt(i -> i).sum(),
				repeated);

		assertThat(caseRows).isEqualTo(cases);
		assertThat(deemed).as("each overdue case deemed accepted once").isEqualTo(LEFT);
		assertThat(deemedCases).isEqualTo(LEFT);
		assertThat(twice).as("no publication processed twice").isEmpty();
		// every listener of case events after the commit completed each event it takes
		// once: every step (RabbitMQ), or (the documents) every acceptance, which issues
		// the acceptance notice; audit, supervision and the inboxes are written in the
		// step's own transaction (ADR 0034) and counted by their rows below
		Map<String, Integer> completed = new HashMap<>();
		perListener.forEach(r -> completed.merge(shortName(r.get("listener_id")),
				((Number) r.get("completed")).intValue(), Integer::sum));
		assertThat(completed)
			.containsExactlyInAnyOrderEntriesOf(Map.of("EventExternalizer", steps, "CaseDocuments", ACCEPTED + LEFT));
		assertThat(supervisionSteps).isEqualTo(steps);
		assertThat(auditSteps).isEqualTo(steps);
		assertThat(messages).as("one message per step").hasSize(steps);
		assertThat(repeated).as("no message sent twice").isZero();
	}

	/**
	 * Uploads the form on one node and submits the application on the other: the file
	 * store is shared.
	 */
	static String submit(ApiClient uploadTo, ApiClient submitTo) {
		Response r = RequiredMaterials.submit(uploadTo, submitTo, "applicant", FOOD, PDF, FOOD_FORM);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	/** Every message on the test queue, counted by message id. */
	static Map<String, Integer> drain(RabbitTemplate rabbit) {
		Map<String, Integer> ids = new HashMap<>();
		Message m;
		while ((m = rabbit.receive(queue, 2000)) != null) {
			ids.merge(m.getMessageProperties().getMessageId(), 1, Integer::sum);
		}
		return ids;
	}

	static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	/**
	 * {@code org.govhall.audit.AuditLog.on(org.govhall.cases.CaseEvent)} →
	 * {@code AuditLog}.
	 */
	static String shortName(Object listenerId) {
		String id = String.valueOf(listenerId);
		String method = id.contains("(") ? id.substring(0, id.indexOf('(')) : id;
		String type = method.contains(".") ? method.substring(0, method.lastIndexOf('.')) : method;
		return type.substring(type.lastIndexOf('.') + 1);
	}

}
