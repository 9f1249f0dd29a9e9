package org.govhall.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.govhall.directory.Directory;
import org.govhall.shared.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed logins, counted (ADR 0019): one {@code login.failed} row per username text,
 * reason and minute with the number of attempts, not one chained row per attempt. An
 * attempt adds one to its minute's count in {@code audit_login_failure}; once the minute
 * is over, the job writes the counts to the audit log and forgets them. The username text
 * is the attacker's: control, format (bidi) and separator characters are dropped,
 * identity numbers masked, and the text cut to {@value #NAME} characters. A name without
 * an account is the actor of nothing ({@link AuditEvent#ANONYMOUS}); beyond
 * {@value #UNKNOWN_PER_MINUTE} such names in a minute the rest share the subject
 * {@value #OTHERS}, so that random names cannot buy a row each.
 */
@Component
class FailedLogins {

	private static final Logger log = LoggerFactory.getLogger(FailedLogins.class);

	static final int NAME = 64;

	static final int UNKNOWN_PER_MINUTE = 20;

	static final String OTHERS = "*";

	private final JdbcClient jdbc;

	private final AuditEntries entries;

	private final Directory directory;

	private final TransactionTemplate transaction;

	private final Clock clock;

	FailedLogins(JdbcClient jdbc, AuditEntries entries, Directory directory, PlatformTransactionManager transactions,
			Clock clock) {
		this.jdbc = jdbc;
		this.entries = entries;
		this.directory = directory;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * One more failure of this username text, by this channel ({@code form},
	 * {@code basic}) from this address.
	 */
	void count(String username, String reason, String channel, String address, Instant at) {
		boolean known = !username.isEmpty() && directory.accountIdOf(username).isPresent();
		String subject = known ? username : name(username);
		OffsetDateTime minute = at.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC);
		Attempt attempt = new Attempt(minute, subject, bounded(reason, 40), known, channel, bounded(address, 64),
				at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
		if (add(attempt)) {
			return;
		}
		if (!known && unknownNames(minute) >= UNKNOWN_PER_MINUTE) {
			attempt = attempt.as(OTHERS);
			if (add(attempt)) {
				return;
			}
		}
		if (!insert(attempt)) {
			add(attempt); // another request inserted the row meanwhile
		}
	}

	/**
	 * Writes the counts of the minutes that are over to the audit log; answers how many
	 * rows it wrote.
	 */
	int flush(Instant now) {
		OffsetDateTime current = now.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC);
		Integer written = transaction.execute(status -> {
			List<Tally> closed = jdbc.sql("""
					SELECT minute_at, subject, reason, known, attempts, form_attempts, basic_attempts, first_address,
					       last_address, first_at, last_at
					FROM audit_login_failure WHERE minute_at < :current
					ORDER BY minute_at, subject, reason FOR UPDATE
					""")
				.param("current", current)
				.query((rs, n) -> new Tally(rs.getObject("minute_at", OffsetDateTime.class), rs.getString("subject"),
						rs.getString("reason"), rs.getBoolean("known"), rs.getInt("attempts"),
						rs.getInt("form_attempts"), rs.getInt("basic_attempts"), rs.getString("first_address"),
						rs.getString("last_address"), rs.getObject("first_at", OffsetDateTime.class),
						rs.getObject("last_at", OffsetDateTime.class)))
				.list();
			for (Tally t : closed) {
				entries.append(new AuditEvent(t.known() ? t.subject() : AuditEvent.ANONYMOUS, AuditEvent.ANONYMOUS,
						"login.failed", t.subject(), t.detail(), t.lastAt().toInstant()), null);
				jdbc.sql("""
						DELETE FROM audit_login_failure
						WHERE minute_at = :minute AND subject = :subject AND reason = :reason
						""")
					.param("minute", t.minute())
					.param("subject", t.subject())
					.param("reason", t.reason())
					.update();
			}
			return closed.size();
		});
		return written == null ? 0 : written;
	}

	/**
	 * Each minute, shortly after it ends; {@code govhall.audit.login-failures-cron=-}
	 * turns it off.
	 */
	@Scheduled(cron = "${govhall.audit.login-failures-cron:10 * * * * *}")
	@SchedulerLock(name = "audit-login-failures", lockAtMostFor = "PT5M")
	void flush() {
		try {
			int written = flush(clock.instant());
			if (written > 0) {
				log.debug("audit: {} count(s) of failed logins written", written);
			}
		}
		catch (DataAccessException ex) {
			log.warn("audit: failed logins could not be written, they stay counted until the next run: {}",
					ex.getMessage());
		}
	}

	private boolean add(Attempt a) {
		return jdbc.sql("""
				UPDATE audit_login_failure
				SET attempts = attempts + 1, form_attempts = form_attempts + :form,
				    basic_attempts = basic_attempts + :basic, last_address = :address, last_at = :at
				WHERE minute_at = :minute AND subject = :subject AND reason = :reason
				""")
			.param("form", a.channel().equals("form") ? 1 : 0)
			.param("basic", a.channel().equals("basic") ? 1 : 0)
			.param("address", a.address())
			.param("at", a.at())
			.param("minute", a.minute())
			.param("subject", a.subject())
			.param("reason", a.reason())
			.update() > 0;
	}

	private boolean insert(Attempt a) {
		return jdbc.sql("""
				INSERT INTO audit_login_failure (minute_at, subject, reason, known, attempts, form_attempts,
				    basic_attempts, first_address, last_address, first_at, last_at)
				VALUES (:minute, :subject, :reason, :known, 1, :form, :basic, :address, :address, :at, :at)
				ON CONFLICT DO NOTHING
				""")
			.param("minute", a.minute())
			.param("subject", a.subject())
			.param("reason", a.reason())
			.param("known", a.known())
			.param("form", a.channel().equals("form") ? 1 : 0)
			.param("basic", a.channel().equals("basic") ? 1 : 0)
			.param("address", a.address())
			.param("at", a.at())
			.update() == 1;
	}

	private int unknownNames(OffsetDateTime minute) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_login_failure WHERE minute_at = :minute AND NOT known")
			.param("minute", minute)
			.query(Integer.class)
			.single();
	}

	/**
	 * Attacker-chosen text as the log keeps it: without control, format (bidi,
	 * zero-width) or separator characters, runs of white space as one space, identity
	 * numbers masked, at most {@value #NAME} characters.
	 */
	static String name(String text) {
		StringBuilder b = new StringBuilder(Math.min(text.length(), NAME * 2));
		boolean space = false;
		for (int i = 0; i < text.length() && b.length() < NAME * 4;) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			int type = Character.getType(c);
			if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
					|| type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
					|| type == Character.PARAGRAPH_SEPARATOR) {
				continue;
			}
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				space = b.length() > 0;
				continue;
			}
			if (space) {
				b.append(' ');
				space = false;
			}
			b.appendCodePoint(c);
		}
		String clean = AuditEntries.clean(b.toString(), NAME);
		return clean.isEmpty() ? "-" : clean;
	}

	private static String bounded(String text, int max) {
		return AuditEntries.clean(text, max);
	}

	record Attempt(OffsetDateTime minute, String subject, String reason, boolean known, String channel, String address,
			OffsetDateTime at) {

		Attempt as(String other) {
			return new Attempt(minute, other, reason, known, channel, address, at);
		}

	}

	record Tally(OffsetDateTime minute, String subject, String reason, boolean known, int attempts, int form, int basic,
			String firstAddress, String lastAddress, OffsetDateTime firstAt, OffsetDateTime lastAt) {

		String detail() {
			StringBuilder channel = new StringBuilder();
			if (form > 0) {
				channel.append("form:").append(form);
			}
			if (basic > 0) {
				channel.append(channel.isEmpty() ? "" : ",").append("basic:").append(basic);
			}
			if (attempts > form + basic) {
				channel.append(channel.isEmpty() ? "" : ",").append("other:").append(attempts - form - basic);
			}
			return "attempts=" + attempts + "; channel=" + channel + "; address=" + firstAddress
					+ (lastAddress.equals(firstAddress) ? "" : " … " + lastAddress) + "; from=" + firstAt.toInstant()
					+ "; to=" + lastAt.toInstant() + "; account=" + (known ? "known" : "unknown") + "; reason="
					+ reason;
		}

	}

}
