package org.govhall.notification;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.govhall.cases.CaseEvent;
import org.govhall.cases.CaseFacts;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.shared.NotFoundException;
import org.govhall.supervision.SupervisionAlert;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the people of a case what happened to it: the applicant who applied online, the
 * agent, and the first handler (首办负责制: the first handler hears of every step until the
 * case is closed).
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	private final Directory directory;

	private final MessageSource messages;

	private final ObjectProvider<Outbox> outboxes;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Notifications(JdbcClient jdbc, Directory directory, MessageSource messages, ObjectProvider<Outbox> outboxes,
			Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.directory = directory;
		this.messages = messages;
		this.outboxes = outboxes;
		this.clock = clock;
	}

	/**
	 * In the step's own transaction (ADR 0034): the messages of a step are in the inboxes
	 * when the step commits.
	 */
	@EventListener
	void on(CaseEvent event) {
		CaseFacts f = event.facts();
		Set<Long> recipients = recipients(event);
		// an act of procedure is named by its step (ADR 0030): notification.<STEP>
		String name = event instanceof CaseEvent.StepTaken taken ? taken.step().name()
				: event.getClass().getSimpleName();
		// the step's time identifies the message: an event delivered again finds it there
		// and sends nothing
		Timestamp step = f.step() == null ? null : Timestamp.from(f.step().at());
		if (outboxes.orderedStream().findAny().isPresent()) {
			for (long account : recipients) {
				deliver(account, f.caseNumber(), name, f.state().name(), step);
			}
		}
		else {
			store(recipients, f.caseNumber(), name, f.state().name(), step);
		}
	}

	/**
	 * Without an outbox, one statement stores the step's message in every recipient's
	 * inbox: nothing else is done per message.
	 */
	private void store(Set<Long> recipients, String caseNumber, String event, String state, @Nullable Timestamp step) {
		if (recipients.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder(
				"INSERT INTO notification_message (account_id, case_number, event, state, created_at, step_at) VALUES ");
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("number", caseNumber)
			.addValue("event", event)
			.addValue("state", state)
			.addValue("at", Timestamp.from(clock.instant()))
			.addValue("step", step, Types.TIMESTAMP);
		int i = 0;
		for (long account : recipients) {
			sql.append(i == 0 ? "" : ", ").append("(:a").append(i).append(", :number, :event, :state, :at, :step)");
			params.addValue("a" + i, account);
			i++;
		}
		jdbc.sql(sql.append(" ON CONFLICT DO NOTHING").toString()).paramSource(params).update();
	}

	/**
	 * 首办负责制: the first handler (and a card's named handler) hears of every warning and
	 * card supervision issues in their name. The alert's time identifies the message, so
	 * an alert delivered again sends nothing.
	 */
	@EventListener
	void on(SupervisionAlert alert) {
		Timestamp at = Timestamp.from(alert.at());
		for (String handler : new LinkedHashSet<>(alert.handlers())) {
			directory.accountIdOf(handler)
				.ifPresent(id -> deliver(id, alert.caseNumber(), alert.kind().messageEvent(), alert.state(), at));
		}
	}

	/**
	 * One message, once: stored in the inbox, in the caller's transaction. When it is new
	 * and an outbox is configured, it is handed on as a {@link MessageStored} through the
	 * publication registry, since it leaves the database and may have to be retried (ADR
	 * 0034); without an outbox nothing more is written.
	 */
	private void deliver(long account, String caseNumber, String event, String state, @Nullable Timestamp step) {
		int inserted = jdbc.sql("""
				INSERT INTO notification_message (account_id, case_number, event, state, created_at, step_at)
				VALUES (:account, :number, :event, :state, :at, :step) ON CONFLICT DO NOTHING
				""")
			.param("account", account)
			.param("number", caseNumber)
			.param("event", event)
			.param("state", state)
			.param("at", Timestamp.from(clock.instant()))
			.param("step", step, Types.TIMESTAMP)
			.update();
		if (inserted == 1 && outboxes.orderedStream().findAny().isPresent()) {
			events.publishEvent(new MessageStored(account, caseNumber, event));
		}
	}

	/** A stored message on its way to the outboxes (SMS, e-mail), after its commit. */
	@ApplicationModuleListener
	void on(MessageStored message) {
		outboxes.orderedStream().forEach(o -> o.send(message.accountId(), message.caseNumber(), message.event()));
	}

	/** A message stored in an inbox that an outbox is to send as well. */
	record MessageStored(long accountId, String caseNumber, String event) {
	}

	/**
	 * The parties and the first handler hear of every step; a chase (催办) is between
	 * departments and reaches only the chased co-department's reviewers.
	 */
	private Set<Long> recipients(CaseEvent event) {
		Set<Long> recipients = new LinkedHashSet<>();
		if (event instanceof CaseEvent.OpinionChased chased) {
			recipients.addAll(directory.staffOf(chased.departmentCode(), Role.REVIEWER));
			return recipients;
		}
		CaseFacts f = event.facts();
		if (f.applicantAccountId() != null) {
			recipients.add(f.applicantAccountId());
		}
		if (f.agentAccountId() != null) {
			recipients.add(f.agentAccountId());
		}
		if (f.firstHandler() != null) {
			directory.accountIdOf(f.firstHandler()).ifPresent(recipients::add);
		}
		if (event instanceof CaseEvent.HandedOver handedOver && handedOver.from() != null) {
			// the one who held the case hears that it is no longer theirs
			directory.accountIdOf(handedOver.from()).ifPresent(recipients::add);
		}
		return recipients;
	}

	/** The newest messages of the signed-in account, in its language. */
	public List<Message> inbox(GovHallUser user, Locale locale) {
		return jdbc.sql("""
				SELECT id, case_number, event, state, created_at, read_at, link FROM notification_message
				WHERE account_id = :account ORDER BY id DESC FETCH FIRST 200 ROWS ONLY
				""")
			.param("account", user.accountId())
			.query((rs, n) -> new Message(rs.getLong("id"), rs.getString("case_number"), rs.getString("event"),
					rs.getString("state"),
					messages.getMessage("notification." + rs.getString("event"),
							new Object[] { rs.getString("case_number") }, rs.getString("event"), locale),
					rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant(),
					rs.getString("link")))
			.list();
	}

	public long unread(GovHallUser user) {
		return jdbc.sql("SELECT COUNT(*) FROM notification_message WHERE account_id = :account AND read_at IS NULL")
			.param("account", user.accountId())
			.query(Long.class)
			.single();
	}

	@Transactional
	public void markRead(long id, GovHallUser user) {
		int rows = jdbc
			.sql("""
					UPDATE notification_message SET read_at = :at WHERE id = :id AND account_id = :account AND read_at IS NULL
					""")
			.param("at", Timestamp.from(clock.instant()))
			.param("id", id)
			.param("account", user.accountId())
			.update();
		if (rows == 0 && jdbc.sql("SELECT COUNT(*) FROM notification_message WHERE id = :id AND account_id = :account")
			.param("id", id)
			.param("account", user.accountId())
			.query(Long.class)
			.single() == 0) {
			throw new NotFoundException("error.notification.notFound", id);
		}
	}

}
