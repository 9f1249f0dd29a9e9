package org.govhall.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.govhall.shared.AuditEvent;
import org.govhall.shared.ConflictException;
import org.govhall.shared.CreditCode;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.GovHallException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.PlainText;
import org.govhall.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's API: who exists (regions, departments, halls, windows, accounts) and whether a scope covers a
 * region and department. Writes are for system administrators whose region covers the target.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

	private final Regions regions;

	private final Departments departments;

	private final Halls halls;

	private final ServiceWindows windows;

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final RoleGrants grants;

	Directory(Regions regions, Departments departments, Halls halls, ServiceWindows windows, Accounts accounts,
			PasswordEncoder passwords, Clock clock, JdbcClient jdbc, ApplicationEventPublisher events,
			RoleGrants grants) {
		this.grants = grants;
		this.events = events;
		this.jdbc = jdbc;
		this.regions = regions;
		this.departments = departments;
		this.halls = halls;
		this.windows = windows;
		this.accounts = accounts;
		this.passwords = passwords;
		this.clock = clock;
	}

	// ---- reference data snapshot

	/**
	 * Regions, departments, halls and windows change rarely and are read on every request (scope checks, names, a
	 * guide's handling places), so each node keeps them in memory and reloads them when the stored revision changes,
	 * checked at most once a second; writes on this node reload at once, and again once they have committed.
	 */
	private volatile Snapshot snapshot = Snapshot.EMPTY;

	/** What the stored reference data is at: per table, its rows and the sum of their versions. */
	private record Revision(long regions, long departments, long halls, long windows) {

		static final Revision NONE = new Revision(-1, -1, -1, -1);

	}

	private record Snapshot(Revision revision, Instant checkedAt, Map<String, RegionView> regions,
			Map<String, DepartmentView> departmentsByCode, Map<Long, DepartmentView> departmentsById,
			List<HallView> halls) {

		static final Snapshot EMPTY = new Snapshot(Revision.NONE, Instant.EPOCH, Map.of(), Map.of(), Map.of(),
				List.of());

		Snapshot checked(Instant at) {
			return new Snapshot(revision, at, regions, departmentsByCode, departmentsById, halls);
		}

	}

	private Snapshot snapshot() {
		Snapshot s = snapshot;
		Instant now = clock.instant();
		if (s.revision != Revision.NONE && s.checkedAt.plusSeconds(1).isAfter(now) && !now.isBefore(s.checkedAt)) {
			return s;
		}
		Revision revision = jdbc.sql("""
				SELECT (SELECT COUNT(*) + COALESCE(SUM(version), 0) FROM directory_region),
				       (SELECT COUNT(*) + COALESCE(SUM(version), 0) FROM directory_department),
				       (SELECT COUNT(*) + COALESCE(SUM(version), 0) FROM directory_hall),
				       (SELECT COUNT(*) + COALESCE(SUM(version), 0) FROM directory_service_window)
				""").query((rs, n) -> new Revision(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
		if (revision.equals(s.revision)) {
			s = s.checked(now);
		}
		else {
			Map<String, RegionView> r = new java.util.TreeMap<>();
			regions.findAll().forEach(x -> r.put(x.code(), x.view()));
			Map<String, DepartmentView> byCode = new java.util.TreeMap<>();
			Map<Long, DepartmentView> byId = new java.util.HashMap<>();
			departments.findAll().forEach(d -> {
				DepartmentView v = d.view();
				byCode.put(v.code(), v);
				byId.put(v.id(), v);
			});
			Map<Long, DepartmentView> departmentsById = Map.copyOf(byId);
			List<HallView> hallViews = halls.findAll()
				.stream()
				.sorted(Comparator.comparing(Hall::regionCode).thenComparing(Hall::id))
				.map(h -> hallView(h, departmentsById))
				.toList();
			s = new Snapshot(revision, now, Map.copyOf(r), java.util.Collections.unmodifiableMap(byCode),
					departmentsById, hallViews);
		}
		snapshot = s;
		return s;
	}

	/**
	 * Drops the snapshot after a write: at once, and again after the write commits, so that a snapshot another
	 * request reloaded in between, without the write, is not kept for a second.
	 */
	private void changed() {
		snapshot = Snapshot.EMPTY;
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
			org.springframework.transaction.support.TransactionSynchronizationManager
				.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCompletion(int status) {
						snapshot = Snapshot.EMPTY;
					}
				});
		}
	}

	// ---- regions

	public List<RegionView> regions() {
		return snapshot().regions.values().stream().sorted(Comparator.comparing(RegionView::code)).toList();
	}

	public Optional<RegionView> region(String code) {
		return Optional.ofNullable(snapshot().regions.get(code));
	}

	public RegionView requireRegion(String code) {
		return region(code).orElseThrow(() -> new NotFoundException("error.region.notFound", code));
	}

	public List<RegionView> children(String code) {
		return snapshot().regions.values().stream().filter(r -> code.equals(r.parentCode()))
			.sorted(Comparator.comparing(RegionView::code))
			.toList();
	}

	/** The region and all its ancestors, nearest first. */
	public List<RegionView> lineage(String code) {
		Map<String, RegionView> all = snapshot().regions;
		List<RegionView> chain = new ArrayList<>();
		RegionView current = all.get(code);
		while (current != null && chain.size() < 8) {
			chain.add(current);
			current = current.parentCode() == null ? null : all.get(current.parentCode());
		}
		return chain;
	}

	/** Whether {@code code} is {@code ancestor} or lies below it. */
	public boolean isWithin(String code, String ancestor) {
		return lineage(code).stream().anyMatch(r -> r.code().equals(ancestor));
	}

	/** The region and every region below it. */
	public Set<String> regionAndBelow(String code) {
		Map<String, List<RegionView>> byParent = snapshot().regions.values().stream()
			.filter(r -> r.parentCode() != null)
			.collect(Collectors.groupingBy(r -> r.parentCode()));
		Set<String> result = new HashSet<>();
		List<String> todo = new ArrayList<>(List.of(code));
		while (!todo.isEmpty()) {
			String next = todo.remove(todo.size() - 1);
			if (result.add(next)) {
				byParent.getOrDefault(next, List.of()).forEach(r -> todo.add(r.code()));
			}
		}
		return result;
	}

	@Transactional
	public RegionView addRegion(RegionDraft draft, GovHallUser actor) {
		if (draft.parentCode() == null) {
			requireSystemAdmin(actor, null);
			if (draft.level() != RegionLevel.PROVINCE) {
				throw new RuleViolationException("region-level", "error.region.parentRequired");
			}
		}
		else {
			requireSystemAdmin(actor, draft.parentCode());
			RegionView parent = requireRegion(draft.parentCode());
			if (parent.level() == RegionLevel.COUNTY || draft.level() != parent.level().child()) {
				throw new RuleViolationException("region-level", "error.region.levelMismatch", draft.level(),
						parent.level());
			}
		}
		if (regions.existsById(draft.code())) {
			throw new ConflictException("duplicate", "error.region.exists", draft.code());
		}
		RegionView added = regions
			.save(Region.create(draft.code(), draft.nameZh(), draft.nameEn(), draft.level(), draft.parentCode()))
			.view();
		changed();
		audit(actor, "directory.region-added", draft.code(),
				"level=" + draft.level() + "; parent=" + draft.parentCode());
		return added;
	}

	/**
	 * Installs the root province when the directory is empty, so that a first system administrator can be scoped to
	 * it; does nothing otherwise.
	 */
	@Transactional
	public void seedRootRegion(RegionDraft province) {
		if (province.level() != RegionLevel.PROVINCE || province.parentCode() != null) {
			throw new RuleViolationException("region-level", "error.region.parentRequired");
		}
		if (regions.count() == 0) {
			regions.save(Region.create(province.code(), province.nameZh(), province.nameEn(), RegionLevel.PROVINCE,
					null));
			changed();
			events.publishEvent(new AuditEvent(AuditEvent.SYSTEM, AuditEvent.SYSTEM, "directory.region-added",
					province.code(), "level=PROVINCE; parent=null", clock.instant()));
		}
	}

	// ---- departments

	public List<DepartmentView> departments() {
		return snapshot().departmentsByCode.values().stream()
			.sorted(Comparator.comparing(DepartmentView::regionCode).thenComparing(DepartmentView::code))
			.toList();
	}

	public List<DepartmentView> departmentsOf(String regionCode) {
		return snapshot().departmentsByCode.values().stream().filter(d -> d.regionCode().equals(regionCode))
			.sorted(Comparator.comparing(DepartmentView::code))
			.toList();
	}

	public Optional<DepartmentView> department(String code) {
		return Optional.ofNullable(snapshot().departmentsByCode.get(code));
	}

	public DepartmentView requireDepartment(String code) {
		return department(code).orElseThrow(() -> new NotFoundException("error.department.notFound", code));
	}

	public Optional<DepartmentView> department(long id) {
		return Optional.ofNullable(snapshot().departmentsById.get(id));
	}

	/** Departments by id, for rendering lists without a query per row. */
	public Map<Long, DepartmentView> departmentsById() {
		return snapshot().departmentsById;
	}

	@Transactional
	public DepartmentView addDepartment(DepartmentDraft draft, GovHallUser actor) {
		requireRegion(draft.regionCode());
		requireSystemAdmin(actor, draft.regionCode());
		checkCreditCode(draft.creditCode());
		if (departments.findByCode(draft.code()).isPresent()) {
			throw new ConflictException("duplicate", "error.department.exists", draft.code());
		}
		Department d = new Department(null, draft.code(), draft.nameZh(), draft.nameEn(), draft.regionCode(),
				draft.kind(), blankToNull(draft.creditCode()), draft.approvalDivisionZh(), draft.approvalDivisionEn(),
				draft.phone(), null);
		DepartmentView added = departments.save(d).view();
		changed();
		audit(actor, "directory.department-added", draft.code(), "region=" + draft.regionCode());
		return added;
	}

	@Transactional
	public DepartmentView updateDepartment(String code, DepartmentDraft draft, GovHallUser actor) {
		Department d = departments.findByCode(code)
			.orElseThrow(() -> new NotFoundException("error.department.notFound", code));
		requireSystemAdmin(actor, d.regionCode());
		if (!d.code().equals(draft.code()) || !d.regionCode().equals(draft.regionCode())) {
			throw new RuleViolationException("immutable-field", "error.department.immutable");
		}
		checkCreditCode(draft.creditCode());
		d.update(draft);
		DepartmentView updated = departments.save(d).view();
		changed();
		audit(actor, "directory.department-updated", code, "region=" + d.regionCode());
		return updated;
	}

	private static void checkCreditCode(@Nullable String code) {
		if (code != null && !code.isBlank() && !CreditCode.isValid(code)) {
			throw new InvalidInputException("invalid-credit-code", "error.creditCode.invalid", "creditCode");
		}
	}

	// ---- halls and windows

	/** Every hall with its windows, by region (from the snapshot). */
	public List<HallView> halls() {
		return snapshot().halls;
	}

	public List<HallView> hallsOf(String regionCode) {
		return snapshot().halls.stream().filter(h -> h.regionCode().equals(regionCode)).toList();
	}

	public HallView hall(long id) {
		return snapshot().halls.stream()
			.filter(h -> h.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("error.hall.notFound", id));
	}

	private HallView hallView(Hall hall) {
		return hallView(hall, departmentsById());
	}

	private HallView hallView(Hall hall, Map<Long, DepartmentView> byId) {
		List<WindowView> ws = windows.findByHallId(hall.id()).stream()
			.map(w -> w.view(w.departmentIds().stream()
				.map(id -> byId.containsKey(id) ? byId.get(id).code() : String.valueOf(id))
				.sorted()
				.toList()))
			.sorted(Comparator.comparing(WindowView::number))
			.toList();
		return hall.view(ws);
	}

	@Transactional
	public HallView addHall(HallDraft draft, GovHallUser actor) {
		requireRegion(draft.regionCode());
		requireSystemAdmin(actor, draft.regionCode());
		HallView added = hallView(halls.save(Hall.create(draft)));
		changed();
		audit(actor, "directory.hall-added", String.valueOf(added.id()), "region=" + draft.regionCode());
		return added;
	}

	@Transactional
	public HallView addWindow(long hallId, WindowDraft draft, GovHallUser actor) {
		Hall hall = halls.findById(hallId).orElseThrow(() -> new NotFoundException("error.hall.notFound", hallId));
		requireSystemAdmin(actor, hall.regionCode());
		if (windows.existsByHallIdAndNumber(hallId, draft.number())) {
			throw new ConflictException("duplicate", "error.window.exists", draft.number());
		}
		if (draft.kind() == WindowKind.DEDICATED && draft.departmentCodes().size() != 1) {
			throw new RuleViolationException("window-kind", "error.window.dedicatedOne");
		}
		Set<Long> ids = new HashSet<>();
		for (String code : draft.departmentCodes()) {
			ids.add(requireDepartment(code).id());
		}
		windows.save(ServiceWindow.open(hallId, draft.number(), draft.nameZh(), draft.nameEn(), draft.kind(), ids));
		changed();
		audit(actor, "directory.window-added", hallId + "/" + draft.number(),
				"kind=" + draft.kind() + "; departments=" + draft.departmentCodes());
		return hallView(hall);
	}

	// ---- accounts

	/**
	 * Accounts a system administrator may see: those scoped to the administrator's region or below; the province's
	 * administrators also see applicants and agents, who have no region.
	 */
	public List<AccountView> accounts(GovHallUser actor) {
		String region = actor.scope().regionCode();
		requireSystemAdmin(actor, region);
		Set<String> visible = regionAndBelow(region);
		boolean provincial = lineage(region).size() == 1;
		Map<Long, DepartmentView> byId = departmentsById();
		return accounts.findAll().stream()
			.filter(a -> a.regionCode() == null ? provincial : visible.contains(a.regionCode()))
			.sorted(Comparator.comparing(Account::username))
			.map(a -> view(a, byId))
			.toList();
	}

	AccountView view(Account a, Map<Long, DepartmentView> byId) {
		Long dep = a.departmentId();
		return new AccountView(a.id() == null ? 0 : a.id(), a.username(), a.displayName(), a.roles(), a.regionCode(),
				dep == null || !byId.containsKey(dep) ? null : byId.get(dep).code(), a.enabled());
	}

	/**
	 * Opens an account as an administrator. Roles of review, approval, legal review, supervision and administration
	 * are not held at once (issue 12, separation of duties): the account is opened disabled with its other roles, and
	 * those roles wait for a second administrator ({@link AccountAdministration#confirm}).
	 */
	@Transactional
	public AccountView openAccount(AccountDraft draft, GovHallUser actor) {
		requireSystemAdmin(actor, draft.regionCode());
		Set<Role> waiting = EnumSet.noneOf(Role.class);
		draft.roles().stream().filter(Role::needsSecondAdministrator).forEach(waiting::add);
		AccountView opened = open(draft, waiting);
		audit(actor.getUsername(), AuditEvent.roles(actor.scope().roles()), "directory.account-opened", opened);
		for (Role role : waiting) {
			grants.request(opened.id(), role, actor.getUsername(), true);
			audit(actor, "directory.role-requested", opened.username(), "role=" + role + "; newAccount=true");
		}
		return opened;
	}

	/** Opens an account without an acting administrator: used by demo seeding and applicant self-registration. */
	@Transactional
	public AccountView openAccount(AccountDraft draft) {
		return openAccount(draft, "directory.account-opened");
	}

	/** Opens an account without an acting administrator, audited as {@code action} by the system. */
	AccountView openAccount(AccountDraft draft, String action) {
		AccountView opened = open(draft, Set.of());
		audit(AuditEvent.SYSTEM, AuditEvent.SYSTEM, action, opened);
		return opened;
	}

	/** Opens the account with the draft's roles but {@code waiting}; with any waiting, the account is disabled. */
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
			requireRegion(draft.regionCode());
		}
		Long departmentId = null;
		if (draft.departmentCode() != null && !draft.departmentCode().isBlank()) {
			DepartmentView dep = requireDepartment(draft.departmentCode());
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
		return view(accounts.save(a), departmentsById());
	}

	/**
	 * What is wrong with a registration on its own, one problem per field (name, identity number, username, password),
	 * looking nothing up: so that the form names them all at once instead of one per attempt.
	 * {@link #registerApplicant} checks them again, and what needs the accounts (taken username or identity).
	 */
	public List<GovHallException> registrationProblems(ApplicantRegistration registration) {
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
				// the number alone: the name is checked in full when the account is opened
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

	/** Opens an applicant's account; the identity number is checked (GB 11643 or GB 32100) before anything is stored. */
	@Transactional
	public AccountView registerApplicant(ApplicantRegistration registration) {
		PlainText.require(registration.legalName(), "legalName");
		ApplicantIdentity identity = new ApplicantIdentity(registration.kind(), registration.legalName(),
				registration.identityNumber());
		ReservedUsernames.refuse(registration.username());
		accounts.findByVerifiedNumber(identity.number()).ifPresent(existing -> {
			// one verified account per person or organisation: say which account it is (masked) and how to get it
			// back. A number only claimed by unverified accounts is no bar (ADR 0024): the claim stays unverified
			throw new ConflictException("identity-registered", "error.applicant.identityRegistered",
					maskUsername(existing.username()));
		});
		if (accounts.existsByUsername(registration.username())) {
			throw new ConflictException("duplicate", "error.account.exists", registration.username());
		}
		PasswordPolicy.check(registration.password(), registration.username(), identity.number());
		Account a = Account.applicant(registration.username(), passwords.encode(registration.password()), identity,
				Blank.toNull(registration.phone()), clock.instant());
		AccountView registered = view(accounts.save(a), Map.of());
		// the identity number stays out of the audit log (ADR 0010): only its kind is recorded
		events.publishEvent(new AuditEvent(AuditEvent.ANONYMOUS, AuditEvent.ANONYMOUS,
				"directory.applicant-registered", registration.username(), "kind=" + identity.kind(), clock.instant()));
		return registered;
	}

	/** A username as a hint to its owner, not a list for strangers: {@code applicant} → {@code ap*****t}. */
	static String maskUsername(String username) {
		if (username.length() <= 3) {
			return username.charAt(0) + "**";
		}
		return username.substring(0, 2) + "*".repeat(username.length() - 3) + username.charAt(username.length() - 1);
	}

	public boolean accountExists(String username) {
		return accounts.existsByUsername(username);
	}

	/**
	 * The identity of the verified account with that number: what a claim alone says is not offered as the person's
	 * (ADR 0024).
	 */
	public Optional<ApplicantIdentity> registeredIdentity(String number) {
		return accounts.findByVerifiedNumber(number).map(Account::identity);
	}

	/**
	 * The registered applicant account whose identity number or credit code (and its kind) is the applicant's: a case
	 * taken at the window or through an agent then shows in that account and its messages reach it.
	 */
	public Optional<Long> applicantAccount(ApplicantIdentity applicant) {
		// only the verified holder's account: a case of the real person never shows in an account that merely
		// claimed the number (ADR 0024)
		return accounts.findByVerifiedNumber(applicant.number())
			.filter(a -> a.enabled() && a.roles().contains(Role.APPLICANT) && a.identity() != null
					&& a.identity().kind() == applicant.kind())
			.map(Account::id);
	}

	/**
	 * Whether the person or organisation holds a verified account: then only they can give an agent authority, by
	 * confirming it there (ADR 0025), and a paper power of attorney is not taken instead.
	 */
	public boolean hasVerifiedAccount(ApplicantIdentity applicant) {
		return accounts.findByVerifiedNumber(applicant.number())
			.filter(a -> a.enabled() && a.identity() != null && a.identity().kind() == applicant.kind())
			.isPresent();
	}

	/** The staff number (工号) of a login, if it has one. */
	public Optional<String> staffNumber(String username) {
		return accounts.findByUsername(username).map(Account::staffNumber);
	}

	/** The enabled accounts of a department's staff that hold a role: whom that department's work reaches. */
	public List<Long> staffOf(String departmentCode, Role role) {
		return department(departmentCode)
			.map(d -> accounts.findByDepartmentId(d.id())
				.stream()
				.filter(a -> a.enabled() && a.roles().contains(role))
				.map(Account::id)
				.toList())
			.orElse(List.of());
	}

	/** The account as a principal, for work done on its behalf without a login (demo seeding, jobs). */
	/** Logins and their account ids never change (accounts are disabled, not deleted), so a node remembers them. */
	private final Map<String, Long> accountIds = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The id of the account with that login, for addressing messages to it: one indexed read the first time, none
	 * after (at most 100 000 logins are remembered).
	 */
	public Optional<Long> accountIdOf(String username) {
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

	public Optional<GovHallUser> principal(String username) {
		return accounts.findByUsername(username).map(a -> new GovHallUser(a.id(), a.username(), a.passwordHash(),
				a.displayName(), new StaffScope(a.roles(), a.regionCode(), a.departmentId()), a.enabled(),
				a.identity(), a.phone(), a.verification()));
	}

	/**
	 * Marks a registered applicant's identity as verified. A second verified account for the same identity number is
	 * refused by the unique index on {@code verified_number} and answered as a conflict.
	 */
	@Transactional
	public void verifyApplicant(String username, Verification.Via via, String by) {
		verify(username, via, by, by);
	}

	private void verify(String username, Verification.Via via, String by, String role) {
		Verification verification = new Verification(via, by, clock.instant());
		Account a = accounts.findByUsername(username)
			.orElseThrow(() -> new NotFoundException("error.account.notFound", username));
		ApplicantIdentity identity = a.identity();
		if (identity == null || !a.roles().contains(Role.APPLICANT)) {
			throw new RuleViolationException("no-identity", "error.account.noIdentity");
		}
		if (a.verification() != null) {
			return;
		}
		// another account holds the number verified: this claim can never be verified for it (ADR 0024)
		if (accounts.findByVerifiedNumber(identity.number()).isPresent()) {
			throw new ConflictException("identity-verified-elsewhere", "error.account.identityVerifiedElsewhere");
		}
		a.verify(verification);
		try {
			accounts.save(a);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("identity-verified-elsewhere", "error.account.identityVerifiedElsewhere");
		}
		// the identity number stays out of the audit log (ADR 0010)
		events.publishEvent(new AuditEvent(by, role, "directory.identity-verified", username,
				"via=" + verification.via() + "; kind=" + identity.kind(), clock.instant()));
	}

	/**
	 * A window clerk saw the original identity card or business licence of an applicant account's holder and records
	 * so: the account becomes verified (via WINDOW, by the clerk). 409 when another account already holds the number.
	 */
	@Transactional
	public void verifyAtWindow(String username, GovHallUser clerk) {
		if (!clerk.scope().has(Role.WINDOW_CLERK)) {
			throw new ForbiddenException("error.forbidden.role");
		}
		verify(username, Verification.Via.WINDOW, clerk.getUsername(), AuditEvent.roles(clerk.scope().roles()));
	}

	/** Applicant accounts a window clerk may look up to verify: by login or by the number the account claims. */
	public List<ApplicantAccountView> findApplicants(String query, GovHallUser clerk) {
		if (!clerk.scope().has(Role.WINDOW_CLERK)) {
			throw new ForbiddenException("error.forbidden.role");
		}
		if (query.isBlank()) {
			return List.of();
		}
		String q = query.strip().toUpperCase(java.util.Locale.ROOT);
		List<Account> found = new ArrayList<>(accounts.findByIdentityNumber(q));
		accounts.findByUsername(query.strip()).filter(a -> !found.contains(a)).ifPresent(found::add);
		return found.stream()
			.filter(a -> a.roles().contains(Role.APPLICANT) && a.identity() != null)
			.sorted(Comparator.comparing(Account::username))
			.map(Directory::applicantView)
			.toList();
	}

	static ApplicantAccountView applicantView(Account a) {
		ApplicantIdentity identity = java.util.Objects.requireNonNull(a.identity());
		Verification v = a.verification();
		return new ApplicantAccountView(a.username(), identity.kind(), identity.legalName(), identity.maskedNumber(),
				v == null ? null : v.via(), v == null ? null : v.at());
	}

	/**
	 * Signs in someone the unified identity platform vouched for: the verified account of that identity number, or a
	 * new verified applicant account when there is none. A local account that merely claimed the number is never
	 * taken over: it stays unverified (and can no longer be verified for that number).
	 *
	 * @return the login of the account to sign in as
	 */
	@Transactional
	public String signInThroughPlatform(PlatformIdentity platform) {
		ApplicantIdentity identity = new ApplicantIdentity(platform.kind(), platform.name(), platform.number());
		Optional<Account> held = accounts.findByVerifiedNumber(identity.number());
		if (held.isPresent()) {
			Account a = held.get();
			if (a.identity() == null || a.identity().kind() != identity.kind() || !a.enabled()) {
				throw new ForbiddenException("error.platform.accountUnusable");
			}
			if (platform.representativeNumber() != null && platform.representativeName() != null
					&& !platform.representativeNumber().equals(a.representativeNumber())) {
				a.representedBy(platform.representativeName(), platform.representativeNumber());
				accounts.save(a);
			}
			events.publishEvent(new AuditEvent(a.username(), AuditEvent.roles(a.roles()),
					"directory.platform-sign-in", a.username(), "kind=" + identity.kind(), clock.instant()));
			return a.username();
		}
		String username;
		do {
			username = "u" + java.util.HexFormat.of().formatHex(randomBytes(5));
		}
		while (accounts.existsByUsername(username));
		// no password login until the holder sets one: the hash is of a secret nobody was told
		Account a = Account.applicant(username,
				passwords.encode(java.util.HexFormat.of().formatHex(randomBytes(32))), identity, null, clock.instant());
		a.verify(new Verification(Verification.Via.PLATFORM, platform.vouchedBy(), clock.instant()));
		if (platform.representativeNumber() != null && platform.representativeName() != null) {
			a.representedBy(platform.representativeName(), platform.representativeNumber());
		}
		try {
			accounts.save(a);
		}
		catch (DuplicateKeyException ex) {
			// the same person signing in twice at the same moment: the other sign-in made the account
			throw new ConflictException("identity-verified-elsewhere", "error.account.identityVerifiedElsewhere");
		}
		events.publishEvent(new AuditEvent(username, AuditEvent.roles(List.of(Role.APPLICANT)),
				"directory.applicant-registered", username, "kind=" + identity.kind() + "; via=PLATFORM",
				clock.instant()));
		return username;
	}

	private static byte[] randomBytes(int n) {
		byte[] b = new byte[n];
		RANDOM.nextBytes(b);
		return b;
	}

	private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

	/**
	 * The enterprise a person may file for today, by its credit code (ADR 0024): the person's account is verified and
	 * the person is the enterprise's legal representative, as the identity platform named them, or staff the
	 * enterprise authorised ({@link EnterpriseStaff}). Empty otherwise: nobody else files in an enterprise's name.
	 */
	public Optional<ApplicantIdentity> enterpriseActedForBy(GovHallUser person, String creditCode) {
		ApplicantIdentity me = person.identity();
		if (!person.verified() || me == null || !me.isPerson()) {
			return Optional.empty();
		}
		return accounts.findByVerifiedNumber(creditCode.strip().toUpperCase(java.util.Locale.ROOT))
			.filter(e -> e.enabled() && e.identity() != null && !e.identity().isPerson())
			.filter(e -> me.number().equals(e.representativeNumber())
					|| EnterpriseStaff.active(jdbc, e.id(), person.accountId(), java.time.LocalDate.now(clock)))
			.map(Account::identity);
	}

	/** The verified account that holds an identity number, if any. */
	Optional<Account> verifiedHolder(String number) {
		return accounts.findByVerifiedNumber(number);
	}

	// ---- scope

	/**
	 * Whether a scope covers a region and (when given) a department: its region must be the target's or above it,
	 * and a department-bound scope must name the same department.
	 */
	public boolean covers(StaffScope scope, String regionCode, @Nullable Long departmentId) {
		if (scope.regionCode() == null || !isWithin(regionCode, scope.regionCode())) {
			return false;
		}
		return scope.departmentId() == null || departmentId == null || scope.departmentId().equals(departmentId);
	}

	/** Records a directory change in the audit log (ADR 0010), in the transaction of the change. */
	void audit(GovHallUser actor, String action, String subject, String detail) {
		events.publishEvent(new AuditEvent(actor.getUsername(), AuditEvent.roles(actor.scope().roles()), action,
				subject, detail, clock.instant()));
	}

	private void audit(String actor, String role, String action, AccountView opened) {
		events.publishEvent(new AuditEvent(actor, role, action, opened.username(),
				"roles=" + AuditEvent.roles(opened.roles()) + "; region=" + opened.regionCode() + "; department="
						+ opened.departmentCode(),
				clock.instant()));
	}

	void requireSystemAdmin(GovHallUser actor, @Nullable String regionCode) {
		StaffScope scope = actor.scope();
		if (!scope.has(Role.SYSTEM_ADMIN) || scope.regionCode() == null
				|| (regionCode != null && !isWithin(regionCode, scope.regionCode()))
				|| (regionCode == null && lineage(scope.regionCode()).size() > 1)) {
			throw new ForbiddenException("error.forbidden.scope");
		}
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s;
	}

}
