package org.govhall.directory;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** An account as administrators see it; never the password hash. */
public record AccountView(long id, String username, String displayName, Set<Role> roles, @Nullable String regionCode,
		@Nullable String departmentCode, boolean enabled) {

	/** The account's view, its department named by code from {@code byId}. */
	static AccountView of(Account a, Map<Long, DepartmentView> byId) {
		Long dep = a.departmentId();
		return new AccountView(a.id() == null ? 0 : a.id(), a.username(), a.displayName(), a.roles(), a.regionCode(),
				dep == null || !byId.containsKey(dep) ? null : byId.get(dep).code(), a.enabled());
	}

}
