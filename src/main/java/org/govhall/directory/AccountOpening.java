package org.govhall.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govhall.shared.AuditEvent;
import org.govhall.shared.ConflictException;
import org.govhall.shared.GovHallException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.PlainText;
import org.govhall.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Opens accounts: staff accounts by an administrator (roles that need a second
 * administrator wait for one), accounts opened by the system (demo seeding, the first
 * administrator), and applicants' self-registration with its checks. Called inside the
 * transactions {@link Directory} opens.
 */
@Component
class AccountOpening {

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final RoleGrants grants;

	private final ReferenceData reference;

	private final Scopes scopes;

	private final DirectoryAudit audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AccountOpening(Accounts accounts, PasswordEncoder passwords, RoleGrants grants, ReferenceData reference,
			Scopes scopes, DirectoryAudit audit, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.grants = grants;
		this.reference = reference;
		this.scopes = scopes;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Opens an account as an administrator. Roles of review, approval, legal review,
	 * supervision and administration are not held at once (issue 12, separation of
	 * duties): the account is opened disabled with its other roles, and those roles wait
	 * for a second administrator ({@link AccountAdministration#confirm}).
	 */
	AccountView openAccount(AccountDraft draft, GovHallUser actor) {
		scopes.requireSystemAdmin(actor, draft.regionCode());
		Set<Role> waiting = EnumSet.noneOf(Role.class);
		draft.roles().stream().filter(Role::needsSecondAdministrator).forEach(waiting::add);
		AccountView opened = open(draft, waiting);
		audit.audit(actor.getUsername(), AuditEvent.roles(actor.scope().roles()), "directory.account-opened", opened);
		for (Role role : waiting) {
			grants.request(opened.id(), role, actor.getUsername(), true);
			audit.audit(actor, "directory.role-requested", opened.username(), "role=" + role + "; newAccount=true");
		}
		return opened;
	}

	/**
	 * Opens an account without an acting administrator: used by demo seeding and
	 * applicant self-registration.
	 */
	AccountView openAccount(AccountDraft draft) {
		return openAccount(draft, "directory.account-opened");
	}

	/**
	 * Opens an account without an acting administrator, audited as {@code action} by the
	 * system.
	 */
	AccountView openAccount(AccountDraft draft, String action) {
		AccountView opened = open(draft, Set.of());
		audit.audit(AuditEvent.SYSTEM, AuditEvent.SYSTEM, action, opened);
		return opened;
	}

	/**
	 * Opens the account with the draft's roles but {@code waiting}; with any waiting, the
	 * account is disabled.
	 */
	private AccountView open(AccountDraft draft, Set<Role> waiting) {
		PlainText.require(draft.displayName(), "displayName");
		if (accounts.existsByUsername(draft.username())) {
			throw new ConflictException("duplicate", "error.account.exists", draft.username());
		}
		PasswordPolicy.check(draft.password(), draft.username(), null);
		boolean staff = draft.roles().stream().anyMatch(Role::isStaff);
		if (staff && draft.regionCode() == null) {
			throw new InvalidInputException("scope-required", "error.account.regionRequired", "regionCode");
		}
		if (draft.regionCode() != null) {
			reference.requireRegion(draft.regionCode());
		}
		Long departmentId = null;
		if (draft.departmentCode() != null && !draft.departmentCode().isBlank()) {
			DepartmentView dep = reference.requireDepartment(draft.departmentCode());
			if (draft.regionCode() == null || !dep.regionCode().equals(draft.regionCode())) {
				throw new RuleViolationException("scope-mismatch", "error.account.departmentOutsideRegion");
			}
			departmentId = dep.id();
		}
		else if (draft.roles().contains(Role.DEPARTMENT_ADMIN)) {
			throw new InvalidInputException("scope-required", "error.account.departmentRequired", "departmentCode");
		}
		Set<Role> held = EnumSet.noneOf(Role.class);
		draft.roles().stream().filter(r -> !waiting.contains(r)).forEach(held::add);
		Account a = Account.open(draft.username(), passwords.encode(draft.password()), draft.displayName(), held,
				draft.regionCode(), departmentId, clock.instant());
		a.giveStaffNumber(staff ? draft.staffNumber() : null);
		if (!waiting.isEmpty()) {
			a.disable();
		}
		return AccountView.of(accounts.save(a), reference.departmentsById());
	}

	/**
	 * What is wrong with a registration on its own, one problem per field (name, identity
	 * number, username, password), looking nothing up: so that the form names them all at
	 * once instead of one per attempt. {@link #registerApplicant} checks them again, and
	 * what needs the accounts (taken username or identity).
	 */
	List<GovHallException> registrationProblems(ApplicantRegistration registration) {
		List<GovHallException> problems = new ArrayList<>();
		String number = null;
		try {
			PlainText.require(registration.legalName(), "legalName");
		}
		catch (GovHallException ex) {
			problems.add(ex);
		}
		try {
			if (registration.kind() != null && registration.identityNumber() != null
					&& !registration.identityNumber().isBlank()) {
				// the number alone: the name is checked in full when the account is
				// opened
				number = new ApplicantIdentity(registration.kind(), "-", registration.identityNumber()).number();
			}
		}
		catch (GovHallException ex) {
			problems.add(ex);
		}
		String username = registration.username();
		if (username != null && !username.isBlank()) {
			try {
				ReservedUsernames.refuse(username);
			}
			catch (GovHallException ex) {
				problems.add(ex);
			}
		}
		if (registration.password() != null && !registration.password().isBlank()) {
			try {
				PasswordPolicy.check(registration.password(), username == null ? "" : username, number);
			}
			catch (GovHallException ex) {
				problems.add(ex);
			}
		}
		return problems;
	}

	/**
	 * Opens an applicant's account; the identity number is checked (GB 11643 or GB 32100)
	 * before anything is stored.
	 */
	AccountView registerApplicant(ApplicantRegistration registration) {
		PlainText.require(registration.legalName(), "legalName");
		ApplicantIdentity identity = new ApplicantIdentity(registration.kind(), registration.legalName(),
				registration.identityNumber());
		ReservedUsernames.refuse(registration.username());
		accounts.findByVerifiedNumber(identity.number()).ifPresent(existing -> {
			// one verified account per person or organisation: say which account it is
			// (masked) and how to get it
			// back. A number only claimed by unverified accounts is no bar (ADR 0024):
			// the claim stays unverified
			throw new ConflictException("identity-registered", "error.applicant.identityRegistered",
					maskUsername(existing.username()));
		});
		if (accounts.existsByUsername(registration.username())) {
			throw new ConflictException("duplicate", "error.account.exists", registration.username());
		}
		PasswordPolicy.check(registration.password(), registration.username(), identity.number());
		Account a = Account.applicant(registration.username(), passwords.encode(registration.password()), identity,
				Blank.toNull(registration.phone()), clock.instant());
		AccountView registered = AccountView.of(accounts.save(a), Map.of());
		// the identity number stays out of the audit log (ADR 0010): only its kind is
		// recorded
		events.publishEvent(new AuditEvent(AuditEvent.ANONYMOUS, AuditEvent.ANONYMOUS, "directory.applicant-registered",
				registration.username(), "kind=" + identity.kind(), clock.instant()));
		return registered;
	}

	/**
	 * A username as a hint to its owner, not a list for strangers: {@code applicant} →
	 * {@code ap*****t}.
	 */
	static String maskUsername(String username) {
		if (username.length() <= 3) {
			return username.charAt(0) + "**";
		}
		return username.substring(0, 2) + "*".repeat(username.length() - 3) + username.charAt(username.length() - 1);
	}

}
