package org.govhall.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * The shared application ({@link GovHallTest}) with the limits a person meets in
 * production instead of the suite's raised ones (one Spring context, ADR 0007): 3 open
 * applications per applicant and item waiting for acceptance, an applicant's uploads
 * capped at 30 files and 1 MB a day, and the audit chain head sealed and signed on the
 * wall clock as in production (the sealer every 5 seconds, the witness every minute)
 * instead of by hand. For the tests of those limits and of the signed head:
 * cases/BoundedInputTests and portal/Issue12WalkBrowserTests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@GovHallTest
@TestPropertySource(properties = { "govhall.cases.max-open-per-item=3", "govhall.cases.upload-quota.applicant-files=30",
		"govhall.cases.upload-quota.applicant-size=1MB", "govhall.audit.seal-cron=*/5 * * * * *",
		"govhall.audit.witness-cron=30 * * * * *" })
public @interface ProductionLimitsTest {

}
