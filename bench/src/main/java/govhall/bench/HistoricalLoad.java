package govhall.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14, item 5: a database that has worked for years. Copies two cases the benchmark has just run (one delivered,
 * one accepted and open) into {@code historical} closed and {@code open} open cases, with everything a case leaves in
 * every table a step writes or reads: the case and its history, its documents and the documents it owed, the
 * supervision row with its steps and sub-clocks, the audit rows, the inbox messages and the registry's delivery trail.
 * PostgreSQL only, one {@code INSERT … SELECT} over {@code generate_series} per table and kind.
 * <p>
 * The copies differ where a key must: their numbers (closed {@code 660100-2024-nnnnnnn}, open
 * {@code 660100-2025-nnnnnnn}, while the benchmark's own cases are numbered in the current year), their query codes
 * and applicants' numbers, their documents' numbers and issue keys. Their audit rows are loaded as sealed, with
 * negative sequence numbers below the chain the run writes (so the sealer and the chain head are the run's own; the
 * copies' hashes are not a chain, and the benchmark never verifies the log).
 */
final class HistoricalLoad {

	private HistoricalLoad() {
	}

	/** Loads the copies and returns the rows written per table. */
	static Map<String, Long> seed(JdbcClient jdbc, String closedTemplate, String openTemplate, int historical,
			int open) {
		Map<String, Long> rows = new LinkedHashMap<>();
		copy(jdbc, closedTemplate, "660100-2024-", historical, rows);
		copy(jdbc, openTemplate, "660100-2025-", open, rows);
		for (String table : rows.keySet()) {
			jdbc.sql("ANALYZE " + table).update();
		}
		return rows;
	}

	private static void copy(JdbcClient jdbc, String template, String prefix, int count, Map<String, Long> rows) {
		if (count <= 0) {
			return;
		}
		String number = "'" + prefix + "' || lpad(g::text, 7, '0')";
		String like = "'" + prefix + "%'";
		String tn = "'" + template + "'";
		long caseId = jdbc.sql("SELECT id FROM cases_case WHERE number = :n").param("n", template).query(Long.class).single();

		// the case, then everything that names it by its id or number
		add(rows, "cases_case", insert(jdbc, "cases_case", "t", Map.of("number", number, "query_code",
				"upper(substr(md5(g::text), 1, 8))", "applicant_number", "lpad(g::text, 18, '0')"),
				"FROM cases_case t, generate_series(1, " + count + ") g WHERE t.number = " + tn));
		add(rows, "cases_history", insert(jdbc, "cases_history", "h", Map.of("case_id", "c.id"),
				"FROM cases_case c JOIN cases_history h ON h.case_id = " + caseId + " WHERE c.number LIKE " + like));
		add(rows, "cases_document_owed",
				insert(jdbc, "cases_document_owed", "o",
						Map.of("case_number", "c.number", "issue_key",
								"c.number || substr(o.issue_key, " + (template.length() + 1) + ")"),
						"FROM cases_case c JOIN cases_document_owed o ON o.case_number = " + tn + " WHERE c.number LIKE "
								+ like));
		add(rows, "documents_document", insert(jdbc, "documents_document", "d",
				Map.of("case_number", "c.number", "number",
						"'H' || c.id || '-' || row_number() OVER (PARTITION BY c.id ORDER BY d.number)", "issue_key",
						"c.number || substr(d.issue_key, " + (template.length() + 1) + ")"),
				"FROM cases_case c JOIN documents_document d ON d.case_number = " + tn + " WHERE c.number LIKE " + like));
		add(rows, "supervision_case", insert(jdbc, "supervision_case", "s", Map.of("case_number", "c.number"),
				"FROM cases_case c JOIN supervision_case s ON s.case_number = " + tn + " WHERE c.number LIKE " + like));
		add(rows, "supervision_case_step", insert(jdbc, "supervision_case_step", "s", Map.of("case_number", "c.number"),
				"FROM cases_case c JOIN supervision_case_step s ON s.case_number = " + tn + " WHERE c.number LIKE "
						+ like));
		add(rows, "supervision_subclock", insert(jdbc, "supervision_subclock", "s", Map.of("case_number", "c.number"),
				"FROM cases_case c JOIN supervision_subclock s ON s.case_number = " + tn + " WHERE c.number LIKE "
						+ like));
		add(rows, "notification_message", insert(jdbc, "notification_message", "m", Map.of("case_number", "c.number"),
				"FROM cases_case c JOIN notification_message m ON m.case_number = " + tn + " WHERE c.number LIKE "
						+ like));
		long low = jdbc.sql("SELECT COALESCE(MIN(seq), 0) FROM audit_entry").query(Long.class).single();
		add(rows, "audit_entry", insert(jdbc, "audit_entry", "a", Map.of("subject", "c.number", "step_key",
				"c.number || substr(a.step_key, " + (template.length() + 1) + ")", "seq",
				"LEAST(" + low + ", 0) - row_number() OVER (ORDER BY c.id, a.id)", "sealed_at",
				"COALESCE(a.sealed_at, a.occurred_at)", "hash", "COALESCE(a.hash, 'loaded')", "prev_hash",
				"COALESCE(a.prev_hash, 'loaded')"),
				"FROM cases_case c JOIN audit_entry a ON a.subject = " + tn + " WHERE c.number LIKE " + like));
		add(rows, "event_publication_archive", insert(jdbc, "event_publication_archive", "p",
				Map.of("id", "gen_random_uuid()", "serialized_event", "replace(p.serialized_event, " + tn + ", c.number)"),
				"FROM cases_case c JOIN event_publication_archive p "
						+ "ON p.serialized_event LIKE '%' || " + tn + " || '%' WHERE c.number LIKE " + like));
	}

	private static void add(Map<String, Long> rows, String table, long n) {
		rows.merge(table, n, Long::sum);
	}

	/**
	 * {@code INSERT INTO table (every column but a generated id) SELECT …}: each column from {@code alias}, or its
	 * expression in {@code overrides}.
	 */
	private static long insert(JdbcClient jdbc, String table, String alias, Map<String, String> overrides,
			String from) {
		List<String> columns = new ArrayList<>(jdbc.sql("""
				SELECT column_name FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = :t
				  AND NOT (column_name = 'id' AND is_identity = 'YES')
				ORDER BY ordinal_position
				""").param("t", table).query(String.class).list());
		String select = columns.stream()
			.map(c -> overrides.getOrDefault(c.toLowerCase(Locale.ROOT), alias + "." + c))
			.collect(Collectors.joining(", "));
		long started = System.nanoTime();
		int n = jdbc.sql("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + select + " " + from)
			.update();
		System.out.printf("loaded: %,d rows into %s in %.1f s%n", n, table, (System.nanoTime() - started) / 1e9);
		return n;
	}

}
