package org.govhall.supervision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.govhall.calendar.HolidaySchedules;
import org.govhall.calendar.YearNotLoadedException;
import org.govhall.directory.Directory;
import org.govhall.directory.RegionView;
import org.govhall.shared.AuditEvent;
import org.govhall.shared.ConflictException;
import org.govhall.supervision.SupervisionHistory.Actor;
import org.govhall.supervision.SupervisionHistory.Subject;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issues and moves cards. A yellow card goes to the responsible department (and handler)
 * when a case or a joint-review sub-deadline turns red or a serious irregularity occurs;
 * a red card for a critical irregularity, or when a department collects
 * {@code govhall.supervision.red-card-after} yellow cards (default 3) in a calendar
 * month. Each card demands an answer within {@code govhall.supervision.card-answer-days}
 * working days (default 5); an answer not given in time escalates the card to the next
 * level up and turns a yellow card red. Each cause is carded once per case and
 * department.
 */
@Component
class Cards {

	private final JdbcClient jdbc;

	private final SupervisionHistory history;

	private final HolidaySchedules schedules;

	private final Directory directory;

	private final Clock clock;

	private final int answerDays;

	private final int redAfter;

	private final HandlerAlerts alerts;

	Cards(JdbcClient jdbc, SupervisionHistory history, HolidaySchedules schedules, Directory directory, Clock clock,
			SupervisionSettings settings, HandlerAlerts alerts) {
		this.alerts = alerts;
		this.jdbc = jdbc;
		this.history = history;
		this.schedules = schedules;
		this.directory = directory;
		this.clock = clock;
		this.answerDays = settings.supervision().cardAnswerDays();
		this.redAfter = settings.supervision().redCardAfter();
	}

	/** A case turned red: a yellow card to its responsible department and person. */
	void forOverdueCase(String caseNumber) {
		jdbc.sql("""
				SELECT department_code, region_code, responsible_person, stage, due_on FROM supervision_case
				WHERE case_number = :n
				""").param("n", caseNumber).query((rs, n) -> {
			issue(Card.Colour.YELLOW, rs.getString("department_code"), rs.getString("region_code"),
					rs.getString("responsible_person"), caseNumber, Card.CASE_OVERDUE,
					FactLine.STAGE_DUE.line(rs.getString("stage"), rs.getObject("due_on", LocalDate.class)),
					SupervisionHistory.SYSTEM);
			return 1;
		}).list();
	}

	/**
	 * A co-department missed its sub-deadline: the yellow card goes to that department.
	 */
	void forOverdueOpinion(String caseNumber, String departmentCode) {
		jdbc.sql("""
				SELECT s.region_code, s.due_on FROM supervision_subclock s
				WHERE s.case_number = :n AND s.department_code = :d
				""").param("n", caseNumber).param("d", departmentCode).query((rs, n) -> {
			String region = directory.department(departmentCode)
				.map(dv -> dv.regionCode())
				.orElse(rs.getString("region_code"));
			issue(Card.Colour.YELLOW, departmentCode, region, null, caseNumber, Card.OPINION_OVERDUE,
					FactLine.STAGE_DUE.line(Stage.OPINION, rs.getObject("due_on", LocalDate.class)),
					SupervisionHistory.SYSTEM);
			return 1;
		}).list();
	}

	void forIrregularity(String caseNumber, IrregularityRule rule, String departmentCode, String regionCode,
			@Nullable String person, String detail) {
		issue(rule.severity() == Severity.CRITICAL ? Card.Colour.RED : Card.Colour.YELLOW, departmentCode, regionCode,
				person, caseNumber, rule.name(), detail, SupervisionHistory.SYSTEM);
	}

	/**
	 * Issues a card once per case, cause, colour and department, and once per missed
	 * deadline: a case overdue at acceptance, decision or delivery and the irregularity
	 * of the same missed deadline (deemed acceptance, late decision, late delivery) are
	 * one cause, so the second gives no second card (and no step towards a red card for
	 * accumulation).
	 * @return the new card's number, or empty when that card was issued before
	 */
	Optional<String> issue(Card.Colour colour, String departmentCode, String regionCode, @Nullable String handler,
			@Nullable String caseNumber, String cause, String reason, String issuedBy) {
		if (caseNumber != null && (exists(caseNumber, cause, colour, departmentCode)
				|| sameDeadlineCarded(caseNumber, cause, reason, departmentCode))) {
			return Optional.empty();
		}
		LocalDate today = LocalDate.now(clock);
		String number = (colour == Card.Colour.YELLOW ? "YC-" : "RC-") + today.getYear() + "-" + String.format("%06d",
				jdbc.sql("SELECT nextval('supervision_number_seq')").query(Long.class).single());
		return insert(number, colour, departmentCode, regionCode, handler, caseNumber, cause, reason, issuedBy, today);
	}

	private Optional<String> insert(String number, Card.Colour colour, String departmentCode, String regionCode,
			@Nullable String handler, @Nullable String caseNumber, String cause, String reason, String issuedBy,
			LocalDate today) {
		int inserted = jdbc.sql("""
				INSERT INTO supervision_card (card_number, colour, issued_colour, status, department_code, region_code,
				       handler, case_number, cause, reason, issued_on, issued_by, answer_due, level_region, version,
				       deadline_key)
				VALUES (:number, :colour, :colour, 'ISSUED', :department, :region, :handler, :caseNumber, :cause,
				       :reason, :today, :issuedBy, :due, :region, 0, :deadlineKey)
				ON CONFLICT DO NOTHING
				""")
			.param("number", number)
			.param("colour", colour.name())
			.param("department", departmentCode)
			.param("region", regionCode)
			.param("handler", handler, Types.VARCHAR)
			.param("caseNumber", caseNumber, Types.VARCHAR)
			.param("cause", cause)
			.param("reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
			.param("today", Date.valueOf(today), Types.DATE)
			.param("issuedBy", issuedBy)
			.param("deadlineKey", caseNumber == null ? null : deadlineKey(cause, reason), Types.VARCHAR)
			.param("due", Date.valueOf(answerDue(today)), Types.DATE)
			.update();
		if (inserted == 0) {
			return Optional.empty();
		}
		if (caseNumber != null) {
			jdbc.sql("UPDATE supervision_case SET carded = TRUE WHERE case_number = :n")
				.param("n", caseNumber)
				.update();
			alerts.card(number, colour, caseNumber, handler);
		}
		history.append(Subject.CARD, number, new Actor(issuedBy, AuditEvent.SYSTEM), "ISSUED",
				FactLine.CARD_ISSUED.line(colour, cause, reason));
		if (colour == Card.Colour.YELLOW) {
			redIfAccumulated(departmentCode, regionCode, YearMonth.from(today));
		}
		return Optional.of(number);
	}

	/** The irregularities that are the missing of a stage's deadline, by that stage. */
	private static final Map<Stage, IrregularityRule> MISSED_DEADLINE = Map.of(Stage.ACCEPTANCE,
			IrregularityRule.DEEMED_ACCEPTANCE, Stage.DECISION, IrregularityRule.DECISION_LATE, Stage.DELIVERY,
			IrregularityRule.DELIVERY_LATE);

	/**
	 * The deadline a card is about, when it is about one: the stage of a case overdue, or
	 * the stage whose deadline an irregularity says was missed. A unique index on (case,
	 * department, deadline) keeps it to one card even when the nightly run and an event's
	 * listener card the same case at the same moment.
	 */
	static @Nullable String deadlineKey(String cause, String reason) {
		if (Card.CASE_OVERDUE.equals(cause)) {
			return MISSED_DEADLINE.keySet()
				.stream()
				.filter(st -> reason.startsWith(st.name() + " "))
				.map(Stage::name)
				.findFirst()
				.orElse(null);
		}
		return MISSED_DEADLINE.entrySet()
			.stream()
			.filter(e -> e.getValue().name().equals(cause))
			.map(e -> e.getKey().name())
			.findFirst()
			.orElse(null);
	}

	/**
	 * Whether the department already holds a card of this case for the same missed
	 * deadline.
	 */
	private boolean sameDeadlineCarded(String caseNumber, String cause, String reason, String departmentCode) {
		String key = deadlineKey(cause, reason);
		return key != null && jdbc
			.sql("SELECT COUNT(*) FROM supervision_card WHERE case_number = :n"
					+ " AND department_code = :d AND deadline_key = :k")
			.param("n", caseNumber)
			.param("d", departmentCode)
			.param("k", key)
			.query(Integer.class)
			.single() > 0;
	}

	private boolean exists(String caseNumber, String cause, Card.Colour colour, String departmentCode) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM supervision_card
				WHERE case_number = :n AND cause = :cause AND issued_colour = :colour AND department_code = :d
				""")
			.param("n", caseNumber)
			.param("cause", cause)
			.param("colour", colour.name())
			.param("d", departmentCode)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The {@code redAfter}-th yellow card of a department in a month brings one red card
	 * for that month.
	 */
	private void redIfAccumulated(String departmentCode, String regionCode, YearMonth month) {
		int yellow = jdbc.sql("""
				SELECT COUNT(*) FROM supervision_card
				WHERE department_code = :d AND issued_colour = 'YELLOW' AND issued_on >= :from AND issued_on <= :to
				""")
			.param("d", departmentCode)
			.param("from", Date.valueOf(month.atDay(1)), Types.DATE)
			.param("to", Date.valueOf(month.atEndOfMonth()), Types.DATE)
			.query(Integer.class)
			.single();
		if (yellow >= redAfter) {
			insert("RC-" + month.toString().replace("-", "") + "-" + departmentCode, Card.Colour.RED, departmentCode,
					regionCode, null, null, Card.ACCUMULATION, FactLine.YELLOW_CARDS.line(yellow, month),
					SupervisionHistory.SYSTEM, LocalDate.now(clock));
		}
	}

	/**
	 * N working days after the day; while that year's calendar is not loaded, N weekdays
	 * (the provisional count, which holidays could only make later, so the answer is
	 * never due later than the law's).
	 */
	LocalDate answerDue(LocalDate from) {
		try {
			return schedules.calendar().addWorkingDays(from, answerDays);
		}
		catch (YearNotLoadedException ex) {
			return schedules.calendar().provisional().addWorkingDays(from, answerDays);
		}
	}

	Optional<Card> find(String number) {
		return jdbc.sql("SELECT * FROM supervision_card WHERE card_number = :n")
			.param("n", number)
			.query(Cards::card)
			.optional();
	}

	/**
	 * Cards of the regions or departments, newest first; open ones only unless
	 * {@code all}.
	 */
	List<Card> list(Collection<String> regions, @Nullable String departmentCode, @Nullable String handler, boolean all,
			int limit) {
		String scope = regions.isEmpty() ? "(department_code = :department OR handler = :handler)"
				: departmentCode == null ? "(region_code IN (:regions) OR level_region IN (:regions))"
						: "((region_code IN (:regions) OR level_region IN (:regions)) AND department_code = :department)";
		return jdbc.sql("""
				SELECT * FROM supervision_card
				WHERE %s
				  AND (:all OR closed_on IS NULL)
				ORDER BY CASE WHEN closed_on IS NULL THEN 0 ELSE 1 END, issued_on DESC, card_number DESC
				FETCH FIRST %d ROWS ONLY
				""".formatted(scope, limit))
			.param("regions", regions.isEmpty() ? List.of("-") : regions)
			.param("department", departmentCode == null ? "-" : departmentCode)
			.param("handler", handler == null ? "-" : handler)
			.param("all", all)
			.query(Cards::card)
			.list();
	}

	List<Card> ofCase(String caseNumber) {
		return jdbc.sql("SELECT * FROM supervision_card WHERE case_number = :n ORDER BY issued_on, card_number")
			.param("n", caseNumber)
			.query(Cards::card)
			.list();
	}

	/** The department's written explanation and rectification. */
	Card answer(Card card, String explanation, String rectification, Actor by) {
		if (!card.status().awaitsAnswer()) {
			throw new ConflictException("card-state", "error.card.state", card.number(), card.status());
		}
		LocalDate today = LocalDate.now(clock);
		move(card, """
				UPDATE supervision_card SET status = 'ANSWERED', explanation = :explanation,
				       rectification = :rectification, answered_by = :by, answered_on = :today, version = version + 1
				WHERE card_number = :n AND version = :version
				""",
				s -> s.param("explanation", explanation.strip())
					.param("rectification", rectification.strip())
					.param("by", by.name())
					.param("today", Date.valueOf(today), Types.DATE));
		history.append(Subject.CARD, card.number(), by, "ANSWERED",
				explanation.strip() + "\n---\n" + rectification.strip());
		return find(card.number()).orElseThrow();
	}

	/**
	 * The supervisor accepts the answer (the card is closed) or returns it with a new
	 * deadline.
	 */
	Card review(Card card, boolean accept, String comment, Actor by) {
		if (card.status() != Card.Status.ANSWERED) {
			throw new ConflictException("card-state", "error.card.state", card.number(), card.status());
		}
		LocalDate today = LocalDate.now(clock);
		move(card, """
				UPDATE supervision_card SET status = :status, reviewed_by = :by, review_comment = :comment,
				       closed_on = :closed, answer_due = :due, version = version + 1
				WHERE card_number = :n AND version = :version
				""",
				s -> s.param("status", accept ? "ACCEPTED" : "RETURNED")
					.param("by", by.name())
					.param("comment", comment.strip())
					.param("closed", accept ? Date.valueOf(today) : null, Types.DATE)
					.param("due", Date.valueOf(accept ? card.answerDue() : answerDue(today)), Types.DATE));
		history.append(Subject.CARD, card.number(), by, accept ? "ACCEPTED" : "RETURNED", comment.strip());
		return find(card.number()).orElseThrow();
	}

	/**
	 * Cards whose answer is overdue move up one level, with a new deadline; a yellow card
	 * turns red. A card already at the top keeps its level and is marked overdue in the
	 * lists.
	 * @return the number of cards escalated
	 */
	int escalateOverdue() {
		LocalDate today = LocalDate.now(clock);
		List<Card> overdue = jdbc.sql("""
				SELECT * FROM supervision_card WHERE status IN ('ISSUED', 'RETURNED') AND answer_due < :today
				""").param("today", Date.valueOf(today), Types.DATE).query(Cards::card).list();
		int escalated = 0;
		for (Card c : overdue) {
			Optional<RegionView> parent = directory.region(c.levelRegion())
				.flatMap(r -> r.parentCode() == null ? Optional.empty() : directory.region(r.parentCode()));
			if (parent.isEmpty()) {
				continue;
			}
			int n = jdbc.sql("""
					UPDATE supervision_card SET level_region = :level, colour = 'RED', answer_due = :due,
					       version = version + 1
					WHERE card_number = :n AND version = :version
					""")
				.param("level", parent.get().code())
				.param("due", Date.valueOf(answerDue(today)), Types.DATE)
				.param("n", c.number())
				.param("version", c.version())
				.update();
			if (n == 1) {
				escalated++;
				history.append(Subject.CARD, c.number(), Actor.SYSTEM, "ESCALATED",
						FactLine.CARD_ESCALATED.line(c.colour(), c.levelRegion(), parent.get().code(), c.answerDue()));
			}
		}
		return escalated;
	}

	private void move(Card card, String sql, UnaryOperator<JdbcClient.StatementSpec> params) {
		int n = params.apply(jdbc.sql(sql)).param("n", card.number()).param("version", card.version()).update();
		if (n != 1) {
			throw new ConflictException("card-changed", "error.card.changed", card.number());
		}
	}

	static Card card(ResultSet rs, int n) throws SQLException {
		return new Card(rs.getString("card_number"), Card.Colour.valueOf(rs.getString("colour")),
				Card.Status.valueOf(rs.getString("status")), rs.getString("department_code"),
				rs.getString("region_code"), rs.getString("handler"), rs.getString("case_number"),
				rs.getString("cause"), rs.getString("reason"), rs.getObject("issued_on", LocalDate.class),
				rs.getString("issued_by"), rs.getObject("answer_due", LocalDate.class), rs.getString("level_region"),
				rs.getString("explanation"), rs.getString("rectification"), rs.getString("answered_by"),
				rs.getObject("answered_on", LocalDate.class), rs.getString("reviewed_by"),
				rs.getString("review_comment"), rs.getObject("closed_on", LocalDate.class), rs.getInt("version"));
	}

}
