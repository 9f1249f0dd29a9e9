package org.govhall.cases;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.govhall.calendar.CalendarChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * The work no one asks for: deemed acceptance when the 5-working-day window passed (行政许可法
 * 第三十二条), new due dates when a year's calendar changed, and the removal of uploads no
 * case named within 24 hours.
 */
@Component
class CaseJobs {

	private static final Logger log = LoggerFactory.getLogger(CaseJobs.class);

	private final CaseHandling handling;

	private final CaseUploads uploads;

	CaseJobs(CaseHandling handling, CaseUploads uploads) {
		this.handling = handling;
		this.uploads = uploads;
	}

	@Scheduled(cron = "${govhall.cases.unattached-uploads-cron:0 20 * * * *}", zone = "${govhall.zone}")
	@SchedulerLock(name = "cases-unattached-uploads", lockAtMostFor = "PT30M")
	void removeUnattachedUploads() {
		int count = uploads.removeUnattached();
		if (count > 0) {
			log.info("{} upload(s) that no case named within 24 hours removed", count);
		}
	}

	@Scheduled(cron = "${govhall.cases.deemed-acceptance-cron:0 5 * * * *}", zone = "${govhall.zone}")
	@SchedulerLock(name = "cases-deemed-acceptance", lockAtMostFor = "PT30M")
	void deemOverdueAcceptances() {
		int count = handling.deemOverdueAcceptances();
		if (count > 0) {
			log.info("{} case(s) deemed accepted after their acceptance window passed", count);
		}
	}

	/**
	 * Without a transaction of its own: each case is recomputed in its own (a listener's
	 * transaction around them would hold a connection idle for the whole walk).
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(CalendarChanged event) {
		int count = handling.recomputeDeadlines(event.year(),
				"calendar " + event.year() + " changed by " + event.changedBy());
		log.info("calendar {} changed: due dates of {} open case(s) moved", event.year(), count);
	}

}
