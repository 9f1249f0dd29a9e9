package org.govhall.audit;

import org.govhall.directory.GovHallUser;
import org.govhall.shared.PageController;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the staff pages whether to offer the audit log: to the province's system
 * administrators only. (A web slice test has the advice without the audit module: nobody
 * is offered the log there.)
 */
@ControllerAdvice(annotations = PageController.class)
class AuditLinks {

	private final ObjectProvider<AuditAccess> access;

	AuditLinks(ObjectProvider<AuditAccess> access) {
		this.access = access;
	}

	@ModelAttribute("auditLogReadable")
	boolean auditLogReadable(@AuthenticationPrincipal Object principal) {
		AuditAccess a = access.getIfAvailable();
		return principal instanceof GovHallUser user && a != null && a.mayRead(user);
	}

}
