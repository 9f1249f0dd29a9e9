package org.govhall.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.govhall.documents.DocumentKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The documents case steps owe and have not issued yet (文书未出具, ADR 0021), for the
 * department's workbench and for supervision. A step records what it owes in its own
 * transaction; whoever issues a document marks it issued; a failed attempt is recorded in
 * a transaction of its own, so that it survives the listener's rollback.
 */
@Service
public class DocumentsOwed {

	/** At most this many rows are listed. */
	public static final int LIMIT = 500;

	private static final String COLUMNS = "case_number, kind, department_code, owed_since, attempts, last_failed_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate separately;

	DocumentsOwed(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Records what a step owes, in the caller's transaction; a document already recorded
	 * stays as it is.
	 */
	void owe(String caseNumber, String departmentCode, List<CaseDocuments.Owed> owed) {
		Timestamp now = Timestamp.from(clock.instant());
		for (CaseDocuments.Owed o : owed) {
			jdbc.sql("""
					INSERT INTO cases_document_owed (issue_key, case_number, kind, department_code, owed_since)
					VALUES (:key, :caseNumber, :kind, :department, :at)
					ON CONFLICT DO NOTHING
					""")
				.param("key", o.key())
				.param("caseNumber", caseNumber)
				.param("kind", o.kind().name())
				.param("department", departmentCode)
				.param("at", now)
				.update();
		}
	}

	/** The document owed under this key was issued (or found issued before). */
	void issued(String key, @Nullable String documentNumber) {
		jdbc.sql("""
				UPDATE cases_document_owed SET issued_at = :at, document_number = :number
				WHERE issue_key = :key AND issued_at IS NULL
				""")
			.param("at", Timestamp.from(clock.instant()))
			.param("number", documentNumber, Types.VARCHAR)
			.param("key", key)
			.update();
	}

	/**
	 * An attempt to issue it failed: counted, with the error for the operators, whatever
	 * happens to the caller.
	 */
	void failed(String key, Throwable error) {
		String text = error.getClass().getSimpleName() + ": " + error.getMessage();
		separately.executeWithoutResult(status -> jdbc.sql("""
				UPDATE cases_document_owed
				SET attempts = attempts + 1, last_error = :error, last_failed_at = :at
				WHERE issue_key = :key AND issued_at IS NULL
				""")
			.param("error", text.length() > 500 ? text.substring(0, 500) : text)
			.param("at", Timestamp.from(clock.instant()))
			.param("key", key)
			.update());
	}

	/** The documents a case owes and has not issued, oldest first. */
	public List<OwedDocument> forCase(String caseNumber) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM cases_document_owed WHERE case_number = :n AND issued_at IS NULL"
					+ " ORDER BY owed_since, issue_key")
			.param("n", caseNumber)
			.query(DocumentsOwed::row)
			.list();
	}

	/**
	 * The documents not issued of the cases of these departments, oldest first, at most
	 * {@link #LIMIT}.
	 */
	public List<OwedDocument> forDepartments(Collection<String> departmentCodes) {
		if (departmentCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM cases_document_owed WHERE issued_at IS NULL"
				+ " AND department_code IN (:deps) ORDER BY owed_since, issue_key FETCH FIRST " + LIMIT + " ROWS ONLY")
			.param("deps", departmentCodes)
			.query(DocumentsOwed::row)
			.list();
	}

	/** Which of these cases owe a document not issued yet. */
	public Set<String> casesOwing(Collection<String> caseNumbers) {
		if (caseNumbers.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc
			.sql("SELECT DISTINCT case_number FROM cases_document_owed WHERE issued_at IS NULL"
					+ " AND case_number IN (:numbers)")
			.param("numbers", caseNumbers)
			.query(String.class)
			.list());
	}

	/** How many documents the cases of these departments owe and have not issued. */
	public int countForDepartments(Collection<String> departmentCodes) {
		if (departmentCodes.isEmpty()) {
			return 0;
		}
		return jdbc
			.sql("SELECT COUNT(*) FROM cases_document_owed WHERE issued_at IS NULL AND department_code IN (:deps)")
			.param("deps", departmentCodes)
			.query(Integer.class)
			.single();
	}

	private static OwedDocument row(ResultSet rs, int n) throws SQLException {
		Timestamp failedAt = rs.getTimestamp("last_failed_at");
		Instant since = rs.getTimestamp("owed_since").toInstant();
		return new OwedDocument(rs.getString("case_number"), DocumentKind.valueOf(rs.getString("kind")),
				rs.getString("department_code"), since, rs.getInt("attempts"),
				failedAt == null ? null : failedAt.toInstant());
	}

}
