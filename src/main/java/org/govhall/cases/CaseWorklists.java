package org.govhall.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.govhall.calendar.HolidaySchedules;
import org.govhall.calendar.WorkingCalendar;
import org.govhall.calendar.YearNotLoadedException;
import org.govhall.directory.DepartmentView;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.shared.ForbiddenException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Work lists, sorted by the working days left: yellow when two or fewer remain, red when
 * overdue. Read straight from the case rows' queryable columns.
 */
@Service
public class CaseWorklists {

	private final JdbcClient jdbc;

	private final Directory directory;

	private final HolidaySchedules calendar;

	private final Clock clock;

	/** Yellow when this many working days or fewer remain. */
	private final int warningDays;

	CaseWorklists(JdbcClient jdbc, Directory directory, HolidaySchedules calendar, Clock clock,
			CasesSettings settings) {
		this.warningDays = settings.warningDays();
		this.jdbc = jdbc;
		this.directory = directory;
		this.calendar = calendar;
		this.clock = clock;
	}

	public List<CaseSummary> list(Worklist list, GovHallUser user) {
		Map<String, Object> params = new HashMap<>();
		// a co-department's list runs on its own sub-deadline (联审), not on the case's
		String coDepartment = list != Worklist.OPINIONS || user.scope().departmentId() == null ? null
				: directory.department(user.scope().departmentId()).map(DepartmentView::code).orElse(null);
		String where = switch (list) {
			case MINE -> {
				require(user, Role.APPLICANT);
				params.put("me", user.accountId());
				yield "applicant_account_id = :me";
			}
			case REPRESENTED -> {
				require(user, Role.AGENT);
				params.put("me", user.accountId());
				yield "agent_account_id = :me";
			}
			case FIRST_HANDLED -> {
				if (!user.scope().handlesCases()) {
					throw new ForbiddenException("error.forbidden.role");
				}
				params.put("me", user.getUsername());
				params.put("open", CaseState.open().stream().map(CaseState::name).sorted().toList());
				yield "first_handler = :me AND state IN (:open)";
			}
			case TO_ACCEPT, AWAITING_CORRECTION, TO_REVIEW, TO_DECIDE, TO_DELIVER -> {
				params.put("states", states(list));
				yield scoped(user, list.role(), "state IN (:states)", params);
			}
			case PROCEDURES -> {
				if (!user.scope().hasAny(Role.REVIEWER, Role.APPROVER)) {
					throw new ForbiddenException("error.forbidden.role");
				}
				// the parties' statements are listed until their period ends
				params.put("today", LocalDate.now(clock));
				yield covered(user, "awaited_step IS NOT NULL AND (awaited_duty OR awaited_due >= :today)", params);
			}
			case DOCUMENTS_OWED -> {
				if (!user.scope().handlesCases()) {
					throw new ForbiddenException("error.forbidden.role");
				}
				yield covered(user, "number IN (SELECT case_number FROM cases_document_owed WHERE issued_at IS NULL)",
						params);
			}
			case OPINIONS -> {
				require(user, Role.REVIEWER);
				if (coDepartment == null) {
					yield "1 = 0";
				}
				params.put("dep", "%," + coDepartment + ",%");
				params.put("states", states(list));
				yield "state IN (:states) AND pending_departments LIKE :dep";
			}
		};
		LocalDate today = LocalDate.now(clock);
		WorkingCalendar cal = calendar.calendar();
		return jdbc
			.sql("""
					SELECT number, item_code, terms_json, department_code, state, channel, applicant_name, received_on,
					       next_due, next_due_provisional, suspended, awaited_due, awaited_duty"""
					+ (coDepartment == null ? "" : ", document_json") + """

							FROM cases_case WHERE
							""" + where + " ORDER BY id DESC FETCH FIRST 500 ROWS ONLY")
			.params(params)
			.query((rs, n) -> {
				CaseState state = CaseState.valueOf(rs.getString("state"));
				boolean timed = state.clockRuns();
				// the nearer of the statutory and the promised due date; provisional
				// while its year has no schedule
				LocalDate due = timed ? rs.getObject("next_due", LocalDate.class) : null;
				boolean provisional = due != null && rs.getBoolean("next_due_provisional");
				if (coDepartment != null) {
					due = opinionDue(rs.getString("document_json"), coDepartment);
					provisional = false;
				}
				if (list == Worklist.PROCEDURES) {
					// the hearing's own due date runs while the decision clock stands;
					// statements awaited are the parties' to give, uncoloured
					timed = rs.getBoolean("awaited_duty");
					due = rs.getObject("awaited_due", LocalDate.class);
					provisional = false;
				}
				boolean suspended = list != Worklist.PROCEDURES && rs.getBoolean("suspended");
				CaseTerms terms = CaseJson.readTerms(rs.getString("terms_json"));
				Integer remaining = remaining(cal, today, due);
				CaseClock.Status colour = suspended ? CaseClock.Status.PAUSED
						: !timed ? CaseClock.Status.ON_TIME : CaseClock.colourOf(today, due, remaining, warningDays);
				CaseClock.Status status = provisional && !suspended ? CaseClock.Status.AWAITING_CALENDAR : colour;
				return new CaseSummary(rs.getString("number"), rs.getString("item_code"), terms.itemNameZh(),
						terms.itemNameEn(), rs.getString("department_code"), state,
						Channel.valueOf(rs.getString("channel")), rs.getString("applicant_name"),
						rs.getObject("received_on", LocalDate.class), due, provisional, remaining, status, colour,
						suspended);
			})
			.list()
			.stream()
			.sorted(Comparator.comparing(
					(CaseSummary s) -> s.remainingWorkingDays() == null ? Integer.MAX_VALUE : s.remainingWorkingDays()))
			.toList();
	}

	/** The states the list's step starts from, as stored. */
	private static List<String> states(Worklist list) {
		return Objects.requireNonNull(list.step()).from().stream().map(CaseState::name).sorted().toList();
	}

	private static @Nullable LocalDate opinionDue(String documentJson, String department) {
		return CaseJson.read(documentJson, CaseDocument.class)
			.opinions()
			.stream()
			.filter(o -> o.departmentCode().equals(department))
			.findFirst()
			.map(CaseRecords.Opinion::dueOn)
			.orElse(null);
	}

	private static @Nullable Integer remaining(WorkingCalendar cal, LocalDate today, @Nullable LocalDate due) {
		if (due == null) {
			return null;
		}
		try {
			return cal.countWorkingDaysForWarnings(today, due);
		}
		catch (YearNotLoadedException ex) {
			// beyond even the provisional calendar's years
			return null;
		}
	}

	private String scoped(GovHallUser user, @Nullable Role role, String condition, Map<String, Object> params) {
		require(user, role);
		return covered(user, condition, params);
	}

	/** The condition over the cases of the departments the user's scope covers. */
	private String covered(GovHallUser user, String condition, Map<String, Object> params) {
		List<String> departments = directory.departments()
			.stream()
			.filter(d -> directory.covers(user.scope(), d.regionCode(), d.id()))
			.map(DepartmentView::code)
			.toList();
		if (departments.isEmpty()) {
			return "1 = 0";
		}
		params.put("deps", departments);
		return condition + " AND department_code IN (:deps)";
	}

	private static void require(GovHallUser user, @Nullable Role role) {
		if (role == null || !user.scope().has(role)) {
			throw new ForbiddenException("error.forbidden.role");
		}
	}

}
