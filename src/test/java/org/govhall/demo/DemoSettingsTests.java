package org.govhall.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * README command (1) starts the jar with {@code GOVHALL_DEMO=true}. Spring reads that
 * environment variable as the property {@code govhall.demo} itself, beside
 * {@code govhall.demo.enabled} that application.properties sets from it: the demo
 * module's settings must still bind (a record bound from {@code govhall.demo} once
 * refused the start).
 */
class DemoSettingsTests {

	static StandardEnvironment environment(Map<String, Object> variables, Map<String, Object> properties) {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		env.getPropertySources().addFirst(new MapPropertySource("application", properties));
		env.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					variables));
		return env;
	}

	@Test
	void theDemoSettingsBindWithTheEnvironmentVariableOfReadmeCommandOne() {
		StandardEnvironment env = environment(Map.of("GOVHALL_DEMO", "true"), Map.of("govhall.demo.enabled", "true"));
		DemoSettings settings = Binder.get(env).bindOrCreate("govhall", DemoSettings.class);
		assertThat(settings.demo().enabled()).isTrue();
		assertThat(settings.demo().today()).isNull();
		assertThat(settings.identity().demoPlatform().port()).isEqualTo(9000);
	}

	@Test
	void aTrainingDayGivenByEnvironmentVariableBindsBesideIt() {
		StandardEnvironment env = environment(Map.of("GOVHALL_DEMO", "true", "GOVHALL_DEMO_TODAY", "2026-09-30"),
				Map.of("govhall.demo.enabled", "true"));
		DemoSettings settings = Binder.get(env).bindOrCreate("govhall", DemoSettings.class);
		assertThat(settings.demo().today()).isEqualTo(LocalDate.of(2026, 9, 30));
	}

	@Test
	void withoutTheVariableDemoModeIsOffAndTodayUnset() {
		DemoSettings settings = Binder.get(environment(Map.of(), Map.of("govhall.demo.enabled", "false")))
			.bindOrCreate("govhall", DemoSettings.class);
		assertThat(settings.demo().enabled()).isFalse();
		assertThat(settings.demo().today()).isNull();
	}

}
