package org.govhall.cases;

import org.govhall.directory.Role;

/** Who acts on a case, in which role; the system acts as {@code system} for deemed acceptance and recomputation. */
record Actor(long accountId, String username, String displayName, Role role) {

	static Actor system() {
		return new Actor(0, "system", "GovHall", Role.SYSTEM_ADMIN);
	}

}
