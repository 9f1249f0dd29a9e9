package org.govhall.resilience;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.govhall.resilience.Ledger.Publication;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cases as committed, and what the event listeners made of them: the registry's
 * publications, the supervision read model (one {@code supervision_case} per case, one
 * {@code supervision_case_step} per step), the in-app messages (one
 * {@code notification_message} per event and recipient), the written notices (one
 * {@code documents_document} acceptance notice per accepted case) and, where the build
 * has it, the audit log (one {@code audit_entry} per step key). {@link #check} lists
 * every difference from what the cases' own rows and history say must be there, exactly
 * once.
 */
final class Effects {

	/** A case as its row and history say. */
	record CaseRow(long id, String number, String state, @Nullable Object acceptedOn, @Nullable String firstHandler,
			int version, @Nullable Long applicantAccountId, List<String> history) {
	}

	final Map<String, CaseRow> cases = new TreeMap<>();

	/** case → event → account → rows. */
	final Map<String, Map<String, Map<Long, Integer>>> messages = new HashMap<>();

	/** case → document kind → rows. */
	final Map<String, Map<String, Integer>> documents = new HashMap<>();

	final Map<String, String> supervisedState = new HashMap<>();

	final Map<String, Integer> supervisedRows = new HashMap<>();

	/** case → the actions of its recorded supervision steps. */
	final Map<String, List<String>> steps = new HashMap<>();

	/** Audit step keys written more than once. */
	final List<String> auditDuplicates = new ArrayList<>();

	final List<Publication> archived;

	final List<Publication> incomplete;

	private Effects(JdbcClient db) {
		Map<Long, List<String>> history = new HashMap<>();
		db.sql("SELECT case_id, action FROM cases_history ORDER BY id")
			.query((rs, n) -> history.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>())
				.add(rs.getString("action")))
			.list();
		db.sql("""
				SELECT id, number, state, accepted_on, first_handler, version, applicant_account_id FROM cases_case
				""").query((rs, n) -> {
			long id = rs.getLong("id");
			Object applicant = rs.getObject("applicant_account_id");
			return cases.put(rs.getString("number"), new CaseRow(id, rs.getString("number"), rs.getString("state"),
					rs.getObject("accepted_on"), rs.getString("first_handler"), rs.getInt("version"),
					applicant == null ? null : ((Number) applicant).longValue(), history.getOrDefault(id, List.of())));
		}).list();
		db.sql("SELECT case_number, event, account_id, COUNT(*) AS n FROM notification_message "
				+ "GROUP BY case_number, event, account_id")
			.query((rs, n) -> messages.computeIfAbsent(rs.getString("case_number"), k -> new TreeMap<>())
				.computeIfAbsent(rs.getString("event"), k -> new TreeMap<>())
				.put(rs.getLong("account_id"), rs.getInt("n")))
			.list();
		db.sql("SELECT case_number, kind, COUNT(*) AS n FROM documents_document GROUP BY case_number, kind")
			.query((rs, n) -> documents.computeIfAbsent(rs.getString("case_number"), k -> new TreeMap<>())
				.put(rs.getString("kind"), rs.getInt("n")))
			.list();
		db.sql("SELECT case_number, state FROM supervision_case").query((rs, n) -> {
			supervisedRows.merge(rs.getString("case_number"), 1, Integer::sum);
			return supervisedState.put(rs.getString("case_number"), rs.getString("state"));
		}).list();
		db.sql("SELECT case_number, action FROM supervision_case_step ORDER BY case_number, at, action")
			.query((rs, n) -> steps.computeIfAbsent(rs.getString("case_number"), k -> new ArrayList<>())
				.add(rs.getString("action")))
			.list();
		// the audit log (if this build has it) keeps one row per case step, keyed by the
		// step
		if (db.sql("SELECT to_regclass('audit_entry') IS NOT NULL").query(Boolean.class).single()) {
			db.sql("SELECT step_key, COUNT(*) AS n FROM audit_entry WHERE step_key IS NOT NULL GROUP BY step_key "
					+ "HAVING COUNT(*) > 1")
				.query((rs, n) -> auditDuplicates.add(rs.getString("step_key") + " ×" + rs.getInt("n")))
				.list();
		}
		this.archived = Ledger.archived(db);
		this.incomplete = Ledger.incomplete(db);
	}

	static Effects read(JdbcClient db) {
		return new Effects(db);
	}

	/**
	 * Every case is whole (state, dates, first handler, version and history agree:
	 * RECEIVED with its one history row, or ACCEPTED with RECEIVED and ACCEPTED), and
	 * every effect of its events is there exactly once.
	 */
	List<String> check(long clerkAccountId) {
		List<String> problems = new ArrayList<>();
		// the listeners each event type reached, over all cases: each case must have
		// reached each of them once
		Map<String, Set<String>> listenersByType = new TreeMap<>();
		Map<String, Map<String, Integer>> publicationsByCase = new HashMap<>();
		for (Publication p : archived) {
			if (p.caseNumber() == null || !p.eventType().contains("CaseEvent")) {
				continue;
			}
			listenersByType.computeIfAbsent(p.shortType(), k -> new TreeSet<>()).add(p.listener());
			publicationsByCase.computeIfAbsent(p.caseNumber(), k -> new HashMap<>())
				.merge(p.shortType() + " → " + p.listener(), 1, Integer::sum);
		}
		auditDuplicates.forEach(d -> problems.add("audit_entry has step " + d));
		for (Publication p : incomplete) {
			problems.add("publication " + p.id() + " (" + p.shortType() + " of " + p.caseNumber() + " for "
					+ p.listener() + ") never completed");
		}
		for (CaseRow c : cases.values()) {
			String n = c.number();
			List<String> expectedHistory;
			List<String> events;
			switch (c.state()) {
				case "RECEIVED" -> {
					expectedHistory = List.of("RECEIVED");
					events = List.of("Received");
					// responsible from receipt (首办负责制): routed to the city's only window
					// clerk
					if (c.acceptedOn() != null || !"clerk".equals(c.firstHandler())) {
						problems.add(n + " is RECEIVED but has accepted_on " + c.acceptedOn() + " / first handler "
								+ c.firstHandler());
					}
				}
				case "ACCEPTED" -> {
					expectedHistory = List.of("RECEIVED", "ACCEPTED");
					events = List.of("Received", "Accepted");
					if (c.acceptedOn() == null || !"clerk".equals(c.firstHandler())) {
						problems.add(n + " is ACCEPTED but has accepted_on " + c.acceptedOn() + " / first handler "
								+ c.firstHandler());
					}
				}
				default -> {
					problems.add(n + " is in state " + c.state() + ", which no request of the test asked for");
					continue;
				}
			}
			if (!c.history().equals(expectedHistory)) {
				problems.add(n + " (" + c.state() + ") has history " + c.history() + ", expected " + expectedHistory);
			}
			if (c.version() != expectedHistory.size() - 1) {
				problems.add(n + " (" + c.state() + ") has version " + c.version() + ", expected "
						+ (expectedHistory.size() - 1));
			}
			// the registry: one completed publication per event and listener
			Map<String, Integer> published = publicationsByCase.getOrDefault(n, Map.of());
			for (String type : events) {
				for (String listener : listenersByType.getOrDefault(type, Set.of())) {
					int count = published.getOrDefault(type + " → " + listener, 0);
					if (count != 1) {
						problems.add(n + ": " + count + " completed publications of " + type + " for " + listener);
					}
				}
			}
			for (String key : published.keySet()) {
				if (events.stream().noneMatch(e -> key.startsWith(e + " → "))) {
					problems.add(n + " (" + c.state() + ") has a publication " + key + " of a step it never took");
				}
			}
			// supervision: one row in the case's state, one step per history row
			int rows = supervisedRows.getOrDefault(n, 0);
			if (rows != 1) {
				problems.add(n + ": " + rows + " supervision_case rows");
			}
			else if (!c.state().equals(supervisedState.get(n))) {
				problems.add(n + " is " + c.state() + " but supervision_case says " + supervisedState.get(n));
			}
			List<String> recorded = steps.getOrDefault(n, List.of());
			if (!new TreeSet<>(recorded).equals(new TreeSet<>(expectedHistory))
					|| recorded.size() != expectedHistory.size()) {
				problems.add(n + ": supervision_case_step has " + recorded + ", expected " + expectedHistory);
			}
			// notifications: the applicant and the first handler (the clerk, routed at
			// receipt) hear of every step
			Map<String, Map<Long, Integer>> expected = new LinkedHashMap<>();
			expected.put("Received", Map.of(c.applicantAccountId(), 1, clerkAccountId, 1));
			if (c.state().equals("ACCEPTED")) {
				expected.put("Accepted", Map.of(c.applicantAccountId(), 1, clerkAccountId, 1));
			}
			Map<String, Map<Long, Integer>> got = messages.getOrDefault(n, Map.of());
			if (!got.equals(expected)) {
				problems
					.add(n + ": notification_message rows (event → account → rows) " + got + ", expected " + expected);
			}
			// documents: one acceptance notice per accepted case
			Map<String, Integer> docs = documents.getOrDefault(n, Map.of());
			Map<String, Integer> expectedDocs = c.state().equals("ACCEPTED") ? Map.of("ACCEPTANCE_NOTICE", 1)
					: Map.of();
			if (!docs.equals(expectedDocs)) {
				problems.add(n + ": documents " + docs + ", expected " + expectedDocs);
			}
		}
		return problems;
	}

}
