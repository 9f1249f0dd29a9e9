package org.govhall.supervision.dashboards;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govhall.cases.CaseState;
import org.govhall.supervision.DailySums;
import org.govhall.supervision.Warning;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboards' SQL: received and completed figures from the daily sums kept by
 * {@link DailySums}, open red cases live from {@code supervision_case}, cards from
 * {@code supervision_card}; one grouped statement per kind of figure, so that a table
 * costs four statements whatever its number of rows, and the sums read grow with days
 * times items, not with cases. They run on the reporting database: a streaming replica
 * where one is configured.
 */
@Component
class DashboardQueries {

	private final JdbcClient jdbc;

	DashboardQueries(ReportingDatabase reporting) {
		this.jdbc = reporting.jdbc();
	}

	/** How the figures are grouped; each names the two key columns it selects. */
	enum Grouping {

		/**
		 * By the region and the department that handled the case (the card was issued
		 * to).
		 */
		REGION_DEPARTMENT,
		/** By item; cards without a case of the read model fall in the key {@code ""}. */
		ITEM,
		/** By year and month of the date the figure counts by. */
		MONTH,
		/** One group for the whole scope. */
		NONE;

		String keys(String table, String date) {
			return switch (this) {
				case REGION_DEPARTMENT -> table + ".region_code AS k1, " + table + ".department_code AS k2";
				case ITEM -> "COALESCE(c.item_code, '') AS k1, '' AS k2";
				case MONTH -> "EXTRACT(YEAR FROM " + date + ") AS k1, EXTRACT(MONTH FROM " + date + ") AS k2";
				case NONE -> "'' AS k1, '' AS k2";
			};
		}

		String groupBy(String table, String date) {
			return switch (this) {
				case REGION_DEPARTMENT -> "GROUP BY " + table + ".region_code, " + table + ".department_code";
				case ITEM -> "GROUP BY c.item_code";
				case MONTH -> "GROUP BY EXTRACT(YEAR FROM " + date + "), EXTRACT(MONTH FROM " + date + ")";
				case NONE -> "";
			};
		}

		Key key(ResultSet rs) throws SQLException {
			if (this == MONTH) {
				return new Key(Integer.toString(rs.getInt("k1")), Integer.toString(rs.getInt("k2")));
			}
			String first = rs.getString("k1");
			String second = rs.getString("k2");
			return new Key(first == null ? "" : first, second == null ? "" : second);
		}

	}

	/**
	 * A group: region and department, item and {@code ""}, year and month, or two empty
	 * strings.
	 */
	record Key(String first, String second) {
	}

	/**
	 * What the figures are counted over: regions (none for any), a department and an
	 * item, each optional.
	 */
	record Scope(@Nullable Set<String> regions, @Nullable String department, @Nullable String item) {

		boolean empty() {
			return regions != null && regions.isEmpty();
		}

	}

	/**
	 * Received figures from the daily sums ({@link DailySums}), grouped over the days of
	 * the period.
	 */
	private static final String RECEIVED = """
			SELECT %s,
			       SUM(c.received) AS received, SUM(c.instant) AS instant, SUM(c.online) AS online
			FROM supervision_daily_received c
			WHERE c.on_day BETWEEN :from AND :to%s
			%s
			""";

	/**
	 * Open cases red today: counted live over the open cases (the only figure that
	 * depends on today).
	 */
	private static final String OVERDUE_OPEN = """
			SELECT %s,
			       COUNT(*) AS overdue_open
			FROM supervision_case c
			WHERE c.closed_on IS NULL AND c.warning = 'RED' AND (c.on_time IS NULL OR c.on_time = TRUE)
			  AND c.received_on BETWEEN :from AND :to%s
			%s
			""";

	/** Completed figures from the daily sums, grouped over the days of the period. */
	private static final String COMPLETED = """
			SELECT %s,
			       SUM(c.completed) AS completed, SUM(c.on_time) AS on_time, SUM(c.early) AS early,
			       SUM(c.late) AS late, SUM(c.visits) AS visits,
			       SUM(c.actual_sum) AS actual_sum, SUM(c.actual_count) AS actual_count,
			       SUM(c.promised_sum) AS promised_sum, SUM(c.promised_count) AS promised_count,
			       SUM(c.statutory_sum) AS statutory_sum, SUM(c.statutory_count) AS statutory_count
			FROM supervision_daily_completed c
			WHERE c.on_day BETWEEN :from AND :to%s
			%s
			""";

	private static final String CARDS = """
			SELECT %s,
			       COUNT(*) AS cards,
			       SUM(CASE WHEN k.colour = 'RED' THEN 1 ELSE 0 END) AS red_cards
			FROM supervision_card k%s
			WHERE k.issued_on BETWEEN :from AND :to%s
			%s
			""";

	/** Every figure of the scope over the period, by group: three statements. */
	Map<Key, DashboardCounts> counts(Scope scope, Grouping grouping, DashboardPeriod period) {
		Map<Key, DashboardCounts> result = new HashMap<>();
		if (scope.empty()) {
			return result;
		}
		String caseScope = where(scope, "c");
		jdbc.sql(RECEIVED.formatted(grouping.keys("c", "c.on_day"), caseScope, grouping.groupBy("c", "c.on_day")))
			.params(params(scope, period))
			.query((rs, n) -> Map.entry(grouping.key(rs),
					DashboardCounts.received(rs.getLong("received"), rs.getLong("instant"), rs.getLong("online"), 0)))
			.list()
			.stream()
			.filter(e -> !e.getValue().equals(DashboardCounts.ZERO))
			.forEach(e -> result.merge(e.getKey(), e.getValue(), DashboardCounts::plus));
		jdbc.sql(OVERDUE_OPEN.formatted(grouping.keys("c", "c.received_on"), caseScope,
				grouping.groupBy("c", "c.received_on")))
			.params(params(scope, period))
			.query((rs, n) -> Map.entry(grouping.key(rs),
					DashboardCounts.received(0, 0, 0, rs.getLong("overdue_open"))))
			.list()
			.forEach(e -> result.merge(e.getKey(), e.getValue(), DashboardCounts::plus));
		jdbc.sql(COMPLETED.formatted(grouping.keys("c", "c.on_day"), caseScope, grouping.groupBy("c", "c.on_day")))
			.params(params(scope, period))
			.query((rs, n) -> Map.entry(grouping.key(rs),
					DashboardCounts.completed(rs.getLong("completed"), rs.getLong("on_time"), rs.getLong("early"),
							rs.getLong("late"), rs.getLong("visits"), rs.getLong("actual_sum"),
							rs.getLong("actual_count"), rs.getLong("promised_sum"), rs.getLong("promised_count"),
							rs.getLong("statutory_sum"), rs.getLong("statutory_count"))))
			.list()
			.stream()
			.filter(e -> !e.getValue().equals(DashboardCounts.ZERO))
			.forEach(e -> result.merge(e.getKey(), e.getValue(), DashboardCounts::plus));
		boolean join = grouping == Grouping.ITEM || scope.item() != null;
		String cardScope = where(new Scope(scope.regions(), scope.department(), null), "k")
				+ (scope.item() == null ? "" : " AND c.item_code = :item");
		jdbc.sql(CARDS.formatted(grouping.keys("k", "k.issued_on"),
				join ? " LEFT JOIN supervision_case c ON c.case_number = k.case_number" : "", cardScope,
				grouping.groupBy("k", "k.issued_on")))
			.params(params(scope, period))
			.query((rs, n) -> Map.entry(grouping.key(rs),
					DashboardCounts.cards(rs.getLong("cards"), rs.getLong("red_cards"))))
			.list()
			.forEach(e -> result.merge(e.getKey(), e.getValue(), DashboardCounts::plus));
		return result;
	}

	private static final String CASES = """
			SELECT c.case_number, c.item_code, c.department_code, c.region_code, c.state, c.channel,
			       c.processing_mode, c.received_on, c.decided_on, c.closed_on, c.actual_days, c.promised_days,
			       c.statutory_days, c.on_time, c.early, c.visits, c.warning, c.ever_red, c.carded
			FROM supervision_case c
			WHERE (%s)%s
			ORDER BY c.received_on DESC, c.case_number
			FETCH FIRST %d ROWS ONLY
			""";

	private static final String RECEIVED_IN = "c.received_on BETWEEN :from AND :to";

	private static final String DECIDED_IN = "c.decided_on BETWEEN :from AND :to";

	private static final String OPEN_RED = "c.closed_on IS NULL AND c.warning = 'RED' "
			+ "AND (c.on_time IS NULL OR c.on_time = TRUE)";

	/**
	 * The cases of the scope behind a figure of the period, newest received first, at
	 * most {@code limit}.
	 */
	List<DashboardCase> cases(Scope scope, DashboardCaseFilter figure, DashboardPeriod period, int limit) {
		if (scope.empty()) {
			return List.of();
		}
		String condition = switch (figure) {
			case ALL -> RECEIVED_IN + " OR " + DECIDED_IN;
			case RECEIVED -> RECEIVED_IN;
			case COMPLETED -> DECIDED_IN;
			case OVERDUE -> "(" + DECIDED_IN + " AND c.on_time = FALSE) OR (" + RECEIVED_IN + " AND " + OPEN_RED + ")";
		};
		return jdbc.sql(CASES.formatted(condition, where(scope, "c"), limit))
			.params(params(scope, period))
			.query((rs, n) -> dashboardCase(rs, period))
			.list();
	}

	private static DashboardCase dashboardCase(ResultSet rs, DashboardPeriod period) throws SQLException {
		LocalDate received = rs.getObject("received_on", LocalDate.class);
		LocalDate decided = rs.getObject("decided_on", LocalDate.class);
		LocalDate closed = rs.getObject("closed_on", LocalDate.class);
		Boolean onTime = bool(rs, "on_time");
		Warning warning = Warning.valueOf(rs.getString("warning"));
		boolean decidedLate = decided != null && within(decided, period) && Boolean.FALSE.equals(onTime);
		boolean openRed = within(received, period) && closed == null && warning == Warning.RED
				&& !Boolean.FALSE.equals(onTime);
		return new DashboardCase(rs.getString("case_number"), rs.getString("item_code"),
				rs.getString("department_code"), rs.getString("region_code"), CaseState.valueOf(rs.getString("state")),
				rs.getString("channel"), rs.getString("processing_mode"), received, decided, closed,
				integer(rs, "actual_days"), integer(rs, "promised_days"), integer(rs, "statutory_days"), onTime,
				bool(rs, "early"), rs.getInt("visits"), warning, rs.getBoolean("ever_red"), rs.getBoolean("carded"),
				decidedLate || openRed);
	}

	private static boolean within(LocalDate date, DashboardPeriod period) {
		return !date.isBefore(period.from()) && !date.isAfter(period.to());
	}

	private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Boolean bool(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}

	/**
	 * The scope as conditions on the table's alias; only fixed text, every value a
	 * parameter.
	 */
	private static String where(Scope scope, String alias) {
		StringBuilder where = new StringBuilder();
		if (scope.regions() != null) {
			where.append(" AND ").append(alias).append(".region_code IN (:regions)");
		}
		if (scope.department() != null) {
			where.append(" AND ").append(alias).append(".department_code = :department");
		}
		if (scope.item() != null) {
			where.append(" AND ").append(alias).append(".item_code = :item");
		}
		return where.toString();
	}

	private static Map<String, Object> params(Scope scope, DashboardPeriod period) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", period.from());
		params.put("to", period.to());
		if (scope.regions() != null) {
			params.put("regions", scope.regions());
		}
		if (scope.department() != null) {
			params.put("department", scope.department());
		}
		if (scope.item() != null) {
			params.put("item", scope.item());
		}
		return params;
	}

}
