package org.govhall.supervision;

import java.time.Clock;

import org.govhall.directory.GovHallUser;
import org.govhall.shared.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records every data export of supervision figures in the tamper-evident audit log (ADR
 * 0010) as {@code export.<what>}: who took which figures, of which scope and period, as
 * which file. The row is written before the file is handed out; an export whose row
 * cannot be written fails.
 */
@Component
public class ExportLog {

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ExportLog(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param what e.g. {@code dashboard-workbook}
	 * @param subject the scope exported: a region, department or item code
	 * @param file the file name handed out
	 */
	public void record(GovHallUser user, String what, String subject, String file) {
		events.publishEvent(new AuditEvent(user.getUsername(), AuditEvent.roles(user.scope().roles()), "export." + what,
				subject, "file=" + file, clock.instant()));
	}

}
