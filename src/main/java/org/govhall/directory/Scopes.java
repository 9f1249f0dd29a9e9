package org.govhall.directory;

import org.govhall.shared.ForbiddenException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whether a staff scope covers a region and department, and the check that an acting
 * system administrator's region covers what they change: a scope reaches its own region
 * and every region below it.
 */
@Component
class Scopes {

	private final ReferenceData reference;

	Scopes(ReferenceData reference) {
		this.reference = reference;
	}

	/**
	 * Whether a scope covers a region and (when given) a department: its region must be
	 * the target's or above it, and a department-bound scope must name the same
	 * department.
	 */
	boolean covers(StaffScope scope, String regionCode, @Nullable Long departmentId) {
		if (scope.regionCode() == null || !reference.isWithin(regionCode, scope.regionCode())) {
			return false;
		}
		return scope.departmentId() == null || departmentId == null || scope.departmentId().equals(departmentId);
	}

	void requireSystemAdmin(GovHallUser actor, @Nullable String regionCode) {
		StaffScope scope = actor.scope();
		if (!scope.has(Role.SYSTEM_ADMIN) || scope.regionCode() == null
				|| (regionCode != null && !reference.isWithin(regionCode, scope.regionCode()))
				|| (regionCode == null && reference.lineage(scope.regionCode()).size() > 1)) {
			throw new ForbiddenException("error.forbidden.scope");
		}
	}

}
