package org.govhall.support;

import org.junit.jupiter.api.parallel.ResourceLock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The shared application of the tests that hit the limits (one Spring context, ADR 0007):
 * the demo province on H2, with the login throttle and the HTTP Basic budget at their
 * production size, a status lookup budget of 2 a minute, and trusted proxies elsewhere
 * (10.0.0.0/8, 192.168.0.0/16), so the test client (127.0.0.1) is an outsider. Each test
 * works from client addresses or accounts of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "govhall.demo.enabled=true", "govhall.demo.training-clock=false",
				"govhall.rate-limit.basic.per-minute=30", "govhall.login-throttle.stranger-checks=20",
				"govhall.login-throttle.stranger-window=PT10M", "govhall.login-throttle.free-failures=5",
				"govhall.login-throttle.max-delay=PT5M", "govhall.proxy.trusted=10.0.0.0/8,192.168.0.0/16",
				"govhall.rate-limit.progress.per-minute=2" })
@AutoConfigureMockMvc
@ActiveProfiles("h2")
@ResourceLock(providers = ContextLocks.class)
public @interface TightLimitsTest {

}
