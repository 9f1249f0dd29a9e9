package org.govhall.audit;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The sealer, every few seconds, and the daily publication of the chain head, each under a ShedLock database lock so
 * that with several nodes one runs at a time. Setting {@code govhall.audit.seal-cron} or
 * {@code govhall.audit.head-cron} to {@code -} turns a job off (tests seal by hand).
 */
@Component
class AuditJobs {

	private static final Logger log = LoggerFactory.getLogger(AuditJobs.class);

	private final AuditChain chain;

	private final Clock clock;

	AuditJobs(AuditChain chain, Clock clock) {
		this.chain = chain;
		this.clock = clock;
	}

	@Scheduled(cron = "${govhall.audit.seal-cron:*/5 * * * * *}")
	@SchedulerLock(name = "audit-seal", lockAtMostFor = "PT5M")
	void seal() {
		try {
			int sealed = chain.seal();
			if (sealed > 0) {
				log.debug("audit: {} row(s) sealed", sealed);
			}
		}
		catch (DataAccessException ex) {
			log.warn("audit: sealing failed, the rows stay pending until the next run: {}", ex.getMessage());
		}
	}

	/** After midnight in Asia/Shanghai: publish the head for the day, then verify the whole chain and say so. */
	@Scheduled(cron = "${govhall.audit.head-cron:0 30 0 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "audit-daily-head", lockAtMostFor = "PT30M", lockAtLeastFor = "PT10M")
	void daily() {
		chain.publishHead(LocalDate.now(clock))
			.ifPresent(h -> log.info("audit: head of {} published: seq {} hash {}", h.date(), h.seq(), h.hash()));
		Verification v = chain.verify();
		if (v.intact()) {
			log.info("audit: chain intact, {} entries, head seq {}", v.entries(), v.headSeq());
		}
		else {
			log.error("audit: chain BROKEN at seq {}: {} ({})", v.brokenSeq(), v.breach(), v.explanation());
		}
	}

}
