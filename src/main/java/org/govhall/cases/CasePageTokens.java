package org.govhall.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

/**
 * The one-time tokens of the application form. A double click sends the form twice, and
 * each request uploads its files again under new ids, so the second submission differs
 * from the first and {@link CaseHandling#submit} would refuse the reused Idempotency-Key.
 * The second request therefore waits here for the first and shows its case.
 */
@Component
class CasePageTokens {

	private static final Duration KEEP = Duration.ofHours(2);

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final Map<String, Claim> claims = new ConcurrentHashMap<>();

	private final Clock clock;

	CasePageTokens(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The case an earlier request with this token made, once it is done; empty when this
	 * request is the one to submit, which then reports {@link #succeeded} or
	 * {@link #failed}.
	 */
	Optional<String> claim(String key) {
		prune();
		for (int attempt = 0; attempt < 3; attempt++) {
			Claim mine = new Claim(new CompletableFuture<>(), clock.instant());
			Claim earlier = claims.putIfAbsent(key, mine);
			if (earlier == null) {
				return Optional.empty();
			}
			try {
				return Optional.of(earlier.result().get(WAIT.toSeconds(), TimeUnit.SECONDS));
			}
			catch (ExecutionException | CancellationException | TimeoutException ex) {
				// the earlier request failed (or hangs): this one tries itself
				claims.remove(key, earlier);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return Optional.empty();
	}

	void succeeded(String key, String caseNumber) {
		Claim c = claims.get(key);
		if (c != null) {
			c.result().complete(caseNumber);
		}
	}

	void failed(String key) {
		Claim c = claims.remove(key);
		if (c != null) {
			c.result().cancel(false);
		}
	}

	private void prune() {
		Instant before = clock.instant().minus(KEEP);
		claims.values().removeIf(c -> c.result().isDone() && c.at().isBefore(before));
	}

	private record Claim(CompletableFuture<String> result, Instant at) {
	}

}
