package org.govhall.supervision.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.govhall.supervision.SupervisionSettings;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/**
 * The dashboards read the replica named by {@code govhall.reporting.datasource.url}, and
 * the primary without one.
 */
class ReportingDatabaseTests {

	static JdbcClient database(String name, String... statements) {
		JdbcDataSource ds = new JdbcDataSource();
		ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		ds.setUser("sa");
		JdbcClient jdbc = JdbcClient.create(ds);
		for (String sql : statements) {
			jdbc.sql(sql).update();
		}
		return jdbc;
	}

	/**
	 * The reporting database with the settings bound from these properties, as the
	 * application binds them.
	 */
	static ReportingDatabase reporting(JdbcClient primary, MockEnvironment env) {
		Binder binder = Binder.get(env);
		return new ReportingDatabase(primary, binder.bindOrCreate("govhall", SupervisionSettings.class),
				binder.bindOrCreate("spring.datasource", DataSourceProperties.class));
	}

	@Test
	void withAReplicaConfiguredTheQueriesGoThere() {
		JdbcClient primary = database("reporting-primary");
		database("reporting-replica", "CREATE TABLE marker (v VARCHAR(20))", "INSERT INTO marker VALUES ('replica')");
		MockEnvironment env = new MockEnvironment()
			.withProperty("govhall.reporting.datasource.url", "jdbc:h2:mem:reporting-replica;DB_CLOSE_DELAY=-1")
			.withProperty("spring.datasource.username", "sa");
		ReportingDatabase reporting = reporting(primary, env);
		try {
			assertThat(reporting.jdbc()).isNotSameAs(primary);
			assertThat(reporting.jdbc().sql("SELECT v FROM marker").query(String.class).single()).isEqualTo("replica");
			assertThatThrownBy(() -> primary.sql("SELECT v FROM marker").query(String.class).single())
				.isInstanceOf(BadSqlGrammarException.class);
		}
		finally {
			reporting.destroy();
		}
	}

	@Test
	void withoutOneTheyReadThePrimary() {
		JdbcClient primary = database("reporting-alone");
		ReportingDatabase reporting = reporting(primary, new MockEnvironment());
		assertThat(reporting.jdbc()).isSameAs(primary);
		assertThat(reporting.replica()).isNull();
		reporting.destroy();
	}

}
