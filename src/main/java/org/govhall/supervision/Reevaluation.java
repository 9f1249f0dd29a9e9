package org.govhall.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.govhall.calendar.HolidaySchedules;
import org.govhall.calendar.WorkingCalendar;
import org.govhall.supervision.WarningRules.Evaluation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The daily re-evaluation of the read model: the remaining working days and the warning
 * of every open case and sub-deadline against today and the current calendar, and the
 * overdue ones still without a card. No case event is replayed; {@link SupervisedCases}
 * writes the rows from the events.
 */
@Component
class Reevaluation {

	/** Rows re-evaluated per read and per JDBC batch. */
	static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final HolidaySchedules schedules;

	private final WarningRules rules;

	private final Clock clock;

	private final HandlerAlerts alerts;

	Reevaluation(JdbcClient jdbc, JdbcTemplate template, HolidaySchedules schedules, WarningRules rules, Clock clock,
			HandlerAlerts alerts) {
		this.jdbc = jdbc;
		this.template = template;
		this.schedules = schedules;
		this.rules = rules;
		this.clock = clock;
		this.alerts = alerts;
	}

	/**
	 * Evaluates every open row again against today and the current calendar: rows are
	 * read in pages of {@value #BATCH} by case number and written back with one JDBC
	 * batch of plain UPDATEs per page, each guarded by the row's revision so that an
	 * event recorded meanwhile wins. Each page commits on its own, so a large table holds
	 * no long transaction. No case event is replayed.
	 * @return the number of rows re-evaluated
	 */
	int reevaluate() {
		LocalDate today = LocalDate.now(clock);
		Timestamp at = Timestamp.from(clock.instant());
		WorkingCalendar calendar = schedules.calendar();
		String after = "";
		int total = 0;
		while (true) {
			List<Pending> page = jdbc.sql("""
					SELECT case_number, stage, due_on, suspended, revision FROM supervision_case
					WHERE closed_on IS NULL AND case_number > :after ORDER BY case_number FETCH FIRST %d ROWS ONLY
					""".formatted(BATCH)).param("after", after).query(Reevaluation::pending).list();
			if (page.isEmpty()) {
				break;
			}
			List<Object[]> args = new ArrayList<>(page.size());
			for (Pending p : page) {
				Evaluation e = rules.evaluate(p.stage, p.due, p.suspended, today, calendar);
				args.add(new Object[] { e.warning().name(), e.remaining(), at, e.warning() == Warning.RED, p.number,
						p.revision });
			}
			int[] counts = template.batchUpdate("""
					UPDATE supervision_case SET warning = ?, remaining_working_days = ?, updated_at = ?,
					       ever_red = ever_red OR ?
					WHERE case_number = ? AND revision = ?
					""", args, new int[] { Types.VARCHAR, Types.INTEGER, Types.TIMESTAMP, Types.BOOLEAN, Types.VARCHAR,
					Types.BIGINT });
			for (int c : counts) {
				total += c == Statement.SUCCESS_NO_INFO ? 1 : c;
			}
			after = page.get(page.size() - 1).number;
		}
		reevaluateSubClocks(today, calendar);
		alerts.warnings();
		return total;
	}

	/** The sub-deadlines still waiting for an opinion, in pages like the cases. */
	private void reevaluateSubClocks(LocalDate today, WorkingCalendar calendar) {
		String after = "";
		while (true) {
			List<Object[]> page = jdbc.sql("""
					SELECT s.case_number, s.department_code, s.due_on, c.suspended FROM supervision_subclock s
					JOIN supervision_case c ON c.case_number = s.case_number
					WHERE s.answered_on IS NULL AND c.closed_on IS NULL
					  AND s.case_number || '/' || s.department_code > :after
					ORDER BY s.case_number || '/' || s.department_code FETCH FIRST %d ROWS ONLY
					""".formatted(BATCH))
				.param("after", after)
				.query((rs,
						n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
								rs.getBoolean(4) })
				.list();
			if (page.isEmpty()) {
				return;
			}
			List<Object[]> args = new ArrayList<>(page.size());
			for (Object[] p : page) {
				Evaluation e = rules.evaluate(Stage.OPINION, (LocalDate) p[2], (Boolean) p[3], today, calendar);
				args.add(new Object[] { e.warning().name(), e.remaining(), p[0], p[1] });
			}
			template.batchUpdate("""
					UPDATE supervision_subclock SET warning = ?, remaining_working_days = ?
					WHERE case_number = ? AND department_code = ? AND answered_on IS NULL
					""", args, new int[] { Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR });
			Object[] last = page.get(page.size() - 1);
			after = last[0] + "/" + last[1];
		}
	}

	/** Overdue cases and sub-deadlines that have no card yet. */
	List<String[]> redWithoutCard() {
		List<String[]> red = new ArrayList<>(jdbc.sql("""
				SELECT c.case_number FROM supervision_case c
				WHERE c.closed_on IS NULL AND c.warning = 'RED'
				  AND NOT EXISTS (SELECT 1 FROM supervision_card k WHERE k.case_number = c.case_number
				                  AND k.cause = 'CASE_OVERDUE')
				""").query((rs, n) -> new String[] { rs.getString(1), null }).list());
		red.addAll(jdbc.sql("""
				SELECT s.case_number, s.department_code FROM supervision_subclock s
				JOIN supervision_case k ON k.case_number = s.case_number
				WHERE s.answered_on IS NULL AND s.warning = 'RED' AND k.closed_on IS NULL
				  AND NOT EXISTS (SELECT 1 FROM supervision_card c WHERE c.case_number = s.case_number
				                  AND c.department_code = s.department_code AND c.cause = 'OPINION_OVERDUE')
				""").query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list());
		return red;
	}

	private static Pending pending(ResultSet rs, int n) throws SQLException {
		return new Pending(rs.getString("case_number"), Stage.valueOf(rs.getString("stage")),
				rs.getObject("due_on", LocalDate.class), rs.getBoolean("suspended"), rs.getLong("revision"));
	}

	private record Pending(String number, Stage stage, @Nullable LocalDate due, boolean suspended, long revision) {
	}

}
