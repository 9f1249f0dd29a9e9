package org.govhall.supervision;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.govhall.calendar.HolidaySchedules;
import org.govhall.calendar.WorkingCalendar;
import org.govhall.calendar.YearNotLoadedException;
import org.govhall.cases.CaseAction;
import org.govhall.cases.CaseEvent;
import org.govhall.cases.CaseFacts;
import org.govhall.cases.CaseState;
import org.govhall.cases.Channel;
import org.govhall.cases.DeliveryMethod;
import org.govhall.directory.Role;
import org.govhall.supervision.WarningRules.Evaluation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read model {@code supervision_case}, one row per case, written from
 * {@link CaseEvent}s alone: each event costs one or two single-row statements by primary
 * key, whatever the number of cases. Events reach this listener asynchronously and
 * possibly out of order, so a row only moves forward (an earlier step's event never
 * overwrites a later one) and a closed case is never reopened. {@link Reevaluation}
 * evaluates the open rows again each day; {@link SupervisedCaseQueries} reads them.
 */
@Component
class SupervisedCases {

	private static final int CLOSED_RANK = 9;

	/** The row written from the facts, where it is not ahead of them. */
	private static final String UPDATE = """
			UPDATE supervision_case SET item_code = :item, department_code = :department, region_code = :region,
			       applicant_region = :applicantRegion, redirected = :redirected, first_handler = :firstHandler,
			       state = :state, stage = :stage,
			       stage_rank = :rank, due_on = :due, suspended = :suspended, received_on = :receivedOn,
			       accepted_on = :acceptedOn, last_event_at = :at, warning = :warning,
			       alerted_warning = CASE WHEN :warning = 'NONE' THEN 'NONE' ELSE alerted_warning END,
			       remaining_working_days = :remaining, closed_on = :closedOn, updated_at = :at,
			       revision = revision + 1, channel = :channel, processing_mode = :mode, joint = :joint,
			       on_the_spot = on_the_spot OR :onTheSpot,
			       statutory_days = :statutoryDays, promised_days = :promisedDays,
			       statutory_due = COALESCE(:statutoryDue, statutory_due),
			       promised_due = COALESCE(:promisedDue, promised_due),
			       decided_on = COALESCE(:decidedOn, decided_on), outcome = COALESCE(:outcome, outcome),
			       delivered_on = COALESCE(:deliveredOn, delivered_on), applicant_ref = :ref,
			       extensions = :extensions, responsible_department = :responsibleDepartment,
			       responsible_person = :responsiblePerson, awaited_step = :awaitedStep,
			       awaited_due = :awaitedDue, awaited_duty = :awaitedDuty,
			       suspended_since = CASE WHEN :suspended THEN COALESCE(suspended_since, :suspendedSince) END,
			       ever_red = ever_red OR :red
			WHERE case_number = :number AND closed_on IS NULL AND stage_rank <= :rank
			""";

	private final JdbcClient jdbc;

	private final HolidaySchedules schedules;

	private final WarningRules rules;

	private final Clock clock;

	private final Irregularities irregularities;

	private final Cards cards;

	private final DailySums rollup;

	private final HandlerAlerts alerts;

	SupervisedCases(JdbcClient jdbc, HolidaySchedules schedules, WarningRules rules, Clock clock,
			Irregularities irregularities, Cards cards, DailySums rollup, HandlerAlerts alerts) {
		this.alerts = alerts;
		this.rollup = rollup;
		this.jdbc = jdbc;
		this.schedules = schedules;
		this.rules = rules;
		this.clock = clock;
		this.irregularities = irregularities;
		this.cards = cards;
	}

	/**
	 * In the step's own transaction (ADR 0034): supervision sees every step as it
	 * commits, and a step that supervision cannot record does not commit.
	 */
	@EventListener
	void on(CaseEvent event) {
		CaseFacts f = event.facts();
		boolean fresh = recordStep(f);
		Map<String, @Nullable Object> row = row(f);
		boolean decided = event instanceof CaseEvent.Decided;
		Counts counts = fresh ? counts(event) : Counts.NONE;
		// most steps move nothing in the daily sums: for those one statement writes the
		// row, on the condition that what the case adds to the sums stays as it was;
		// otherwise the row is locked and read first, and the sums move by the difference
		if (decided || counts.any() || updateKeepingSums(row) == 0) {
			DailySums.Contribution before = record(f, row);
			boolean counted = count(f.caseNumber(), counts);
			if (decided) {
				recordCompletion(f.caseNumber());
			}
			boolean same = before != null && !counted && !decided && keeps(before, row);
			rollup.apply(before, same ? before : rollup.lock(f.caseNumber()));
		}
		else {
			cardIfRed(f.caseNumber(), row);
		}
		recordSubClocks(f);
		irregularities.check(event);
		alerts.warningsOf(f.caseNumber(), (String) Objects.requireNonNull(row.get("warning")));
	}

	/**
	 * Keeps the step the event is about for the timeline.
	 * @return false when the step is already on record: the event was delivered again, so
	 * nothing may be counted twice
	 */
	boolean recordStep(CaseFacts f) {
		CaseFacts.Step step = f.step();
		if (step == null) {
			return true;
		}
		return jdbc.sql("""
				INSERT INTO supervision_case_step (case_number, at, action, actor, actor_role, state, step)
				VALUES (:number, :at, :action, :actor, :role, :state, :step) ON CONFLICT DO NOTHING
				""")
			.param("number", f.caseNumber())
			.param("at", Timestamp.from(step.at()))
			// an act of procedure is kept under its step, so that two acts in one instant
			// are two steps (ADR 0030)
			.param("action", step.procedure() == null ? step.action().name() : step.procedure().name())
			.param("actor", step.actor())
			.param("role", step.role().name())
			.param("state", f.state().name())
			.param("step", step.procedure() == null ? null : step.procedure().name(), Types.VARCHAR)
			.update() == 1;
	}

	/**
	 * Upserts the case's row from the facts, holding its lock for the rest of the
	 * transaction: INSERT when there is none, else (or when a concurrent insert won)
	 * UPDATE.
	 * @return what the case contributed to the dashboards' daily sums before this change
	 * (none for a new case)
	 */
	DailySums.@Nullable Contribution record(CaseFacts f) {
		return record(f, row(f));
	}

	private DailySums.@Nullable Contribution record(CaseFacts f, Map<String, @Nullable Object> row) {
		DailySums.Contribution before = rollup.lock(f.caseNumber());
		if (before == null) {
			if (insert(row) == 1) {
				cardIfRed(f.caseNumber(), row);
				return null;
			}
			before = rollup.lock(f.caseNumber());
		}
		if (update(row) == 1) {
			cardIfRed(f.caseNumber(), row);
		}
		return before;
	}

	private void cardIfRed(String number, Map<String, @Nullable Object> row) {
		if (Warning.RED.name().equals(row.get("warning"))) {
			cards.forOverdueCase(number);
		}
	}

	/**
	 * Whether writing {@code row} leaves what the case adds to the daily sums as
	 * {@code before} had it: the same day of receipt, place, item, channel and
	 * on-the-spot mark, and, once decided, the same day of decision and limits.
	 */
	static boolean keeps(DailySums.Contribution before, Map<String, @Nullable Object> row) {
		DailySums.Received r = before.received();
		int instant = r.instant() == 1 || Boolean.TRUE.equals(row.get("onTheSpot")) ? 1 : 0;
		int online = Channel.ONLINE.name().equals(row.get("channel")) ? 1 : 0;
		if (!Objects.equals(r.day(), row.get("receivedOn")) || !Objects.equals(r.region(), row.get("region"))
				|| !Objects.equals(r.department(), row.get("department")) || !Objects.equals(r.item(), row.get("item"))
				|| instant != r.instant() || online != r.online()) {
			return false;
		}
		DailySums.Completed c = before.completed();
		if (c == null) {
			return row.get("decidedOn") == null;
		}
		return (row.get("decidedOn") == null || row.get("decidedOn").equals(c.day()))
				&& Objects.equals(c.region(), row.get("region"))
				&& Objects.equals(c.department(), row.get("department")) && Objects.equals(c.item(), row.get("item"))
				&& Objects.equals(c.promised(), row.get("promisedDays"))
				&& Objects.equals(c.statutory(), row.get("statutoryDays"));
	}

	/** What a step adds to a case's on-site visits and suspended working days. */
	record Counts(int visits, int suspendedDays) {

		static final Counts NONE = new Counts(0, 0);

		boolean any() {
			return visits != 0 || suspendedDays != 0;
		}

	}

	/**
	 * On-site visits (跑动次数) and suspended working days that a step adds, counted once per
	 * step.
	 */
	private Counts counts(CaseEvent event) {
		CaseFacts f = event.facts();
		int visits = 0;
		if (event instanceof CaseEvent.Received) {
			visits = f.channel() == Channel.WINDOW ? 1 : 0;
		}
		else if (event instanceof CaseEvent.Corrected) {
			visits = f.step() != null && f.step().role() == Role.WINDOW_CLERK ? 1 : 0;
		}
		else if (event instanceof CaseEvent.Delivered) {
			visits = f.deliveryMethod() == DeliveryMethod.WINDOW ? 1 : 0;
		}
		int suspendedDays = 0;
		if (event instanceof CaseEvent.Resumed r) {
			try {
				suspendedDays = schedules.calendar().countWorkingDays(r.from().minusDays(1), r.to());
			}
			catch (YearNotLoadedException ex) {
				suspendedDays = 0;
			}
		}
		return visits == 0 && suspendedDays == 0 ? Counts.NONE : new Counts(visits, suspendedDays);
	}

	/**
	 * Adds a step's visits and suspended days to the case's row.
	 * @return whether anything was counted
	 */
	private boolean count(String number, Counts counts) {
		if (!counts.any()) {
			return false;
		}
		jdbc.sql("""
				UPDATE supervision_case SET visits = visits + :visits, suspended_days = suspended_days + :days
				WHERE case_number = :number
				""")
			.param("visits", counts.visits())
			.param("days", counts.suspendedDays())
			.param("number", number)
			.update();
		return true;
	}

	/**
	 * Working days used from acceptance to decision without the suspended days; on time
	 * when decided within the promised limit (the statutory one where nothing is
	 * promised), or on the spot; early when fewer days than promised were used.
	 */
	private void recordCompletion(String number) {
		jdbc.sql("""
				SELECT accepted_on, decided_on, statutory_due, promised_due, promised_days, suspended_days,
				       on_the_spot
				FROM supervision_case WHERE case_number = :number
				""").param("number", number).query((rs, n) -> {
			LocalDate accepted = rs.getObject("accepted_on", LocalDate.class);
			LocalDate decided = rs.getObject("decided_on", LocalDate.class);
			LocalDate statutoryDue = rs.getObject("statutory_due", LocalDate.class);
			LocalDate promisedDue = rs.getObject("promised_due", LocalDate.class);
			Object promisedDays = rs.getObject("promised_days");
			int suspended = rs.getInt("suspended_days");
			boolean onTheSpot = rs.getBoolean("on_the_spot");
			if (decided == null) {
				return 0;
			}
			Integer actual = null;
			if (accepted != null) {
				try {
					actual = Math.max(0, schedules.calendar().countWorkingDays(accepted, decided) - suspended);
				}
				catch (YearNotLoadedException ex) {
					actual = null;
				}
			}
			LocalDate limit = promisedDue != null ? promisedDue : statutoryDue;
			// an instant item counts as any other: on time when decided on the spot
			// (which the case allows only on the
			// day of receipt), else against its limit, as one accepted and decided later
			// is
			Boolean onTime = onTheSpot ? Boolean.TRUE : limit == null ? null : !decided.isAfter(limit);
			Boolean early = actual == null || promisedDays == null ? null : actual < ((Number) promisedDays).intValue();
			return jdbc.sql("""
					UPDATE supervision_case SET actual_days = :actual, on_time = :onTime, early = :early
					WHERE case_number = :number
					""")
				.param("actual", actual, Types.INTEGER)
				.param("onTime", onTime, Types.BOOLEAN)
				.param("early", early, Types.BOOLEAN)
				.param("number", number)
				.update();
		}).list();
	}

	/**
	 * Each joint-review co-department's sub-deadline (联审联办), with its own warning: all of
	 * a case's in one statement.
	 */
	private void recordSubClocks(CaseFacts f) {
		if (f.opinions().isEmpty()) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		WorkingCalendar calendar = schedules.calendar();
		var source = new MapSqlParameterSource().addValue("number", f.caseNumber()).addValue("region", f.regionCode());
		StringBuilder values = new StringBuilder();
		List<String> red = new ArrayList<>();
		int i = 0;
		for (CaseFacts.SubClock o : f.opinions()) {
			boolean running = f.state().isOpen() && o.answeredOn() == null;
			Evaluation e = rules.evaluate(running ? Stage.OPINION : Stage.NONE, o.dueOn(), f.suspended(), today,
					calendar);
			source.addValue("department" + i, o.departmentCode())
				.addValue("due" + i, o.dueOn() == null ? null : Date.valueOf(o.dueOn()), Types.DATE)
				.addValue("answered" + i, o.answeredOn() == null ? null : Date.valueOf(o.answeredOn()), Types.DATE)
				.addValue("late" + i, o.late())
				.addValue("warning" + i, e.warning().name())
				.addValue("remaining" + i, e.remaining(), Types.INTEGER);
			values.append(i == 0 ? "" : ", ")
				.append("(CAST(:department%1$d AS VARCHAR(32)), CAST(:due%1$d AS DATE), CAST(:answered%1$d AS DATE), "
					.formatted(i))
				.append("CAST(:late%1$d AS BOOLEAN), CAST(:warning%1$d AS VARCHAR(8)), CAST(:remaining%1$d AS INTEGER))"
					.formatted(i));
			if (e.warning() == Warning.RED) {
				red.add(o.departmentCode());
			}
			i++;
		}
		// the case's row is locked by now (record or the update above), so no other
		// transaction writes its sub-clocks at the same time
		jdbc.sql(
				"""
						MERGE INTO supervision_subclock s
						USING (VALUES %s) AS v (department_code, due_on, answered_on, late, warning, remaining)
						ON s.case_number = :number AND s.department_code = v.department_code
						WHEN MATCHED THEN UPDATE SET due_on = v.due_on, answered_on = COALESCE(s.answered_on, v.answered_on),
						     late = s.late OR v.late, warning = v.warning, remaining_working_days = v.remaining
						WHEN NOT MATCHED THEN INSERT (case_number, department_code, region_code, due_on, answered_on, late,
						     warning, remaining_working_days)
						     VALUES (:number, v.department_code, :region, v.due_on, v.answered_on, v.late, v.warning, v.remaining)
						"""
					.formatted(values))
			.paramSource(source)
			.update();
		red.forEach(department -> cards.forOverdueOpinion(f.caseNumber(), department));
	}

	private Map<String, @Nullable Object> row(CaseFacts f) {
		boolean open = f.state().isOpen();
		Stage stage = open ? Stage.of(f) : Stage.NONE;
		LocalDate due = stage.dueOf(f);
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		Evaluation e = rules.evaluate(stage, due, f.suspended(), today, schedules.calendar());
		Map<String, @Nullable Object> row = new HashMap<>();
		row.put("number", f.caseNumber());
		row.put("item", f.itemCode());
		row.put("department", f.departmentCode());
		row.put("region", f.regionCode());
		row.put("applicantRegion", f.applicantRegion());
		row.put("redirected", f.redirected());
		row.put("firstHandler", f.firstHandler());
		row.put("state", f.state().name());
		row.put("stage", stage.name());
		row.put("rank", open ? rank(f.state()) : CLOSED_RANK);
		row.put("due", due);
		row.put("suspended", f.suspended());
		row.put("receivedOn", f.receivedOn());
		row.put("acceptedOn", f.acceptedOn());
		row.put("at", Timestamp.from(now));
		row.put("warning", e.warning().name());
		row.put("red", e.warning() == Warning.RED);
		row.put("remaining", e.remaining());
		row.put("closedOn",
				open ? null : f.step() != null ? LocalDate.ofInstant(f.step().at(), clock.getZone()) : today);
		row.put("channel", f.channel().name());
		row.put("mode", f.processingMode().name());
		row.put("joint", f.joint());
		row.put("onTheSpot", f.onTheSpot());
		row.put("statutoryDays", f.statutoryDays());
		row.put("promisedDays", f.promisedDays());
		row.put("statutoryDue", f.decisionDue());
		row.put("promisedDue", f.promisedDue());
		row.put("decidedOn", f.decidedOn());
		row.put("outcome", f.outcome() == null ? null : f.outcome().name());
		row.put("deliveredOn", f.deliveredOn());
		row.put("ref", f.applicantRef());
		row.put("extensions", f.extensions());
		row.put("responsibleDepartment", f.departmentCode());
		row.put("responsiblePerson", switch (stage) {
			case ACCEPTANCE, DELIVERY -> f.firstHandler();
			case DECISION -> f.reviewer();
			case OPINION, NONE -> null;
		});
		row.put("awaitedStep", f.awaited() == null ? null : f.awaited().step().name());
		row.put("awaitedDue", f.awaited() == null ? null : f.awaited().due());
		row.put("awaitedDuty", f.awaited() != null && f.awaited().duty());
		row.put("suspendedSince", f.suspended() && f.step() != null && f.step().action() == CaseAction.SUSPENDED
				? LocalDate.ofInstant(f.step().at(), clock.getZone()) : null);
		return row;
	}

	private int update(Map<String, @Nullable Object> row) {
		return jdbc.sql(UPDATE).paramSource(source(row)).update();
	}

	/**
	 * Writes the row as {@link #update} does, but only where what the case adds to the
	 * daily sums stays as it was ({@link #keeps}, in SQL): the same day of receipt,
	 * place, item and channel, no new on-the-spot mark, and no decision yet or the same
	 * one with the same limits.
	 * @return 1 when the row was written; 0 when there is none, it is ahead of the event,
	 * or the sums would move
	 */
	private int updateKeepingSums(Map<String, @Nullable Object> row) {
		return jdbc.sql(UPDATE + " AND " + KEEPS_SUMS).paramSource(source(row)).update();
	}

	/**
	 * {@link #keeps} in SQL, on the stored row and the parameters of the row to write;
	 * stricter only in the channel, which it compares itself where {@link #keeps}
	 * compares whether it is online ({@code KeepsSumsInSqlTests} runs
	 * {@code DailySumsKeptTests}' table against it).
	 */
	static final String KEEPS_SUMS = """
			received_on IS NOT DISTINCT FROM :receivedOn AND region_code IS NOT DISTINCT FROM :region
			  AND department_code IS NOT DISTINCT FROM :department AND item_code IS NOT DISTINCT FROM :item
			  AND channel IS NOT DISTINCT FROM :channel AND (on_the_spot OR NOT :onTheSpot)
			  AND (decided_on IS NULL AND CAST(:decidedOn AS DATE) IS NULL
			       OR decided_on IS NOT NULL AND (CAST(:decidedOn AS DATE) IS NULL OR decided_on = :decidedOn)
			          AND promised_days IS NOT DISTINCT FROM :promisedDays
			          AND statutory_days IS NOT DISTINCT FROM :statutoryDays)
			""";

	private int insert(Map<String, @Nullable Object> row) {
		return jdbc.sql("""
				INSERT INTO supervision_case (case_number, item_code, department_code, region_code, applicant_region,
				       first_handler, state, stage, stage_rank, due_on, suspended, received_on, accepted_on,
				       last_event_at, warning, remaining_working_days, revision, closed_on, updated_at, channel,
				       processing_mode, joint, statutory_days, promised_days, statutory_due, promised_due, decided_on,
				       outcome, delivered_on, applicant_ref, extensions, responsible_department, responsible_person,
				       suspended_since, ever_red, on_the_spot, redirected, awaited_step, awaited_due, awaited_duty)
				VALUES (:number, :item, :department, :region, :applicantRegion, :firstHandler, :state, :stage, :rank,
				       :due, :suspended, :receivedOn, :acceptedOn, :at, :warning, :remaining, 0, :closedOn, :at,
				       :channel, :mode, :joint, :statutoryDays, :promisedDays, :statutoryDue, :promisedDue, :decidedOn,
				       :outcome, :deliveredOn, :ref, :extensions, :responsibleDepartment, :responsiblePerson,
				       :suspendedSince, :red, :onTheSpot, :redirected, :awaitedStep, :awaitedDue, :awaitedDuty)
				ON CONFLICT DO NOTHING
				""").paramSource(source(row)).update();
	}

	/** Typed parameters, so that PostgreSQL knows the type of a null. */
	static MapSqlParameterSource source(Map<String, @Nullable Object> row) {
		var source = new MapSqlParameterSource();
		row.forEach((k, v) -> {
			int type = switch (k) {
				case "due", "receivedOn", "acceptedOn", "closedOn", "statutoryDue", "promisedDue", "decidedOn",
						"deliveredOn", "suspendedSince", "awaitedDue" ->
					Types.DATE;
				case "remaining", "rank", "statutoryDays", "promisedDays", "extensions" -> Types.INTEGER;
				case "suspended", "joint", "red", "redirected", "onTheSpot", "awaitedDuty" -> Types.BOOLEAN;
				case "at" -> Types.TIMESTAMP;
				default -> Types.VARCHAR;
			};
			source.addValue(k, v instanceof LocalDate d ? Date.valueOf(d) : v, type);
		});
		return source;
	}

	private static int rank(CaseState state) {
		return switch (state) {
			case RECEIVED, AWAITING_CORRECTION -> 1;
			case ACCEPTED -> 2;
			case REVIEWED -> 3;
			case DECIDED -> 4;
			case DELIVERED, REFUSED, WITHDRAWN -> CLOSED_RANK;
		};
	}

}
