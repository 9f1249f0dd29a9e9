package org.govhall.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.govhall.shared.AuditEvent;
import org.govhall.shared.ConflictException;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do to accounts after opening them, and what owners do to their
 * passwords (issue 12, ADR 0023): a second administrator confirms the review, approval,
 * legal, supervision and administration roles a first one gave; accounts are disabled and
 * enabled again, roles removed, passwords changed by their owners and reset through a
 * verified channel ({@link PasswordResetChannel}) without the administrator ever seeing
 * the new password. Nobody disables or strips themself, and the last enabled system
 * administrator stays. Every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class AccountAdministration {

	/** How long a reset link may be used. */
	static final Duration RESET_VALID_FOR = Duration.ofMinutes(30);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Directory directory;

	private final Accounts accounts;

	private final RoleGrants grants;

	private final PasswordEncoder passwords;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<PasswordResetChannel> channels;

	AccountAdministration(Directory directory, Accounts accounts, RoleGrants grants, PasswordEncoder passwords,
			JdbcClient jdbc, Clock clock, ApplicationEventPublisher events,
			ObjectProvider<PasswordResetChannel> channels) {
		this.directory = directory;
		this.accounts = accounts;
		this.grants = grants;
		this.passwords = passwords;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
		this.channels = channels;
	}

	// ---- a second administrator

	/**
	 * The roles waiting for confirmation on accounts the administrator may administer,
	 * the oldest first.
	 */
	public List<PendingRole> pending(GovHallUser actor) {
		directory.requireSystemAdmin(actor, actor.scope().regionCode());
		return grants.all()
			.stream()
			.flatMap(w -> accounts.findById(w.accountId())
				.stream()
				.filter(a -> administers(actor, a))
				.map(a -> new PendingRole(a.username(), a.displayName(), w.role(), w.requestedBy(), w.requestedAt(),
						w.newAccount(), w.requestedBy().equals(actor.getUsername()))))
			.toList();
	}

	/**
	 * Confirms every role waiting on the account: they are held from now, and an account
	 * opened with them is enabled. The administrator who asked for any of them may not
	 * confirm (403).
	 */
	@Transactional
	public AccountView confirm(String username, GovHallUser actor) {
		Account a = administered(username, actor);
		List<RoleGrants.Waiting> waiting = waiting(a);
		if (waiting.stream().anyMatch(w -> w.requestedBy().equals(actor.getUsername()))) {
			throw new ForbiddenException("error.account.confirmOwn");
		}
		waiting.forEach(w -> a.grant(w.role()));
		boolean opening = waiting.stream().anyMatch(RoleGrants.Waiting::newAccount);
		if (opening) {
			a.enable();
		}
		grants.withdraw(a.id());
		AccountView saved = save(a);
		directory.audit(actor, "directory.roles-confirmed", username,
				"roles=" + AuditEvent.roles(waiting.stream().map(RoleGrants.Waiting::role).toList()) + "; requestedBy="
						+ String.join(",", waiting.stream().map(RoleGrants.Waiting::requestedBy).distinct().toList())
						+ (opening ? "; enabled=true" : ""));
		return saved;
	}

	/**
	 * Rejects every role waiting on the account; an account opened with them stays
	 * disabled.
	 */
	@Transactional
	public AccountView reject(String username, GovHallUser actor) {
		Account a = administered(username, actor);
		List<RoleGrants.Waiting> waiting = waiting(a);
		grants.withdraw(Objects.requireNonNull(a.id()));
		directory.audit(actor, "directory.roles-rejected", username,
				"roles=" + AuditEvent.roles(waiting.stream().map(RoleGrants.Waiting::role).toList()));
		return save(a);
	}

	/** The roles waiting on the account; 409 when none is. */
	private List<RoleGrants.Waiting> waiting(Account a) {
		List<RoleGrants.Waiting> waiting = grants.of(Objects.requireNonNull(a.id()));
		if (waiting.isEmpty()) {
			throw new ConflictException("nothing-pending", "error.account.nothingPending", a.username());
		}
		return waiting;
	}

	// ---- roles

	/**
	 * Gives a role: at once for a window clerk, otherwise it waits for a second
	 * administrator. Staff roles need a staff account (one with a region), a department
	 * administrator a department.
	 */
	@Transactional
	public AccountView grantRole(String username, Role role, GovHallUser actor) {
		Account a = administered(username, actor);
		notSelf(a, actor);
		if (a.roles().contains(role)) {
			throw new ConflictException("role-held", "error.account.roleHeld", username, role);
		}
		boolean staffAccount = a.regionCode() != null;
		if (role.isStaff() != staffAccount) {
			throw new RuleViolationException("role-scope", "error.account.roleScope", role);
		}
		if (role == Role.DEPARTMENT_ADMIN && a.departmentId() == null) {
			throw new RuleViolationException("role-scope", "error.account.departmentRequired");
		}
		if (role.needsSecondAdministrator()) {
			if (grants.of(Objects.requireNonNull(a.id())).stream().anyMatch(w -> w.role() == role)) {
				throw new ConflictException("role-waiting", "error.account.roleWaiting", username, role);
			}
			grants.request(a.id(), role, actor.getUsername(), false);
			directory.audit(actor, "directory.role-requested", username, "role=" + role + "; newAccount=false");
			return save(a);
		}
		a.grant(role);
		AccountView saved = save(a);
		directory.audit(actor, "directory.role-granted", username, "role=" + role);
		return saved;
	}

	/**
	 * Removes a role at once (or withdraws it while it waits). Not one's own, nor the
	 * last system administrator's.
	 */
	@Transactional
	public AccountView revokeRole(String username, Role role, GovHallUser actor) {
		Account a = administered(username, actor);
		notSelf(a, actor);
		if (!a.roles().contains(role)) {
			if (grants.withdraw(Objects.requireNonNull(a.id()), role) > 0) {
				directory.audit(actor, "directory.role-withdrawn", username, "role=" + role);
				return save(a);
			}
			throw new NotFoundException("error.account.roleNotHeld", username, role);
		}
		if (a.roles().size() == 1) {
			throw new ConflictException("last-role", "error.account.lastRole", username);
		}
		if (role == Role.SYSTEM_ADMIN && a.enabled()) {
			requireAnotherSystemAdmin(a);
		}
		a.revoke(role);
		AccountView saved = save(a);
		directory.audit(actor, "directory.role-removed", username, "role=" + role);
		return saved;
	}

	// ---- disabling

	/**
	 * Disables the account: it cannot sign in, and its open sessions stop working on
	 * their next request.
	 */
	@Transactional
	public AccountView disable(String username, GovHallUser actor) {
		Account a = administered(username, actor);
		notSelf(a, actor);
		if (!a.enabled()) {
			return save(a);
		}
		if (a.roles().contains(Role.SYSTEM_ADMIN)) {
			requireAnotherSystemAdmin(a);
		}
		a.disable();
		AccountView saved = save(a);
		directory.audit(actor, "directory.account-disabled", username, "roles=" + AuditEvent.roles(a.roles()));
		return saved;
	}

	/**
	 * Enables a disabled account again; one opened with roles still waiting is enabled
	 * only by confirming them.
	 */
	@Transactional
	public AccountView enable(String username, GovHallUser actor) {
		Account a = administered(username, actor);
		notSelf(a, actor);
		if (grants.of(Objects.requireNonNull(a.id())).stream().anyMatch(RoleGrants.Waiting::newAccount)) {
			throw new ConflictException("awaiting-confirmation", "error.account.awaitingConfirmation", username);
		}
		if (a.enabled()) {
			return save(a);
		}
		a.enable();
		AccountView saved = save(a);
		directory.audit(actor, "directory.account-enabled", username, "roles=" + AuditEvent.roles(a.roles()));
		return saved;
	}

	// ---- passwords

	/**
	 * The owner changes the password, knowing the current one; the new one must pass
	 * {@link PasswordPolicy}.
	 */
	@Transactional
	public void changePassword(GovHallUser user, String current, String next) {
		Account a = accounts.findById(user.accountId())
			.orElseThrow(() -> new NotFoundException("error.account.notFound", user.getUsername()));
		if (current == null || !passwords.matches(current, a.passwordHash())) {
			throw new InvalidInputException("wrong-password", "error.password.current", "currentPassword");
		}
		setPassword(a, next, "newPassword");
		events.publishEvent(new AuditEvent(user.getUsername(), AuditEvent.roles(user.scope().roles()),
				"directory.password-changed", user.getUsername(), "by=owner", clock.instant()));
	}

	/**
	 * Sends the owner a one-time reset link through the verified channel. The link
	 * carries a random token of 256 bits of which only a digest is kept; it may be used
	 * once within {@link #RESET_VALID_FOR}. Returns when it expires.
	 */
	@Transactional
	public Instant requestReset(String username, GovHallUser actor) {
		Account a = administered(username, actor);
		notSelf(a, actor);
		if (!a.enabled()) {
			throw new ConflictException("account-disabled", "error.reset.disabled", username);
		}
		PasswordResetChannel channel = channels.getIfAvailable();
		if (channel == null) {
			throw new ConflictException("no-channel", "error.reset.noChannel");
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant();
		Instant expires = now.plus(RESET_VALID_FOR);
		jdbc.sql("""
				INSERT INTO directory_password_reset (token_hash, account_id, requested_by, created_at, expires_at)
				VALUES (:hash, :account, :by, :at, :expires)
				""")
			.param("hash", digest(token))
			.param("account", a.id())
			.param("by", actor.getUsername())
			.param("at", Timestamp.from(now))
			.param("expires", Timestamp.from(expires))
			.update();
		channel.deliver(Objects.requireNonNull(a.id()), username, "/password-reset?token=" + token, expires);
		directory.audit(actor, "directory.password-reset-sent", username, "expires=" + expires);
		return expires;
	}

	/**
	 * Sets a new password with a reset token: once, before it expires, for an enabled
	 * account.
	 */
	@Transactional
	public void reset(String token, String next) {
		if (token == null || token.isBlank() || token.length() > 100) {
			throw new InvalidInputException("invalid-token", "error.reset.invalid", "token");
		}
		Instant now = clock.instant();
		// the expiry is compared here, on this node's clock (the demo's training clock
		// included), not in SQL
		Long accountId = jdbc.sql("""
				SELECT account_id, expires_at FROM directory_password_reset WHERE token_hash = :hash AND used_at IS NULL
				""")
			.param("hash", digest(token.strip()))
			.query((rs, n) -> rs.getTimestamp("expires_at").toInstant().isAfter(now) ? rs.getLong("account_id") : -1L)
			.optional()
			.filter(id -> id >= 0)
			.orElseThrow(() -> new InvalidInputException("invalid-token", "error.reset.invalid", "token"));
		Account a = accounts.findById(accountId)
			.filter(Account::enabled)
			.orElseThrow(() -> new InvalidInputException("invalid-token", "error.reset.invalid", "token"));
		int used = jdbc.sql("""
				UPDATE directory_password_reset SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL
				""").param("now", Timestamp.from(now)).param("hash", digest(token.strip())).update();
		if (used != 1) {
			// another request used it in between: this one changes nothing
			throw new InvalidInputException("invalid-token", "error.reset.invalid", "token");
		}
		setPassword(a, next, "newPassword");
		events.publishEvent(new AuditEvent(a.username(), AuditEvent.roles(a.roles()), "directory.password-changed",
				a.username(), "by=reset-link", now));
	}

	private void setPassword(Account a, @Nullable String next, String field) {
		if (next == null || next.length() < 10 || next.length() > 128) {
			throw new InvalidInputException("invalid-password", "error.password.size", field);
		}
		if (passwords.matches(next, a.passwordHash())) {
			throw new InvalidInputException("same-password", "error.password.same", field);
		}
		ApplicantIdentity identity = a.identity();
		PasswordPolicy.check(next, a.username(), identity == null ? null : identity.number());
		a.changePassword(passwords.encode(next));
		save(a);
		// every reset link still open for the account is spent: the password it was for
		// is gone
		jdbc.sql("UPDATE directory_password_reset SET used_at = :now WHERE account_id = :account AND used_at IS NULL")
			.param("now", Timestamp.from(clock.instant()))
			.param("account", a.id())
			.update();
	}

	static String digest(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// ---- the first administrator

	/**
	 * Opens the first system administrator of a province (the
	 * {@link CreateFirstAdministrator} command): refused when any system administrator
	 * exists; the username and password are checked as for every account. The province is
	 * installed first when the directory has no region yet and its names are given. With
	 * {@code second}, opens the second one while exactly one exists: the first could
	 * never get a second confirmed alone (ADR 0023).
	 */
	@Transactional
	public AccountView createFirstAdministrator(String username, String password, String displayName, String regionCode,
			@Nullable RegionDraft province, boolean second) {
		long administrators = jdbc.sql("SELECT COUNT(*) FROM directory_account_role WHERE role = 'SYSTEM_ADMIN'")
			.query(Long.class)
			.single();
		if (!second && administrators > 0) {
			throw new ConflictException("administrator-exists", "error.firstAdmin.exists");
		}
		if (second && administrators != 1) {
			// a second administrator is what confirms every later one: the command opens
			// it, and only it
			throw new ConflictException("administrator-exists", "error.firstAdmin.second");
		}
		checkFirstAdministrator(username, password);
		if (province != null && directory.regions().isEmpty()) {
			directory.seedRootRegion(province);
		}
		RegionView region = directory.requireRegion(regionCode);
		if (region.parentCode() != null) {
			throw new RuleViolationException("region-level", "error.firstAdmin.province", regionCode);
		}
		return directory.openAccount(
				new AccountDraft(username, password, displayName, Set.of(Role.SYSTEM_ADMIN), regionCode, null),
				second ? "directory.second-administrator-created" : "directory.first-administrator-created");
	}

	/**
	 * The checks of a first administrator's name and password that need no database, as
	 * for every account.
	 */
	static void checkFirstAdministrator(String username, String password) {
		if (username == null || !username.matches("[A-Za-z0-9._-]{3,64}")) {
			throw new InvalidInputException("invalid-username", "error.username.pattern", "username");
		}
		ReservedUsernames.refuse(username);
		if (password == null || password.length() < 10 || password.length() > 128) {
			throw new InvalidInputException("invalid-password", "error.password.size", "password");
		}
		PasswordPolicy.check(password, username, null);
	}

	// ---- helpers

	private Account administered(String username, GovHallUser actor) {
		Account a = accounts.findByUsername(username == null ? "" : username)
			.orElseThrow(() -> new NotFoundException("error.account.notFound", username));
		if (!administers(actor, a)) {
			throw new ForbiddenException("error.forbidden.scope");
		}
		return a;
	}

	/**
	 * Whether the actor is a system administrator whose region covers the account
	 * (applicants: the province's). Asked without an exception: one thrown inside the
	 * directory's transaction would mark the caller's for rollback.
	 */
	private boolean administers(GovHallUser actor, Account a) {
		String home = actor.scope().regionCode();
		if (!actor.scope().has(Role.SYSTEM_ADMIN) || home == null) {
			return false;
		}
		return a.regionCode() == null ? directory.lineage(home).size() == 1 : directory.isWithin(a.regionCode(), home);
	}

	private static void notSelf(Account a, GovHallUser actor) {
		if (a.username().equals(actor.getUsername())) {
			throw new ForbiddenException("error.account.self");
		}
	}

	private void requireAnotherSystemAdmin(Account a) {
		long others = jdbc.sql("""
				SELECT COUNT(*) FROM directory_account a JOIN directory_account_role r ON r.account_id = a.id
				WHERE r.role = 'SYSTEM_ADMIN' AND a.enabled = TRUE AND a.id <> :id
				""").param("id", a.id()).query(Long.class).single();
		if (others == 0) {
			throw new ConflictException("last-system-admin", "error.account.lastSystemAdmin");
		}
	}

	private AccountView save(Account a) {
		Map<Long, DepartmentView> byId = directory.departmentsById();
		return directory.view(accounts.save(a), byId);
	}

}
