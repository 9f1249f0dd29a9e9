package org.govhall.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Roles one administrator gave that wait for a second (issue 12): kept apart from the
 * roles an account holds, so that nothing that reads an account's roles (sign-in,
 * routing, scope checks) can see a role before it is confirmed.
 */
@Component
class RoleGrants {

	private final JdbcClient jdbc;

	private final Clock clock;

	RoleGrants(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A role waiting for confirmation: for which account, asked for by whom and when, and
	 * whether on opening it.
	 */
	record Waiting(long accountId, Role role, String requestedBy, Instant requestedAt, boolean newAccount) {
	}

	void request(long accountId, Role role, String by, boolean newAccount) {
		jdbc.sql("""
				INSERT INTO directory_role_grant (account_id, role, requested_by, requested_at, new_account)
				VALUES (:account, :role, :by, :at, :new)
				""")
			.param("account", accountId)
			.param("role", role.name())
			.param("by", by)
			.param("at", Timestamp.from(clock.instant()))
			.param("new", newAccount)
			.update();
	}

	List<Waiting> of(long accountId) {
		return jdbc.sql("SELECT * FROM directory_role_grant WHERE account_id = :account ORDER BY role")
			.param("account", accountId)
			.query((rs, n) -> waiting(rs))
			.list();
	}

	List<Waiting> all() {
		return jdbc.sql("SELECT * FROM directory_role_grant ORDER BY requested_at, account_id, role")
			.query((rs, n) -> waiting(rs))
			.list();
	}

	int withdraw(long accountId) {
		return jdbc.sql("DELETE FROM directory_role_grant WHERE account_id = :account")
			.param("account", accountId)
			.update();
	}

	int withdraw(long accountId, Role role) {
		return jdbc.sql("DELETE FROM directory_role_grant WHERE account_id = :account AND role = :role")
			.param("account", accountId)
			.param("role", role.name())
			.update();
	}

	private static Waiting waiting(ResultSet rs) throws SQLException {
		return new Waiting(rs.getLong("account_id"), Role.valueOf(rs.getString("role")), rs.getString("requested_by"),
				rs.getTimestamp("requested_at").toInstant(), rs.getBoolean("new_account"));
	}

}
