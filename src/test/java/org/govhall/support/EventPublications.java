package org.govhall.support;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits until Spring Modulith's registry has no publication outstanding, so that a test
 * compares the database once the listeners of earlier steps (documents, supervision,
 * notifications) are done. When it waits in vain it names the publications left, with
 * their listener, event, status and attempts: a listener that failed leaves its
 * publication failed until the resubmission, which the test contexts run only every 10
 * hours, and a bare timeout would not say which.
 */
public final class EventPublications {

	private EventPublications() {
	}

	public static void awaitNoneOutstanding(JdbcClient jdbc, Duration atMost) {
		try {
			Awaitility.await()
				.atMost(atMost)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(20))
				.until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
					.query(Long.class)
					.single() == 0);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError(
					"event publications still outstanding after " + atMost.toSeconds() + " s: " + outstanding(jdbc),
					ex);
		}
	}

	/**
	 * The outstanding publications, at most ten, each as listener, event, status and
	 * attempts.
	 */
	static String outstanding(JdbcClient jdbc) {
		List<String> rows = jdbc.sql("""
				SELECT listener_id, event_type, status, completion_attempts FROM event_publication
				WHERE completion_date IS NULL ORDER BY publication_date
				""")
			.query((rs, n) -> shortName(rs.getString("listener_id")) + " on " + shortName(rs.getString("event_type"))
					+ " " + rs.getString("status") + " after " + rs.getInt("completion_attempts") + " attempt(s)")
			.list();
		return rows.size() + " " + rows.stream().limit(10).collect(Collectors.joining("; "));
	}

	private static String shortName(String name) {
		String head = name.contains("(") ? name.substring(0, name.indexOf('(')) : name;
		int space = head.lastIndexOf(' ');
		head = head.substring(space + 1);
		String[] parts = head.split("\\.");
		return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : head;
	}

}
