package org.govhall.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.govhall.cases.CaseAction;
import org.govhall.cases.CaseEvent;
import org.govhall.cases.Outcome;
import org.govhall.directory.Directory;
import org.govhall.directory.Role;
import org.govhall.shared.AuditEvent;
import org.govhall.supervision.Facts;
import org.govhall.support.ModuleSlice;
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
 * The audit module alone (the rest of the application absent, the directory mocked): a
 * case step published by the cases module becomes one audit row in the step's own time,
 * once however often it is delivered, and an action's {@link AuditEvent} commits or rolls
 * back with the action.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("h2")
@Import(ModuleSlice.class)
class AuditModuleTests {

	@MockitoBean
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	List<Map<String, Object>> rows(String subject) {
		return jdbc.sql("""
				SELECT actor, actor_role, action, detail, occurred_at, step_key FROM audit_entry
				WHERE subject = :s ORDER BY id
				""").param("s", subject).query().listOfRows();
	}

	@Test
	void aCaseStepBecomesOneRowInTheStepsOwnTime(Scenario scenario) {
		Facts decided = new Facts("660100-2026-AUDIT01").accepted("2026-09-30", "2026-10-29")
			.step(CaseAction.DECIDED, "approver", Role.APPROVER, "2026-10-20");
		CaseEvent event = new CaseEvent.Decided(decided.build(), Outcome.APPROVED, "approver", "reviewer", false);

		scenario.publish(event)
			.andWaitForStateChange(() -> rows("660100-2026-AUDIT01"), found -> !found.isEmpty())
			.andVerify(found -> assertThat(found).singleElement().satisfies(row -> {
				assertThat(row).containsEntry("actor", "approver")
					.containsEntry("actor_role", "APPROVER")
					.containsEntry("action", "case.decided")
					.containsEntry("step_key", "660100-2026-AUDIT01|2026-10-20T02:00:00.000000Z|DECIDED");
				assertThat(row.get("detail")).isEqualTo(
						"item=660100-XK-02001; department=660100-SCJG; channel=ONLINE; state=ACCEPTED; outcome=APPROVED");
				assertThat(instant(row.get("occurred_at"))).isEqualTo(Instant.parse("2026-10-20T02:00:00Z"));
			}));
	}

	@Test
	void aStepDeliveredAgainAddsNoSecondRow(Scenario scenario) {
		Facts accepted = new Facts("660100-2026-AUDIT02").accepted("2026-09-30", "2026-10-29")
			.step(CaseAction.ACCEPTED, "clerk", Role.WINDOW_CLERK, "2026-09-30");
		CaseEvent event = new CaseEvent.Accepted(accepted.build(), false, null);
		scenario.publish(event)
			.andWaitForStateChange(() -> rows("660100-2026-AUDIT02"), found -> found.size() == 1)
			.andVerify(found -> assertThat(found.get(0)).containsEntry("action", "case.accepted"));

		transactions.executeWithoutResult(status -> events.publishEvent(event));
		assertThat(rows("660100-2026-AUDIT02")).as("the step published again").hasSize(1);
	}

	@Test
	void aStepsRowCommitsAndRollsBackWithTheStep() {
		Facts accepted = new Facts("660100-2026-AUDIT03").accepted("2026-09-30", "2026-10-29")
			.step(CaseAction.ACCEPTED, "clerk", Role.WINDOW_CLERK, "2026-09-30");
		CaseEvent event = new CaseEvent.Accepted(accepted.build(), false, null);
		transactions.executeWithoutResult(status -> {
			events.publishEvent(event);
			assertThat(rows("660100-2026-AUDIT03")).as("written in the step's transaction").hasSize(1);
			status.setRollbackOnly();
		});
		assertThat(rows("660100-2026-AUDIT03")).as("rolled back with the step").isEmpty();
	}

	@Test
	void anActionsRowCommitsAndRollsBackWithTheAction() {
		Instant at = Instant.parse("2026-09-30T02:00:00Z");
		transactions.executeWithoutResult(status -> {
			events.publishEvent(
					new AuditEvent("admin", "SYSTEM_ADMIN", "calendar.year-saved", "calendar 2027", "days=8", at));
			status.setRollbackOnly();
		});
		assertThat(rows("calendar 2027")).as("rolled back with the action").isEmpty();

		transactions.executeWithoutResult(status -> events.publishEvent(
				new AuditEvent("admin", "SYSTEM_ADMIN", "calendar.year-saved", "calendar 2027", "days=8", at)));
		assertThat(rows("calendar 2027")).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("action", "calendar.year-saved")
				.containsEntry("detail", "days=8")
				.containsEntry("step_key", null));
	}

	static Instant instant(Object value) {
		if (value instanceof OffsetDateTime o) {
			return o.toInstant();
		}
		if (value instanceof Timestamp t) {
			return t.toInstant();
		}
		return (Instant) value;
	}

}
