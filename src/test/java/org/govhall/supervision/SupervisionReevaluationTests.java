package org.govhall.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.govhall.cases.CaseFacts;
import org.govhall.cases.CaseState;
import org.govhall.cases.Channel;
import org.govhall.catalog.ProcessingMode;
import org.govhall.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The nightly re-evaluation works on the read model alone: it touches every open row with
 * batched plain updates, whatever their number, leaves closed rows alone, and lets a
 * yellow threshold be set per stage. The supervision module alone
 * ({@link SupervisionModuleTest}, whose decision stage turns yellow at 5 working days).
 */
@SupervisionModuleTest
class SupervisionReevaluationTests {

	@Autowired
	Supervision supervision;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock.Moving clock;

	@Autowired
	WarningRules rules;

	@Autowired
	SupervisedCases cases;

	void insert(String number, Stage stage, LocalDate due, boolean closed) {
		jdbc.sql("""
				INSERT INTO supervision_case (case_number, item_code, department_code, region_code,
				       applicant_region, first_handler, state, stage, stage_rank, due_on, suspended, received_on,
				       accepted_on, last_event_at, warning, remaining_working_days, revision, closed_on, updated_at)
				VALUES (:n, '660100-XK-02001', '660100-SCJG', '660100', '660100', NULL, :state, :stage, 1, :due, FALSE,
				       DATE '2026-09-30', NULL, :at, 'NONE', NULL, 0, :closed, :at)
				""")
			.param("n", number)
			.param("state", stage == Stage.DECISION ? "ACCEPTED" : "RECEIVED")
			.param("stage", stage.name())
			.param("due", due)
			.param("closed", closed ? LocalDate.of(2026, 10, 1) : null)
			.param("at", Timestamp.valueOf("2026-09-30 10:00:00"))
			.update();
	}

	Map<String, Object> row(String number) {
		return jdbc.sql("SELECT warning, remaining_working_days FROM supervision_case WHERE case_number = :n")
			.param("n", number)
			.query()
			.singleRow();
	}

	@Test
	void reEvaluationTouchesEveryOpenRowAndNoClosedOne() {
		jdbc.sql("DELETE FROM supervision_case").update();
		for (int i = 0; i < 50; i++) {
			insert("660100-2026-T%05d".formatted(i), Stage.ACCEPTANCE, LocalDate.of(2026, 10, 13), false);
		}
		insert("660100-2026-CLOSED", Stage.ACCEPTANCE, LocalDate.of(2026, 10, 13), true);

		clock.set("2026-10-12T00:15:00");
		assertThat(supervision.reevaluate()).isEqualTo(50);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM supervision_case WHERE warning = 'YELLOW' " + "AND remaining_working_days = 1")
			.query(Integer.class)
			.single()).isEqualTo(50);
		assertThat(row("660100-2026-CLOSED").get("warning")).isEqualTo("NONE");

		clock.set("2026-10-14T00:15:00");
		assertThat(supervision.reevaluate()).isEqualTo(50);
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM supervision_case WHERE warning = 'RED'").query(Integer.class).single())
			.isEqualTo(50);
	}

	@Test
	void aDueDateInAYearWithoutCalendarGivesNoWarningAndAStageMayHaveItsOwnYellowThreshold() {
		jdbc.sql("DELETE FROM supervision_case").update();
		insert("660100-2026-FAR", Stage.DECISION, LocalDate.of(2031, 1, 10), false);
		insert("660100-2026-DEC", Stage.DECISION, LocalDate.of(2026, 10, 16), false);
		insert("660100-2026-ACC", Stage.ACCEPTANCE, LocalDate.of(2026, 10, 16), false);
		clock.set("2026-10-12T00:15:00");
		assertThat(supervision.reevaluate()).isEqualTo(3);
		assertThat(row("660100-2026-FAR").get("warning")).isEqualTo("NONE");
		assertThat(row("660100-2026-FAR").get("remaining_working_days")).isNull();
		// 4 working days left: yellow for a decision (threshold 5), not for acceptance
		// (default 2)
		assertThat(row("660100-2026-DEC").get("warning")).isEqualTo("YELLOW");
		assertThat(row("660100-2026-ACC").get("warning")).isEqualTo("NONE");
		assertThat(((Number) row("660100-2026-ACC").get("remaining_working_days")).intValue()).isEqualTo(4);
		assertThat(rules.yellowDays(Stage.DECISION)).isEqualTo(5);
		assertThat(rules.yellowDays(Stage.DELIVERY)).isEqualTo(2);
		assertThat(List.of(Warning.values())).containsExactly(Warning.NONE, Warning.YELLOW, Warning.RED);
	}

	@Test
	void aTodayInAYearWithoutCalendarStillWarnsOnADueDateThatIsKnown() {
		jdbc.sql("DELETE FROM supervision_case").update();
		insert("660100-2026-LATE", Stage.DECISION, LocalDate.of(2026, 12, 28), false);
		clock.set("2027-01-04T00:15:00");
		assertThat(supervision.reevaluate()).isEqualTo(1);
		assertThat(row("660100-2026-LATE").get("warning")).isEqualTo("RED");
		// 29, 30, 31 December, 1 and 4 January on weekdays: the provisional count for a
		// missing year
		assertThat(((Number) row("660100-2026-LATE").get("remaining_working_days")).intValue()).isEqualTo(-5);
	}

	static CaseFacts facts(String number, CaseState state) {
		LocalDate received = LocalDate.of(2026, 9, 30);
		boolean accepted = state != CaseState.RECEIVED;
		return new CaseFacts(number, "660100-XK-02001", "660100-SCJG", "660100", state, Channel.ONLINE, "660100", null,
				null, "clerk", received, accepted ? received : null, false, LocalDate.of(2026, 10, 13),
				accepted ? LocalDate.of(2026, 11, 4) : null, null,
				state == CaseState.DECIDED ? LocalDate.of(2026, 10, 27) : null, false, ProcessingMode.PROMISED, false,
				"ref-" + number, 20, 10, List.of(), 0, null, null, null, null, null, null);
	}

	String stage(String number) {
		return jdbc.sql("SELECT stage FROM supervision_case WHERE case_number = :n")
			.param("n", number)
			.query(String.class)
			.single();
	}

	/**
	 * Listeners run asynchronously, so events may be recorded in another order than they
	 * were published.
	 */
	@Test
	void anEventArrivingLateNeitherMovesARowBackNorReopensAClosedCase() {
		clock.set("2026-10-09T10:00:00");
		cases.record(facts("660100-2026-LATE1", CaseState.ACCEPTED));
		cases.record(facts("660100-2026-LATE1", CaseState.RECEIVED));
		assertThat(stage("660100-2026-LATE1")).isEqualTo("DECISION");

		cases.record(facts("660100-2026-LATE2", CaseState.WITHDRAWN));
		cases.record(facts("660100-2026-LATE2", CaseState.RECEIVED));
		assertThat(stage("660100-2026-LATE2")).isEqualTo("NONE");
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM supervision_case WHERE case_number = '660100-2026-LATE2' "
					+ "AND closed_on IS NOT NULL")
			.query(Integer.class)
			.single()).isEqualTo(1);

		cases.record(facts("660100-2026-LATE3", CaseState.DECIDED));
		assertThat(stage("660100-2026-LATE3")).isEqualTo("DELIVERY");
		assertThat(row("660100-2026-LATE3").get("warning")).isEqualTo("NONE");
	}

}
