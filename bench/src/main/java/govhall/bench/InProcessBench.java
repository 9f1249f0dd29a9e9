package govhall.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.govhall.GovHallApplication;
import org.govhall.cases.CaseCommand;
import org.govhall.cases.CaseHandling;
import org.govhall.cases.CaseIntake;
import org.govhall.cases.CaseState;
import org.govhall.cases.CaseView;
import org.govhall.cases.DeliveryMethod;
import org.govhall.cases.Outcome;
import org.govhall.cases.SubmitCase;
import org.govhall.cases.Verdict;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.storage.StoredFile;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Phase (a): complete cases in-process through the cases module's public API ({@link CaseHandling}), with the demo
 * accounts as {@link GovHallUser} principals from {@link Directory#principal(String)}. The application context is
 * GovHall's own, started from its executable jar with the web server off, on the database GOVHALL_DB_URL names.
 * The CPU figure is this JVM's OperatingSystemMXBean#getProcessCpuTime (application and driver threads together).
 *
 * <p>
 * With {@code -Dbench.mode=profile} it instead counts, on one thread, the SQL statements, commits and pool checkouts
 * of each step, in-process and over HTTP (the web server is then on, at a random port), and times a BCrypt check.
 */
public final class InProcessBench {

	private InProcessBench() {
	}

	public static void main(String[] args) throws Exception {
		boolean profile = "profile".equals(System.getProperty("bench.mode"));
		List<String> boot = new ArrayList<>(Arrays.asList(args));
		boot.add("--govhall.demo.enabled=true");
		// load, not a person: the limits of issue 12 (ADR 0020) would stop the generated traffic
		boot.add("--govhall.cases.max-open-per-item=100000000");
		boot.add("--govhall.cases.upload-quota.applicant-files=100000000");
		boot.add("--govhall.cases.upload-quota.applicant-size=1TB");
		boot.add("--govhall.cases.upload-quota.intermediary-files=100000000");
		boot.add("--govhall.cases.upload-quota.intermediary-size=1TB");
		// one client address for every account: the per-address budgets of ADR 0019 (30 uncached HTTP Basic checks a
		// minute) would refuse the profile's requests over HTTP
		boot.add("--govhall.rate-limit.enabled=false");
		boot.add("--spring.main.banner-mode=off");
		boot.add("--govhall.storage.dir=" + Config.env("BENCH_STORAGE_DIR", "bench/target/files"));
		if (profile) {
			boot.add("--server.port=0");
		}
		else {
			boot.add("--spring.main.web-application-type=none");
		}
		// without a web server Spring Boot does not switch web security on, and GovHall's filter chains need its
		// HttpSecurity builder: WithoutWebServer switches it on, the chains are built and simply never invoked
		SpringApplication app = profile ? new SpringApplication(GovHallApplication.class)
				: new SpringApplication(GovHallApplication.class, WithoutWebServer.class);
		if (profile) {
			app.addInitializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof DataSource ds && !(bean instanceof CountingDataSource)
							? new CountingDataSource(ds) : bean;
				}
			}));
		}
		int status = 1;
		try (ConfigurableApplicationContext ctx = app.run(boot.toArray(String[]::new))) {
			if (profile) {
				profile(ctx);
			}
			else {
				measure(ctx);
			}
			status = 0;
		}
		catch (Throwable ex) {
			ex.printStackTrace();
		}
		System.exit(status);
	}

	static void measure(ConfigurableApplicationContext ctx) throws Exception {
		Cases cases = new Cases(ctx);
		Map<String, String> loaded = load(ctx, cases);
		int threads = Config.threads();
		System.out.printf("in-process: %d threads, %d s warm-up, %d s measured%n", threads, Config.warmup(),
				Config.duration());
		Driver driver = new Driver(threads, Config.warmup(), Config.duration());
		JdbcClient jdbc = ctx.getBean(JdbcClient.class);
		Driver.Backlog backlog = () -> jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Long.class)
			.single();
		DataSource dataSource = ctx.getBean(DataSource.class);
		Supplier<Map<Long, Long>> databaseCpu = () -> {
			try (var c = dataSource.getConnection()) {
				return PgBackends.read(c, true);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		};
		Map<String, String> result = driver.run(i -> cases::runCase, Driver::ownCpu, backlog, Config.drainLimit(),
				databaseCpu);
		result.put("cpu.source", "this JVM's OperatingSystemMXBean#getProcessCpuTime (app and driver threads)");
		result.putAll(loaded);
		result.putAll(documentCpu(ctx));
		Driver.write(Path.of(Config.env("BENCH_OUT", "bench/target/results/inprocess.properties")), result);
		Report.summary("in-process", result);
	}

	/**
	 * Issue 14, item 5: with {@code BENCH_LOAD_HISTORICAL} and {@code BENCH_LOAD_OPEN} set, the database is first
	 * loaded with that many closed and open cases ({@link HistoricalLoad}), copied from one case run to delivery and
	 * one to acceptance.
	 */
	static Map<String, String> load(ConfigurableApplicationContext ctx, Cases cases) throws Exception {
		int historical = Integer.parseInt(Config.env("BENCH_LOAD_HISTORICAL", "0"));
		int open = Integer.parseInt(Config.env("BENCH_LOAD_OPEN", "0"));
		Map<String, String> result = new LinkedHashMap<>();
		if (historical <= 0 && open <= 0) {
			return result;
		}
		Step untimed = new Step() {
			@Override
			public <T> T step(int step, Callable<T> action) throws Exception {
				return action.call();
			}
		};
		String closed = cases.runCase(untimed);
		String accepted = cases.openCase(untimed);
		JdbcClient jdbc = ctx.getBean(JdbcClient.class);
		// the delivered case's documents are issued after its commit: the copies take them all
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Long.class)
			.single() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		long started = System.nanoTime();
		Map<String, Long> rows = HistoricalLoad.seed(jdbc, closed, accepted, historical, open);
		result.put("loaded.historical", String.valueOf(historical));
		result.put("loaded.open", String.valueOf(open));
		result.put("loaded.rows", String.valueOf(rows.values().stream().mapToLong(Long::longValue).sum()));
		result.put("loaded.seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
		System.out.printf("loaded: %d closed and %d open cases, %s rows in %s s%n", historical, open,
				result.get("loaded.rows"), result.get("loaded.seconds"));
		return result;
	}

	/**
	 * The CPU of each issued PDF, by kind, as the application records it
	 * ({@code govhall.documents.render.cpu}): its median (over the last two minutes) and how many were issued.
	 */
	static Map<String, String> documentCpu(ConfigurableApplicationContext ctx) {
		Map<String, String> documents = new LinkedHashMap<>();
		for (Timer timer : ctx.getBean(MeterRegistry.class).find("govhall.documents.render.cpu").timers()) {
			String kind = timer.getId().getTag("kind");
			for (ValueAtPercentile p : timer.takeSnapshot().percentileValues()) {
				if (p.percentile() == 0.5) {
					documents.put("documents." + kind + ".cpu.p50.ms",
							String.format("%.2f", p.value(TimeUnit.MILLISECONDS)));
				}
			}
			documents.put("documents." + kind + ".count", String.valueOf(timer.count()));
		}
		return documents;
	}

	/** Drives one case through {@link CaseHandling}, checking the state after every step. */
	static final class Cases {

		final CaseHandling handling;

		final CaseIntake intake;

		final GovHallUser applicant, clerk, reviewerZj, reviewerHb, reviewerGh, approverGh;

		Cases(ConfigurableApplicationContext ctx) {
			handling = ctx.getBean(CaseHandling.class);
			intake = ctx.getBean(CaseIntake.class);
			Directory directory = ctx.getBean(Directory.class);
			applicant = principal(directory, "applicant");
			clerk = principal(directory, "clerk");
			reviewerZj = principal(directory, "reviewer-zj");
			reviewerHb = principal(directory, "reviewer-hb");
			reviewerGh = principal(directory, "reviewer-gh");
			approverGh = principal(directory, "approver-gh");
		}

		private static GovHallUser principal(Directory directory, String username) {
			return directory.principal(username)
				.orElseThrow(() -> new IllegalStateException("no demo account " + username));
		}

		void runCase(Driver.Recorder r) throws Exception {
			runCase((Step) r::step);
		}

		/** A case uploaded, submitted and accepted: open, in the decision stage. */
		String openCase(Step timed) throws Exception {
			StoredFile file = timed.step(Driver.UPLOAD, () -> intake.upload("form.pdf", HttpCases.PDF, applicant));
			SubmitCase request = new SubmitCase(HttpCases.ITEM, null, null, null,
					List.of(new SubmitCase.MaterialFile(HttpCases.FORM, file.id()),
							new SubmitCase.MaterialFile(HttpCases.DESIGN, file.id())));
			String n = expect(timed.step(Driver.SUBMIT, () -> intake.submit(request, null, applicant)),
					CaseState.RECEIVED).number();
			expect(timed.step(Driver.ACCEPT, () -> handling.take(n, new CaseCommand.Acceptance(), clerk)),
					CaseState.ACCEPTED);
			return n;
		}

		String runCase(Step timed) throws Exception {
			StoredFile file = timed.step(Driver.UPLOAD,
					() -> intake.upload("form.pdf", HttpCases.PDF, applicant));
			SubmitCase request = new SubmitCase(HttpCases.ITEM, null, null, null,
					List.of(new SubmitCase.MaterialFile(HttpCases.FORM, file.id()),
							new SubmitCase.MaterialFile(HttpCases.DESIGN, file.id())));
			CaseView v = expect(timed.step(Driver.SUBMIT, () -> intake.submit(request, null, applicant)),
					CaseState.RECEIVED);
			String n = v.number();
			expect(timed.step(Driver.ACCEPT, () -> handling.take(n, new CaseCommand.Acceptance(), clerk)), CaseState.ACCEPTED);
			expect(timed.step(Driver.OPINION_1, () -> handling.take(n, new CaseCommand.Opinion(Verdict.AGREE, null), reviewerZj)),
					CaseState.ACCEPTED);
			expect(timed.step(Driver.OPINION_2, () -> handling.take(n, new CaseCommand.Opinion(Verdict.AGREE, null), reviewerHb)),
					CaseState.ACCEPTED);
			expect(timed.step(Driver.REVIEW,
					() -> handling.take(n, new CaseCommand.Review(Outcome.APPROVED, "符合规划条件"), reviewerGh)), CaseState.REVIEWED);
			expect(timed.step(Driver.DECIDE, () -> handling.take(n,
					new CaseCommand.Decision(Outcome.APPROVED, null, "新建综合楼一栋", null, null), approverGh)),
					CaseState.DECIDED);
			expect(timed.step(Driver.DELIVER, () -> handling.take(n, new CaseCommand.Delivery(DeliveryMethod.WINDOW), clerk)),
					CaseState.DELIVERED);
			return n;
		}

		private static CaseView expect(CaseView v, CaseState state) {
			if (v.state() != state) {
				throw new IllegalStateException("case " + v.number() + ": expected " + state + " but was " + v.state());
			}
			return v;
		}

	}

	/** A step wrapper: the driver's recorder, or the profile's counter. */
	interface Step {

		<T> T step(int step, Callable<T> action) throws Exception;

	}

	/** Lets GovHall's security settings build their filter chains in a context without a web server. */
	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	static class WithoutWebServer {

	}

	// ---- the SQL profile

	static void profile(ConfigurableApplicationContext ctx) throws Exception {
		// untimed cases first: the statements are counted after them; the PDFs' CPU median is taken over them and the
		// counted cases (with 40 of them, 48 documents of each kind, the median is still that of code not yet
		// compiled: docs/PERFORMANCE.md)
		int warm = Integer.parseInt(Config.env("BENCH_PROFILE_WARMUP", "3"));
		int inProcessCases = Integer.parseInt(Config.env("BENCH_PROFILE_CASES", "8"));
		int httpCases = Integer.parseInt(Config.env("BENCH_PROFILE_HTTP_CASES", "4"));
		DataSource raw = ((CountingDataSource) ctx.getBean(DataSource.class)).getTargetDataSource();
		Cases cases = new Cases(ctx);
		for (int i = 0; i < warm; i++) {
			cases.runCase(new Counter(raw));
		}
		sqlCounts();
		Counter inProcess = new Counter(raw);
		for (int i = 0; i < inProcessCases; i++) {
			cases.runCase(inProcess);
		}
		Map<String, Long> inProcessSql = sqlCounts();
		Map<String, String> documents = documentCpu(ctx);
		int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port", "0"));
		HttpCases http = new HttpCases(HttpCases.client(), "http://127.0.0.1:" + port);
		for (int i = 0; i < warm; i++) {
			http.runCase(new Counter(raw)::step);
		}
		sqlCounts();
		Counter overHttp = new Counter(raw);
		for (int i = 0; i < httpCases; i++) {
			http.runCase(overHttp::step);
		}
		Map<String, Long> httpSql = sqlCounts();

		// what one HTTP Basic login costs: the BCrypt check of every API request
		PasswordEncoder encoder = ctx.getBean(PasswordEncoder.class);
		String hash = ctx.getBean(Directory.class).principal("clerk").orElseThrow().getPassword();
		for (int i = 0; i < 5; i++) {
			encoder.matches(HttpCases.PASSWORD, hash);
		}
		int checks = 30;
		long c0 = Driver.ownCpu();
		long t0 = System.nanoTime();
		for (int i = 0; i < checks; i++) {
			if (!encoder.matches(HttpCases.PASSWORD, hash)) {
				throw new IllegalStateException("demo password does not match");
			}
		}
		double bcryptMs = (System.nanoTime() - t0) / 1e6 / checks;
		double bcryptCpuMs = (Driver.ownCpu() - c0) / 1e6 / checks;

		Map<String, String> out = new LinkedHashMap<>();
		out.put("cases.inprocess", String.valueOf(inProcessCases));
		out.put("cases.http", String.valueOf(httpCases));
		inProcess.put(out, "inprocess", inProcessCases);
		overHttp.put(out, "http", httpCases);
		out.putAll(documents);
		out.put("bcrypt.hash.prefix", hash.substring(0, Math.min(hash.length(), 14)));
		out.put("bcrypt.check.ms", String.format("%.2f", bcryptMs));
		out.put("bcrypt.check.cpu.ms", String.format("%.2f", bcryptCpuMs));
		Path dir = Path.of(Config.env("BENCH_OUT_DIR", "bench/target/results"));
		Driver.write(dir.resolve("sql-profile.properties"), out);
		StringBuilder text = new StringBuilder();
		text.append("Statements by SQL text, per case (a case = upload + 7 transitions), synchronous and "
				+ "asynchronous together; ").append(inProcessCases).append(" cases in-process:\n");
		appendSql(text, inProcessSql, inProcessCases);
		text.append("\nThe same over HTTP, ").append(httpCases).append(" cases:\n");
		appendSql(text, httpSql, httpCases);
		Files.writeString(dir.resolve("sql-profile.txt"), text.toString());
		System.out.println(text);
	}

	private static Map<String, Long> sqlCounts() {
		Map<String, Long> m = new LinkedHashMap<>();
		CountingDataSource.bySql.forEach((k, v) -> m.put(k, v.getAndSet(0)));
		return m;
	}

	private static void appendSql(StringBuilder b, Map<String, Long> counts, int cases) {
		counts.entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
			.forEach(e -> b.append(String.format("%7.2f  %s%n", e.getValue() / (double) cases, e.getKey())));
	}

	/**
	 * Counts, per step, the pool checkouts, statements, transactions and rollbacks of the call itself (on the calling
	 * thread, or Tomcat's request thread) and, separately, of the asynchronous listeners it triggered (on the task
	 * executor's threads), waiting until those are done. One thread, so nothing else runs meanwhile.
	 */
	static final class Counter implements Step {

		static final String[] KINDS = { "connections", "statements", "transactions", "rollbacks" };

		final long[][] sync = new long[Driver.STEPS.length][4];

		final long[][] async = new long[Driver.STEPS.length][4];

		final long[] nanos = new long[Driver.STEPS.length];

		private final DataSource raw;

		Counter(DataSource raw) {
			this.raw = raw;
		}

		@Override
		public <T> T step(int step, Callable<T> action) throws Exception {
			long[] before = CountingDataSource.snapshot();
			long t0 = System.nanoTime();
			T result = action.call();
			long t1 = System.nanoTime();
			awaitQuiet();
			long[] after = CountingDataSource.snapshot();
			for (int i = 0; i < 4; i++) {
				sync[step][i] += after[i] - before[i];
				async[step][i] += after[4 + i] - before[4 + i];
			}
			nanos[step] += t1 - t0;
			return result;
		}

		/** Until no event publication is outstanding and no statement ran for 100 ms (queried past the counter). */
		private void awaitQuiet() throws Exception {
			long deadline = System.nanoTime() + 60_000_000_000L;
			long seen = -1;
			long quietSince = System.nanoTime();
			while (System.nanoTime() < deadline) {
				long now = CountingDataSource.statements();
				if (now != seen) {
					seen = now;
					quietSince = System.nanoTime();
				}
				else if (System.nanoTime() - quietSince > 100_000_000L && outstanding() == 0) {
					return;
				}
				Thread.sleep(10);
			}
			throw new IllegalStateException("asynchronous work did not finish within 60 s");
		}

		private long outstanding() throws Exception {
			try (var c = raw.getConnection();
					var s = c.createStatement();
					var rs = s.executeQuery("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")) {
				rs.next();
				return rs.getLong(1);
			}
		}

		void put(Map<String, String> out, String prefix, int cases) {
			long[] sumSync = new long[4];
			long[] sumAsync = new long[4];
			long sumNanos = 0;
			for (int s = 0; s < Driver.STEPS.length; s++) {
				String k = prefix + ".step." + Driver.STEPS[s];
				for (int i = 0; i < 4; i++) {
					out.put(k + "." + KINDS[i], String.format("%.2f", sync[s][i] / (double) cases));
					out.put(k + ".async." + KINDS[i], String.format("%.2f", async[s][i] / (double) cases));
				}
				out.put(k + ".ms", String.format("%.2f", nanos[s] / 1e6 / cases));
				// the case's work: the transitions and the upload each needs, over the 7 transitions
				for (int i = 0; i < 4; i++) {
					sumSync[i] += sync[s][i];
					sumAsync[i] += async[s][i];
				}
				sumNanos += nanos[s];
			}
			double transitions = cases * (double) Driver.TRANSITIONS_PER_CASE;
			for (int i = 0; i < 4; i++) {
				out.put(prefix + ".transition." + KINDS[i], String.format("%.2f", sumSync[i] / transitions));
				out.put(prefix + ".transition.async." + KINDS[i], String.format("%.2f", sumAsync[i] / transitions));
			}
			out.put(prefix + ".transition.ms", String.format("%.2f", sumNanos / 1e6 / transitions));
		}

	}

}
