package org.govhall.supervision;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.govhall.calendar.CalendarChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Warnings change with the date even when no case moves: every open case is re-evaluated
 * each night and whenever a year's calendar changes. With several GovHall nodes on one
 * database the nightly run happens once: the ShedLock database lock is held for at least
 * 10 minutes, so a node whose scheduler fires a little later finds it taken. Each run is
 * recorded in {@code supervision_run} with the node that ran it.
 */
@Component
class SupervisionJobs {

	private static final Logger log = LoggerFactory.getLogger(SupervisionJobs.class);

	private final Supervision supervision;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String node;

	SupervisionJobs(Supervision supervision, JdbcClient jdbc, Clock clock, SupervisionSettings settings) {
		this.supervision = supervision;
		this.jdbc = jdbc;
		this.clock = clock;
		this.node = settings.nodeName() != null ? settings.nodeName() : ManagementFactory.getRuntimeMXBean().getName();
	}

	@Scheduled(cron = "${govhall.supervision.daily-cron:0 15 0 * * *}", zone = "${govhall.zone}")
	@SchedulerLock(name = "supervision-daily-warnings", lockAtMostFor = "PT30M", lockAtLeastFor = "PT10M")
	void daily() {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO supervision_run (node, started_at) VALUES (:node, :at)")
			.param("node", node)
			.param("at", Timestamp.from(clock.instant()))
			.update(keys, "id");
		Supervision.DailyRun run = supervision.daily();
		jdbc.sql("""
				UPDATE supervision_run SET finished_at = :at, cases = :cases, cards = :cards, escalated = :escalated,
				       suspensions = :suspensions
				WHERE id = :id
				""")
			.param("at", Timestamp.from(clock.instant()))
			.param("cases", run.casesEvaluated())
			.param("cards", run.cardsIssued())
			.param("escalated", run.cardsEscalated())
			.param("suspensions", run.longSuspensions())
			.param("id", keys.getKey())
			.update();
		log.info("supervision: {} open case(s) re-evaluated, {} card(s) issued, {} escalated, {} long suspension(s)",
				run.casesEvaluated(), run.cardsIssued(), run.cardsEscalated(), run.longSuspensions());
	}

	@ApplicationModuleListener
	void on(CalendarChanged event) {
		log.info("calendar {} changed: warnings of {} open case(s) re-evaluated", event.year(),
				supervision.reevaluate());
	}

}
