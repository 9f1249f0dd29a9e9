package org.govhall.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.govhall.cases.CaseAction;
import org.govhall.cases.CaseEvent;
import org.govhall.directory.Directory;
import org.govhall.directory.Role;
import org.govhall.supervision.Facts;
import org.govhall.supervision.SupervisionAlert;
import org.govhall.support.ModuleSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification module alone (the directory that names the accounts mocked, an outbox
 * standing for SMS or e-mail): the cases module's steps reach the applicant and the first
 * handler once however often they are delivered, a chase reaches only the chased
 * department's reviewers, a handover tells the one who held the case, and supervision's
 * alerts reach the handlers it names.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("h2")
@Import(ModuleSlice.class)
class NotificationModuleTests {

	/** The applicant of every case of {@link Facts}. */
	static final long APPLICANT = 1L;

	static final long CLERK = 21L;

	@MockitoBean
	Directory directory;

	@MockitoBean
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@BeforeEach
	void accounts() {
		given(directory.accountIdOf("clerk")).willReturn(Optional.of(CLERK));
		given(directory.accountIdOf("clerk2")).willReturn(Optional.of(22L));
		given(directory.staffOf("660100-GAJ", Role.REVIEWER)).willReturn(List.of(31L, 32L));
	}

	List<Map<String, Object>> messages(String number) {
		return jdbc
			.sql("SELECT account_id, event, state FROM notification_message WHERE case_number = :n ORDER BY account_id")
			.param("n", number)
			.query()
			.listOfRows();
	}

	@Test
	void aStepReachesTheApplicantAndTheFirstHandlerOnce(Scenario scenario) {
		Facts accepted = new Facts("660100-2026-NM0001").accepted("2026-09-30", "2026-10-29")
			.step(CaseAction.ACCEPTED, "clerk", Role.WINDOW_CLERK, "2026-09-30");
		CaseEvent event = new CaseEvent.Accepted(accepted.build(), false, null);
		scenario.publish(event)
			.andWaitForStateChange(() -> messages("660100-2026-NM0001"), found -> found.size() == 2)
			.andVerify(found -> {
				assertThat(found).extracting(m -> ((Number) m.get("account_id")).longValue())
					.containsExactly(APPLICANT, CLERK);
				assertThat(found).allSatisfy(
						m -> assertThat(m).containsEntry("event", "Accepted").containsEntry("state", "ACCEPTED"));
				// after the commit, through the publication registry
				verify(outbox, timeout(2000)).send(APPLICANT, "660100-2026-NM0001", "Accepted");
				verify(outbox, timeout(2000)).send(CLERK, "660100-2026-NM0001", "Accepted");
			});

		transactions.executeWithoutResult(status -> events.publishEvent(event));
		assertThat(messages("660100-2026-NM0001")).as("published again").hasSize(2);
		verify(outbox, after(300).times(1)).send(APPLICANT, "660100-2026-NM0001", "Accepted");
	}

	@Test
	void aChaseReachesOnlyTheChasedDepartmentsReviewers(Scenario scenario) {
		Facts joint = new Facts("660100-2026-NM0002").accepted("2026-09-30", "2026-10-29")
			.step(CaseAction.OPINION_CHASED, "reviewer", Role.REVIEWER, "2026-10-12");
		scenario
			.publish(
					new CaseEvent.OpinionChased(joint.build(), "660100-GAJ", 1, LocalDate.of(2026, 10, 14), "reviewer"))
			.andWaitForStateChange(() -> messages("660100-2026-NM0002"), found -> found.size() == 2)
			.andVerify(found -> assertThat(found).extracting(m -> ((Number) m.get("account_id")).longValue())
				.as("neither the applicant nor the first handler")
				.containsExactly(31L, 32L));
	}

	@Test
	void aHandoverTellsTheOneWhoHeldTheCase(Scenario scenario) {
		Facts handedOver = new Facts("660100-2026-NM0003").step(CaseAction.HANDED_OVER, "deptadmin",
				Role.DEPARTMENT_ADMIN, "2026-09-30");
		// clerk2 held the case and is on leave: clerk takes it over and is the first
		// handler now
		scenario.publish(new CaseEvent.HandedOver(handedOver.build(), "clerk2", "clerk", "病假"))
			.andWaitForStateChange(() -> messages("660100-2026-NM0003"), found -> found.size() == 3)
			.andVerify(found -> assertThat(found).extracting(m -> ((Number) m.get("account_id")).longValue())
				.containsExactly(APPLICANT, CLERK, 22L));
	}

	@Test
	void supervisionsAlertReachesTheHandlersItNamesAndNobodyElse(Scenario scenario) {
		SupervisionAlert card = new SupervisionAlert("660100-2026-NM0004", "ACCEPTED", SupervisionAlert.Kind.RED_CARD,
				List.of("clerk", "nobody", "clerk"), "RC-0001", Instant.parse("2026-09-30T02:00:00Z"));
		scenario.publish(card)
			.andWaitForStateChange(() -> messages("660100-2026-NM0004"), found -> !found.isEmpty())
			.andVerify(found -> {
				assertThat(found).singleElement()
					.satisfies(m -> assertThat(m).containsEntry("event", "RedCard").containsEntry("state", "ACCEPTED"));
				assertThat(((Number) found.get(0).get("account_id")).longValue()).isEqualTo(CLERK);
				verify(outbox, timeout(1000)).send(CLERK, "660100-2026-NM0004", "RedCard");
				verify(outbox, never()).send(APPLICANT, "660100-2026-NM0004", "RedCard");
			});
	}

}
