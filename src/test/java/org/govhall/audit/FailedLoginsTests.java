package org.govhall.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.govhall.directory.AccountDraft;
import org.govhall.directory.Directory;
import org.govhall.directory.Role;
import org.govhall.support.GovHallTest;
import org.govhall.support.LoginAttempts;
import org.govhall.shared.AuditEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12, item 5 (ADR 0019): a failed login no longer writes a chained audit row of its
 * own. The failures of one username text are counted per minute, and written as one
 * {@code login.failed} row with the count when the minute is over; the attacker's
 * username text is stripped of control and bidi characters and cut short, and names
 * without an account cannot buy a row each.
 */
@GovHallTest
class FailedLoginsTests {

	static final String PASSWORD = "right-password-1";

	static final AtomicInteger NAMES = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	FailedLogins failedLogins;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	String freshAccount() {
		String username = "failed-" + NAMES.incrementAndGet();
		directory.openAccount(new AccountDraft(username, PASSWORD, "审计计数", Set.of(Role.AGENT), null, null));
		return username;
	}

	void basic(String username, String password, String address) throws Exception {
		LoginAttempts.basic(mvc, username, password, address);
	}

	void form(String username, String password, String address) throws Exception {
		LoginAttempts.form(mvc, username, password, address);
	}

	record Row(String actor, String subject, String detail) {
	}

	List<Row> rows(String subject) {
		return jdbc.sql("SELECT actor, subject, detail FROM audit_entry WHERE action = 'login.failed' AND subject = :s")
			.param("s", subject)
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	long failedRows() {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'login.failed'").query(Long.class).single();
	}

	void minutePasses() {
		failedLogins.flush(clock.instant().plus(Duration.ofMinutes(1)));
	}

	@Test
	void failuresOfOneAccountInAMinuteLeaveOneRowWithTheirCount() throws Exception {
		String username = freshAccount();
		long before = failedRows();
		for (int i = 0; i < 4; i++) {
			basic(username, "wrong-" + i, "10.20.0.1");
			basic(username, "wrong-" + i, "10.20.0.2");
			form(username, "wrong-" + i, "10.20.0.3");
		}
		assertThat(rows(username)).as("nothing written while the minute runs").isEmpty();

		minutePasses();

		assertThat(rows(username)).singleElement().satisfies(r -> {
			assertThat(r.actor()).isEqualTo(username);
			assertThat(r.detail())
				.contains("attempts=12", "channel=form:4,basic:8", "address=10.20.0.1", "account=known",
						"reason=BadCredentials")
				.doesNotContain("wrong-");
		});
		assertThat(failedRows() - before).isEqualTo(1);
		minutePasses();
		assertThat(rows(username)).as("written once").hasSize(1);
	}

	@Test
	void anAttackersUsernameTextIsCleanedAndCutShort() throws Exception {
		String hostile = "\u202Eadmin\u0000\u200B\u2066evil\n\r" + "x".repeat(500);
		basic(hostile, "wrong", "10.21.0.1");
		basic(hostile, "wrong", "10.21.0.2");
		minutePasses();

		String subject = FailedLogins.name(hostile);
		assertThat(subject).startsWith("admin").contains("evil").hasSizeLessThanOrEqualTo(FailedLogins.NAME);
		assertThat(
				subject.codePoints().filter(c -> Character.getType(c) == Character.FORMAT || Character.isISOControl(c)))
			.isEmpty();
		assertThat(rows(subject)).singleElement().satisfies(r -> {
			assertThat(r.actor()).as("a name without an account is nobody").isEqualTo(AuditEvent.ANONYMOUS);
			assertThat(r.detail()).contains("attempts=2", "account=unknown");
		});
	}

	@Test
	void namesWithoutAnAccountCannotBuyARowEach() throws Exception {
		long before = failedRows();
		for (int i = 0; i < 50; i++) {
			basic("random-" + NAMES.incrementAndGet() + "-" + i, "wrong", "10.22.0." + i);
		}
		minutePasses();

		assertThat(failedRows() - before).isEqualTo(FailedLogins.UNKNOWN_PER_MINUTE + 1);
		assertThat(rows(FailedLogins.OTHERS)).singleElement()
			.satisfies(r -> assertThat(r.detail()).contains("attempts=" + (50 - FailedLogins.UNKNOWN_PER_MINUTE)));
	}

	@Test
	void anAttemptTheThrottleStoppedIsNotCounted() throws Exception {
		String username = freshAccount();
		for (int i = 0; i < 9; i++) {
			basic(username, "wrong-" + i, "10.23.0.1"); // five checked, then the address
														// must wait
		}
		minutePasses();
		assertThat(rows(username)).singleElement().satisfies(r -> assertThat(r.detail()).contains("attempts=5"));
	}

}
