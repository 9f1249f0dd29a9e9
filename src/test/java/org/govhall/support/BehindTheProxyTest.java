package org.govhall.support;

import org.junit.jupiter.api.parallel.ResourceLock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The shared application of the tests of the hall's edge (one Spring context, ADR 0007):
 * without demo data, on H2, behind its reverse proxy at 127.0.0.1 (the test client over
 * real HTTP), with https required (the public address
 * {@code https://zwfw.example.gov.cn}; a MockMvc request that stands for https says
 * {@code secure(true)}), and small per-minute budgets per client address: 5 progress
 * lookups, 3 requests to the login path, 4 document verifications and 2 registrations.
 * Each test spends the budgets of client addresses of its own (system/RateLimitsTests,
 * system/ProxySettingsTests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "govhall.proxy.trusted=127.0.0.1", "govhall.proxy.require-https=true",
				"govhall.public-url=https://zwfw.example.gov.cn", "govhall.rate-limit.progress.per-minute=5",
				"govhall.rate-limit.login.per-minute=3", "govhall.rate-limit.verification.per-minute=4",
				"govhall.rate-limit.registration.per-minute=2" })
@AutoConfigureMockMvc
@ActiveProfiles("h2")
@Import(QuickPasswords.class)
@ResourceLock(providers = ContextLocks.class)
public @interface BehindTheProxyTest {

}
