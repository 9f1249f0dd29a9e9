package org.govhall.supervision;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.govhall.directory.GovHallUser;
import org.govhall.shared.AuditEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The history of the supervision loop: every step taken on a card, a notice or an
 * accountability record. Each step is also a privileged action for the tamper-evident
 * audit log (ADR 0010): {@code supervision.<what>-<step>}, e.g.
 * {@code supervision.card-answered}, written in the step's transaction.
 */
@Component
class SupervisionHistory {

	/** Who acts when the system itself issues or escalates. */
	static final String SYSTEM = "system";

	/** What a step is taken on, as named in the audit log's action code. */
	enum Subject {

		CARD, NOTICE, ACCOUNTABILITY;

		/**
		 * e.g. {@code supervision.card-escalated}; an accountability record is
		 * {@code supervision.accountability-recorded}.
		 */
		String auditAction(String step) {
			String what = name().toLowerCase(Locale.ROOT);
			return "supervision." + what + "-" + (this == ACCOUNTABILITY ? "recorded" : step.toLowerCase(Locale.ROOT));
		}

	}

	/**
	 * Who takes a step: an official with the roles the audit log records, or the system
	 * itself.
	 */
	record Actor(String name, String roles) {

		static final Actor SYSTEM = new Actor(SupervisionHistory.SYSTEM, AuditEvent.SYSTEM);

		static Actor of(GovHallUser user) {
			return new Actor(user.getUsername(), AuditEvent.roles(user.scope().roles()));
		}

	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SupervisionHistory(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Appends a step (ISSUED, ANSWERED, ACCEPTED, RETURNED, ESCALATED, RESPONDED, CLOSED,
	 * ACCOUNTABILITY) to the history of {@code subject} and its row to the audit log.
	 */
	void append(Subject what, String subject, Actor by, String action, @Nullable String note) {
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO supervision_history (subject, at, actor, action, note)
				VALUES (:subject, :at, :actor, :action, :note)
				""")
			.param("subject", subject)
			.param("at", Timestamp.from(now))
			.param("actor", by.name())
			.param("action", action)
			.param("note", note, Types.VARCHAR)
			.update();
		events.publishEvent(new AuditEvent(by.name(), by.roles(), what.auditAction(action), subject,
				note == null ? "" : note, now));
	}

	List<Entry> of(String subject) {
		return jdbc.sql("SELECT at, actor, action, note FROM supervision_history WHERE subject = :s ORDER BY id")
			.param("s", subject)
			.query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
					rs.getString("action"), rs.getString("note")))
			.list();
	}

	/**
	 * One step: when, who, what (ISSUED, ANSWERED, ACCEPTED, RETURNED, ESCALATED,
	 * RESPONDED, CLOSED, RECORDED).
	 */
	public record Entry(Instant at, String actor, String action, @Nullable String note) {
	}

}
