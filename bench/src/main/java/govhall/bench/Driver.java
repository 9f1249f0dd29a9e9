package govhall.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.sun.management.OperatingSystemMXBean;

/**
 * Runs complete cases on T threads: a warm-up whose results are dropped, then a measured window. A step counts, and
 * its latency is recorded, only if it succeeded and finished inside the window; a case counts if its last step did.
 * The first failure stops every thread and fails the run.
 */
final class Driver {

	/** The steps of one case, in order. Step 0 (the upload of the material) is work, but not a transition. */
	static final String[] STEPS = { "upload", "submit", "accept", "opinion-zjj", "opinion-sthj", "review", "decide",
			"deliver" };

	static final int UPLOAD = 0, SUBMIT = 1, ACCEPT = 2, OPINION_1 = 3, OPINION_2 = 4, REVIEW = 5, DECIDE = 6,
			DELIVER = 7;

	/** State transitions of one case: submit, accept, two opinions, review, decide, deliver. */
	static final int TRANSITIONS_PER_CASE = 7;

	/** One thread's loop body: drives one complete case through the recorder. */
	interface CaseRun {

		void run(Recorder r) throws Exception;

	}

	private final int threads;

	private final long warmupNanos;

	private final long durationNanos;

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	private volatile long windowStart = Long.MAX_VALUE;

	private volatile long windowEnd = Long.MAX_VALUE;

	Driver(int threads, int warmupSeconds, int durationSeconds) {
		this.threads = threads;
		this.warmupNanos = warmupSeconds * 1_000_000_000L;
		this.durationNanos = durationSeconds * 1_000_000_000L;
	}

	/**
	 * Outstanding asynchronous work the steps left behind: GovHall issues its PDF documents and notifications in
	 * listeners that run after the step's transaction commits (Spring Modulith's event publication registry).
	 */
	interface Backlog {

		/** Event publications not yet completed. */
		long outstanding();

	}

	/**
	 * Runs the phase and returns its figures: warm-up, a pause until the warm-up's asynchronous work is done, the
	 * measured window, and a pause until the window's asynchronous work is done (the drain). {@code cpu} gives the
	 * CPU time, in nanoseconds, of the process doing the work (this JVM in-process, the server over HTTP).
	 */
	Map<String, String> run(IntFunction<CaseRun> perThread, LongSupplier cpu, Backlog backlog, int drainLimitSeconds,
			Supplier<Map<Long, Long>> databaseCpu) throws Exception {
		Map<String, String> out = new LinkedHashMap<>();
		// warm-up: results dropped
		long warmupStart = System.nanoTime();
		runThreads(perThread, warmupStart + warmupNanos, Long.MAX_VALUE, () -> {
		});
		long warmBacklog = backlog.outstanding();
		double warmDrain = drain(backlog, drainLimitSeconds);
		out.put("warmup.backlog", String.valueOf(warmBacklog));
		out.put("warmup.drain.s", String.format("%.1f", warmDrain));
		if (warmDrain < 0) {
			throw new IllegalStateException("the warm-up's asynchronous work did not finish within "
					+ drainLimitSeconds + " s (" + backlog.outstanding() + " publications outstanding)");
		}
		// the measured window
		long backlog0 = backlog.outstanding();
		Map<Long, Long> db0 = databaseCpu.get();
		long cpu0 = cpu.getAsLong();
		long jvm0 = ownCpu();
		long[] machine0 = MachineCpu.read();
		long t0 = System.nanoTime();
		long epoch0 = System.currentTimeMillis();
		// read right at the window's end, before the steps still running are waited for (they are not counted)
		long[] cpu1 = new long[2];
		long[][] machine = new long[1][];
		List<Map<Long, Long>> db1 = new ArrayList<>();
		List<Recorder> recorders = runThreads(perThread, t0 + durationNanos, t0, () -> {
			cpu1[0] = cpu.getAsLong();
			cpu1[1] = ownCpu();
			machine[0] = MachineCpu.read();
			db1.add(databaseCpu.get());
		});
		long[] machine1 = machine[0];
		long backlog1 = backlog.outstanding();
		double drainSeconds = drain(backlog, drainLimitSeconds);
		long t2 = System.nanoTime();
		long cpu2 = cpu.getAsLong();
		long jvm2 = ownCpu();
		long[] machine2 = MachineCpu.read();
		Map<Long, Long> db2 = databaseCpu.get();
		out.put("window.start.epoch.ms", String.valueOf(epoch0));
		out.put("drain.end.epoch.ms", String.valueOf(System.currentTimeMillis()));

		double seconds = durationNanos / 1e9;
		double sustainedSeconds = (t2 - t0) / 1e9;
		out.put("threads", String.valueOf(threads));
		out.put("warmup.s", String.valueOf(warmupNanos / 1_000_000_000L));
		out.put("duration.s", String.format("%.1f", seconds));
		long cases = recorders.stream().mapToLong(r -> r.cases).sum();
		long[] all = merge(recorders, SUBMIT, DELIVER);
		out.put("cases", String.valueOf(cases));
		out.put("cases.per.s", String.format("%.2f", cases / seconds));
		out.put("transitions", String.valueOf(all.length));
		out.put("transitions.per.s", String.format("%.2f", all.length / seconds));
		out.put("backlog.start", String.valueOf(backlog0));
		out.put("backlog.end", String.valueOf(backlog1));
		out.put("drain.s", drainSeconds < 0 ? "not drained" : String.format("%.1f", drainSeconds));
		if (drainSeconds >= 0) {
			out.put("sustained.cases.per.s", String.format("%.2f", cases / sustainedSeconds));
			out.put("sustained.transitions.per.s", String.format("%.2f", all.length / sustainedSeconds));
		}
		out.put("transition.p50.ms", ms(pct(all, 0.50)));
		out.put("transition.p99.ms", ms(pct(all, 0.99)));
		out.put("transition.mean.ms", ms(all.length == 0 ? 0 : (long) Arrays.stream(all).average().orElse(0)));
		out.put("transition.max.ms", ms(all.length == 0 ? 0 : all[all.length - 1]));
		for (int s = 0; s < STEPS.length; s++) {
			long[] one = merge(recorders, s, s);
			out.put("step." + STEPS[s] + ".count", String.valueOf(one.length));
			out.put("step." + STEPS[s] + ".p50.ms", ms(pct(one, 0.50)));
			out.put("step." + STEPS[s] + ".p99.ms", ms(pct(one, 0.99)));
			out.put("step." + STEPS[s] + ".max.ms", ms(one.length == 0 ? 0 : one[one.length - 1]));
		}
		double transitions = Math.max(1, all.length);
		// CPU: in the window only, and in the window plus the drain of the asynchronous work it caused
		out.put("cpu.window.ms.per.transition", String.format("%.3f", (cpu1[0] - cpu0) / 1e6 / transitions));
		out.put("cpu.ms.per.transition", String.format("%.3f", (cpu2 - cpu0) / 1e6 / transitions));
		out.put("driver.cpu.ms.per.transition", String.format("%.3f", (jvm2 - jvm0) / 1e6 / transitions));
		out.put("db.cpu.window.ms.per.transition",
				String.format("%.3f", PgBackends.deltaNanos(db0, db1.get(0)) / 1e6 / transitions));
		out.put("db.cpu.ms.per.transition", String.format("%.3f", PgBackends.deltaNanos(db0, db2) / 1e6 / transitions));
		out.put("machine.cpu.window.ms.per.transition",
				String.format("%.3f", MachineCpu.busyMillis(machine0, machine1) / transitions));
		out.put("machine.cpu.ms.per.transition",
				String.format("%.3f", MachineCpu.busyMillis(machine0, machine2) / transitions));
		out.put("machine.cpu.utilisation", String.format("%.2f", MachineCpu.utilisation(machine0, machine1)));
		out.put("loadavg.after", loadavg());
		return out;
	}

	/**
	 * Runs the threads until {@code end}; steps finishing in [start, end) are recorded. {@code atEnd} runs at the end,
	 * before the threads' last steps are waited for.
	 */
	private List<Recorder> runThreads(IntFunction<CaseRun> perThread, long end, long start, Runnable atEnd)
			throws Exception {
		windowStart = start;
		windowEnd = end;
		List<Recorder> recorders = new ArrayList<>();
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Recorder r = new Recorder();
			recorders.add(r);
			CaseRun body = perThread.apply(i);
			Thread t = new Thread(() -> {
				try {
					while (!r.over()) {
						body.run(r);
					}
				}
				catch (Stop stop) {
					// the window is over or another thread failed
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
				}
			}, "bench-" + i);
			workers.add(t);
		}
		workers.forEach(Thread::start);
		sleepUntil(end);
		atEnd.run();
		for (Thread t : workers) {
			t.join(120_000);
			if (t.isAlive()) {
				failure.compareAndSet(null, new IllegalStateException(t.getName() + " did not stop"));
			}
		}
		if (failure.get() != null) {
			throw new IllegalStateException("benchmark failed: " + failure.get(), failure.get());
		}
		return recorders;
	}

	/** Waits until no publication is outstanding; the seconds it took, or -1 after the limit. */
	private static double drain(Backlog backlog, int limitSeconds) throws InterruptedException {
		long t0 = System.nanoTime();
		while (backlog.outstanding() > 0) {
			if (System.nanoTime() - t0 > limitSeconds * 1_000_000_000L) {
				return -1;
			}
			Thread.sleep(50);
		}
		return (System.nanoTime() - t0) / 1e9;
	}

	private void sleepUntil(long deadline) throws InterruptedException {
		while (System.nanoTime() < deadline && failure.get() == null) {
			Thread.sleep(Math.max(1, Math.min(100, (deadline - System.nanoTime()) / 1_000_000)));
		}
	}

	private static long[] merge(List<Recorder> recorders, int from, int to) {
		int n = 0;
		for (Recorder r : recorders) {
			for (int s = from; s <= to; s++) {
				n += r.counts[s];
			}
		}
		long[] all = new long[n];
		int i = 0;
		for (Recorder r : recorders) {
			for (int s = from; s <= to; s++) {
				System.arraycopy(r.latencies[s], 0, all, i, r.counts[s]);
				i += r.counts[s];
			}
		}
		Arrays.sort(all);
		return all;
	}

	/** Nearest-rank percentile of sorted values. */
	static long pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	static String ms(long nanos) {
		return String.format("%.2f", nanos / 1e6);
	}

	static long ownCpu() {
		return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	static String loadavg() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (IOException ex) {
			return "?";
		}
	}

	static void write(Path file, Map<String, String> values) {
		StringBuilder b = new StringBuilder();
		values.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, b.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Thrown inside a thread to leave its loop when the window is over or another thread failed. */
	static final class Stop extends RuntimeException {

		Stop() {
			super(null, null, false, false);
		}

	}

	/** One thread's measurements. */
	final class Recorder {

		final long[][] latencies = new long[STEPS.length][1024];

		final int[] counts = new int[STEPS.length];

		long cases;

		boolean over() {
			return failure.get() != null || System.nanoTime() >= windowEnd;
		}

		/** Runs one step, timing it; only a step that returns (a success) is recorded. */
		<T> T step(int step, Callable<T> action) throws Exception {
			if (over()) {
				throw new Stop();
			}
			long t0 = System.nanoTime();
			T result = action.call();
			long t1 = System.nanoTime();
			if (t1 >= windowStart && t1 < windowEnd) {
				if (counts[step] == latencies[step].length) {
					latencies[step] = Arrays.copyOf(latencies[step], counts[step] * 2);
				}
				latencies[step][counts[step]++] = t1 - t0;
				if (step == DELIVER) {
					cases++;
				}
			}
			return result;
		}

	}

}
