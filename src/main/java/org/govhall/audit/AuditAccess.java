package org.govhall.audit;

import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.shared.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * Who may read the audit log and run its verification: the province's system
 * administrators.
 */
@Component
class AuditAccess {

	private final Directory directory;

	AuditAccess(Directory directory) {
		this.directory = directory;
	}

	void requireProvincialAdmin(GovHallUser user) {
		if (!mayRead(user)) {
			throw new ForbiddenException("error.forbidden.scope");
		}
	}

	boolean mayRead(GovHallUser user) {
		String region = user.scope().regionCode();
		return user.scope().has(Role.SYSTEM_ADMIN) && region != null
				&& directory.region(region).map(r -> r.parentCode() == null).orElse(false);
	}

}
