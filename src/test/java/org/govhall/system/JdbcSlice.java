package org.govhall.system;

import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * What a repository slice ({@code @DataJdbcTest}) of any module needs to see the
 * application's database: the module naming of tables and columns
 * ({@code <module>_<aggregate>}, unquoted) with its clock, and the Java migrations that
 * are beans of their modules (Spring Boot hands them to Flyway beside the SQL ones; the
 * schema is not whole without).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(PersistenceSettings.class)
@ComponentScan(basePackages = "org.govhall", useDefaultFilters = false,
		includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = JavaMigration.class))
public class JdbcSlice {

}
