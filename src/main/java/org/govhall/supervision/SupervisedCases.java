package org.govhall.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govhall.calendar.HolidaySchedules;
import org.govhall.calendar.WorkingCalendar;
import org.govhall.cases.CaseEvent;
import org.govhall.cases.CaseFacts;
import org.govhall.cases.CaseState;
import org.govhall.supervision.WarningRules.Evaluation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The read model {@code supervision_open_case}, one row per case, written from {@link CaseEvent}s alone: each event
 * costs one or two single-row statements by primary key, whatever the number of cases. Events reach this listener
 * asynchronously and possibly out of order, so a row only moves forward (an earlier step's event never overwrites a
 * later one) and a closed case is never reopened.
 */
@Component
class SupervisedCases {

	/** Rows re-evaluated per read and per JDBC batch. */
	static final int BATCH = 500;

	private static final int CLOSED_RANK = 9;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final HolidaySchedules schedules;

	private final WarningRules rules;

	private final Clock clock;

	SupervisedCases(JdbcClient jdbc, JdbcTemplate template, HolidaySchedules schedules, WarningRules rules,
			Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.schedules = schedules;
		this.rules = rules;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(CaseEvent event) {
		record(event.facts());
	}

	/** Upserts the case's row from the facts: UPDATE, else INSERT, else (a concurrent insert won) UPDATE again. */
	void record(CaseFacts f) {
		Map<String, @Nullable Object> row = row(f);
		if (update(row) == 1) {
			return;
		}
		if (insert(row) == 1) {
			return;
		}
		update(row);
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
		row.put("remaining", e.remaining());
		row.put("closedOn", open ? null : today);
		return row;
	}

	private int update(Map<String, @Nullable Object> row) {
		return jdbc.sql("""
				UPDATE supervision_open_case SET item_code = :item, department_code = :department, region_code = :region,
				       applicant_region = :applicantRegion, first_handler = :firstHandler, state = :state, stage = :stage,
				       stage_rank = :rank, due_on = :due, suspended = :suspended, received_on = :receivedOn,
				       accepted_on = :acceptedOn, last_event_at = :at, warning = :warning,
				       remaining_working_days = :remaining, closed_on = :closedOn, updated_at = :at,
				       revision = revision + 1
				WHERE case_number = :number AND closed_on IS NULL AND stage_rank <= :rank
				""")
			.paramSource(source(row))
			.update();
	}

	private int insert(Map<String, @Nullable Object> row) {
		return jdbc.sql("""
				INSERT INTO supervision_open_case (case_number, item_code, department_code, region_code, applicant_region,
				       first_handler, state, stage, stage_rank, due_on, suspended, received_on, accepted_on,
				       last_event_at, warning, remaining_working_days, revision, closed_on, updated_at)
				VALUES (:number, :item, :department, :region, :applicantRegion, :firstHandler, :state, :stage, :rank,
				       :due, :suspended, :receivedOn, :acceptedOn, :at, :warning, :remaining, 0, :closedOn, :at)
				ON CONFLICT DO NOTHING
				""")
			.paramSource(source(row))
			.update();
	}

	/** Typed parameters, so that PostgreSQL knows the type of a null. */
	private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource source(
			Map<String, @Nullable Object> row) {
		var source = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource();
		row.forEach((k, v) -> {
			int type = switch (k) {
				case "due", "receivedOn", "acceptedOn", "closedOn" -> Types.DATE;
				case "remaining", "rank" -> Types.INTEGER;
				case "suspended" -> Types.BOOLEAN;
				case "at" -> Types.TIMESTAMP;
				default -> Types.VARCHAR;
			};
			source.addValue(k, v instanceof LocalDate d ? java.sql.Date.valueOf(d) : v, type);
		});
		return source;
	}

	private static int rank(CaseState state) {
		return switch (state) {
			case RECEIVED, AWAITING_CORRECTION -> 1;
			case ACCEPTED -> 2;
			case REVIEWED -> 3;
			case DECIDED -> 4;
			default -> CLOSED_RANK;
		};
	}

	/**
	 * Evaluates every open row again against today and the current calendar: rows are read in pages of
	 * {@value #BATCH} by case number and written back with one JDBC batch of plain UPDATEs per page, each guarded by
	 * the row's revision so that an event recorded meanwhile wins. Each page commits on its own, so a large table
	 * holds no long transaction. No case event is replayed.
	 *
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
					SELECT case_number, stage, due_on, suspended, revision FROM supervision_open_case
					WHERE closed_on IS NULL AND case_number > :after ORDER BY case_number FETCH FIRST %d ROWS ONLY
					""".formatted(BATCH))
				.param("after", after)
				.query(SupervisedCases::pending)
				.list();
			if (page.isEmpty()) {
				return total;
			}
			List<Object[]> args = new ArrayList<>(page.size());
			for (Pending p : page) {
				Evaluation e = rules.evaluate(p.stage, p.due, p.suspended, today, calendar);
				args.add(new Object[] { e.warning().name(), e.remaining(), at, p.number, p.revision });
			}
			int[] counts = template.batchUpdate("""
					UPDATE supervision_open_case SET warning = ?, remaining_working_days = ?, updated_at = ?
					WHERE case_number = ? AND revision = ?
					""", args, new int[] { Types.VARCHAR, Types.INTEGER, Types.TIMESTAMP, Types.VARCHAR,
					Types.BIGINT });
			for (int c : counts) {
				total += c == java.sql.Statement.SUCCESS_NO_INFO ? 1 : c;
			}
			after = page.get(page.size() - 1).number;
		}
	}

	private static Pending pending(ResultSet rs, int n) throws SQLException {
		return new Pending(rs.getString("case_number"), Stage.valueOf(rs.getString("stage")),
				rs.getObject("due_on", LocalDate.class), rs.getBoolean("suspended"), rs.getLong("revision"));
	}

	/** The open cases of the regions, at the warning levels, red first, then by the working days left. */
	List<SupervisedCase> open(Collection<String> regions, @Nullable String departmentCode, List<Warning> warnings,
			int limit) {
		if (regions.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT case_number, item_code, department_code, region_code, applicant_region, first_handler, state,
				       stage, due_on, suspended, received_on, accepted_on, warning, remaining_working_days, updated_at
				FROM supervision_open_case
				WHERE closed_on IS NULL AND region_code IN (:regions) AND warning IN (:warnings)
				  AND (:department = '' OR department_code = :department)
				ORDER BY CASE warning WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 ELSE 2 END,
				         remaining_working_days, due_on, case_number
				FETCH FIRST %d ROWS ONLY
				""".formatted(limit))
			.param("regions", regions)
			.param("warnings", warnings.stream().map(Enum::name).toList())
			.param("department", departmentCode == null ? "" : departmentCode)
			.query(SupervisedCases::supervised)
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
				remaining == null ? null : ((Number) remaining).intValue(), rs.getTimestamp("updated_at").toInstant());
	}

	private record Pending(String number, Stage stage, @Nullable LocalDate due, boolean suspended, long revision) {
	}

}
