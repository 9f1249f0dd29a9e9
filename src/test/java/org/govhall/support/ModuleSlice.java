package org.govhall.support;

import java.time.Clock;

import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * What an {@code @ApplicationModuleTest} needs beyond its module: Spring Modulith drops
 * every bean of a module not bootstrapped, so this lives outside the modules. The clock
 * (the test contexts' movable clock takes its place, see
 * {@link TestClockCustomizerFactory}), and every module's Java migrations handed to
 * Flyway, since the database is migrated whole whichever module runs.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ModuleSlice {

	@Bean
	Clock clock() {
		return Clock.system(MovableClock.ZONE);
	}

	@Bean
	FlywayConfigurationCustomizer everyJavaMigration() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(JavaMigration.class));
		JavaMigration[] migrations = scanner.findCandidateComponents("org.govhall")
			.stream()
			.map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null))
			.map(type -> (JavaMigration) BeanUtils.instantiateClass(type))
			.toArray(JavaMigration[]::new);
		return configuration -> configuration.javaMigrations(migrations);
	}

}
