package org.govhall.directory;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** An account as administrators see it; never the password hash. */
public record AccountView(long id, String username, String displayName, Set<Role> roles, @Nullable String regionCode,
		@Nullable String departmentCode, boolean enabled) {
}
