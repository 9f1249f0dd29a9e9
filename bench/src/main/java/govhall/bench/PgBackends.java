package govhall.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the PostgreSQL backends serving the bench database (the app's pooled connections), read from /proc:
 * the database's share of a transition, whatever else the machine runs. Background processes (WAL writer,
 * checkpointer, autovacuum) are not included.
 */
final class PgBackends {

	static final String QUERY = """
			SELECT pid FROM pg_stat_activity
			WHERE datname = current_database() AND backend_type = 'client backend' AND (? OR pid <> pg_backend_pid())
			""";

	private PgBackends() {
	}

	/**
	 * pid → CPU nanoseconds of each backend of this connection's database; with {@code includeOwn} false, not this
	 * connection's own (the HTTP driver's, which only watches).
	 */
	static Map<Long, Long> read(Connection c, boolean includeOwn) {
		Map<Long, Long> cpu = new HashMap<>();
		try (PreparedStatement s = c.prepareStatement(QUERY)) {
			s.setBoolean(1, includeOwn);
			ResultSet rs = s.executeQuery();
			while (rs.next()) {
				long pid = rs.getLong(1);
				long nanos = MachineCpu.processNanos(pid);
				if (nanos >= 0) {
					cpu.put(pid, nanos);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return cpu;
	}

	/** CPU used between two readings; a backend that appeared in between counts from zero. */
	static long deltaNanos(Map<Long, Long> before, Map<Long, Long> after) {
		long sum = 0;
		for (Map.Entry<Long, Long> e : after.entrySet()) {
			sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
		}
		return sum;
	}

}
