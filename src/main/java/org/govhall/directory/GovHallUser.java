package org.govhall.directory;

import java.util.Collection;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account as Spring Security holds it: identity, display name and scope.
 */
public final class GovHallUser implements UserDetails {

	private final long accountId;

	private final String username;

	private final @Nullable String passwordHash;

	private final String displayName;

	private final StaffScope scope;

	private final boolean enabled;

	private final @Nullable ApplicantIdentity identity;

	private final @Nullable String phone;

	private final @Nullable Verification verification;

	GovHallUser(long accountId, String username, @Nullable String passwordHash, String displayName, StaffScope scope,
			boolean enabled, @Nullable ApplicantIdentity identity, @Nullable String phone,
			@Nullable Verification verification) {
		this.verification = verification;
		this.identity = identity;
		this.phone = phone;
		this.accountId = accountId;
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.scope = scope;
		this.enabled = enabled;
	}

	public long accountId() {
		return accountId;
	}

	public String displayName() {
		return displayName;
	}

	public StaffScope scope() {
		return scope;
	}

	/** The applicant's identity, for accounts of applicants who registered one. */
	public @Nullable ApplicantIdentity identity() {
		return identity;
	}

	public @Nullable String phone() {
		return phone;
	}

	/**
	 * Whether the account's identity is verified (issue 12, item 1): by the unified
	 * identity platform, by a window clerk who saw the original, or by the demo seed. An
	 * unverified identity is only what the applicant typed.
	 */
	public boolean verified() {
		return identity != null && verification != null;
	}

	/** How the identity was verified, or none. */
	public @Nullable Verification verification() {
		return verification;
	}

	public boolean isStaff() {
		return scope.roles().stream().anyMatch(Role::isStaff);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return scope.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof GovHallUser u && u.accountId == accountId;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(accountId);
	}

	@Override
	public String toString() {
		return "GovHallUser[" + username + "]";
	}

}
