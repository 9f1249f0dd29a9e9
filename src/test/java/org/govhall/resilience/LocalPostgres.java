package org.govhall.resilience;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Stops and starts the machine's own PostgreSQL cluster (Debian's {@code pg_ctlcluster},
 * as {@code scripts/setup-postgres.sh} does), as root or through password-less sudo. A
 * test that needs this fails with the reason when it is impossible; it never skips.
 */
final class LocalPostgres {

	private LocalPostgres() {
	}

	/** Why the cluster cannot be stopped and started from here, or null when it can. */
	static @Nullable String whyNotControllable() {
		if (!Files.isDirectory(Path.of("/etc/postgresql"))) {
			return "no /etc/postgresql: this is not a Debian PostgreSQL installation that pg_ctlcluster manages";
		}
		if (run(List.of("sh", "-c", "command -v pg_ctlcluster"), 10).exit() != 0) {
			return "pg_ctlcluster is not installed (Debian package postgresql-common)";
		}
		if (!isRoot() && run(List.of("sudo", "-n", "true"), 10).exit() != 0) {
			return "the tests run as uid " + uid() + " without password-less sudo, so they cannot stop PostgreSQL "
					+ "(run them as root, as CI does)";
		}
		return null;
	}

	/**
	 * Stops the cluster with the fast mode (open sessions are ended) and waits until it
	 * is down.
	 */
	static Result stop() {
		return run(command("stop", "-m", "fast"), 60);
	}

	static Result start() {
		return run(command("start"), 60);
	}

	static boolean ready() {
		return run(List.of("pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"), 10).exit() == 0;
	}

	/**
	 * Starts the cluster if it is down, and waits up to 30 s for it to accept
	 * connections.
	 */
	static void ensureRunning() {
		if (ready()) {
			return;
		}
		start();
		for (int i = 0; i < 60 && !ready(); i++) {
			ChildGovHall.sleep(500);
		}
	}

	private static List<String> command(String action, String... options) {
		List<String> cmd = new ArrayList<>();
		if (!isRoot()) {
			cmd.addAll(List.of("sudo", "-n"));
		}
		cmd.addAll(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version(), "main", action));
		cmd.addAll(List.of(options));
		return cmd;
	}

	/** The newest cluster version under /etc/postgresql (15 here). */
	static String version() {
		try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
			return versions.map(p -> p.getFileName().toString())
				.filter(v -> v.matches("\\d+(\\.\\d+)?"))
				.max(Comparator.comparingDouble(Double::parseDouble))
				.orElseThrow(() -> new IllegalStateException("no cluster version under /etc/postgresql"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isRoot() {
		return "0".equals(uid());
	}

	private static String uid() {
		return run(List.of("id", "-u"), 10).output().strip();
	}

	record Result(int exit, String output) {
	}

	private static Result run(List<String> command, int timeoutSeconds) {
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
			if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				return new Result(-1, String.join(" ", command) + " timed out");
			}
			return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return new Result(-1, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(-1, "interrupted");
		}
	}

}
