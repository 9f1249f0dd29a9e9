package org.govhall.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.govhall.calendar.HolidaySchedules;
import org.govhall.calendar.YearNotLoadedException;
import org.govhall.cases.CaseState;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the read model for the workbench and the case timeline: the open cases, a case,
 * its steps and sub-deadlines, and the irregularities, each within a {@link Viewer}'s
 * scope where the caller asks so.
 */
@Component
class SupervisedCaseQueries {

	private final JdbcClient jdbc;

	private final HolidaySchedules schedules;

	SupervisedCaseQueries(JdbcClient jdbc, HolidaySchedules schedules) {
		this.jdbc = jdbc;
		this.schedules = schedules;
	}

	/**
	 * The open cases the viewer may see, at the warning levels, red first, then by the
	 * working days left.
	 */
	List<SupervisedCase> open(Viewer viewer, List<Warning> warnings, int limit) {
		return jdbc.sql("""
				SELECT * FROM supervision_case
				WHERE closed_on IS NULL AND warning IN (:warnings) AND %s
				ORDER BY CASE warning WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 ELSE 2 END,
				         remaining_working_days, due_on, case_number
				FETCH FIRST %d ROWS ONLY
				""".formatted(viewer.condition(""), limit))
			.params(viewer.params())
			.param("warnings", warnings.stream().map(Enum::name).toList())
			.query(SupervisedCaseQueries::supervised)
			.list();
	}

	/** The numbers of the cases, open or closed, that the viewer may see. */
	List<String> numbersHeldBy(Viewer viewer) {
		return jdbc.sql("SELECT case_number FROM supervision_case WHERE " + viewer.condition(""))
			.params(viewer.params())
			.query(String.class)
			.list();
	}

	Optional<SupervisedCase> find(String number) {
		return jdbc.sql("SELECT * FROM supervision_case WHERE case_number = :n")
			.param("n", number)
			.query(SupervisedCaseQueries::supervised)
			.optional();
	}

	/** The case's steps in order. */
	List<CaseTimeline.Step> steps(String number) {
		return jdbc.sql("""
				SELECT at, action, actor, actor_role, state, step FROM supervision_case_step WHERE case_number = :n
				ORDER BY at, action
				""")
			.param("n", number)
			.query((rs, n) -> new CaseTimeline.Step(rs.getTimestamp("at").toInstant(), rs.getString("action"),
					rs.getString("actor"), rs.getString("actor_role"), rs.getString("state"), rs.getString("step")))
			.list();
	}

	/**
	 * The act of procedure an open case waits for, with the working days left until it is
	 * due.
	 */
	Optional<CaseTimeline.Awaited> awaited(String number, LocalDate today) {
		return jdbc.sql("""
				SELECT awaited_step, awaited_due, awaited_duty FROM supervision_case
				WHERE case_number = :n AND closed_on IS NULL AND awaited_step IS NOT NULL
				  AND (awaited_duty OR awaited_due >= :today)
				""").param("n", number).param("today", today).query((rs, n) -> {
			LocalDate due = rs.getObject("awaited_due", LocalDate.class);
			Integer left = null;
			if (due != null) {
				try {
					left = schedules.calendar().countWorkingDaysForWarnings(today, due);
				}
				catch (YearNotLoadedException ex) {
					left = null;
				}
			}
			return new CaseTimeline.Awaited(rs.getString("awaited_step"), due, rs.getBoolean("awaited_duty"), left,
					due != null && today.isAfter(due));
		}).optional();
	}

	List<CaseTimeline.SubClock> subClocks(String number) {
		return jdbc.sql("""
				SELECT department_code, due_on, answered_on, late, warning, remaining_working_days
				FROM supervision_subclock WHERE case_number = :n ORDER BY department_code
				""")
			.param("n", number)
			.query((rs, n) -> new CaseTimeline.SubClock(rs.getString("department_code"),
					rs.getObject("due_on", LocalDate.class), rs.getObject("answered_on", LocalDate.class),
					rs.getBoolean("late"), Warning.valueOf(rs.getString("warning")),
					(Integer) rs.getObject("remaining_working_days", Integer.class)))
			.list();
	}

	/** Irregularities found in the viewer's scope, newest first. */
	List<Irregularity> irregularities(Viewer viewer, @Nullable String caseNumber, int limit) {
		return jdbc.sql("""
				SELECT * FROM supervision_irregularity
				WHERE (:n = '' OR case_number = :n) AND %s
				ORDER BY detected_on DESC, id DESC FETCH FIRST %d ROWS ONLY
				""".formatted(viewer.condition("irregularity"), limit))
			.params(viewer.params())
			.param("n", caseNumber == null ? "" : caseNumber)
			.query((rs, n) -> new Irregularity(rs.getString("case_number"),
					IrregularityRule.valueOf(rs.getString("rule")), Severity.valueOf(rs.getString("severity")),
					rs.getString("department_code"), rs.getString("region_code"), rs.getString("person"),
					rs.getObject("detected_on", LocalDate.class), rs.getString("detail")))
			.list();
	}

	private static SupervisedCase supervised(ResultSet rs, int n) throws SQLException {
		Object remaining = rs.getObject("remaining_working_days");
		return new SupervisedCase(rs.getString("case_number"), rs.getString("item_code"),
				rs.getString("department_code"), rs.getString("region_code"), rs.getString("applicant_region"),
				rs.getString("first_handler"), CaseState.valueOf(rs.getString("state")),
				Stage.valueOf(rs.getString("stage")), rs.getObject("due_on", LocalDate.class),
				rs.getBoolean("suspended"), rs.getObject("received_on", LocalDate.class),
				rs.getObject("accepted_on", LocalDate.class), Warning.valueOf(rs.getString("warning")),
				remaining == null ? null : ((Number) remaining).intValue(), rs.getTimestamp("updated_at").toInstant(),
				rs.getString("responsible_person"), rs.getObject("closed_on", LocalDate.class),
				rs.getObject("decided_on", LocalDate.class), rs.getString("channel"), rs.getBoolean("carded"));
	}

}
