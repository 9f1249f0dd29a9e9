package org.govhall.supervision.dashboards;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.govhall.supervision.SupervisionSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the dashboards read (docs/OPERATIONS.md, "Production topology"): a PostgreSQL
 * streaming replica when {@code govhall.reporting.datasource.url}
 * ({@code GOVHALL_REPORTING_DB_URL}) names one, so that heavy reporting queries do not
 * load the primary; the primary otherwise. The replica is read through a small read-only
 * pool of its own; its figures may lag the primary by the replication delay (usually well
 * under a second).
 */
@Component
class ReportingDatabase implements DisposableBean {

	private final JdbcClient jdbc;

	private final @Nullable HikariDataSource replica;

	ReportingDatabase(JdbcClient primary, SupervisionSettings settings, DataSourceProperties primarySettings) {
		SupervisionSettings.Datasource replica = settings.reporting().datasource();
		String url = replica.url();
		if (url.isBlank()) {
			this.replica = null;
			this.jdbc = primary;
			return;
		}
		HikariDataSource ds = new HikariDataSource();
		ds.setPoolName("reporting");
		ds.setJdbcUrl(url);
		ds.setUsername(replica.username() != null ? replica.username() : primarySettings.getUsername());
		ds.setPassword(replica.password() != null ? replica.password() : primarySettings.getPassword());
		ds.setReadOnly(true);
		if (url.startsWith("jdbc:postgresql:")) {
			// read-only also outside explicit transactions, as on a hot standby, so a
			// stray write fails here too
			ds.addDataSourceProperty("readOnlyMode", "always");
		}
		ds.setMaximumPoolSize(replica.poolSize());
		ds.setConnectionTimeout(2000);
		ds.setInitializationFailTimeout(-1);
		this.replica = ds;
		this.jdbc = JdbcClient.create(ds);
	}

	JdbcClient jdbc() {
		return jdbc;
	}

	/** The replica's pool, none when the dashboards read the primary. */
	@Nullable DataSource replica() {
		return replica;
	}

	@Override
	public void destroy() {
		if (replica != null) {
			replica.close();
		}
	}

}
