package org.govhall.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds accounts: the list an administrator may see, whether a login exists, a login's id
 * and staff number, a department's staff with a role, and an account as a principal.
 */
@Component
class AccountLookup {

	private final Accounts accounts;

	private final ReferenceData reference;

	private final Scopes scopes;

	private final JdbcClient jdbc;

	/**
	 * Logins and their account ids never change (accounts are disabled, not deleted), so
	 * a node remembers them.
	 */
	private final Map<String, Long> accountIds = new ConcurrentHashMap<>();

	AccountLookup(Accounts accounts, ReferenceData reference, Scopes scopes, JdbcClient jdbc) {
		this.accounts = accounts;
		this.reference = reference;
		this.scopes = scopes;
		this.jdbc = jdbc;
	}

	/**
	 * Accounts a system administrator may see: those scoped to the administrator's region
	 * or below; the province's administrators also see applicants and agents, who have no
	 * region.
	 */
	List<AccountView> accounts(GovHallUser actor) {
		String region = actor.scope().regionCode();
		scopes.requireSystemAdmin(actor, region);
		Set<String> visible = reference.regionAndBelow(region);
		boolean provincial = reference.lineage(region).size() == 1;
		Map<Long, DepartmentView> byId = reference.departmentsById();
		return accounts.findAll()
			.stream()
			.filter(a -> a.regionCode() == null ? provincial : visible.contains(a.regionCode()))
			.sorted(Comparator.comparing(Account::username))
			.map(a -> AccountView.of(a, byId))
			.toList();
	}

	boolean accountExists(String username) {
		return accounts.existsByUsername(username);
	}

	/** The staff number (工号) of a login, if it has one. */
	Optional<String> staffNumber(String username) {
		return accounts.findByUsername(username).map(Account::staffNumber);
	}

	/**
	 * The enabled accounts of a department's staff that hold a role: whom that
	 * department's work reaches.
	 */
	List<Long> staffOf(String departmentCode, Role role) {
		return reference.department(departmentCode)
			.map(d -> accounts.findByDepartmentId(d.id())
				.stream()
				.filter(a -> a.enabled() && a.roles().contains(role))
				.map(Account::id)
				.toList())
			.orElse(List.of());
	}

	/**
	 * The id of the account with that login, for addressing messages to it: one indexed
	 * read the first time, none after (at most 100 000 logins are remembered).
	 */
	Optional<Long> accountIdOf(String username) {
		Long id = accountIds.get(username);
		if (id != null) {
			return Optional.of(id);
		}
		Optional<Long> found = jdbc.sql("SELECT id FROM directory_account WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.optional();
		if (found.isPresent() && accountIds.size() < 100_000) {
			accountIds.put(username, found.get());
		}
		return found;
	}

	/**
	 * The account as a principal, for work done on its behalf without a login (demo
	 * seeding, jobs).
	 */
	/**
	 * The account as a principal, with its roles, in one statement and without a
	 * transaction: every API request loads its caller (system/BasicCredentialCache), so
	 * that a disabled account is refused at once.
	 */
	Optional<GovHallUser> principal(String username) {
		return jdbc.sql("""
				SELECT a.id, a.username, a.password_hash, a.display_name, a.region_code, a.department_id, a.enabled,
				       a.identity_kind, a.identity_number, a.legal_name, a.phone, a.verified_at, a.verified_via,
				       a.verified_by, r.role
				FROM directory_account a LEFT JOIN directory_account_role r ON r.account_id = a.id
				WHERE a.username = :username
				""").param("username", username).query(rs -> {
			GovHallUser user = null;
			Set<Role> roles = EnumSet.noneOf(Role.class);
			while (rs.next()) {
				if (user == null) {
					user = principal(rs, roles);
				}
				String role = rs.getString("role");
				if (role != null) {
					roles.add(Role.valueOf(role));
				}
			}
			return Optional.ofNullable(user);
		});
	}

	/**
	 * The principal of the current row, with {@code roles} as its scope's roles (filled
	 * from the rows after it).
	 */
	private static GovHallUser principal(ResultSet rs, Set<Role> roles) throws SQLException {
		String kind = rs.getString("identity_kind");
		String number = rs.getString("identity_number");
		String legalName = rs.getString("legal_name");
		ApplicantIdentity identity = kind == null || number == null || legalName == null ? null
				: new ApplicantIdentity(IdentityKind.valueOf(kind), legalName, number);
		Timestamp verifiedAt = rs.getTimestamp("verified_at");
		String via = rs.getString("verified_via");
		String by = rs.getString("verified_by");
		Verification verification = verifiedAt == null || via == null || by == null ? null
				: new Verification(Verification.Via.valueOf(via), by, verifiedAt.toInstant());
		long departmentId = rs.getLong("department_id");
		Long department = rs.wasNull() ? null : departmentId;
		return new GovHallUser(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
				rs.getString("display_name"), new StaffScope(roles, rs.getString("region_code"), department),
				rs.getBoolean("enabled"), identity, rs.getString("phone"), verification);
	}

}
