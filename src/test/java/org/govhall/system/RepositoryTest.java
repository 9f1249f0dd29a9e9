package org.govhall.system;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.ContextLocks;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A repository slice of any module: Spring Data JDBC with the application's mapping
 * ({@link JdbcSlice}) on an in-memory H2 database in PostgreSQL mode (profile {@code h2},
 * not Boot's plain replacement), migrated by Flyway like the application's, each test in
 * a transaction rolled back after it. A class adds the JDBC beans it tests with its own
 * {@code @Import}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("h2")
@Import(JdbcSlice.class)
@ResourceLock(providers = ContextLocks.class)
public @interface RepositoryTest {

}
