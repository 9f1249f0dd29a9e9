package org.govhall.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that runs on the local PostgreSQL (profile {@code pg}, the database
 * {@code govhall_test} emptied and migrated when the context starts,
 * {@link FreshPostgres}), tagged {@value #TAG}: {@code mvn verify} runs it,
 * {@code mvn test} does not. Put on the PostgreSQL twin of an H2 test class, beside the
 * shared configuration it extends.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ActiveProfiles(value = "pg", inheritProfiles = false)
@Import(FreshPostgres.class)
@Tag(PostgresTest.TAG)
@ResourceLock(Lanes.SERVICES)
public @interface PostgresTest {

	String TAG = "postgres";

}
