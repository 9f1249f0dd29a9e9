package org.govhall.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.concurrent.atomic.AtomicInteger;

import org.govhall.supervision.DailySumsKeptTests.Example;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A step whose row keeps what the case adds to the daily sums is written in one
 * statement, on a condition in SQL ({@link SupervisedCases#KEEPS_SUMS}); the rule is also
 * written in Java ({@link SupervisedCases#keeps}), which decides whether the sums move
 * after the locking read. The SQL must never keep a row that Java says moves the sums, or
 * the sums would silently stop counting it; here it answers exactly as Java does for
 * every example of {@code DailySumsKeptTests}' table, on a row stored as the example's
 * contribution has it. The supervision module alone, on H2
 * ({@link SupervisionModuleTest}); {@code SupervisionReadModelTests} and its PostgreSQL
 * twin compare the sums with a rebuild after a varied journey.
 */
@SupervisionModuleTest
class KeepsSumsInSqlTests {

	static final AtomicInteger numbers = new AtomicInteger();

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSqlConditionKeepsARowExactlyWhenKeepsSaysTheSumsStayAsTheyWere() {
		for (Example e : DailySumsKeptTests.table()) {
			String number = stored(e.before());
			MapSqlParameterSource params = SupervisedCases.source(e.row()).addValue("number", number);
			long kept = jdbc
				.sql("SELECT COUNT(*) FROM supervision_case WHERE case_number = :number AND "
						+ SupervisedCases.KEEPS_SUMS)
				.paramSource(params)
				.query(Long.class)
				.single();
			assertThat(kept == 1).as(e.name()).isEqualTo(SupervisedCases.keeps(e.before(), e.row()));
		}
	}

	/** A row of the read model as the contribution has it, under a number of its own. */
	private String stored(DailySums.Contribution before) {
		String number = "KEEPS-" + numbers.incrementAndGet();
		DailySums.Received r = before.received();
		DailySums.Completed c = before.completed();
		jdbc.sql("""
				INSERT INTO supervision_case (case_number, item_code, department_code, region_code,
				       applicant_region, first_handler, state, stage, stage_rank, due_on, suspended, received_on,
				       accepted_on, last_event_at, warning, remaining_working_days, revision, closed_on, updated_at,
				       channel, on_the_spot, decided_on, promised_days, statutory_days)
				VALUES (:n, :item, :department, :region, '660100', NULL, :state, 'DECISION', 2, DATE '2026-10-28',
				       FALSE, :received, NULL, TIMESTAMP '2026-09-30 10:00:00', 'NONE', NULL, 0, NULL,
				       TIMESTAMP '2026-09-30 10:00:00', :channel, :spot, :decided, :promised, :statutory)
				""")
			.param("n", number)
			.param("item", r.item())
			.param("department", r.department())
			.param("region", r.region())
			.param("state", c == null ? "ACCEPTED" : "DECIDED")
			.param("received", r.day())
			.param("channel", r.online() == 1 ? "ONLINE" : "WINDOW")
			.param("spot", r.instant() == 1)
			.param("decided", c == null ? null : c.day(), Types.DATE)
			.param("promised", c == null ? null : c.promised(), Types.INTEGER)
			.param("statutory", c == null ? null : c.statutory(), Types.INTEGER)
			.update();
		return number;
	}

}
