package org.govhall.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.govhall.resilience.Ledger.Publication;
import org.govhall.resilience.Submissions.Counts;
import org.govhall.resilience.Traffic.Answer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * Crash safety (issue 5, item 2). GovHall runs as a child JVM on PostgreSQL
 * ({@code govhall_nodes}); applicants submit (each POST with its own Idempotency-Key) and
 * clerks accept, from several threads, until the JVM is killed with SIGKILL in the middle
 * of it, with event publications outstanding. It is started again on the same database,
 * every submission that got no answer (or a 2xx) is sent again with the same key, and
 * then: every acknowledged submission exists exactly once, every acknowledged acceptance
 * stands, no case is half-changed, the publications left incomplete were delivered after
 * the restart, and what their listeners do happened once.
 */
@Tag("crash")
@ResourceLock(Lanes.SERVICES)
class CrashSafetyTests {

	static final Duration STARTUP = Duration.ofSeconds(120);

	/** A clerk's acceptance and its answer. */
	record Acceptance(String number, Answer answer) {
	}

	@Test
	void aKilledJvmLosesAndDuplicatesNothingItAcknowledged() throws Exception {
		try (Ledger ledger = Ledger.open("crash");
				ChildGovHall node = new ChildGovHall("crash", ledger.url());
				Load load = new Load(8)) {
			JdbcClient db = ledger.jdbc();
			Duration firstStart = node.start().awaitReady(STARTUP);
			Traffic traffic = new Traffic(node.base(), Duration.ofSeconds(20));
			Submissions submissions = new Submissions();
			Queue<Acceptance> acceptances = new ConcurrentLinkedQueue<>();
			for (int i = 0; i < 6; i++) {
				load.client(() -> submissions.submitOne(traffic));
			}
			for (int i = 0; i < 2; i++) {
				load.client(() -> {
					String number = submissions.toAccept.poll(100, TimeUnit.MILLISECONDS);
					if (number != null && load.running()) {
						acceptances.add(new Acceptance(number,
								traffic.postJson("/api/v1/cases/" + number + "/acceptance", "clerk", null)));
					}
				});
			}

			// under load for a while, then kill it at a moment when listeners still have
			// work outstanding
			long loadStart = System.nanoTime();
			Awaitility.await("30 acknowledged submissions")
				.atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> submissions.acknowledged() >= 30 && System.nanoTime() - loadStart > 3_000_000_000L);
			long waitForBacklog = System.nanoTime() + 10_000_000_000L;
			while (Ledger.incompleteCount(db) < 3 && System.nanoTime() < waitForBacklog) {
				Thread.sleep(20);
			}
			int exit = node.killHard();
			long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
			assertThat(load.stop()).as("load threads ended").isTrue();
			assertThat(load.failures()).as("client rounds that failed in the test itself").isZero();
			assertThat(exit).as("exit code of the child: 137 means killed by SIGKILL")
				.isEqualTo(ChildGovHall.SIGKILL_EXIT);

			// what the kill left behind, as the database has it
			List<Publication> incompleteAtKill = Ledger.incomplete(db);
			int casesAtKill = db.sql("SELECT COUNT(*) FROM cases_case").query(Integer.class).single();

			Duration restart = node.start().awaitReady(STARTUP);
			long ready = System.nanoTime();
			int incompleteWhenReady = Ledger.incompleteCount(db);
			Traffic after = new Traffic(node.base(), Duration.ofSeconds(20));
			int retried = submissions.retryUnconfirmed(after);

			Awaitility.await("every event publication completed after the restart")
				.atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> Ledger.incompleteCount(db) == 0);
			long drainMillis = (System.nanoTime() - ready) / 1_000_000;

			Counts counts = submissions.verify(db, after, retried);
			List<String> problems = new ArrayList<>(counts.problems());

			// acceptances the clerk was told had happened
			int acceptancesAcknowledged = 0;
			int acceptancesLost = 0;
			Map<String, Integer> acceptanceAnswers = new TreeMap<>();
			for (Acceptance a : acceptances) {
				acceptanceAnswers.merge(String.valueOf(a.answer().status()), 1, Integer::sum);
				if (a.answer().status() == 200) {
					acceptancesAcknowledged++;
					String state = db.sql("SELECT state FROM cases_case WHERE number = :n")
						.param("n", a.number())
						.query(String.class)
						.optional()
						.orElse("missing");
					if (!state.equals("ACCEPTED")) {
						acceptancesLost++;
						problems.add("acceptance of " + a.number() + " was acknowledged, the case is " + state);
					}
				}
				else if (a.answer().answered() && a.answer().status() != 200) {
					problems.add("acceptance of " + a.number() + " before the kill answered " + a.answer());
				}
			}

			// the publications left incomplete at the kill were delivered after it, and
			// each only once
			Effects effects = Effects.read(db);
			List<String> archivedIds = effects.archived.stream().map(Publication::id).toList();
			for (Publication p : incompleteAtKill) {
				if (!archivedIds.contains(p.id())) {
					problems.add("publication " + p.id() + " (" + p.shortType() + " of " + p.caseNumber() + " for "
							+ p.listener() + "), incomplete at the kill, was not completed after the restart");
				}
			}
			long clerk = Ledger.accountId(db, "clerk");
			problems.addAll(effects.check(clerk));

			int lost = counts.lost() + acceptancesLost;
			System.out.println("crash: sent=" + counts.sent() + " acknowledged=" + counts.acknowledged() + " found="
					+ counts.found() + " duplicates=" + counts.duplicates() + " lost=" + lost);
			System.out.println("crash: details: first start " + firstStart.toMillis() + " ms, load " + loadMillis
					+ " ms, exit code " + exit + ", cases at kill " + casesAtKill + ", publications incomplete at kill "
					+ incompleteAtKill.size() + " " + Ledger.summary(incompleteAtKill) + ", restart "
					+ restart.toMillis() + " ms, repeated " + retried + ", uploads refused " + counts.uploadsRefused()
					+ ", incomplete publications when ready " + incompleteWhenReady + ", none left " + drainMillis
					+ " ms after ready, acceptances sent " + acceptances.size() + " acknowledged "
					+ acceptancesAcknowledged + " answers " + acceptanceAnswers + ", cases " + effects.cases.size()
					+ ", problems " + problems.size());
			problems.stream().limit(40).forEach(p -> System.out.println("crash: problem: " + p));

			assertThat(incompleteAtKill)
				.as("the kill must leave event publications outstanding, or it proves nothing "
						+ "about their redelivery")
				.isNotEmpty();
			assertThat(counts.acknowledged()).as("acknowledged submissions").isGreaterThanOrEqualTo(30);
			assertThat(counts.duplicates()).as("duplicates").isZero();
			assertThat(lost).as("lost").isZero();
			assertThat(counts.found()).as("found").isEqualTo(counts.acknowledged());
			assertThat(problems).as("what the restarted GovHall holds").isEmpty();
		}
	}

	/**
	 * A SIGKILL can also fall after a listener's transaction committed and before Spring
	 * Modulith recorded the publication as completed (the completion is written after the
	 * listener returns, outside its transaction). The publication is then delivered again
	 * at the restart, and the listener must not do its work twice. The test puts the
	 * registry in exactly that state: the accepted cases' publications, already
	 * completed, are made outstanding again while GovHall is down (as if it had died in
	 * that window), then GovHall starts.
	 */
	@Test
	void aPublicationDeliveredAgainAfterItsListenerCommittedTakesEffectOnce() throws Exception {
		try (Ledger ledger = Ledger.open("redelivery");
				ChildGovHall node = new ChildGovHall("redelivery", ledger.url())) {
			JdbcClient db = ledger.jdbc();
			node.start().awaitReady(STARTUP);
			Traffic traffic = new Traffic(node.base(), Duration.ofSeconds(20));
			Submissions submissions = new Submissions();
			List<String> numbers = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				Submissions.Attempt a = submissions.submitOne(traffic);
				assertThat(a).as("upload").isNotNull();
				assertThat(a.first.status()).as(String.valueOf(a.first)).isEqualTo(201);
				numbers.add(a.number());
				Answer accepted = traffic.postJson("/api/v1/cases/" + a.number() + "/acceptance", "clerk", null);
				assertThat(accepted.status()).as(String.valueOf(accepted)).isEqualTo(200);
			}
			Awaitility.await("every publication completed")
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> Ledger.incompleteCount(db) == 0);
			long clerk = Ledger.accountId(db, "clerk");
			Effects before = Effects.read(db);
			assertThat(before.check(clerk)).as("effects before the redelivery").isEmpty();
			assertThat(node.killHard()).isEqualTo(ChildGovHall.SIGKILL_EXIT);

			// the window: each listener's work committed, its publication still
			// PROCESSING (Spring Modulith 2.0 marks
			// a publication PROCESSING before it calls the listener, COMPLETED after the
			// listener returned)
			List<Publication> rewound = before.archived.stream()
				.filter(p -> p.caseNumber() != null && numbers.contains(p.caseNumber()))
				.toList();
			for (Publication p : rewound) {
				db.sql("""
						INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
						                               status, completion_attempts, last_resubmission_date)
						SELECT id, listener_id, event_type, serialized_event, publication_date, 'PROCESSING',
						       completion_attempts, last_resubmission_date
						FROM event_publication_archive WHERE id = CAST(:id AS UUID)
						""").param("id", p.id()).update();
				db.sql("DELETE FROM event_publication_archive WHERE id = CAST(:id AS UUID)")
					.param("id", p.id())
					.update();
			}
			assertThat(Ledger.incompleteCount(db)).isEqualTo(rewound.size());

			node.start().awaitReady(STARTUP);
			Awaitility.await("the outstanding publications completed after the restart")
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> Ledger.incompleteCount(db) == 0);
			// a publication is marked completed only after its listener's transaction
			// committed: all effects are in
			Effects after = Effects.read(db);
			List<String> problems = after.check(clerk);
			System.out.println("redelivery: publications delivered again " + rewound.size() + " "
					+ Ledger.summary(rewound) + ", problems " + problems.size());
			problems.forEach(p -> System.out.println("redelivery: problem: " + p));
			assertThat(problems)
				.as("effects after delivering " + rewound.size()
						+ " completed publications again (listeners must be idempotent, ADR 0004)")
				.isEmpty();
		}
	}

}
