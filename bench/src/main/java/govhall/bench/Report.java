package govhall.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Prints the run's one table: every phase's figures, the ratios to pgbench simple-update on the same PostgreSQL and
 * whether each target is met.
 *
 * <pre>java -cp govhall-bench.jar govhall.bench.Report bench/target/results</pre>
 */
public final class Report {

	/**
	 * Targets (issue 14): in-process ≥ 0.25 × pgbench answered and ≥ 0.10 × sustained, p99 ≤ 40 ms; HTTP ≥ 0.12 × and
	 * ≥ 0.08 ×, p99 ≤ 80 ms; at 8 threads; sustained ≥ 0.8 × answered; at most 3 transactions and 12 statements per
	 * transition, the call and its listeners together.
	 */
	static final double IN_PROCESS_ANSWERED = 0.25, IN_PROCESS_SUSTAINED = 0.10, HTTP_ANSWERED = 0.12,
			HTTP_SUSTAINED = 0.08, IN_PROCESS_P99_MS = 40, HTTP_P99_MS = 80, P99_THREADS = 8, KEEP_PACE = 0.8,
			TRANSACTIONS = 3, STATEMENTS = 12, LOADED = 0.85;

	private Report() {
	}

	static void summary(String phase, Map<String, String> r) {
		System.out.printf(
				"%s: %s cases/s, %s transitions/s answered (%s sustained with the asynchronous documents), "
						+ "p50 %s ms, p99 %s ms, CPU %s ms/transition; backlog %s at the end, drained in %s s%n",
				phase, r.get("cases.per.s"), r.get("transitions.per.s"), r.getOrDefault("sustained.transitions.per.s", "?"),
				r.get("transition.p50.ms"), r.get("transition.p99.ms"), r.get("cpu.ms.per.transition"),
				r.get("backlog.end"), r.get("drain.s"));
	}

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args.length > 0 ? args[0] : "bench/target/results");
		Properties in = load(dir.resolve("inprocess.properties"));
		Properties loaded = load(dir.resolve("loaded.properties"));
		Properties http = load(dir.resolve("http.properties"));
		Properties pg = load(dir.resolve("pgbench.properties"));
		Properties sql = load(dir.resolve("sql-profile.properties"));
		Properties machine = load(dir.resolve("machine.properties"));
		double tps = num(pg, "tps");
		StringBuilder b = new StringBuilder();
		b.append("\n==== GovHall case-handling benchmark ====\n");
		machine.stringPropertyNames().stream().sorted().forEach(k -> b.append(String.format("%-22s %s%n", k,
				machine.getProperty(k))));
		b.append(String.format("%nthreads T = %s, warm-up %s s, measured window %s s per phase; one case = upload + "
				+ "7 transitions (submit, accept, 2 opinions, lead review, decide, deliver)%n%n", in.getProperty("threads",
						http.getProperty("threads", "?")), in.getProperty("warmup.s", "?"),
				pg.getProperty("duration", "?")));
		String f = "%-58s %16s %16s %16s%n";
		b.append(String.format(f, "", "in-process API", "HTTP", "pgbench"));
		b.append(String.format(f, "cases/s (answered in the window)", get(in, "cases.per.s"), get(http, "cases.per.s"),
				"-"));
		b.append(String.format(f, "transitions/s (answered in the window) | pgbench tps", get(in, "transitions.per.s"),
				get(http, "transitions.per.s"), get(pg, "tps")));
		b.append(String.format(f, "transitions/s sustained (window + drain of async docs)",
				get(in, "sustained.transitions.per.s"), get(http, "sustained.transitions.per.s"), "-"));
		b.append(String.format(f, "cases/s sustained", get(in, "sustained.cases.per.s"),
				get(http, "sustained.cases.per.s"), "-"));
		b.append(String.format(f, "async publications outstanding at window end", get(in, "backlog.end"),
				get(http, "backlog.end"), "-"));
		b.append(String.format(f, "drain after the window, s", get(in, "drain.s"), get(http, "drain.s"), "-"));
		b.append(String.format(f, "p50 per transition, ms | pgbench mean latency", get(in, "transition.p50.ms"),
				get(http, "transition.p50.ms"), get(pg, "latency.ms")));
		b.append(String.format(f, "p99 per transition, ms", get(in, "transition.p99.ms"),
				get(http, "transition.p99.ms"), "-"));
		b.append(String.format(f, "app CPU ms/transition (getProcessCpuTime, window+drain)",
				get(in, "cpu.ms.per.transition"), get(http, "cpu.ms.per.transition"), "-"));
		b.append(String.format(f, "app CPU ms/transition (window only)", get(in, "cpu.window.ms.per.transition"),
				get(http, "cpu.window.ms.per.transition"), "-"));
		b.append(String.format(f, "PostgreSQL backends CPU ms/transition | per pgbench tx",
				get(in, "db.cpu.ms.per.transition"), get(http, "db.cpu.ms.per.transition"), get(pg, "db.cpu.ms.per.tx")));
		b.append(String.format(f, "HTTP client CPU ms/transition (load generator)", "-",
				get(http, "driver.cpu.ms.per.transition"), "-"));
		b.append(String.format(f, "machine CPU ms/transition | per pgbench tx (window+drain)",
				get(in, "machine.cpu.ms.per.transition"), get(http, "machine.cpu.ms.per.transition"),
				get(pg, "machine.cpu.ms.per.tx")));
		b.append(String.format(f, "machine CPU busy in the window", get(in, "machine.cpu.utilisation"),
				get(http, "machine.cpu.utilisation"), get(pg, "machine.cpu.utilisation")));
		b.append(String.format(f, "SQL statements per transition: in the call + async",
				both(sql, "inprocess", "statements"), both(sql, "http", "statements"), "3 + BEGIN/END"));
		b.append(String.format(f, "DB transactions per transition: in the call + async",
				both(sql, "inprocess", "transactions"), both(sql, "http", "transactions"), "1"));
		b.append(String.format(f, "latency per transition, 1 thread, ms (profile)", get(sql, "inprocess.transition.ms"),
				get(sql, "http.transition.ms"), "-"));
		b.append(String.format("%nCPU of one issued PDF, median by kind (target <= 5 ms): the in-process window (T threads, "
				+ "warmed up) | the 1-thread profile (after its BENCH_PROFILE_WARMUP untimed cases)%n"));
		for (String key : new TreeSet<>(sql.stringPropertyNames())) {
			if (key.startsWith("documents.") && key.endsWith(".cpu.p50.ms")) {
				String kind = key.substring("documents.".length(), key.length() - ".cpu.p50.ms".length());
				b.append(String.format("  %-22s %6s ms (%s issued) | %6s ms (%s issued)%n", kind,
						in.getProperty(key, "-"), in.getProperty("documents." + kind + ".count", "-"),
						sql.getProperty(key), sql.getProperty("documents." + kind + ".count", "?")));
			}
		}
		b.append(String.format("%nBCrypt check of one HTTP Basic login (%s…): %s ms, %s ms CPU%n",
				sql.getProperty("bcrypt.hash.prefix", "?"), get(sql, "bcrypt.check.ms"), get(sql, "bcrypt.check.cpu.ms")));

		b.append(String.format("%nper step: p50 / p99 ms in the window (T threads); SQL statements and DB transactions "
				+ "of the step, in the call + in the asynchronous listeners it triggers (1-thread profile)%n"));
		String g = "%-14s %19s %19s %13s %13s %13s %13s%n";
		b.append(String.format(g, "step", "in-process p50/p99", "HTTP p50/p99", "stmts in-proc", "tx in-proc",
				"stmts HTTP", "tx HTTP"));
		for (String s : Driver.STEPS) {
			b.append(String.format(g, s + (s.equals("upload") ? "*" : ""),
					get(in, "step." + s + ".p50.ms") + " / " + get(in, "step." + s + ".p99.ms"),
					get(http, "step." + s + ".p50.ms") + " / " + get(http, "step." + s + ".p99.ms"),
					both(sql, "inprocess.step." + s, "statements"), both(sql, "inprocess.step." + s, "transactions"),
					both(sql, "http.step." + s, "statements"), both(sql, "http.step." + s, "transactions")));
		}
		b.append("* the upload is part of every case but not a transition: its time, CPU and SQL are counted in the "
				+ "per-transition figures, it is not counted as a transition.\n");

		b.append(String.format("%nratios to pgbench simple-update (%s tps, -c %s -j %s):%n", get(pg, "tps"),
				pg.getProperty("clients", "?"), pg.getProperty("clients", "?")));
		target(b, "in-process", in, tps, IN_PROCESS_ANSWERED, IN_PROCESS_SUSTAINED);
		target(b, "HTTP", http, tps, HTTP_ANSWERED, HTTP_SUSTAINED);
		p99(b, "in-process", in, IN_PROCESS_P99_MS);
		p99(b, "HTTP", http, HTTP_P99_MS);
		loaded(b, in, loaded);
		perTransition(b, "in-process", sql, "inprocess");
		perTransition(b, "HTTP", sql, "http");
		System.out.print(b);
		Files.writeString(dir.resolve("report.txt"), b.toString());
	}

	private static void target(StringBuilder b, String phase, Properties p, double tps, double answeredRatio,
			double sustainedRatio) {
		double answered = num(p, "transitions.per.s");
		double sustained = num(p, "sustained.transitions.per.s");
		if (tps <= 0 || Double.isNaN(answered)) {
			b.append(String.format("  %-11s no figures%n", phase));
			return;
		}
		boolean met = answered / tps >= answeredRatio && !Double.isNaN(sustained) && sustained / tps >= sustainedRatio;
		b.append(String.format("  %-11s answered %.3f, sustained %s  (target >= %.2f and >= %.2f): %s%n", phase,
				answered / tps, Double.isNaN(sustained) ? "n/a (not drained)" : String.format("%.3f", sustained / tps),
				answeredRatio, sustainedRatio, met ? "MET" : "NOT MET"));
		if (!Double.isNaN(sustained)) {
			b.append(String.format("  %-11s sustained / answered %.2f (target >= %.1f): %s%n", phase,
					sustained / answered, KEEP_PACE, sustained / answered >= KEEP_PACE ? "MET" : "NOT MET"));
		}
	}

	private static void p99(StringBuilder b, String phase, Properties p, double wanted) {
		double p99 = num(p, "transition.p99.ms");
		if (Double.isNaN(p99)) {
			return;
		}
		int threads = (int) num(p, "threads");
		String verdict = p99 <= wanted ? "MET" : "NOT MET";
		b.append(String.format("  %-11s p99 %.1f ms at %d threads (target <= %.0f ms at %.0f threads): %s%s%n", phase,
				p99, threads, wanted, P99_THREADS, verdict,
				threads == P99_THREADS ? "" : " (run with BENCH_THREADS=8 to judge the target)"));
	}

	/** Item 5: answered throughput on the loaded database against the empty one, in the same run. */
	private static void loaded(StringBuilder b, Properties empty, Properties loaded) {
		double e = num(empty, "transitions.per.s");
		double l = num(loaded, "transitions.per.s");
		if (Double.isNaN(e) || Double.isNaN(l)) {
			return;
		}
		b.append(String.format(
				"  %-11s loaded with %s closed and %s open cases (%s rows): %.1f transitions/s answered, %.2f of the empty "
						+ "database's %.1f (target >= %.2f): %s%n",
				"in-process", loaded.getProperty("loaded.historical", "?"), loaded.getProperty("loaded.open", "?"),
				loaded.getProperty("loaded.rows", "?"), l, l / e, e, LOADED, l / e >= LOADED ? "MET" : "NOT MET"));
	}

	/** Statements and transactions per transition, the call and its listeners, from the profile. */
	private static void perTransition(StringBuilder b, String phase, Properties sql, String prefix) {
		double tx = num(sql, prefix + ".transition.transactions") + num(sql, prefix + ".transition.async.transactions");
		double st = num(sql, prefix + ".transition.statements") + num(sql, prefix + ".transition.async.statements");
		if (Double.isNaN(tx) || Double.isNaN(st)) {
			return;
		}
		b.append(String.format("  %-11s per transition %.2f transactions, %.2f statements (target <= %.0f and <= %.0f): %s%n",
				phase, tx, st, TRANSACTIONS, STATEMENTS, tx <= TRANSACTIONS && st <= STATEMENTS ? "MET" : "NOT MET"));
	}

	private static Properties load(Path file) throws IOException {
		Properties p = new Properties();
		if (Files.exists(file)) {
			try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				p.load(r);
			}
		}
		return p;
	}

	/** "sync + async" of a profile figure; per transition when prefix has no step. */
	private static String both(Properties p, String prefix, String kind) {
		String key = prefix.contains(".step.") ? prefix : prefix + ".transition";
		return get(p, key + "." + kind) + " + " + get(p, key + ".async." + kind);
	}

	private static String get(Properties p, String key) {
		return p.getProperty(key, "-");
	}

	private static double num(Properties p, String key) {
		try {
			return Double.parseDouble(p.getProperty(key, "NaN"));
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

}
