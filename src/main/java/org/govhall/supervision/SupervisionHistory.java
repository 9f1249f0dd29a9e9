package org.govhall.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The history of the supervision loop: every step taken on a card, a notice or an accountability record. */
@Component
class SupervisionHistory {

	/** Who acts when the system itself issues or escalates. */
	static final String SYSTEM = "system";

	private final JdbcClient jdbc;

	private final Clock clock;

	SupervisionHistory(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void append(String subject, String actor, String action, @Nullable String note) {
		jdbc.sql("""
				INSERT INTO supervision_history (subject, at, actor, action, note)
				VALUES (:subject, :at, :actor, :action, :note)
				""")
			.param("subject", subject)
			.param("at", Timestamp.from(clock.instant()))
			.param("actor", actor)
			.param("action", action)
			.param("note", note, java.sql.Types.VARCHAR)
			.update();
	}

	List<Entry> of(String subject) {
		return jdbc.sql("SELECT at, actor, action, note FROM supervision_history WHERE subject = :s ORDER BY id")
			.param("s", subject)
			.query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
					rs.getString("action"), rs.getString("note")))
			.list();
	}

	/** One step: when, who, what (ISSUED, ANSWERED, ACCEPTED, RETURNED, ESCALATED, RESPONDED, CLOSED, RECORDED). */
	public record Entry(Instant at, String actor, String action, @Nullable String note) {
	}

}
