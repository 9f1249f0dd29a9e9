package org.govhall.audit;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The sealer, every few seconds (it signs a head after each seal and at least every
 * {@code govhall.audit.head-interval}, so with the default 5 s and 50 s at least every
 * minute), and the daily publication of the chain head, each under a ShedLock database
 * lock so that with several nodes one runs at a time. Setting
 * {@code govhall.audit.seal-cron} or {@code govhall.audit.head-cron} to {@code -} turns a
 * job off (tests seal by hand). The day is the real day, never the demo clock's (ADR
 * 0018).
 */
@Component
class AuditJobs {

	private static final Logger log = LoggerFactory.getLogger(AuditJobs.class);

	private final AuditChain chain;

	private final Duration headRetention;

	private final ZoneId zone;

	AuditJobs(AuditChain chain, AuditSettings settings, Clock clock) {
		this.chain = chain;
		this.headRetention = settings.headRetention();
		this.zone = clock.getZone();
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
		catch (UncheckedIOException ex) {
			log.error("audit: the head journal cannot be written, no head was signed: {}", ex.getMessage());
		}
	}

	/**
	 * On every node (no lock): copies the latest validly signed head of the database into
	 * this node's journal when its seq is higher, so that a node whose key directory is
	 * its own also holds a witness within a minute.
	 */
	@Scheduled(cron = "${govhall.audit.witness-cron:30 * * * * *}")
	void witness() {
		try {
			chain.witness();
		}
		catch (DataAccessException | UncheckedIOException ex) {
			log.warn("audit: the head could not be copied to this node's journal: {}", ex.getMessage());
		}
	}

	/**
	 * After midnight in the halls' zone: publish the head for the real day, then verify
	 * the whole chain and say so.
	 */
	@Scheduled(cron = "${govhall.audit.head-cron:0 30 0 * * *}", zone = "${govhall.zone}")
	@SchedulerLock(name = "audit-daily-head", lockAtMostFor = "PT30M", lockAtLeastFor = "PT10M")
	void daily() {
		chain.publishDailyHead(zone)
			.ifPresent(h -> log.info("audit: head of {} published: seq {} hash {}", h.date(), h.seq(), h.hash()));
		Verification v = chain.verify();
		if (v.intact()) {
			log.info("audit: chain intact, {} entries, head seq {}", v.entries(), v.headSeq());
		}
		else {
			log.error("audit: chain BROKEN: {} breach(es), the first at seq {}: {} ({})", v.breachCount(),
					v.brokenSeq(), v.breach(), v.explanation());
		}
		int thinned = chain.thinSignedHeads(headRetention);
		if (thinned > 0) {
			log.info("audit: {} signed head(s) older than {} thinned to one an hour", thinned, headRetention);
		}
	}

}
