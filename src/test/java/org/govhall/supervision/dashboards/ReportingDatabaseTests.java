package org.govhall.supervision.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/** The dashboards read the replica named by {@code govhall.reporting.datasource.url}, and the primary without one. */
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

	@Test
	void withAReplicaConfiguredTheQueriesGoThere() {
		JdbcClient primary = database("reporting-primary");
		database("reporting-replica", "CREATE TABLE marker (v VARCHAR(20))", "INSERT INTO marker VALUES ('replica')");
		MockEnvironment env = new MockEnvironment()
			.withProperty("govhall.reporting.datasource.url", "jdbc:h2:mem:reporting-replica;DB_CLOSE_DELAY=-1")
			.withProperty("spring.datasource.username", "sa");
		ReportingDatabase reporting = new ReportingDatabase(primary, env);
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
		ReportingDatabase reporting = new ReportingDatabase(primary, new MockEnvironment());
		assertThat(reporting.jdbc()).isSameAs(primary);
		assertThat(reporting.replica()).isNull();
		reporting.destroy();
	}

}
