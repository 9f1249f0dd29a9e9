package org.govhall.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/**
 * The halls' zone, declared once and read through the clock, and the system settings with
 * their names and defaults (ADR 0028). The context here is only the clock's
 * configuration, so the application's movable test clock is not in the way.
 */
class SystemSettingsTests {

	final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
				ValidationAutoConfiguration.class))
		.withUserConfiguration(ClockConfiguration.class, PageModel.class);

	@Test
	void theClockRunsInTheConfiguredZoneAndThePagesGetIt() {
		context.withPropertyValues("govhall.zone=Asia/Shanghai").run(c -> {
			assertThat(c.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
			assertThat(c.getBean(PageModel.class).zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		});
		context.withPropertyValues("govhall.zone=Asia/Urumqi")
			.run(c -> assertThat(c.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Asia/Urumqi")));
	}

	@Test
	void aMissingOrUnknownZoneStopsTheStart() {
		context.run(c -> assertThat(c).hasFailed().getFailure().hasStackTraceContaining("govhall"));
		context.withPropertyValues("govhall.zone=Mars/Olympus")
			.run(c -> assertThat(c).hasFailed().getFailure().hasStackTraceContaining("govhall.zone"));
	}

	@Test
	void theSettingsKeepTheirNamesAndDefaults() {
		context.withPropertyValues("govhall.zone=Asia/Shanghai").run(c -> {
			SystemSettings s = c.getBean(SystemSettings.class);
			assertThat(s.rateLimit().enabled()).isTrue();
			assertThat(s.rateLimit().perMinute(s.rateLimit().login(), 60)).isEqualTo(60);
			assertThat(s.loginThrottle().freeFailures()).isEqualTo(5);
			assertThat(s.loginThrottle().maxDelay()).isEqualTo(Duration.ofMinutes(5));
			assertThat(s.loginThrottle().strangerChecks()).isEqualTo(20);
			assertThat(s.loginThrottle().strangerWindow()).isEqualTo(Duration.ofMinutes(10));
			assertThat(s.loginThrottle().familiarFor()).isEqualTo(Duration.ofDays(30));
			assertThat(s.events().failedAfter()).isEqualTo(Duration.ofSeconds(30));
			assertThat(s.events().stuckAfter()).isEqualTo(Duration.ofMinutes(10));
			assertThat(s.identity().clientId()).isEqualTo("govhall");
			assertThat(s.identity().demoPlatform().port()).isEqualTo(9000);
			assertThat(s.identity().demoPlatform().enabled()).isTrue();
			assertThat(s.proxy().requireHttps()).isFalse();
			assertThat(s.demo().enabled()).isFalse();
		});
		context
			.withPropertyValues("govhall.zone=Asia/Shanghai", "govhall.rate-limit.login.per-minute=7",
					"govhall.login-throttle.max-delay=PT1M", "govhall.events.stuck-after=20m",
					"govhall.identity.demo-platform.port=9100", "govhall.proxy.trusted=10.0.0.0/8")
			.run(c -> {
				SystemSettings s = c.getBean(SystemSettings.class);
				assertThat(s.rateLimit().perMinute(s.rateLimit().login(), 60)).isEqualTo(7);
				assertThat(s.loginThrottle().maxDelay()).isEqualTo(Duration.ofMinutes(1));
				assertThat(s.events().stuckAfter()).isEqualTo(Duration.ofMinutes(20));
				assertThat(s.identity().demoPlatform().port()).isEqualTo(9100);
				assertThat(s.proxy().trusted()).isEqualTo("10.0.0.0/8");
			});
	}

}
