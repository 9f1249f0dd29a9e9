package org.govhall.supervision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboards' daily sums ({@code supervision_daily_received},
 * {@code supervision_daily_completed}): what each case contributes to the figures that
 * depend only on its own columns, summed per day, region, department and item. The
 * read-model listener locks a case's row, changes it, and applies the difference between
 * the case's contribution before and after, in the same transaction, so the sums are
 * always exact. {@link #rebuild()} recomputes them from {@code supervision_case} (after
 * rows were written there by other means: a migration, a bulk load, a test fixture).
 */
@Component
public class DailySums {

	private final JdbcClient jdbc;

	DailySums(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What a case adds to the received figures of its day of receipt; {@code instant}
	 * counts a case decided on the spot (当场办结), not one merely filed under an item the
	 * catalog labels instant.
	 */
	record Received(LocalDate day, String region, String department, String item, int instant, int online) {
	}

	/** What a decided case adds to the completed figures of its day of decision. */
	record Completed(LocalDate day, String region, String department, String item, int onTime, int early, int late,
			int visits, @Nullable Integer actual, @Nullable Integer promised, @Nullable Integer statutory) {
	}

	/** A case's whole contribution. */
	record Contribution(Received received, @Nullable Completed completed) {
	}

	/**
	 * Locks the case's row for the rest of the transaction and reads its contribution;
	 * none when there is no row.
	 */
	@Nullable Contribution lock(String caseNumber) {
		return jdbc.sql("""
				SELECT received_on, decided_on, region_code, department_code, item_code, on_the_spot, channel,
				       on_time, early, visits, actual_days, promised_days, statutory_days
				FROM supervision_case WHERE case_number = :n FOR UPDATE
				""").param("n", caseNumber).query(DailySums::contribution).optional().orElse(null);
	}

	private static Contribution contribution(ResultSet rs, int n) throws SQLException {
		String region = rs.getString("region_code");
		String department = rs.getString("department_code");
		String item = rs.getString("item_code");
		Received received = new Received(rs.getObject("received_on", LocalDate.class), region, department, item,
				rs.getBoolean("on_the_spot") ? 1 : 0, "ONLINE".equals(rs.getString("channel")) ? 1 : 0);
		LocalDate decided = rs.getObject("decided_on", LocalDate.class);
		Completed completed = null;
		if (decided != null) {
			Boolean onTime = (Boolean) rs.getObject("on_time");
			Boolean early = (Boolean) rs.getObject("early");
			completed = new Completed(decided, region, department, item, Boolean.TRUE.equals(onTime) ? 1 : 0,
					Boolean.TRUE.equals(early) ? 1 : 0, Boolean.FALSE.equals(onTime) ? 1 : 0, rs.getInt("visits"),
					integer(rs, "actual_days"), integer(rs, "promised_days"), integer(rs, "statutory_days"));
		}
		return new Contribution(received, completed);
	}

	private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	/**
	 * Moves the sums from what the case contributed before to what it contributes now.
	 */
	void apply(@Nullable Contribution before, @Nullable Contribution after) {
		Received r0 = before == null ? null : before.received();
		Received r1 = after == null ? null : after.received();
		if (!Objects.equals(r0, r1)) {
			if (r0 != null) {
				received(r0, -1);
			}
			if (r1 != null) {
				received(r1, 1);
			}
		}
		Completed c0 = before == null ? null : before.completed();
		Completed c1 = after == null ? null : after.completed();
		if (!Objects.equals(c0, c1)) {
			if (c0 != null) {
				completed(c0, -1);
			}
			if (c1 != null) {
				completed(c1, 1);
			}
		}
	}

	private void received(Received r, int sign) {
		MapSqlParameterSource p = keys(r.day(), r.region(), r.department(), r.item()).addValue("received", sign)
			.addValue("instant", sign * r.instant())
			.addValue("online", sign * r.online());
		upsert("""
				UPDATE supervision_daily_received SET received = received + :received, instant = instant + :instant,
				       online = online + :online
				WHERE on_day = :day AND region_code = :region AND department_code = :department AND item_code = :item
				""",
				"""
						INSERT INTO supervision_daily_received (on_day, region_code, department_code, item_code, received, instant,
						       online)
						VALUES (:day, :region, :department, :item, :received, :instant, :online) ON CONFLICT DO NOTHING
						""",
				p);
	}

	private void completed(Completed c, int sign) {
		MapSqlParameterSource p = keys(c.day(), c.region(), c.department(), c.item()).addValue("completed", sign)
			.addValue("onTime", sign * c.onTime())
			.addValue("early", sign * c.early())
			.addValue("late", sign * c.late())
			.addValue("visits", sign * c.visits())
			.addValue("actualSum", sign * (c.actual() == null ? 0 : c.actual()))
			.addValue("actualCount", c.actual() == null ? 0 : sign)
			.addValue("promisedSum", sign * (c.promised() == null ? 0 : c.promised()))
			.addValue("promisedCount", c.promised() == null ? 0 : sign)
			.addValue("statutorySum", sign * (c.statutory() == null ? 0 : c.statutory()))
			.addValue("statutoryCount", c.statutory() == null ? 0 : sign);
		upsert("""
				UPDATE supervision_daily_completed SET completed = completed + :completed, on_time = on_time + :onTime,
				       early = early + :early, late = late + :late, visits = visits + :visits,
				       actual_sum = actual_sum + :actualSum, actual_count = actual_count + :actualCount,
				       promised_sum = promised_sum + :promisedSum, promised_count = promised_count + :promisedCount,
				       statutory_sum = statutory_sum + :statutorySum, statutory_count = statutory_count + :statutoryCount
				WHERE on_day = :day AND region_code = :region AND department_code = :department AND item_code = :item
				""",
				"""
						INSERT INTO supervision_daily_completed (on_day, region_code, department_code, item_code, completed,
						       on_time, early, late, visits, actual_sum, actual_count, promised_sum, promised_count,
						       statutory_sum, statutory_count)
						VALUES (:day, :region, :department, :item, :completed, :onTime, :early, :late, :visits, :actualSum,
						       :actualCount, :promisedSum, :promisedCount, :statutorySum, :statutoryCount)
						ON CONFLICT DO NOTHING
						""",
				p);
	}

	/** UPDATE, else INSERT, else (a concurrent insert won) UPDATE again. */
	private void upsert(String update, String insert, MapSqlParameterSource p) {
		if (jdbc.sql(update).paramSource(p).update() == 1 || jdbc.sql(insert).paramSource(p).update() == 1) {
			return;
		}
		jdbc.sql(update).paramSource(p).update();
	}

	private static MapSqlParameterSource keys(LocalDate day, String region, String department, String item) {
		return new MapSqlParameterSource().addValue("day", Date.valueOf(day), Types.DATE)
			.addValue("region", region)
			.addValue("department", department)
			.addValue("item", item);
	}

	/** Recomputes both tables from {@code supervision_case}, in one transaction. */
	@Transactional
	public void rebuild() {
		jdbc.sql("DELETE FROM supervision_daily_received").update();
		jdbc.sql("DELETE FROM supervision_daily_completed").update();
		jdbc.sql(
				"""
						INSERT INTO supervision_daily_received (on_day, region_code, department_code, item_code, received, instant,
						       online)
						SELECT received_on, region_code, department_code, item_code, COUNT(*),
						       SUM(CASE WHEN on_the_spot THEN 1 ELSE 0 END),
						       SUM(CASE WHEN channel = 'ONLINE' THEN 1 ELSE 0 END)
						FROM supervision_case GROUP BY received_on, region_code, department_code, item_code
						""")
			.update();
		jdbc.sql("""
				INSERT INTO supervision_daily_completed (on_day, region_code, department_code, item_code, completed,
				       on_time, early, late, visits, actual_sum, actual_count, promised_sum, promised_count,
				       statutory_sum, statutory_count)
				SELECT decided_on, region_code, department_code, item_code, COUNT(*),
				       SUM(CASE WHEN on_time = TRUE THEN 1 ELSE 0 END), SUM(CASE WHEN early = TRUE THEN 1 ELSE 0 END),
				       SUM(CASE WHEN on_time = FALSE THEN 1 ELSE 0 END), SUM(visits),
				       COALESCE(SUM(actual_days), 0), COUNT(actual_days), COALESCE(SUM(promised_days), 0),
				       COUNT(promised_days), COALESCE(SUM(statutory_days), 0), COUNT(statutory_days)
				FROM supervision_case WHERE decided_on IS NOT NULL
				GROUP BY decided_on, region_code, department_code, item_code
				""").update();
	}

}
