package org.govhall.catalog;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts versions approved for a later date into force once their day has come, so search
 * and the version history follow (the guide and case filing already read a due version as
 * in force before this runs).
 */
@Component
class CatalogJobs {

	private static final Logger log = LoggerFactory.getLogger(CatalogJobs.class);

	private final Catalog catalog;

	CatalogJobs(Catalog catalog) {
		this.catalog = catalog;
	}

	@Scheduled(cron = "${govhall.catalog.take-effect-cron:0 1 * * * *}", zone = "${govhall.zone}")
	@SchedulerLock(name = "catalog-take-effect", lockAtMostFor = "PT30M")
	void takeEffect() {
		int count = catalog.takeEffect();
		if (count > 0) {
			log.info("{} item version(s) took effect", count);
		}
	}

}
