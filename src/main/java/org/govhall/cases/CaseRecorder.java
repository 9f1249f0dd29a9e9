package org.govhall.cases;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What every step that changes a case does before its transaction commits: records the
 * documents its events owe and publishes the events (ADR 0021), and numbers a certificate
 * it grants.
 */
@Component
class CaseRecorder {

	private final Cases cases;

	private final CaseDocuments caseDocuments;

	private final ApplicationEventPublisher events;

	CaseRecorder(Cases cases, CaseDocuments caseDocuments, ApplicationEventPublisher events) {
		this.cases = cases;
		this.caseDocuments = caseDocuments;
		this.events = events;
	}

	/**
	 * Publishes the case's new events, recording the documents they owe; the jobs check
	 * nothing.
	 */
	void publish(Case c) {
		publish(c, false, List.of());
	}

	/**
	 * Publishes the case's new events and {@code more}, after recording the documents
	 * they owe; with {@code check}, a document that could not be issued refuses the step
	 * (400) instead.
	 */
	void publish(Case c, boolean check, List<Object> more) {
		List<Object> all = new ArrayList<>(c.drainEvents());
		all.addAll(more);
		caseDocuments.owe(c, all, check);
		all.forEach(events::publishEvent);
	}

	/**
	 * The next certificate number of the case's department in the year of {@code now}.
	 */
	String certificateNumber(Case c, Now now) {
		return c.terms().departmentCode() + "-" + now.today().getYear() + "-"
				+ String.format("%06d", cases.nextCertificate());
	}

}
