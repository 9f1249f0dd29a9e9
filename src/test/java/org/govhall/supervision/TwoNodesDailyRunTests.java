package org.govhall.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.govhall.GovHallApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * Two GovHall nodes on one PostgreSQL database (the production topology): when both
 * schedulers fire the nightly supervision run at the same moment, and again a little
 * later, it runs once, on one of them.
 */
@Tag("multi-node")
@ResourceLock(Lanes.SERVICES)
class TwoNodesDailyRunTests {

	static final String URL = System.getenv()
		.getOrDefault("GOVHALL_NODES_DB_URL", "jdbc:postgresql://127.0.0.1:5432/govhall_nodes");

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void startTwoNodes() {
		Flyway.configure()
			.dataSource(URL, "govhall", "govhall")
			.locations("classpath:db/migration", "classpath:db/vendor/postgresql")
			.cleanDisabled(false)
			.load()
			.clean();
		nodeA = node("node-a");
		nodeB = node("node-b");
	}

	static ConfigurableApplicationContext node(String name) {
		// command-line arguments: they win over application.properties (builder
		// properties would only be defaults)
		return new SpringApplicationBuilder(GovHallApplication.class).run("--spring.datasource.url=" + URL,
				"--spring.datasource.username=govhall", "--spring.datasource.password=govhall", "--server.port=0",
				"--govhall.node-name=" + name, "--govhall.demo.enabled=false", "--govhall.supervision.daily-cron=-",
				"--govhall.cases.deemed-acceptance-cron=-", "--govhall.storage.dir=target/test-files/nodes-" + name);
	}

	@AfterAll
	static void stop() {
		if (nodeB != null) {
			nodeB.close();
		}
		if (nodeA != null) {
			nodeA.close();
		}
	}

	@Test
	void theNightlyRunHappensOnceAcrossTwoNodes() throws Exception {
		List<SupervisionJobs> jobs = List.of(nodeA.getBean(SupervisionJobs.class),
				nodeB.getBean(SupervisionJobs.class));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> runs = jobs.stream().map(j -> pool.submit(() -> {
				start.await();
				j.daily();
				return null;
			})).<Future<?>>map(f -> f).toList();
			start.countDown();
			for (Future<?> f : runs) {
				f.get(60, TimeUnit.SECONDS);
			}
			// a scheduler firing a little later on either node finds the lock still held
			jobs.get(1).daily();
			jobs.get(0).daily();
		}
		finally {
			pool.shutdownNow();
		}
		JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
		assertThat(nodeA.getEnvironment().getProperty("spring.datasource.url")).as("both nodes on PostgreSQL")
			.isEqualTo(URL)
			.isEqualTo(nodeB.getEnvironment().getProperty("spring.datasource.url"));
		assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
		List<String> ranOn = jdbc.sql("SELECT node FROM supervision_run WHERE finished_at IS NOT NULL")
			.query(String.class)
			.list();
		assertThat(ranOn).hasSize(1);
		assertThat(ranOn.get(0)).isIn("node-a", "node-b");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM supervision_run").query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = 'supervision-daily-warnings'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

}
