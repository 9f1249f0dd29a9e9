package org.govhall.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.govhall.shared.GovHallException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's API: who exists (regions, departments, halls, windows, accounts) and
 * whether a scope covers a region and department. Writes are for system administrators
 * whose region covers the target.
 *
 * <p>
 * A façade: it opens the transactions and hands each call to the package-private class
 * that does that one thing ({@link ReferenceData}, {@link ReferenceDataChanges},
 * {@link AccountOpening}, {@link AccountLookup}, {@link ApplicantIdentities},
 * {@link Scopes}, {@link DirectoryAudit}).
 */
@Service
@Transactional(readOnly = true)
public class Directory {

	private final ReferenceData reference;

	private final ReferenceDataChanges changes;

	private final AccountOpening opening;

	private final AccountLookup lookup;

	private final ApplicantIdentities identities;

	private final Scopes scopes;

	private final DirectoryAudit audit;

	Directory(ReferenceData reference, ReferenceDataChanges changes, AccountOpening opening, AccountLookup lookup,
			ApplicantIdentities identities, Scopes scopes, DirectoryAudit audit) {
		this.reference = reference;
		this.changes = changes;
		this.opening = opening;
		this.lookup = lookup;
		this.identities = identities;
		this.scopes = scopes;
		this.audit = audit;
	}

	/**
	 * What the reference data (regions, departments, halls, windows) is at: an opaque
	 * value, equal to an earlier one while none of them changed, so that a cache built
	 * from them knows when to build again.
	 */
	public Object referenceRevision() {
		return reference.revision();
	}

	// ---- regions

	public List<RegionView> regions() {
		return reference.regions();
	}

	public Optional<RegionView> region(String code) {
		return reference.region(code);
	}

	public RegionView requireRegion(String code) {
		return reference.requireRegion(code);
	}

	public List<RegionView> children(String code) {
		return reference.children(code);
	}

	/** The region and all its ancestors, nearest first. */
	public List<RegionView> lineage(String code) {
		return reference.lineage(code);
	}

	/** Whether {@code code} is {@code ancestor} or lies below it. */
	public boolean isWithin(String code, String ancestor) {
		return reference.isWithin(code, ancestor);
	}

	/** The region and every region below it. */
	public Set<String> regionAndBelow(String code) {
		return reference.regionAndBelow(code);
	}

	@Transactional
	public RegionView addRegion(RegionDraft draft, GovHallUser actor) {
		return changes.addRegion(draft, actor);
	}

	/**
	 * Installs the root province when the directory is empty, so that a first system
	 * administrator can be scoped to it; does nothing otherwise.
	 */
	@Transactional
	public void seedRootRegion(RegionDraft province) {
		changes.seedRootRegion(province);
	}

	// ---- departments

	public List<DepartmentView> departments() {
		return reference.departments();
	}

	public List<DepartmentView> departmentsOf(String regionCode) {
		return reference.departmentsOf(regionCode);
	}

	public Optional<DepartmentView> department(String code) {
		return reference.department(code);
	}

	public DepartmentView requireDepartment(String code) {
		return reference.requireDepartment(code);
	}

	public Optional<DepartmentView> department(long id) {
		return reference.department(id);
	}

	/** Departments by id, for rendering lists without a query per row. */
	public Map<Long, DepartmentView> departmentsById() {
		return reference.departmentsById();
	}

	@Transactional
	public DepartmentView addDepartment(DepartmentDraft draft, GovHallUser actor) {
		return changes.addDepartment(draft, actor);
	}

	@Transactional
	public DepartmentView updateDepartment(String code, DepartmentDraft draft, GovHallUser actor) {
		return changes.updateDepartment(code, draft, actor);
	}

	// ---- halls and windows

	/** Every hall with its windows, by region (from the snapshot). */
	public List<HallView> halls() {
		return reference.halls();
	}

	public List<HallView> hallsOf(String regionCode) {
		return reference.hallsOf(regionCode);
	}

	public HallView hall(long id) {
		return reference.hall(id);
	}

	@Transactional
	public HallView addHall(HallDraft draft, GovHallUser actor) {
		return changes.addHall(draft, actor);
	}

	@Transactional
	public HallView addWindow(long hallId, WindowDraft draft, GovHallUser actor) {
		return changes.addWindow(hallId, draft, actor);
	}

	// ---- accounts

	/**
	 * Accounts a system administrator may see: those scoped to the administrator's region
	 * or below; the province's administrators also see applicants and agents, who have no
	 * region.
	 */
	public List<AccountView> accounts(GovHallUser actor) {
		return lookup.accounts(actor);
	}

	AccountView view(Account a, Map<Long, DepartmentView> byId) {
		return AccountView.of(a, byId);
	}

	/**
	 * Opens an account as an administrator. Roles of review, approval, legal review,
	 * supervision and administration are not held at once (issue 12, separation of
	 * duties): the account is opened disabled with its other roles, and those roles wait
	 * for a second administrator ({@link AccountAdministration#confirm}).
	 */
	@Transactional
	public AccountView openAccount(AccountDraft draft, GovHallUser actor) {
		return opening.openAccount(draft, actor);
	}

	/**
	 * Opens an account without an acting administrator: used by demo seeding and
	 * applicant self-registration.
	 */
	@Transactional
	public AccountView openAccount(AccountDraft draft) {
		return opening.openAccount(draft);
	}

	/**
	 * Opens an account without an acting administrator, audited as {@code action} by the
	 * system.
	 */
	AccountView openAccount(AccountDraft draft, String action) {
		return opening.openAccount(draft, action);
	}

	/**
	 * What is wrong with a registration on its own, one problem per field (name, identity
	 * number, username, password), looking nothing up: so that the form names them all at
	 * once instead of one per attempt. {@link #registerApplicant} checks them again, and
	 * what needs the accounts (taken username or identity).
	 */
	public List<GovHallException> registrationProblems(ApplicantRegistration registration) {
		return opening.registrationProblems(registration);
	}

	/**
	 * Opens an applicant's account; the identity number is checked (GB 11643 or GB 32100)
	 * before anything is stored.
	 */
	@Transactional
	public AccountView registerApplicant(ApplicantRegistration registration) {
		return opening.registerApplicant(registration);
	}

	public boolean accountExists(String username) {
		return lookup.accountExists(username);
	}

	/**
	 * The identity of the verified account with that number: what a claim alone says is
	 * not offered as the person's (ADR 0024).
	 */
	public Optional<ApplicantIdentity> registeredIdentity(String number) {
		return identities.registeredIdentity(number);
	}

	/**
	 * The registered applicant account whose identity number or credit code (and its
	 * kind) is the applicant's: a case taken at the window or through an agent then shows
	 * in that account and its messages reach it.
	 */
	public Optional<Long> applicantAccount(ApplicantIdentity applicant) {
		return identities.applicantAccount(applicant);
	}

	/**
	 * Whether the person or organisation holds a verified account: then only they can
	 * give an agent authority, by confirming it there (ADR 0025), and a paper power of
	 * attorney is not taken instead.
	 */
	public boolean hasVerifiedAccount(ApplicantIdentity applicant) {
		return identities.hasVerifiedAccount(applicant);
	}

	/** The staff number (工号) of a login, if it has one. */
	public Optional<String> staffNumber(String username) {
		return lookup.staffNumber(username);
	}

	/**
	 * The enabled accounts of a department's staff that hold a role: whom that
	 * department's work reaches.
	 */
	public List<Long> staffOf(String departmentCode, Role role) {
		return lookup.staffOf(departmentCode, role);
	}

	/**
	 * The id of the account with that login, for addressing messages to it: one indexed
	 * read the first time, none after (at most 100 000 logins are remembered).
	 */
	public Optional<Long> accountIdOf(String username) {
		return lookup.accountIdOf(username);
	}

	/**
	 * The account as a principal, for work done on its behalf without a login (demo
	 * seeding, jobs).
	 */
	public Optional<GovHallUser> principal(String username) {
		return lookup.principal(username);
	}

	/**
	 * Marks a registered applicant's identity as verified. A second verified account for
	 * the same identity number is refused by the unique index on {@code verified_number}
	 * and answered as a conflict.
	 */
	@Transactional
	public void verifyApplicant(String username, Verification.Via via, String by) {
		identities.verifyApplicant(username, via, by);
	}

	/**
	 * A window clerk saw the original identity card or business licence of an applicant
	 * account's holder and records so: the account becomes verified (via WINDOW, by the
	 * clerk). 409 when another account already holds the number.
	 */
	@Transactional
	public void verifyAtWindow(String username, GovHallUser clerk) {
		identities.verifyAtWindow(username, clerk);
	}

	/**
	 * Applicant accounts a window clerk may look up to verify: by login or by the number
	 * the account claims.
	 */
	public List<ApplicantAccountView> findApplicants(String query, GovHallUser clerk) {
		return identities.findApplicants(query, clerk);
	}

	/**
	 * Signs in someone the unified identity platform vouched for: the verified account of
	 * that identity number, or a new verified applicant account when there is none. A
	 * local account that merely claimed the number is never taken over: it stays
	 * unverified (and can no longer be verified for that number).
	 * @return the login of the account to sign in as
	 */
	@Transactional
	public String signInThroughPlatform(PlatformIdentity platform) {
		return identities.signInThroughPlatform(platform);
	}

	/**
	 * The enterprise a person may file for today, by its credit code (ADR 0024): the
	 * person's account is verified and the person is the enterprise's legal
	 * representative, as the identity platform named them, or staff the enterprise
	 * authorised ({@link EnterpriseStaff}). Empty otherwise: nobody else files in an
	 * enterprise's name.
	 */
	public Optional<ApplicantIdentity> enterpriseActedForBy(GovHallUser person, String creditCode) {
		return identities.enterpriseActedForBy(person, creditCode);
	}

	// ---- scope

	/**
	 * Whether a scope covers a region and (when given) a department: its region must be
	 * the target's or above it, and a department-bound scope must name the same
	 * department.
	 */
	public boolean covers(StaffScope scope, String regionCode, @Nullable Long departmentId) {
		return scopes.covers(scope, regionCode, departmentId);
	}

	/**
	 * Records a directory change in the audit log (ADR 0010), in the transaction of the
	 * change.
	 */
	void audit(GovHallUser actor, String action, String subject, String detail) {
		audit.audit(actor, action, subject, detail);
	}

	void requireSystemAdmin(GovHallUser actor, @Nullable String regionCode) {
		scopes.requireSystemAdmin(actor, regionCode);
	}

}
