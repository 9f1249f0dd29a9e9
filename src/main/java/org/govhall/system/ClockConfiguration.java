package org.govhall.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Clock} of the application (the bean named {@code clock}), in the halls'
 * zone {@code govhall.zone}. Every module takes every timestamp, "today" and the zone
 * ({@link Clock#getZone()}) from it; demo mode's training clock runs on top of it, and
 * every test context replaces it with a movable one
 * ({@code support/TestClockCustomizerFactory}).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock(SystemSettings settings) {
		return Clock.system(settings.zone());
	}

}
