package org.govhall.supervision.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import com.zaxxer.hikari.HikariDataSource;
import org.govhall.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard figures on PostgreSQL, the production database: the same SQL and the same
 * hand-computed values, read as in production through the reporting pool (here pointed at
 * the test database itself, standing in for a streaming replica, by
 * application-pg.properties of the tests), whose connections are read-only.
 */
@PostgresTest
class DashboardFiguresPostgresTests extends DashboardFiguresTests {

	@Autowired
	ReportingDatabase reporting;

	@Test
	void theFiguresComeThroughTheReadOnlyReportingPool() throws Exception {
		HikariDataSource replica = (HikariDataSource) reporting.replica();
		assertThat(replica).isNotNull();
		assertThat(replica.getPoolName()).isEqualTo("reporting");
		assertThat(report("supervisor", null, null, null, null).total().code()).isEqualTo("660000");
		assertThat(replica.getHikariPoolMXBean().getTotalConnections()).as("the figures were read there").isPositive();
		try (Connection c = replica.getConnection()) {
			assertThat(c.isReadOnly()).isTrue();
			assertThat(c.createStatement().executeQuery("SHOW transaction_read_only")).satisfies(rs -> {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("on");
			});
		}
	}

}
