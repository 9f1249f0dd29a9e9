package org.govhall.support;

import org.junit.jupiter.api.parallel.ResourceLock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The running application most test classes share (one Spring context, ADR 0007): the
 * demo province on H2, started on a random port and reachable through MockMvc as well.
 * Its clock is the test clock ({@link MovableClock}) with the demo training clock on top,
 * both set back before each test class. What works from the wall clock is off, so that
 * nothing happens between a test's steps that the test did not do: the hourly and nightly
 * jobs (deemed acceptance, the supervision run), the audit sealer, heads and witness
 * (tests seal by hand), the flush of failed logins, and the resubmission of event
 * publications. The rate limits stand far out of reach, since a standing clock would make
 * a per-minute budget one for the whole suite (system/RateLimitsTests and
 * LoginThrottleTests test them at their size). Documents point to the public address
 * {@code https://zwfw.example.gov.cn/}; uploads go under {@code target/test-files}. A
 * PostgreSQL twin adds {@link PostgresTest}. A test can make the disk fail
 * ({@link FailingDisk}) and heals it afterwards. New passwords are hashed at a low BCrypt
 * cost ({@link QuickPasswords}).
 * <p>
 * A class that needs other settings does not add properties of its own: each set of
 * properties is a context of its own, and the suite has a budget of them
 * ({@link ContextBudget}). It changes what it needs at run time and sets it back, or
 * joins one of the few other shared configurations. Classes share the database: a test
 * creates what it needs (its own accounts, cases and numbers) and looks only at that.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "govhall.demo.enabled=true",
		"govhall.cases.deemed-acceptance-cron=-", "govhall.supervision.daily-cron=-", "govhall.audit.seal-cron=-",
		"govhall.audit.head-cron=-", "govhall.audit.witness-cron=-", "govhall.audit.login-failures-cron=-",
		"govhall.events.resubmit-every=PT10H", "govhall.rate-limit.progress.per-minute=1000000",
		"govhall.rate-limit.login.per-minute=1000000", "govhall.rate-limit.verification.per-minute=1000000",
		"govhall.rate-limit.registration.per-minute=1000000", "govhall.public-url=https://zwfw.example.gov.cn/" })
@AutoConfigureMockMvc
@ActiveProfiles("h2")
@Import({ PublishedCaseEvents.class, FailingDisk.class, QuickPasswords.class })
@ResourceLock(providers = ContextLocks.class)
public @interface GovHallTest {

}
