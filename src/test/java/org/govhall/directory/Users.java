package org.govhall.directory;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Signed-in accounts for web slices, as the directory would make them, without a
 * database.
 */
public final class Users {

	private Users() {
	}

	/**
	 * A staff account with the roles, in the region and (for department staff) the
	 * department.
	 */
	public static GovHallUser staff(long id, String username, @Nullable String regionCode, @Nullable Long departmentId,
			Role role, Role... more) {
		Set<Role> roles = EnumSet.of(role, more);
		return new GovHallUser(id, username, "{noop}unused", username, new StaffScope(roles, regionCode, departmentId),
				true, null, null, null);
	}

	/** An applicant's account without a verified identity. */
	public static GovHallUser applicant(long id, String username) {
		return new GovHallUser(id, username, "{noop}unused", username,
				new StaffScope(EnumSet.of(Role.APPLICANT), null, null), true, null, null, null);
	}

}
