package org.govhall.supervision;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the people named as responsible for a case what supervision flagged in their name
 * (首办负责制), as a {@link SupervisionAlert} that the notification module delivers: every
 * yellow or red warning of a case to its first handler, and every card to its named
 * handler and the case's first handler.
 * <p>
 * A warning is told once per colour: the warning last told is kept with the row
 * ({@code alerted_warning}) and set by a guarded update, so that an event delivered
 * again, the nightly run and both nodes tell it once; a case whose warning went away (a
 * later stage) starts afresh. Each alert is published in a transaction (the caller's, or
 * its own for the nightly run), so that the publication registry keeps it until it is
 * delivered.
 */
@Component
class HandlerAlerts {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	HandlerAlerts(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * After the case's row was written from an event that gave it {@code warning}.
	 * Without a warning there is nothing to tell (writing the row without one already
	 * forgot the colour last told); with one, a guarded update tells it once: one
	 * statement per event, and a read of the row only when there is something to tell.
	 */
	void warningsOf(String caseNumber, String warning) {
		if (!Warning.YELLOW.name().equals(warning) && !Warning.RED.name().equals(warning)) {
			return;
		}
		int moved = jdbc.sql("""
				UPDATE supervision_case SET alerted_warning = :w
				WHERE case_number = :n AND warning = :w AND alerted_warning <> :w AND closed_on IS NULL
				""").param("w", warning).param("n", caseNumber).update();
		if (moved == 1) {
			jdbc.sql("SELECT state, first_handler FROM supervision_case WHERE case_number = :n")
				.param("n", caseNumber)
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
				.optional()
				.filter(row -> row[1] != null)
				.ifPresent(
						row -> publish(new SupervisionAlert(caseNumber, row[0],
								Warning.RED.name().equals(warning) ? SupervisionAlert.Kind.RED_WARNING
										: SupervisionAlert.Kind.YELLOW_WARNING,
								List.of(row[1]), null, clock.instant())));
		}
	}

	/** After the nightly re-evaluation of every open row. */
	int warnings() {
		return tell();
	}

	/**
	 * A card issued about a case: to the handler it names and to the case's first
	 * handler.
	 */
	void card(String cardNumber, Card.Colour colour, String caseNumber, @Nullable String handler) {
		jdbc.sql("SELECT state, first_handler FROM supervision_case WHERE case_number = :n")
			.param("n", caseNumber)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional()
			.ifPresent(row -> {
				List<String> people = new ArrayList<>(2);
				if (handler != null) {
					people.add(handler);
				}
				if (row[1] != null && !row[1].equals(handler)) {
					people.add(row[1]);
				}
				if (!people.isEmpty()) {
					publish(new SupervisionAlert(caseNumber, row[0], colour == Card.Colour.RED
							? SupervisionAlert.Kind.RED_CARD : SupervisionAlert.Kind.YELLOW_CARD, people, cardNumber,
							clock.instant()));
				}
			});
	}

	private int tell() {
		jdbc.sql("UPDATE supervision_case SET alerted_warning = 'NONE' WHERE warning = 'NONE'"
				+ " AND alerted_warning <> 'NONE'")
			.update();
		List<String[]> flagged = jdbc.sql("""
				SELECT case_number, warning, state, first_handler FROM supervision_case
				WHERE warning IN ('YELLOW', 'RED') AND alerted_warning <> warning AND closed_on IS NULL""")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.list();
		int told = 0;
		for (String[] row : flagged) {
			int moved = jdbc.sql("""
					UPDATE supervision_case SET alerted_warning = :w WHERE case_number = :n AND alerted_warning <> :w
					""").param("w", row[1]).param("n", row[0]).update();
			if (moved == 1 && row[3] != null) {
				publish(new SupervisionAlert(row[0], row[2], Warning.RED.name().equals(row[1])
						? SupervisionAlert.Kind.RED_WARNING : SupervisionAlert.Kind.YELLOW_WARNING, List.of(row[3]),
						null, clock.instant()));
				told++;
			}
		}
		return told;
	}

	private void publish(SupervisionAlert alert) {
		tx.executeWithoutResult(status -> events.publishEvent(alert));
	}

}
