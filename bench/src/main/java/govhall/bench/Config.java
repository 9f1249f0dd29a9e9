package govhall.bench;

/** Settings from the environment, as run.sh passes them. */
final class Config {

	private Config() {
	}

	static String env(String name, String fallback) {
		String v = System.getenv(name);
		return v == null || v.isBlank() ? fallback : v.strip();
	}

	/** BENCH_THREADS: client threads T (default 8). */
	static int threads() {
		return Integer.parseInt(env("BENCH_THREADS", "8"));
	}

	/** BENCH_WARMUP: seconds of warm-up before each measured window (default 10). */
	static int warmup() {
		return Integer.parseInt(env("BENCH_WARMUP", "10"));
	}

	/** BENCH_DRAIN_LIMIT: seconds to wait for the asynchronous work of the warm-up and the window (default 240). */
	static int drainLimit() {
		return Integer.parseInt(env("BENCH_DRAIN_LIMIT", "240"));
	}

	/** BENCH_DURATION: seconds of each measured window (default 30). */
	static int duration() {
		return Integer.parseInt(env("BENCH_DURATION", "30"));
	}

}
