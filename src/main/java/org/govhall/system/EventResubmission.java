package org.govhall.system;

import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again what a listener could not finish without waiting for a restart: every
 * minute (on one node, under a ShedLock lock) the event publications that failed, and
 * those left unfinished for longer than {@code govhall.events.stuck-after} (default 10
 * minutes: a listener that died with its database connection during an outage never marks
 * its publication failed), are resubmitted. Every listener is idempotent under redelivery
 * (ADR 0004), so resubmitting one still at work costs time, never a duplicate effect.
 */
@Component
class EventResubmission {

	private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

	private final IncompleteEventPublications incomplete;

	private final Clock clock;

	private final Duration failedAfter;

	private final Duration stuckAfter;

	EventResubmission(IncompleteEventPublications incomplete, Clock clock, SystemSettings settings) {
		this.incomplete = incomplete;
		this.clock = clock;
		this.failedAfter = settings.events().failedAfter();
		this.stuckAfter = settings.events().stuckAfter();
	}

	@Scheduled(fixedDelayString = "${govhall.events.resubmit-every:PT1M}", initialDelayString = "PT1M")
	@SchedulerLock(name = "event-resubmission", lockAtMostFor = "PT10M")
	void resubmit() {
		var now = clock.instant();
		incomplete.resubmitIncompletePublications((EventPublication p) -> {
			Duration age = Duration.between(p.getPublicationDate(), now);
			boolean failed = p.getStatus() == EventPublication.Status.FAILED && age.compareTo(failedAfter) > 0;
			boolean stuck = age.compareTo(stuckAfter) > 0;
			if (failed || stuck) {
				log.info("event publication {} ({}, {}) resubmitted", p.getIdentifier(), p.getStatus(),
						p.getEvent().getClass().getSimpleName());
				return true;
			}
			return false;
		});
	}

}
