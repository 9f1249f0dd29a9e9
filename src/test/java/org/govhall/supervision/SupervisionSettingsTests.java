package org.govhall.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.govhall.cases.CasesSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The warning days as bound at start (ADR 0028): one threshold,
 * {@code govhall.cases.warning-days}, for the case pages and supervision alike, per-stage
 * overrides for supervision, and a wrong or retired setting stops the start.
 */
class SupervisionSettingsTests {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ SupervisionSettings.class, CasesSettings.class })
	@Import(WarningRules.class)
	static class Settings {

	}

	final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
				ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void everyStageFollowsTheCasesWarningDaysUnlessItHasItsOwn() {
		context.run(c -> {
			WarningRules rules = c.getBean(WarningRules.class);
			for (Stage stage : Stage.values()) {
				assertThat(rules.yellowDays(stage)).as(stage.name()).isEqualTo(2);
			}
		});
		context.withPropertyValues("govhall.cases.warning-days=3", "govhall.supervision.yellow-days.decision=5")
			.run(c -> {
				WarningRules rules = c.getBean(WarningRules.class);
				assertThat(rules.yellowDays(Stage.DECISION)).isEqualTo(5);
				assertThat(rules.yellowDays(Stage.ACCEPTANCE)).isEqualTo(3);
				assertThat(rules.yellowDays(Stage.DELIVERY)).isEqualTo(3);
				// the case pages read the same key
				assertThat(c.getBean(CasesSettings.class).warningDays()).isEqualTo(3);
			});
	}

	@Test
	void theOtherSupervisionSettingsKeepTheirNamesAndDefaults() {
		context.run(c -> {
			SupervisionSettings s = c.getBean(SupervisionSettings.class);
			assertThat(s.supervision().maxSuspensionDays()).isEqualTo(60);
			assertThat(s.supervision().cardAnswerDays()).isEqualTo(5);
			assertThat(s.supervision().redCardAfter()).isEqualTo(3);
			assertThat(s.supervision().delegation().aboveShare()).isEqualTo(0.5);
			assertThat(s.reporting().datasource().url()).isEmpty();
			assertThat(s.reporting().datasource().poolSize()).isEqualTo(4);
			assertThat(s.nodeName()).isNull();
		});
		context
			.withPropertyValues("govhall.supervision.max-suspension-days=30", "govhall.node-name=node-b",
					"govhall.reporting.datasource.pool-size=2", "govhall.supervision.delegation.above-share=0.25")
			.run(c -> {
				SupervisionSettings s = c.getBean(SupervisionSettings.class);
				assertThat(s.supervision().maxSuspensionDays()).isEqualTo(30);
				assertThat(s.nodeName()).isEqualTo("node-b");
				assertThat(s.reporting().datasource().poolSize()).isEqualTo(2);
				assertThat(s.supervision().delegation().aboveShare()).isEqualTo(0.25);
			});
	}

	@Test
	void aWrongOrRetiredSettingStopsTheStartNamingTheProperty() {
		// read by both records; whichever binds first names it
		context.withPropertyValues("govhall.cases.warning-days=-1")
			.run(c -> assertThat(c).hasFailed()
				.getFailure()
				.rootCause()
				.message()
				.containsAnyOf("govhall.cases.warning-days", "cases.warningDays")
				.contains("rejected value [-1]"));
		context.withPropertyValues("govhall.supervision.yellow-days.decision=-2")
			.run(c -> assertThat(c).hasFailed()
				.getFailure()
				.rootCause()
				.message()
				.contains("supervision.yellowDays[DECISION]", "rejected value [-2]"));
		// the single supervision threshold merged into govhall.cases.warning-days: set,
		// it is not silently ignored
		context.withPropertyValues("govhall.supervision.yellow-days=4")
			.run(c -> assertThat(c).hasFailed()
				.getFailure()
				.hasStackTraceContaining("govhall.supervision.yellow-days"));
	}

}
