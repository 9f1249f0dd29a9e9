package org.govhall.supervision;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.govhall.calendar.CalendarChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Warnings change with the date even when no case moves: every open case is re-evaluated each night (once across
 * all nodes, under a ShedLock database lock) and whenever a year's calendar changes.
 */
@Component
class SupervisionJobs {

	private static final Logger log = LoggerFactory.getLogger(SupervisionJobs.class);

	private final Supervision supervision;

	SupervisionJobs(Supervision supervision) {
		this.supervision = supervision;
	}

	@Scheduled(cron = "${govhall.supervision.daily-cron:0 15 0 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "supervision-daily-warnings", lockAtMostFor = "PT30M")
	void daily() {
		Supervision.DailyRun run = supervision.daily();
		log.info("supervision: {} open case(s) re-evaluated, {} card(s) issued, {} escalated, {} long suspension(s)",
				run.casesEvaluated(), run.cardsIssued(), run.cardsEscalated(), run.longSuspensions());
	}

	@ApplicationModuleListener
	void on(CalendarChanged event) {
		log.info("calendar {} changed: warnings of {} open case(s) re-evaluated", event.year(),
				supervision.reevaluate());
	}

}
