package org.govhall.resilience;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client threads that repeat one kind of request until {@link #stop()}; closing stops
 * them too, so a failing test never leaves them calling a dead GovHall for the rest of
 * the test run.
 */
final class Load implements AutoCloseable {

	/** One round of a client's work; it may throw InterruptedException. */
	interface Round {

		void run() throws Exception;

	}

	private final ExecutorService threads;

	private volatile boolean running = true;

	private final AtomicInteger failures = new AtomicInteger();

	Load(int threads) {
		this.threads = Executors.newFixedThreadPool(threads);
	}

	/** A client that does {@code round} again and again while the load runs. */
	void client(Round round) {
		threads.submit(() -> {
			while (running) {
				try {
					round.run();
				}
				catch (InterruptedException ex) {
					return null;
				}
				catch (Exception ex) {
					// a client bug, not GovHall's answer (those are recorded): count it,
					// and go on
					if (failures.getAndIncrement() == 0) {
						ex.printStackTrace();
					}
				}
			}
			return null;
		});
	}

	/** Rounds that threw instead of recording an answer. */
	int failures() {
		return failures.get();
	}

	boolean running() {
		return running;
	}

	/** Stops every client after its current request, and waits for them. */
	boolean stop() throws InterruptedException {
		running = false;
		threads.shutdown();
		return threads.awaitTermination(60, TimeUnit.SECONDS);
	}

	@Override
	public void close() {
		running = false;
		threads.shutdownNow();
	}

}
