package org.govhall.directory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.Lanes;

/**
 * Issue 12: "There is no way to create the first administrator in production except SQL."
 * The one-time command ({@link CreateFirstAdministrator}) run as README's Operations
 * section shows, against a new H2 database: it migrates the schema, installs the
 * province, opens the administrator with an audit row and the second one with
 * {@code --second}; it refuses a password on the command line, a weak password and a
 * reserved name. That it refuses once administrators exist is
 * {@code SeparationOfDutiesTests}' (the demo has them).
 */
@Tag("process")
@ResourceLock(Lanes.SERVICES)
class CreateFirstAdministratorTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	/**
	 * Run as an operator runs it: in a JVM of its own on the application's classpath (the
	 * tests' classes left out), with the password on standard input or in the
	 * environment.
	 */
	@Test
	void opensTheFirstAndTheSecondAdministratorInANewDatabase() throws Exception {
		Path dir = Files.createTempDirectory("first-admin");
		String url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
		List<String> common = List.of("--region=650000", "--province-name-zh=测试省", "--province-name-en=Test Province",
				"--spring.datasource.url=" + url, "--spring.datasource.username=sa", "--spring.datasource.password=",
				"--govhall.storage.dir=" + dir.resolve("files"), "--govhall.audit.key-dir=" + dir.resolve("key"));

		Launched first = launch(common, "--username=zhang.wei", "Kestrel-lantern-0427\n", null);
		assertThat(first.exit()).as(first.output()).isZero();
		assertThat(first.output()).contains("First administrator CREATED: zhang.wei").contains("--second");

		Launched second = launch(common, "--username=li.na --second", "", "Another-lantern-0427");
		assertThat(second.exit()).as(second.output()).isZero();
		assertThat(second.output()).contains("Second administrator CREATED: li.na");

		try (Connection db = DriverManager.getConnection(url, "sa", "")) {
			assertThat(single(db, """
					SELECT COUNT(*) FROM directory_account a JOIN directory_account_role r ON r.account_id = a.id
					WHERE r.role = 'SYSTEM_ADMIN' AND a.region_code = '650000' AND a.enabled = TRUE
					""")).isEqualTo("2");
			assertThat(single(db, "SELECT password_hash FROM directory_account WHERE username = 'zhang.wei'"))
				.startsWith("{bcrypt}")
				.doesNotContain("Kestrel");
			assertThat(single(db, """
					SELECT COUNT(*) FROM audit_entry WHERE action IN ('directory.first-administrator-created',
					  'directory.second-administrator-created') AND subject IN ('zhang.wei', 'li.na')
					""")).isEqualTo("2");
		}
	}

	private record Launched(int exit, String output) {
	}

	private static Launched launch(List<String> common, String own, String stdin, String envPassword) throws Exception {
		String classpath = java.util.Arrays
			.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
				.split(java.io.File.pathSeparator))
			.filter(e -> !e.endsWith("test-classes"))
			.collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
		List<String> command = new java.util.ArrayList<>(
				// a JVM that runs once: C1 alone starts it sooner (ADR 0007)
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-XX:+UseSerialGC", "-cp", classpath, CreateFirstAdministrator.class.getName()));
		command.addAll(List.of(own.split(" ")));
		command.addAll(common);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().remove(CreateFirstAdministrator.PASSWORD_ENV);
		if (envPassword != null) {
			builder.environment().put(CreateFirstAdministrator.PASSWORD_ENV, envPassword);
		}
		Process process = builder.start();
		process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
		// the application's own log lines are JSON; the command's answer is the plain
		// line
		return new Launched(process.exitValue(),
				output.lines().filter(l -> !l.startsWith("{")).collect(java.util.stream.Collectors.joining("\n")));
	}

	@Test
	void refusesAPasswordOnTheCommandLineAWeakPasswordAndAReservedNameBeforeStartingAnything() {
		assertThat(CreateFirstAdministrator.run(
				new String[] { "--username=zhang.wei", "--region=650000", "--password=Kestrel-lantern-0427" }, null,
				stdin(""), print()))
			.isEqualTo(1);
		assertThat(printed()).contains("never given on the command line").doesNotContain("Kestrel");

		out.reset();
		assertThat(CreateFirstAdministrator.run(new String[] { "--region=650000" }, "Kestrel-lantern-0427", stdin(""),
				print()))
			.isEqualTo(1);
		assertThat(printed()).contains("usage: --username=NAME --region=PROVINCE_CODE");

		out.reset();
		assertThat(CreateFirstAdministrator.run(new String[] { "--username=zhang.wei", "--region=650000" }, null,
				stdin(""), print()))
			.isEqualTo(1);
		assertThat(printed()).contains("no password");

		out.reset();
		assertThat(CreateFirstAdministrator.run(new String[] { "--username=zhang.wei", "--region=650000" }, null,
				stdin("password123\n"), print()))
			.isEqualTo(1);
		assertThat(printed()).contains("NOT CREATED").contains("too common");

		out.reset();
		assertThat(CreateFirstAdministrator.run(new String[] { "--username=root", "--region=650000" },
				"Kestrel-lantern-0427", stdin(""), print()))
			.isEqualTo(1);
		assertThat(printed()).contains("NOT CREATED").contains("root").contains("reserved");
	}

	private static InputStream stdin(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private PrintStream print() {
		return new PrintStream(out, true, StandardCharsets.UTF_8);
	}

	private String printed() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private static String single(Connection db, String sql) throws Exception {
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			assertThat(rs.next()).isTrue();
			return rs.getString(1).toUpperCase(java.util.Locale.ROOT).equals("TRUE") ? "TRUE" : rs.getString(1);
		}
	}

}
