package org.govhall.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.govhall.support.MovableClock;
import org.jspecify.annotations.Nullable;

/**
 * GovHall in a JVM of its own, started as README command 1 starts it when
 * {@code mvn package} has extracted the current build ({@link #notPackaged}), else from
 * the test's class path as {@code java -cp … GovHallApplication}, so that a test can kill
 * it with SIGKILL (nothing runs on the way down: no shutdown hook, no commit, no
 * listener) and start it again on the same database and port. Its console (JSON log
 * lines) goes to {@code target/resilience/<name>-<n>.log}.
 */
final class ChildGovHall implements AutoCloseable {

	/** A JVM killed by signal 9 exits with 128 + 9 (Linux). */
	static final int SIGKILL_EXIT = 137;

	private final String name;

	private final int port;

	private final List<String> arguments;

	private @Nullable Process process;

	private @Nullable Path log;

	private int starts;

	private final Thread reaper;

	ChildGovHall(String name, String databaseUrl, String... extra) {
		this.name = name;
		this.port = freePort();
		List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--spring.datasource.url=" + databaseUrl,
				"--spring.datasource.username=govhall", "--spring.datasource.password=govhall",
				"--govhall.demo.enabled=true", "--govhall.demo.training-clock=true",
				"--govhall.demo.today=" + MovableClock.suiteToday().atZone(MovableClock.ZONE).toLocalDate(),
				"--govhall.storage.dir=target/resilience/files-" + name, "--govhall.node-name=" + name,
				// one audit head key for every node, as production gives each node the
				// same key (ADR 0018)
				"--govhall.audit.key-dir=target/resilience/audit-key", "--govhall.cases.deemed-acceptance-cron=-",
				"--govhall.supervision.daily-cron=-",
				// load, not a person: the limits of issue 12 would stop the generated
				// traffic
				"--govhall.cases.max-open-per-item=100000", "--govhall.cases.upload-quota.applicant-files=1000000",
				"--govhall.cases.upload-quota.applicant-size=100GB", "--govhall.cases.unattached-uploads-cron=-"));
		args.addAll(List.of(extra));
		this.arguments = List.copyOf(args);
		// a test JVM that dies (a timeout, Ctrl-C) takes its child with it instead of
		// leaving it on the port
		this.reaper = new Thread(this::kill, "kill-" + name);
		Runtime.getRuntime().addShutdownHook(reaper);
	}

	int port() {
		return port;
	}

	String base() {
		return "http://127.0.0.1:" + port;
	}

	/** Where {@code mvn package} extracts the application (ADR 0035). */
	static final Path APP = Path.of("target", "app");

	/**
	 * Set by {@code mvn verify} for the slow groups, which run after the package: there a
	 * child started from the class path means something wrote into {@code target/classes}
	 * after the jar was built, and the crash tests would quietly test another start (and
	 * take twice as long).
	 */
	static final String EXPECT_PACKAGED = "govhall.test.expect-packaged";

	/**
	 * Why the child cannot run from the application {@code mvn package} extracted, with
	 * its class-data archive, or empty when it can: when the package came after the
	 * classes were last compiled (as in {@code mvn verify}, which runs the slow groups
	 * after the package). A test run alone ({@code mvn test -Dtest=…}) after a change
	 * runs the child from the class path, so that it never runs an older build.
	 */
	static Optional<String> notPackaged() {
		Path jar = APP.resolve("govhall.jar");
		Path archive = APP.resolve("govhall.jsa");
		if (!Files.isRegularFile(jar) || !Files.isRegularFile(archive)) {
			return Optional.of(jar + " or " + archive + " is missing");
		}
		try (var classes = Files.walk(Path.of("target", "classes"))) {
			long built = Files.getLastModifiedTime(jar).toMillis();
			return classes.filter(Files::isRegularFile).filter(f -> {
				try {
					return Files.getLastModifiedTime(f).toMillis() > built;
				}
				catch (IOException ex) {
					return true;
				}
			}).findFirst().map(f -> f + " is newer than " + jar);
		}
		catch (IOException ex) {
			return Optional.of("target/classes cannot be read: " + ex.getMessage());
		}
	}

	/** Starts the JVM; {@link #awaitReady} waits for it to accept traffic. */
	ChildGovHall start() {
		if (process != null && process.isAlive()) {
			throw new IllegalStateException(name + " is running already");
		}
		String javaHome = System.getProperty("java.home");
		List<String> command = new ArrayList<>(List.of(Path.of(javaHome, "bin", "java").toString(), "-Xmx768m",
				"-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8"));
		Optional<String> notPackaged = notPackaged();
		if (notPackaged.isPresent() && Boolean.getBoolean(EXPECT_PACKAGED)) {
			throw new IllegalStateException(
					"the child would start from the class path instead of the extracted jar: " + notPackaged.get());
		}
		if (notPackaged.isEmpty()) {
			// as README command 1 runs it: the extracted jar with its class-data archive,
			// which starts in about half the time; without the test class path, so what
			// the tests' config/application.properties sets is given here
			command.addAll(List.of("-XX:SharedArchiveFile=" + APP.resolve("govhall.jsa"), "-jar",
					APP.resolve("govhall.jar").toString(), "--govhall.identity.demo-platform.enabled=false"));
		}
		else {
			// surefire may hand its fork a manifest-only jar as java.class.path; the
			// real path is in this property
			String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
			command.addAll(List.of("-cp", classPath, "org.govhall.GovHallApplication"));
		}
		command.addAll(arguments);
		try {
			Path dir = Files.createDirectories(Path.of("target", "resilience"));
			log = dir.resolve(name + "-" + (++starts) + ".log");
			ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
			pb.environment().remove("GOVHALL_DEMO");
			process = pb.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/**
	 * Waits until {@code /actuator/health/readiness} answers UP (the demo data is loaded
	 * by then).
	 */
	Duration awaitReady(Duration timeout) {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(1))
			.build();
		while (System.nanoTime() < deadline) {
			Process p = process;
			if (p == null || !p.isAlive()) {
				throw new AssertionError(name + " exited with " + (p == null ? "?" : p.exitValue())
						+ " before it was ready; its log ends with:\n" + logTail(60));
			}
			try {
				HttpResponse<String> r = http
					.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
						.timeout(Duration.ofSeconds(2))
						.GET()
						.build(), HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200 && r.body().contains("UP")) {
					return Duration.ofNanos(System.nanoTime() - start);
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(200);
		}
		throw new AssertionError(name + " was not ready within " + timeout + "; its log ends with:\n" + logTail(60));
	}

	/**
	 * Kills the JVM with SIGKILL ({@link Process#destroyForcibly()} on Linux) and answers
	 * its exit code, which proves the signal: 137.
	 */
	int killHard() {
		Process p = process;
		if (p == null) {
			throw new IllegalStateException(name + " was never started");
		}
		p.destroyForcibly();
		try {
			if (!p.waitFor(30, TimeUnit.SECONDS)) {
				throw new AssertionError(name + " survived SIGKILL for 30 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return p.exitValue();
	}

	boolean isAlive() {
		Process p = process;
		return p != null && p.isAlive();
	}

	/** The last lines of the current run's log, for failure messages. */
	String logTail(int lines) {
		if (log == null || !Files.exists(log)) {
			return "(no log)";
		}
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(log unreadable: " + ex + ")";
		}
	}

	@Nullable Path log() {
		return log;
	}

	private void kill() {
		Process p = process;
		if (p != null && p.isAlive()) {
			p.destroyForcibly();
			try {
				p.waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void close() {
		kill();
		try {
			Runtime.getRuntime().removeShutdownHook(reaper);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down already; the hook runs anyway
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket s = new ServerSocket(0)) {
			s.setReuseAddress(true);
			return s.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
