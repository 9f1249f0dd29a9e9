package org.govhall.documents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Adds the receipt (收件凭证) to the kinds a document may be, and an issue key that makes
 * issuing a case's document once a database rule rather than a check-then-act. Written in
 * Java because the first migration's check on {@code kind} has no name of its own, and
 * PostgreSQL and H2 name it differently: it is found by its clause. Spring Boot hands
 * this bean to Flyway with the SQL migrations.
 */
@Component
class V2026_12_06_6__ReceiptKindAndIssueKey extends BaseJavaMigration {

	/** The kinds as of this migration; a later kind brings its own. */
	private static final List<String> KINDS = List.of("ACCEPTANCE_NOTICE", "REFUSAL_DECISION", "CORRECTION_NOTICE",
			"APPROVAL_DECISION", "DENIAL_DECISION", "CERTIFICATE", "EXTENSION_NOTICE", "SUSPENSION_NOTICE", "RECEIPT");

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		for (String name : kindChecks(connection)) {
			try (Statement s = connection.createStatement()) {
				s.execute("ALTER TABLE documents_document DROP CONSTRAINT \"" + name + "\"");
			}
		}
		String kinds = KINDS.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "));
		try (Statement s = connection.createStatement()) {
			s.execute("ALTER TABLE documents_document ADD CONSTRAINT documents_document_kind_check CHECK (kind IN ("
					+ kinds + "))");
			s.execute("ALTER TABLE documents_document ADD COLUMN issue_key VARCHAR(100)");
			s.execute("CREATE UNIQUE INDEX documents_document_issue_key_idx ON documents_document (issue_key)");
		}
	}

	/** The check constraints of the table whose clause lists the document kinds. */
	private static List<String> kindChecks(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (PreparedStatement q = connection.prepareStatement("""
				SELECT tc.constraint_name, cc.check_clause
				FROM information_schema.table_constraints tc
				JOIN information_schema.check_constraints cc
				  ON cc.constraint_schema = tc.constraint_schema AND cc.constraint_name = tc.constraint_name
				WHERE lower(tc.table_name) = 'documents_document' AND tc.constraint_type = 'CHECK'
				  AND lower(tc.table_schema) = lower(?)
				""")) {
			// the schema Flyway migrates: a database may hold GovHall's tables in other
			// schemas too
			q.setString(1, connection.getSchema());
			try (ResultSet rs = q.executeQuery()) {
				while (rs.next()) {
					if (rs.getString(2) != null && rs.getString(2).contains("ACCEPTANCE_NOTICE")
							&& !names.contains(rs.getString(1))) {
						names.add(rs.getString(1));
					}
				}
			}
		}
		if (names.isEmpty()) {
			throw new SQLException("the check on documents_document.kind was not found");
		}
		return names;
	}

}
