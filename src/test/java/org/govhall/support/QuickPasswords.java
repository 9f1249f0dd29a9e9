package org.govhall.support;

import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * New passwords in the shared test application ({@link GovHallTest}, and the few contexts
 * of their own that import this: AbuseSuiteTests, VerifiedIdentityTests,
 * EventExternalizationTests, {@link BehindTheProxyTest}) are hashed with BCrypt at cost
 * {@value #COST} instead of production's 10, the same {@code {bcrypt}} format, checked
 * the same way: each test class signs in, registers and opens accounts hundreds of times,
 * and the hashing was a third of the CPU time of {@code mvn test} (ADR 0007). A hash of
 * another kind or cost is still checked as in production. What depends on the production
 * cost is tested where it runs: system/LoginThrottleTests (support/TightLimitsTest)
 * measures that a wrong password costs a BCrypt check, and
 * directory/CreateFirstAdministratorTests stores a hash in a JVM of its own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class QuickPasswords {

	/** BCrypt's cost in the shared test application (2^4 rounds). */
	static final int COST = 4;

	@Bean
	static BeanPostProcessor quickPasswordHashes() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!"passwordEncoder".equals(beanName) || !(bean instanceof PasswordEncoder production)) {
					return bean;
				}
				DelegatingPasswordEncoder quick = new DelegatingPasswordEncoder("bcrypt",
						Map.of("bcrypt", new BCryptPasswordEncoder(COST)));
				quick.setDefaultPasswordEncoderForMatches(production);
				return quick;
			}

		};
	}

}
