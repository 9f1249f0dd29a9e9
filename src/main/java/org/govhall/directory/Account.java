package org.govhall.directory;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A login of a staff member, applicant or agent, with roles and a scope (region, and for
 * staff a department).
 */
class Account {

	@Id
	private @Nullable Long id;

	private final String username;

	private String passwordHash;

	private String displayName;

	private @Nullable String regionCode;

	private @Nullable Long departmentId;

	private boolean enabled;

	private final Instant createdAt;

	private Set<AccountRole> roles;

	private @Nullable IdentityKind identityKind;

	private @Nullable String identityNumber;

	private @Nullable String legalName;

	private @Nullable String phone;

	/**
	 * The staff number (工号) shown to applicants beside the name; none for applicants and
	 * agents.
	 */
	private @Nullable String staffNumber;

	/**
	 * False while the department admin has marked the account off duty or on leave: no
	 * case is routed to it.
	 */
	private boolean onDuty;

	/**
	 * When the identity was verified (issue 12, item 1); none while the identity is only
	 * what the applicant typed.
	 */
	private @Nullable Instant verifiedAt;

	private Verification.@Nullable Via verifiedVia;

	private @Nullable String verifiedBy;

	/**
	 * The identity number once verified: a unique index keeps it to one verified account
	 * per person or organisation.
	 */
	private @Nullable String verifiedNumber;

	/**
	 * For an enterprise verified through the platform: its legal representative (法定代表人),
	 * as the platform vouched.
	 */
	private @Nullable String representativeName;

	private @Nullable String representativeNumber;

	@Version
	private @Nullable Integer version;

	Account(@Nullable Long id, String username, String passwordHash, String displayName, @Nullable String regionCode,
			@Nullable Long departmentId, boolean enabled, Instant createdAt, Set<AccountRole> roles,
			@Nullable IdentityKind identityKind, @Nullable String identityNumber, @Nullable String legalName,
			@Nullable String phone, @Nullable String staffNumber, boolean onDuty, @Nullable Integer version) {
		this.staffNumber = staffNumber;
		this.onDuty = onDuty;
		this.identityKind = identityKind;
		this.identityNumber = identityNumber;
		this.legalName = legalName;
		this.phone = phone;
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.regionCode = regionCode;
		this.departmentId = departmentId;
		this.enabled = enabled;
		this.createdAt = createdAt;
		this.roles = new HashSet<>(roles);
		this.version = version;
	}

	static Account open(String username, String passwordHash, String displayName, Set<Role> roles,
			@Nullable String regionCode, @Nullable Long departmentId, Instant now) {
		Set<AccountRole> r = new HashSet<>();
		roles.forEach(role -> r.add(new AccountRole(role)));
		return new Account(null, username, passwordHash, displayName, regionCode, departmentId, true, now, r, null,
				null, null, null, null, true, null);
	}

	/** Opens an applicant's account with the identity the applicant gave. */
	static Account applicant(String username, String passwordHash, ApplicantIdentity identity, @Nullable String phone,
			Instant now) {
		Set<AccountRole> r = new HashSet<>();
		r.add(new AccountRole(Role.APPLICANT));
		return new Account(null, username, passwordHash, identity.legalName(), null, null, true, now, r,
				identity.kind(), identity.number(), identity.legalName(), phone, null, true, null);
	}

	@Nullable ApplicantIdentity identity() {
		return identityKind == null || identityNumber == null || legalName == null ? null
				: new ApplicantIdentity(identityKind, legalName, identityNumber);
	}

	/** How the identity was verified, or none while it is only claimed. */
	@Nullable Verification verification() {
		return verifiedAt == null || verifiedVia == null || verifiedBy == null ? null
				: new Verification(verifiedVia, verifiedBy, verifiedAt);
	}

	/**
	 * Records that the identity given is the holder's; only an account with an identity
	 * can be verified.
	 */
	void verify(Verification verification) {
		if (identityNumber == null) {
			throw new IllegalStateException("an account without an identity cannot be verified");
		}
		this.verifiedAt = verification.at();
		this.verifiedVia = verification.via();
		this.verifiedBy = verification.by();
		this.verifiedNumber = identityNumber;
	}

	/** Records the enterprise's legal representative the identity platform named. */
	void representedBy(String name, String number) {
		this.representativeName = name;
		this.representativeNumber = number;
	}

	/** The verified number, when the identity is verified. */
	@Nullable String verifiedNumber() {
		return verifiedNumber;
	}

	@Nullable String representativeName() {
		return representativeName;
	}

	@Nullable String representativeNumber() {
		return representativeNumber;
	}

	@Nullable String phone() {
		return phone;
	}

	@Nullable String staffNumber() {
		return staffNumber;
	}

	boolean onDuty() {
		return onDuty;
	}

	/** The department admin sets the staff number and whether the account is on duty. */
	void setDuty(@Nullable String newStaffNumber, boolean newOnDuty) {
		this.staffNumber = newStaffNumber;
		this.onDuty = newOnDuty;
	}

	void giveStaffNumber(@Nullable String number) {
		this.staffNumber = number;
	}

	@Nullable Long id() {
		return id;
	}

	String username() {
		return username;
	}

	String passwordHash() {
		return passwordHash;
	}

	String displayName() {
		return displayName;
	}

	boolean enabled() {
		return enabled;
	}

	Set<Role> roles() {
		Set<Role> set = EnumSet.noneOf(Role.class);
		roles.forEach(r -> set.add(r.role()));
		return set;
	}

	@Nullable String regionCode() {
		return regionCode;
	}

	@Nullable Long departmentId() {
		return departmentId;
	}

	// ---- administration (issue 12): accounts are disabled, never deleted; roles are
	// granted and removed one by one

	void disable() {
		this.enabled = false;
	}

	void enable() {
		this.enabled = true;
	}

	void changePassword(String newPasswordHash) {
		this.passwordHash = newPasswordHash;
	}

	void grant(Role role) {
		this.roles.add(new AccountRole(role));
	}

	void revoke(Role role) {
		this.roles.remove(new AccountRole(role));
	}

	/** A role held by an account. */
	record AccountRole(Role role) {
	}

}
