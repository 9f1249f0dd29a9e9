package org.govhall.directory;

import java.time.Clock;

import org.govhall.shared.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records the directory's changes in the audit log (ADR 0010), as events published in the
 * change's transaction.
 */
@Component
class DirectoryAudit {

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DirectoryAudit(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a directory change in the audit log (ADR 0010), in the transaction of the
	 * change.
	 */
	void audit(GovHallUser actor, String action, String subject, String detail) {
		events.publishEvent(new AuditEvent(actor.getUsername(), AuditEvent.roles(actor.scope().roles()), action,
				subject, detail, clock.instant()));
	}

	void audit(String actor, String role, String action, AccountView opened) {
		events.publishEvent(
				new AuditEvent(
						actor, role, action, opened.username(), "roles=" + AuditEvent.roles(opened.roles())
								+ "; region=" + opened.regionCode() + "; department=" + opened.departmentCode(),
						clock.instant()));
	}

}
