package org.govhall.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The test's own view of the child's PostgreSQL database {@code govhall_nodes} (created
 * by {@code scripts/setup-postgres.sh}), read directly to see what the child committed.
 * Each test gets a fresh schema of its own in that database ({@code resilience_<name>},
 * dropped and created again, as a Flyway clean would leave it), so that other tests using
 * {@code govhall_nodes} (TwoNodesDailyRunTests cleans its {@code public} schema) and test
 * runs of other working copies on the same machine cannot empty it under a running test.
 * Those runs are also kept apart by a machine-wide lock file: one resilience test at a
 * time, since one of them stops PostgreSQL.
 */
final class Ledger implements AutoCloseable {

	static final String URL = System.getenv()
		.getOrDefault("GOVHALL_NODES_DB_URL", "jdbc:postgresql://127.0.0.1:5432/govhall_nodes");

	private static final Pattern CASE_NUMBER = Pattern.compile("\"caseNumber\"\\s*:\\s*\"([^\"]+)\"");

	private static final Path LOCK = Path.of(System.getProperty("java.io.tmpdir"), "govhall-resilience.lock");

	private final String schema;

	private final FileChannel lockFile;

	private final FileLock lock;

	private Ledger(String schema, FileChannel lockFile, FileLock lock) {
		this.schema = schema;
		this.lockFile = lockFile;
		this.lock = lock;
	}

	/**
	 * Takes the machine-wide lock (waiting for another run's resilience test to end),
	 * then a fresh schema.
	 */
	static Ledger open(String name) {
		FileChannel channel = null;
		try {
			channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				System.out.println("resilience: waiting for another test run's resilience test (" + LOCK + ")");
				lock = channel.lock();
			}
			Ledger ledger = new Ledger("resilience_" + name, channel, lock);
			ledger.admin().sql("DROP SCHEMA IF EXISTS " + ledger.schema + " CASCADE").update();
			ledger.admin().sql("CREATE SCHEMA " + ledger.schema).update();
			return ledger;
		}
		catch (IOException ex) {
			close(channel);
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			close(channel);
			throw ex;
		}
	}

	/**
	 * The child's database URL: govhall_nodes with this test's schema first on the search
	 * path.
	 */
	String url() {
		return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	JdbcClient jdbc() {
		return JdbcClient.create(new DriverManagerDataSource(url(), "govhall", "govhall"));
	}

	private JdbcClient admin() {
		return JdbcClient.create(new DriverManagerDataSource(URL, "govhall", "govhall"));
	}

	/** Drops the schema (when PostgreSQL is up) and releases the lock. */
	@Override
	public void close() {
		try {
			admin().sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
		}
		catch (RuntimeException ex) {
			System.out.println("resilience: schema " + schema + " not dropped: " + ex.getMessage());
		}
		finally {
			try {
				lock.release();
			}
			catch (IOException ex) {
				// closing the channel releases it too
			}
			close(lockFile);
		}
	}

	private static void close(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// nothing to do
			}
		}
	}

	/**
	 * A row of the event publication registry (live or archive), with the case it is
	 * about.
	 */
	record Publication(String id, String listener, String eventType, @Nullable String caseNumber,
			@Nullable String status) {

		String shortType() {
			int i = eventType.lastIndexOf('$');
			return i < 0 ? eventType : eventType.substring(i + 1);
		}

		String shortListener() {
			int paren = listener.indexOf('(');
			String head = paren < 0 ? listener : listener.substring(0, paren);
			int dot = head.lastIndexOf('.', head.lastIndexOf('.') - 1);
			return dot < 0 ? head : head.substring(dot + 1);
		}

	}

	static List<Publication> incomplete(JdbcClient db) {
		return publications(db, "SELECT id, listener_id, event_type, serialized_event, status FROM event_publication "
				+ "WHERE completion_date IS NULL");
	}

	static List<Publication> archived(JdbcClient db) {
		return publications(db,
				"SELECT id, listener_id, event_type, serialized_event, status FROM event_publication_archive "
						+ "WHERE completion_date IS NOT NULL");
	}

	/**
	 * How many publications per event type, listener and status, e.g.
	 * {@code Accepted→Notifications.on/PUBLISHED}.
	 */
	static Map<String, Integer> summary(List<Publication> publications) {
		Map<String, Integer> counts = new TreeMap<>();
		publications
			.forEach(p -> counts.merge(p.shortType() + "→" + p.shortListener() + "/" + p.status(), 1, Integer::sum));
		return counts;
	}

	static int incompleteCount(JdbcClient db) {
		return db.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Integer.class)
			.single();
	}

	private static List<Publication> publications(JdbcClient db, String sql) {
		return db.sql(sql).query((rs, n) -> {
			Matcher m = CASE_NUMBER.matcher(rs.getString("serialized_event"));
			return new Publication(rs.getString("id"), rs.getString("listener_id"), rs.getString("event_type"),
					m.find() ? m.group(1) : null, rs.getString("status"));
		}).list();
	}

	static long accountId(JdbcClient db, String username) {
		return db.sql("SELECT id FROM directory_account WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

}
