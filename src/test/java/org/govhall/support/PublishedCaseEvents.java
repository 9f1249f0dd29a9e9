package org.govhall.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.govhall.cases.CaseEvent;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/**
 * The case events the shared test application ({@link GovHallTest}) published, as they
 * were published, so that a test can deliver one again (audit/AuditLogTests).
 */
@TestConfiguration(proxyBeanMethods = false)
public class PublishedCaseEvents {

	private final List<CaseEvent> seen = new CopyOnWriteArrayList<>();

	@EventListener
	void on(CaseEvent event) {
		seen.add(event);
	}

	public List<CaseEvent> seen() {
		return seen;
	}

}
