package org.govhall.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.govhall.cases.CaseAction;
import org.govhall.cases.CaseEvent;
import org.govhall.directory.Role;
import org.govhall.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;

/**
 * The flow from the cases module into supervision, the module alone
 * ({@link SupervisionModuleTest}): a case event builds the case's row of the read model
 * with its stage, due date and working days left; a step arriving late never turns the
 * row back; and what supervision flags reaches the notification module as a
 * {@link SupervisionAlert} in the first handler's name (首办负责制). The clock stands at
 * 2026-09-30 10:00, the eve of the National Day holiday.
 */
@SupervisionModuleTest
class SupervisionModuleTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock.Moving clock;

	@BeforeEach
	void eveOfTheNationalDayHoliday() {
		clock.set("2026-09-30T10:00:00");
	}

	Map<String, Object> row(String number) {
		return jdbc.sql("""
				SELECT state, stage, due_on, remaining_working_days, warning, first_handler, accepted_on
				FROM supervision_case WHERE case_number = :n
				""").param("n", number).query().listOfRows().stream().findFirst().orElse(Map.of());
	}

	List<String> steps(String number) {
		return jdbc.sql("SELECT action FROM supervision_case_step WHERE case_number = :n ORDER BY at")
			.param("n", number)
			.query(String.class)
			.list();
	}

	@Test
	void aReceivedCaseGetsItsRowWithTheStageDueDateAndWorkingDaysLeft(Scenario scenario) {
		Facts received = new Facts("660100-2026-SM0001");
		scenario.publish(new CaseEvent.Received(received.build()))
			.andWaitForStateChange(() -> row("660100-2026-SM0001"), found -> !found.isEmpty())
			.andVerify(found -> {
				assertThat(found).containsEntry("state", "RECEIVED")
					.containsEntry("stage", "ACCEPTANCE")
					.containsEntry("warning", "NONE")
					.containsEntry("first_handler", "clerk");
				assertThat(found.get("due_on")).hasToString("2026-10-13");
				// 10-08, 10-09, 10-10 (a make-up working Saturday), 10-12 and 10-13: the
				// holiday of 10-01..07 counts nothing
				assertThat(found.get("remaining_working_days")).isEqualTo(5);
				assertThat(steps("660100-2026-SM0001")).containsExactly("RECEIVED");
			});
	}

	@Test
	void aStepArrivingAfterALaterOneNeverTurnsTheRowBack(Scenario scenario) {
		Facts accepted = new Facts("660100-2026-SM0002").accepted("2026-09-30", "2026-10-29")
			.step(CaseAction.ACCEPTED, "clerk", Role.WINDOW_CLERK, "2026-09-30");
		scenario.publish(new CaseEvent.Accepted(accepted.build(), false, null))
			.andWaitForStateChange(() -> row("660100-2026-SM0002"), found -> "ACCEPTED".equals(found.get("state")))
			.andVerify(found -> assertThat(found).containsEntry("stage", "DECISION"));

		Facts received = new Facts("660100-2026-SM0002");
		scenario.publish(new CaseEvent.Received(received.build()))
			.andWaitForStateChange(() -> steps("660100-2026-SM0002"), found -> found.size() == 2)
			.andVerify(found -> {
				assertThat(row("660100-2026-SM0002")).containsEntry("state", "ACCEPTED")
					.containsEntry("stage", "DECISION");
				assertThat(row("660100-2026-SM0002").get("due_on")).hasToString("2026-10-29");
			});
	}

	@Test
	void aCaseDueTodayWarnsItsFirstHandler(Scenario scenario) {
		Facts dueToday = new Facts("660100-2026-SM0003");
		dueToday.receivedOn = LocalDate.of(2026, 9, 23);
		dueToday.acceptanceDue = LocalDate.of(2026, 9, 30);
		scenario.publish(new CaseEvent.Received(dueToday.build()))
			.andWaitForEventOfType(SupervisionAlert.class)
			.matching(alert -> alert.caseNumber().equals("660100-2026-SM0003"))
			.toArriveAndVerify(alert -> {
				assertThat(alert.kind()).isEqualTo(SupervisionAlert.Kind.YELLOW_WARNING);
				assertThat(alert.handlers()).containsExactly("clerk");
				assertThat(alert.state()).isEqualTo("RECEIVED");
				assertThat(alert.cardNumber()).isNull();
				assertThat(row("660100-2026-SM0003")).containsEntry("warning", "YELLOW");
			});
	}

	@Test
	void anOverdueCaseTurnsRedWithAYellowCardInItsFirstHandlersName(Scenario scenario) {
		Facts overdue = new Facts("660100-2026-SM0004");
		overdue.receivedOn = LocalDate.of(2026, 9, 18);
		overdue.acceptanceDue = LocalDate.of(2026, 9, 25);
		scenario.publish(new CaseEvent.Received(overdue.build()))
			.andWaitForEventOfType(SupervisionAlert.class)
			.matching(alert -> alert.caseNumber().equals("660100-2026-SM0004")
					&& alert.kind() == SupervisionAlert.Kind.YELLOW_CARD)
			.toArriveAndVerify(alert -> {
				assertThat(alert.handlers()).containsExactly("clerk");
				assertThat(alert.cardNumber()).isNotNull();
				assertThat(row("660100-2026-SM0004")).containsEntry("warning", "RED");
				assertThat(jdbc.sql("SELECT cause FROM supervision_card WHERE card_number = :c")
					.param("c", alert.cardNumber())
					.query(String.class)
					.single()).isEqualTo("CASE_OVERDUE");
			});
	}

}
