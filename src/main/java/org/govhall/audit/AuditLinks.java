package org.govhall.audit;

import org.govhall.directory.GovHallUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the staff pages whether to offer the audit log: to the province's system administrators only. */
@ControllerAdvice(annotations = Controller.class)
class AuditLinks {

	private final AuditAccess access;

	AuditLinks(AuditAccess access) {
		this.access = access;
	}

	@ModelAttribute("auditLogReadable")
	boolean auditLogReadable(@AuthenticationPrincipal Object principal) {
		return principal instanceof GovHallUser user && access.mayRead(user);
	}

}
