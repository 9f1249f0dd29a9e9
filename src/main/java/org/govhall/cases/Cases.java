package org.govhall.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.govhall.cases.CaseRecords.AgentAuthorization;
import org.govhall.cases.CaseRecords.CaseApplicant;
import org.govhall.cases.CaseRecords.HistoryEntry;
import org.govhall.cases.CaseRecords.Opinion;
import org.govhall.directory.Role;
import org.govhall.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores cases: one row per case, written with its version checked so that of two
 * conflicting actions exactly one wins (the other gets 409), and its history appended in
 * the same transaction.
 */
@Repository
class Cases {

	private static final String COLUMNS = """
			id, number, query_code, state, channel, terms_json, applicant_json, authorization_json, first_handler,
			received_on, submitted_at, accepted_on, deemed_accepted, document_json, version, acceptance_due,
			decision_due, promised_due, delivery_due, next_due, next_due_provisional, awaits_calendar
			""";

	/** {@link #COLUMNS} of the case table named {@code c} in a join. */
	private static final String JOINED_COLUMNS = Arrays.stream(COLUMNS.split(","))
		.map(column -> "c." + column.strip())
		.collect(Collectors.joining(", "));

	private final JdbcClient jdbc;

	Cases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long nextNumber() {
		return jdbc.sql("SELECT nextval('cases_number_seq')").query(Long.class).single();
	}

	long nextCertificate() {
		return jdbc.sql("SELECT nextval('cases_certificate_seq')").query(Long.class).single();
	}

	Case insert(Case c) {
		jdbc.sql(
				"""
						INSERT INTO cases_case (number, query_code, state, channel, item_code, item_version, department_code,
						  region_code, applicant_kind, applicant_name, applicant_number, applicant_region, applicant_account_id,
						  agent_account_id, first_handler, received_on, submitted_at, accepted_on, deemed_accepted, decided_on,
						  closed_on, acceptance_due, decision_due, promised_due, delivery_due, next_due, next_due_provisional,
						  awaits_calendar, suspended, awaited_step, awaited_due, awaited_duty, pending_departments, terms_json, applicant_json, authorization_json, document_json, version)
						VALUES (:number, :queryCode, :state, :channel, :itemCode, :itemVersion, :departmentCode, :regionCode,
						  :applicantKind, :applicantName, :applicantNumber, :applicantRegion, :applicantAccountId,
						  :agentAccountId, :firstHandler, :receivedOn, :submittedAt, :acceptedOn, :deemedAccepted, :decidedOn,
						  :closedOn, :acceptanceDue, :decisionDue, :promisedDue, :deliveryDue, :nextDue, :nextDueProvisional,
						  :awaitsCalendar, :suspended, :awaitedStep, :awaitedDue, :awaitedDuty,
						  :pendingDepartments, :termsJson, :applicantJson, :authorizationJson, :documentJson, 0)
						""")
			.params(CaseColumns.of(c).values())
			.update();
		long id = jdbc.sql("SELECT id FROM cases_case WHERE number = :number")
			.param("number", c.number())
			.query(Long.class)
			.single();
		c.assignId(id);
		appendHistory(c);
		return c;
	}

	/**
	 * Writes the case's changes and appends its new history lines.
	 * @return the lines appended, as stored (a detail over 2,000 characters cut)
	 */
	List<HistoryEntry> update(Case c) {
		int rows = jdbc.sql("""
				UPDATE cases_case SET state = :state, first_handler = :firstHandler, received_on = :receivedOn,
				  accepted_on = :acceptedOn, deemed_accepted = :deemedAccepted, decided_on = :decidedOn,
				  closed_on = :closedOn, acceptance_due = :acceptanceDue, decision_due = :decisionDue,
				  promised_due = :promisedDue, delivery_due = :deliveryDue, next_due = :nextDue,
				  next_due_provisional = :nextDueProvisional, awaits_calendar = :awaitsCalendar, suspended = :suspended,
				  awaited_step = :awaitedStep, awaited_due = :awaitedDue, awaited_duty = :awaitedDuty,
				  pending_departments = :pendingDepartments, document_json = :documentJson,
				  authorization_json = :authorizationJson, version = version + 1
				WHERE id = :id AND version = :version
				""").params(CaseColumns.of(c).values()).param("id", c.id()).param("version", c.version()).update();
		if (rows == 0) {
			throw new ConflictException("concurrent-change", "error.case.concurrent", c.number());
		}
		c.versionSaved(c.version() + 1);
		return appendHistory(c);
	}

	private List<HistoryEntry> appendHistory(Case c) {
		List<HistoryEntry> appended = new ArrayList<>();
		for (HistoryEntry h : c.drainHistory()) {
			if (h.detail().length() > 2000) {
				h = new HistoryEntry(h.at(), h.actor(), h.role(), h.action(), h.from(), h.to(),
						h.detail().substring(0, 2000), h.step());
			}
			appended.add(h);
			jdbc.sql(
					"""
							INSERT INTO cases_history (case_id, happened_at, actor, actor_role, action, from_state, to_state, detail, step)
							VALUES (:caseId, :at, :actor, :role, :action, :from, :to, :detail, :step)
							""")
				.param("caseId", c.id())
				.param("at", Timestamp.from(h.at()))
				.param("actor", h.actor())
				.param("role", h.role().name())
				.param("action", h.action().name())
				.param("from", h.from() == null ? null : h.from().name())
				.param("to", h.to().name())
				.param("detail", h.detail())
				.param("step", h.step() == null ? null : h.step().name(), Types.VARCHAR)
				.update();
		}
		return appended;
	}

	Optional<Case> findByNumber(String number) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM cases_case WHERE number = :number")
			.param("number", number)
			.query((rs, n) -> read(rs))
			.optional();
	}

	Optional<Case> findById(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM cases_case WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> read(rs))
			.optional();
	}

	List<HistoryEntry> history(long caseId) {
		return jdbc.sql("""
				SELECT happened_at, actor, actor_role, action, from_state, to_state, detail, step FROM cases_history
				WHERE case_id = :id ORDER BY id
				""").param("id", caseId).query((rs, n) -> historyEntry(rs, "")).list();
	}

	/** A case with its history, oldest line first. */
	record WithHistory(Case c, List<HistoryEntry> history) {
	}

	/**
	 * The case and its history in one statement: what a step and the case page start
	 * from.
	 */
	Optional<WithHistory> findWithHistory(String number) {
		return jdbc.sql("SELECT " + JOINED_COLUMNS + """
				, h.id AS h_id, h.happened_at AS h_happened_at, h.actor AS h_actor, h.actor_role AS h_actor_role,
				h.action AS h_action, h.from_state AS h_from_state, h.to_state AS h_to_state, h.detail AS h_detail,
				h.step AS h_step
				FROM cases_case c LEFT JOIN cases_history h ON h.case_id = c.id
				WHERE c.number = :number ORDER BY h.id
				""").param("number", number).query(rs -> {
			Case c = null;
			List<HistoryEntry> history = new ArrayList<>();
			while (rs.next()) {
				if (c == null) {
					c = read(rs);
				}
				rs.getLong("h_id");
				if (!rs.wasNull()) {
					history.add(historyEntry(rs, "h_"));
				}
			}
			return c == null ? Optional.<WithHistory>empty() : Optional.of(new WithHistory(c, List.copyOf(history)));
		});
	}

	private static HistoryEntry historyEntry(ResultSet rs, String prefix) throws SQLException {
		String from = rs.getString(prefix + "from_state");
		String step = rs.getString(prefix + "step");
		return new HistoryEntry(rs.getTimestamp(prefix + "happened_at").toInstant(), rs.getString(prefix + "actor"),
				Role.valueOf(rs.getString(prefix + "actor_role")), CaseAction.valueOf(rs.getString(prefix + "action")),
				from == null ? null : CaseState.valueOf(from), CaseState.valueOf(rs.getString(prefix + "to_state")),
				rs.getString(prefix + "detail"), step == null ? null : CaseStep.valueOf(step));
	}

	/**
	 * Cases still received but past their acceptance due date: candidates for deemed
	 * acceptance.
	 */
	List<String> overdueForAcceptance(LocalDate today) {
		return jdbc.sql("""
				SELECT number FROM cases_case WHERE state = 'RECEIVED' AND acceptance_due < :today ORDER BY id
				""").param("today", today).query(String.class).list();
	}

	/**
	 * Open cases a calendar change of {@code year} may move: every open case received by
	 * the end of that year (including those whose due dates wait for that year's
	 * schedule).
	 */
	List<String> openCasesAround(int year) {
		return jdbc.sql("""
				SELECT number FROM cases_case
				WHERE state NOT IN ('DELIVERED', 'REFUSED', 'WITHDRAWN') AND received_on <= :yearEnd
				ORDER BY id
				""").param("yearEnd", LocalDate.of(year, 12, 31)).query(String.class).list();
	}

	static Case read(ResultSet rs) throws SQLException {
		Case c = new Case(rs.getLong("id"), rs.getString("number"), rs.getString("query_code"),
				CaseState.valueOf(rs.getString("state")), Channel.valueOf(rs.getString("channel")),
				CaseJson.readTerms(rs.getString("terms_json")),
				CaseJson.read(rs.getString("applicant_json"), CaseApplicant.class),
				CaseJson.readNullable(rs.getString("authorization_json"), AgentAuthorization.class),
				rs.getString("first_handler"), rs.getObject("received_on", LocalDate.class),
				rs.getTimestamp("submitted_at").toInstant(), rs.getObject("accepted_on", LocalDate.class),
				rs.getBoolean("deemed_accepted"), CaseJson.read(rs.getString("document_json"), CaseDocument.class),
				rs.getInt("version"));
		c.restoreDueDates(rs.getObject("acceptance_due", LocalDate.class),
				rs.getObject("decision_due", LocalDate.class), rs.getObject("promised_due", LocalDate.class),
				rs.getObject("delivery_due", LocalDate.class), rs.getObject("next_due", LocalDate.class),
				rs.getBoolean("next_due_provisional"), rs.getBoolean("awaits_calendar"));
		return c;
	}

	/** The column values of a case row. */
	record CaseColumns(Case c) {

		static CaseColumns of(Case c) {
			return new CaseColumns(c);
		}

		Map<String, Object> values() {
			Map<String, Object> m = new HashMap<>();
			CaseTerms t = c.terms();
			m.put("number", c.number());
			m.put("queryCode", c.queryCode());
			m.put("state", c.state().name());
			m.put("channel", c.channel().name());
			m.put("itemCode", t.itemCode());
			m.put("itemVersion", t.itemVersion());
			m.put("departmentCode", t.departmentCode());
			m.put("regionCode", t.regionCode());
			m.put("applicantKind", c.applicant().identity().kind().name());
			m.put("applicantName", c.applicant().identity().legalName());
			m.put("applicantNumber", c.applicant().identity().number());
			m.put("applicantRegion", c.applicant().region());
			m.put("applicantAccountId", c.applicant().accountId());
			m.put("agentAccountId", c.authorization() == null ? null : c.authorization().agentAccountId());
			m.put("firstHandler", c.firstHandler());
			m.put("receivedOn", c.receivedOn());
			m.put("submittedAt", Timestamp.from(c.submittedAt()));
			m.put("acceptedOn", c.acceptedOn());
			m.put("deemedAccepted", c.deemedAccepted());
			m.put("decidedOn", c.decision() == null ? null : c.decision().on());
			m.put("closedOn", c.state().isOpen() ? null : closedOn(c));
			m.put("acceptanceDue", c.acceptanceDue());
			m.put("decisionDue", c.decisionDue());
			m.put("promisedDue", c.promisedDue());
			m.put("deliveryDue", c.deliveryDue());
			m.put("nextDue", c.nextDue());
			m.put("nextDueProvisional", c.nextDueProvisional());
			m.put("awaitsCalendar", c.awaitsCalendar());
			m.put("suspended", c.openSuspension().isPresent());
			CaseFacts.Awaited awaited = c.awaited();
			m.put("awaitedStep", awaited == null ? null : awaited.step().name());
			m.put("awaitedDue", awaited == null ? null : awaited.due());
			m.put("awaitedDuty", awaited != null && awaited.duty());
			m.put("pendingDepartments",
					"," + c.opinions()
						.stream()
						.filter(o -> !o.given())
						.map(Opinion::departmentCode)
						.collect(Collectors.joining(",")) + ",");
			m.put("termsJson", CaseJson.writeTerms(t));
			m.put("applicantJson", CaseJson.write(c.applicant()));
			m.put("authorizationJson", CaseJson.writeNullable(c.authorization()));
			m.put("documentJson", CaseJson.write(c.document()));
			return m;
		}

		private static LocalDate closedOn(Case c) {
			CaseDocument d = c.document();
			if (d.delivery() != null) {
				return d.delivery().on();
			}
			if (d.refusal() != null) {
				return d.refusal().on();
			}
			return c.receivedOn();
		}

	}

}
