package org.govhall.directory;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.govhall.shared.AuditEvent;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.GovHallException;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is responsible for a case from receipt (首办负责制, issue 11 item 3): each department's
 * routing rule gives its online and agent cases a first handler, in turn among the window
 * clerks on duty who receive the department's cases (its own clerks and the clerks of its
 * region's comprehensive windows), or the named duty clerk while on duty. The turn may be
 * limited to the clerks at one window that serves the department (per department and
 * window); with nobody on duty there it falls back to all the department's clerks on
 * duty. With no clerk on duty, the department admin is responsible until someone hands
 * the case over. The department admin sets the rule and marks clerks on or off duty (on
 * leave) at their window; both are audited.
 */
@Service
@Transactional(readOnly = true)
public class CaseRouting {

	private final Directory directory;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	CaseRouting(Directory directory, Accounts accounts, JdbcClient jdbc, Clock clock,
			ApplicationEventPublisher events) {
		this.directory = directory;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * The enabled window clerks who receive a department's cases, on duty or not, in the
	 * order they were opened.
	 */
	public List<RoutingRule.Clerk> clerks(String departmentCode) {
		DepartmentView d = directory.requireDepartment(departmentCode);
		return jdbc
			.sql("""
					SELECT a.id, a.username, a.display_name, a.staff_number, a.on_duty, a.window_id FROM directory_account a
					JOIN directory_account_role r ON r.account_id = a.id AND r.role = 'WINDOW_CLERK'
					WHERE a.enabled AND (a.department_id = :department OR (a.department_id IS NULL AND a.region_code = :region))
					ORDER BY a.id
					""")
			.param("department", d.id())
			.param("region", d.regionCode())
			.query((rs, n) -> new RoutingRule.Clerk(rs.getLong("id"), rs.getString("username"),
					rs.getString("display_name"), rs.getString("staff_number"), rs.getBoolean("on_duty"),
					(Long) rs.getObject("window_id", Long.class)))
			.list();
	}

	/**
	 * The windows that serve the department (dedicated to it or comprehensive windows
	 * that take its cases).
	 */
	public List<RoutingRule.Window> windows(String departmentCode) {
		return directory.halls()
			.stream()
			.flatMap(h -> h.windows()
				.stream()
				.filter(w -> w.departmentCodes().contains(departmentCode))
				.map(w -> new RoutingRule.Window(w.id(), h.nameZh(), h.nameEn(), w.number(), w.nameZh(), w.nameEn())))
			.toList();
	}

	/** The window, if it serves the department; 422 naming it otherwise. */
	private @Nullable Long requireServing(String departmentCode, @Nullable Long windowId, String field) {
		if (windowId != null && windows(departmentCode).stream().noneMatch(w -> w.id() == windowId.longValue())) {
			throw new RuleViolationException("routing-window", "error.routing.window",
					List.of(new GovHallException.FieldViolation(field, "error.routing.window")), windowId);
		}
		return windowId;
	}

	/**
	 * Whether the login is an enabled window clerk of the department (see
	 * {@link #clerks}) and on duty.
	 */
	public boolean isActiveClerk(String departmentCode, String username) {
		return clerks(departmentCode).stream().anyMatch(c -> c.onDuty() && c.username().equals(username));
	}

	/**
	 * The first handler of a case of the department received online or through an agent,
	 * by its rule; in the caller's transaction, whose lock on the rule's row keeps the
	 * turns of two nodes apart. Empty only when the department has neither a clerk on
	 * duty nor an enabled department admin.
	 */
	@Transactional
	public Optional<String> firstHandler(String departmentCode) {
		Optional<DepartmentView> department = directory.department(departmentCode);
		if (department.isEmpty()) {
			return Optional.empty();
		}
		long id = department.get().id();
		List<RoutingRule.Clerk> active = clerks(departmentCode).stream().filter(RoutingRule.Clerk::onDuty).toList();
		if (active.isEmpty()) {
			return accounts.findByDepartmentId(id)
				.stream()
				.filter(a -> a.enabled() && a.roles().contains(Role.DEPARTMENT_ADMIN))
				.map(Account::username)
				.sorted()
				.findFirst();
		}
		if (turn(id) == 0) {
			ensureRule(id);
			turn(id);
		}
		Stored rule = stored(id).orElseThrow();
		if (rule.mode() == RoutingMode.DUTY_CLERK && rule.dutyAccountId() != null) {
			Optional<RoutingRule.Clerk> duty = active.stream()
				.filter(c -> c.accountId() == rule.dutyAccountId())
				.findFirst();
			if (duty.isPresent()) {
				return Optional.of(duty.get().username());
			}
		}
		if (rule.windowId() != null) {
			List<RoutingRule.Clerk> atWindow = active.stream()
				.filter(c -> rule.windowId().equals(c.windowId()))
				.toList();
			if (!atWindow.isEmpty()) {
				active = atWindow;
			}
		}
		return Optional.of(active.get((int) Math.floorMod(rule.turn() - 1, (long) active.size())).username());
	}

	/**
	 * Gives the department its default rule (in turn) unless it has one; two nodes at
	 * once make one.
	 */
	private void ensureRule(long departmentId) {
		jdbc.sql("""
				INSERT INTO directory_routing_rule (department_id, mode, turn) VALUES (:d, 'ROUND_ROBIN', 0)
				ON CONFLICT DO NOTHING
				""").param("d", departmentId).update();
	}

	/**
	 * Takes the next turn of the department's rule, holding its row for the transaction;
	 * 0 when it has no row.
	 */
	private int turn(long departmentId) {
		return jdbc.sql("UPDATE directory_routing_rule SET turn = turn + 1 WHERE department_id = :d")
			.param("d", departmentId)
			.update();
	}

	/**
	 * The department's rule with its clerks, for its department admin (or a system
	 * administrator above it).
	 */
	public RoutingRule rule(String departmentCode, GovHallUser actor) {
		DepartmentView d = requireAdmin(departmentCode, actor);
		List<RoutingRule.Clerk> clerks = clerks(departmentCode);
		Optional<Stored> stored = stored(d.id());
		List<RoutingRule.Window> windows = windows(departmentCode);
		if (stored.isEmpty()) {
			return new RoutingRule(departmentCode, RoutingMode.ROUND_ROBIN, null, null, null, null, clerks, windows);
		}
		Stored s = stored.get();
		String duty = s.dutyAccountId() == null ? null
				: accounts.findById(s.dutyAccountId()).map(Account::username).orElse(null);
		return new RoutingRule(departmentCode, s.mode(), duty, s.windowId(), s.updatedBy(), s.updatedAt(), clerks,
				windows);
	}

	/**
	 * Sets the department's rule; a named duty clerk must be one of its clerks on duty,
	 * and a window one that serves the department (422 otherwise).
	 */
	@Transactional
	public RoutingRule setRule(String departmentCode, RoutingDraft draft, GovHallUser actor) {
		DepartmentView d = requireAdmin(departmentCode, actor);
		Long windowId = requireServing(departmentCode, draft.windowId(), "windowId");
		Long dutyId = null;
		if (draft.mode() == RoutingMode.DUTY_CLERK) {
			String name = draft.dutyClerk();
			dutyId = clerks(departmentCode).stream()
				.filter(c -> c.onDuty() && c.username().equals(name))
				.map(RoutingRule.Clerk::accountId)
				.findFirst()
				.orElseThrow(() -> new RuleViolationException("duty-clerk", "error.routing.dutyClerk",
						List.of(new GovHallException.FieldViolation("dutyClerk", "error.routing.dutyClerk")),
						name == null ? "—" : name));
		}
		Instant now = clock.instant();
		ensureRule(d.id());
		jdbc.sql("""
				UPDATE directory_routing_rule SET mode = :mode, duty_account_id = :duty, window_id = :window,
				       updated_by = :by, updated_at = :at
				WHERE department_id = :d
				""")
			.param("mode", draft.mode().name())
			.param("duty", dutyId, Types.BIGINT)
			.param("window", windowId, Types.BIGINT)
			.param("by", actor.getUsername())
			.param("at", Timestamp.from(now))
			.param("d", d.id())
			.update();
		events.publishEvent(new AuditEvent(actor.getUsername(), AuditEvent.roles(actor.scope().roles()),
				"directory.routing-set", departmentCode,
				"mode=" + draft.mode() + (dutyId == null ? "" : "; dutyClerk=" + draft.dutyClerk())
						+ (windowId == null ? "" : "; window=" + windowId),
				now));
		return rule(departmentCode, actor);
	}

	/**
	 * Marks one of the department's clerks on or off duty (on leave, leaving the hall),
	 * gives the staff number and the window the clerk sits at (one that serves the
	 * department, 422 otherwise). A clerk off duty receives no new case; the cases
	 * already held stay until they are handed over.
	 */
	@Transactional
	public RoutingRule.Clerk setDuty(String departmentCode, String username, DutyDraft draft, GovHallUser actor) {
		requireAdmin(departmentCode, actor);
		Long windowId = requireServing(departmentCode, draft.windowId(), "windowId");
		RoutingRule.Clerk clerk = clerks(departmentCode).stream()
			.filter(c -> c.username().equals(username))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("error.routing.clerkNotFound", username));
		Account a = accounts.findById(clerk.accountId()).orElseThrow();
		a.setDuty(draft.staffNumber(), draft.onDuty());
		accounts.save(a);
		jdbc.sql("UPDATE directory_account SET window_id = :w WHERE id = :id")
			.param("w", windowId, Types.BIGINT)
			.param("id", a.id())
			.update();
		events.publishEvent(new AuditEvent(actor.getUsername(), AuditEvent.roles(actor.scope().roles()),
				"directory.duty-set", username,
				"department=" + departmentCode + "; onDuty=" + draft.onDuty() + "; staffNumber="
						+ (draft.staffNumber() == null ? "" : draft.staffNumber())
						+ (windowId == null ? "" : "; window=" + windowId),
				clock.instant()));
		return new RoutingRule.Clerk(clerk.accountId(), username, clerk.displayName(), draft.staffNumber(),
				draft.onDuty(), windowId);
	}

	/**
	 * The departments whose rule the user may set: a department admin's own, a system
	 * administrator's region's.
	 */
	public List<DepartmentView> departmentsFor(GovHallUser user) {
		StaffScope scope = user.scope();
		if (!scope.hasAny(Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN) || scope.regionCode() == null) {
			return List.of();
		}
		return directory.departments().stream().filter(d -> directory.covers(scope, d.regionCode(), d.id())).toList();
	}

	private DepartmentView requireAdmin(String departmentCode, GovHallUser actor) {
		DepartmentView d = directory.requireDepartment(departmentCode);
		StaffScope scope = actor.scope();
		if (!scope.hasAny(Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN)
				|| !directory.covers(scope, d.regionCode(), d.id())) {
			throw new ForbiddenException("error.forbidden.scope");
		}
		return d;
	}

	private Optional<Stored> stored(long departmentId) {
		return jdbc.sql("""
				SELECT mode, duty_account_id, window_id, turn, updated_by, updated_at FROM directory_routing_rule
				WHERE department_id = :d
				""")
			.param("d", departmentId)
			.query((rs, n) -> new Stored(RoutingMode.valueOf(rs.getString("mode")),
					(Long) rs.getObject("duty_account_id", Long.class), (Long) rs.getObject("window_id", Long.class),
					rs.getLong("turn"), rs.getString("updated_by"),
					rs.getTimestamp("updated_at") == null ? null : rs.getTimestamp("updated_at").toInstant()))
			.optional();
	}

	private record Stored(RoutingMode mode, @Nullable Long dutyAccountId, @Nullable Long windowId, long turn,
			@Nullable String updatedBy, @Nullable Instant updatedAt) {
	}

}
