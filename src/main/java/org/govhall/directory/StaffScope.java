package org.govhall.directory;

import java.io.Serializable;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Where an account may act: a region (with everything below it) and, for department
 * staff, one department. A scope without a region covers nothing.
 */
public record StaffScope(Set<Role> roles, @Nullable String regionCode,
		@Nullable Long departmentId) implements Serializable {

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** For pages: whether the scope holds the role of that name. */
	public boolean hasRole(String name) {
		return roles.stream().anyMatch(r -> r.name().equals(name));
	}

	/**
	 * Whether the scope holds a role that works on or supervises cases. Administration
	 * roles do not (issue 12, ADR 0023): a system or department administrator reads no
	 * case unless it also holds such a role.
	 */
	public boolean handlesCases() {
		return roles.stream().anyMatch(r -> r.isStaff() && r != Role.SYSTEM_ADMIN && r != Role.DEPARTMENT_ADMIN);
	}

	public boolean hasAny(Role... any) {
		for (Role r : any) {
			if (roles.contains(r)) {
				return true;
			}
		}
		return false;
	}

}
