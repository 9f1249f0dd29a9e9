package org.govhall.resilience;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.govhall.resilience.Traffic.Answer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the applicant's client sent and what it was told: each submission with its own
 * Idempotency-Key, the file it names, the first answer and, after the fault, the answer
 * to the same request sent again. Then what the database holds: every acknowledged
 * submission must be there exactly once.
 */
final class Submissions {

	static final String APPLICANT = "applicant";

	/** One submission as the client knows it. */
	static final class Attempt {

		final String key;

		final String fileId;

		volatile @Nullable Answer first;

		volatile @Nullable Answer retry;

		Attempt(String key, String fileId) {
			this.key = key;
			this.fileId = fileId;
		}

		boolean acknowledged() {
			Answer a = first;
			return a != null && a.ok();
		}

		/**
		 * A client repeats what got no answer, a 5xx, or (to check idempotency) a 2xx; a
		 * 4xx was a final no.
		 */
		boolean repeatable() {
			Answer a = first;
			return a == null || a.status() == 0 || a.status() >= 500 || a.ok();
		}

		@Nullable String number() {
			Answer a = first;
			return a != null && a.ok() ? a.json().get("number").asString() : null;
		}

	}

	/** sent, acknowledged, found, duplicates, lost, as the summary line prints them. */
	record Counts(int sent, int acknowledged, int found, int duplicates, int lost, int uploadsRefused, int retried,
			List<String> problems) {

		String line(String label) {
			return label + ": sent=" + sent + " acknowledged=" + acknowledged + " found=" + found + " duplicates="
					+ duplicates + " lost=" + lost;
		}

	}

	private final Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();

	/** Numbers of acknowledged submissions, for the clerks to accept. */
	final BlockingQueue<String> toAccept = new LinkedBlockingQueue<>();

	private final AtomicInteger acknowledged = new AtomicInteger();

	private final AtomicInteger uploadsRefused = new AtomicInteger();

	/** Sees every answer of the load, named "upload" or "submit". */
	private final BiConsumer<String, Answer> observer;

	Submissions() {
		this((kind, answer) -> {
		});
	}

	Submissions(BiConsumer<String, Answer> observer) {
		this.observer = observer;
	}

	/**
	 * Uploads a file, then submits it with a fresh key; an upload that fails sends no
	 * submission.
	 */
	@Nullable Attempt submitOne(Traffic traffic) {
		String key = UUID.randomUUID().toString();
		Answer upload = traffic.upload(APPLICANT, Traffic.pdf(key));
		observer.accept("upload", upload);
		if (upload.status() != 201) {
			if (upload.answered()) {
				uploadsRefused.incrementAndGet();
			}
			return null;
		}
		Attempt attempt = new Attempt(key, upload.json().get("fileId").asString());
		attempts.add(attempt);
		Answer answer = traffic.postJson("/api/v1/cases", APPLICANT, Traffic.foodApplication(attempt.fileId),
				"Idempotency-Key", key);
		attempt.first = answer;
		observer.accept("submit", answer);
		if (answer.ok()) {
			acknowledged.incrementAndGet();
			toAccept.add(attempt.number());
		}
		return attempt;
	}

	int acknowledged() {
		return acknowledged.get();
	}

	List<Attempt> attempts() {
		return List.copyOf(attempts);
	}

	/**
	 * Sends every repeatable submission again, with the same key and body, as a client
	 * that retries does.
	 */
	int retryUnconfirmed(Traffic traffic) {
		int n = 0;
		for (Attempt a : attempts) {
			if (a.repeatable()) {
				a.retry = traffic.postJson("/api/v1/cases", APPLICANT, Traffic.foodApplication(a.fileId),
						"Idempotency-Key", a.key);
				n++;
			}
		}
		return n;
	}

	/**
	 * Checks every acknowledged submission against the database and the API: its key
	 * names its case, the case row is there, the applicant can read it, and repeating the
	 * request answered the same case. Duplicates are cases that no key names, and
	 * repeated requests answered with another case than the one first acknowledged.
	 */
	Counts verify(JdbcClient db, Traffic traffic, int retried) {
		List<String> problems = new ArrayList<>();
		Map<String, String> byKey = new HashMap<>();
		db.sql("SELECT idem_key, case_number FROM cases_idempotency WHERE actor = :actor")
			.param("actor", APPLICANT)
			.query((rs, n) -> byKey.put(rs.getString("idem_key"), rs.getString("case_number")))
			.list();
		Set<String> cases = new HashSet<>(db.sql("SELECT number FROM cases_case").query(String.class).list());
		int sent = 0;
		int acks = 0;
		int found = 0;
		int lost = 0;
		int duplicates = 0;
		for (Attempt a : attempts) {
			sent++;
			Answer retry = a.retry;
			if (retry != null && retry.status() != 201) {
				problems.add("repeating key " + a.key + " answered " + retry);
			}
			if (!a.acknowledged()) {
				continue;
			}
			acks++;
			String number = a.number();
			String named = byKey.get(a.key);
			boolean ok = true;
			if (number == null || !cases.contains(number)) {
				problems.add("acknowledged case " + number + " (key " + a.key + ") is not in cases_case");
				lost++;
				continue;
			}
			if (!number.equals(named)) {
				problems.add("key " + a.key + " names case " + named + ", but " + number + " was acknowledged");
				ok = false;
			}
			if (retry != null && retry.ok() && !number.equals(retry.json().get("number").asString())) {
				problems.add("repeating key " + a.key + " made " + retry.json().get("number").asString()
						+ " besides the acknowledged " + number);
				duplicates++;
				ok = false;
			}
			Answer read = traffic.get("/api/v1/cases/" + number, APPLICANT, "application/json");
			if (read.status() != 200 || !number.equals(read.json().get("number").asString())) {
				problems.add("GET /api/v1/cases/" + number + " answered " + read);
				ok = false;
			}
			if (ok) {
				found++;
			}
		}
		Set<String> named = new HashSet<>(byKey.values());
		for (String number : cases) {
			if (!named.contains(number)) {
				problems.add("case " + number + " is named by no idempotency key: a duplicate");
				duplicates++;
			}
		}
		return new Counts(sent, acks, found, duplicates, lost, uploadsRefused.get(), retried, problems);
	}

}
