package org.govhall.cases;

import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.shared.ForbiddenException;
import org.jspecify.annotations.Nullable;

/**
 * Who acts on a case, in which role; the system acts as {@code system} for deemed
 * acceptance and recomputation.
 */
record Actor(long accountId, String username, String displayName, Role role) {

	/**
	 * {@code user} acting in {@code role}; 403 when they do not hold it (or none is
	 * given).
	 */
	static Actor of(GovHallUser user, @Nullable Role role) {
		if (role == null || !user.scope().has(role)) {
			throw new ForbiddenException("error.forbidden.role");
		}
		return new Actor(user.accountId(), user.getUsername(), user.displayName(), role);
	}

	static Actor system() {
		return new Actor(0, "system", "GovHall", Role.SYSTEM_ADMIN);
	}

}
