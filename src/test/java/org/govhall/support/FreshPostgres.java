package org.govhall.support;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Empties the PostgreSQL test database before migrating it, so every test context starts
 * from the migrations.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FreshPostgres {

	@Bean
	FlywayMigrationStrategy cleanThenMigrate() {
		return flyway -> {
			flyway.clean();
			flyway.migrate();
		};
	}

}
