package org.govhall.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.govhall.cases.CaseAction;
import org.govhall.cases.CaseEvent;
import org.govhall.cases.CaseState;
import org.govhall.cases.Outcome;
import org.govhall.catalog.SpecialProcedure;
import org.govhall.directory.Role;
import org.govhall.supervision.Irregularities.Finding;
import org.govhall.support.MovableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/**
 * What each irregularity rule finds in a case event, positive and negative, without
 * Spring and without a database: the rule, the person it names and the fact line. The
 * rules that look back at supervision's own tables (a decision whose facts no longer
 * carry its due date, a repeated refusal), the cards the findings bring and their
 * idempotence are in {@link IrregularityRulesTests}.
 */
class IrregularityFindingsTests {

	static final LocalDate OCT_12 = LocalDate.of(2026, 10, 12);

	final JdbcClient database = mock(JdbcClient.class);

	final Irregularities rules = new Irregularities(database, mock(Cards.class),
			Clock.fixed(MovableClock.suiteToday(), MovableClock.ZONE),
			Binder.get(new MockEnvironment().withProperty("govhall.supervision.max-suspension-days", "60"))
				.bindOrCreate("govhall", SupervisionSettings.class));

	int seq;

	@AfterEach
	void noneOfTheseRulesReadsTheDatabase() {
		verifyNoInteractions(database);
	}

	Facts facts() {
		return new Facts("660100-2026-IF" + String.format("%04d", ++seq));
	}

	/**
	 * The case decided on the day by the approver (the clerk on the spot), reviewed by
	 * the reviewer given.
	 */
	static Facts decided(Facts facts, CaseAction action, String by, String on, @Nullable String reviewer) {
		facts.step(action, by, action == CaseAction.DECIDED ? Role.APPROVER : Role.WINDOW_CLERK, on);
		facts.state = CaseState.DECIDED;
		facts.decidedOn = LocalDate.parse(on);
		facts.reviewer = reviewer;
		return facts;
	}

	@Test
	void aDeemedAcceptanceNamesTheFirstHandlerAndTheDueDateThatPassed() {
		Facts deemed = facts().accepted("2026-09-30", "2026-11-04")
			.step(CaseAction.DEEMED_ACCEPTED, "system", Role.SYSTEM_ADMIN, "2026-10-14");
		deemed.deemed = true;
		assertThat(rules.findings(new CaseEvent.Accepted(deemed.build(), true, LocalDate.of(2026, 10, 13))))
			.containsExactly(
					new Finding(IrregularityRule.DEEMED_ACCEPTANCE, "clerk", "received 2026-09-30, due 2026-10-13"));

		Facts accepted = facts().accepted("2026-10-09", "2026-11-06")
			.step(CaseAction.ACCEPTED, "clerk", Role.WINDOW_CLERK, "2026-10-09");
		assertThat(rules.findings(new CaseEvent.Accepted(accepted.build(), false, null))).isEmpty();
	}

	@Test
	void onlyALaterNoticeNamingNewMaterialsBreachesTheOneTimeNotice() {
		Facts notice = facts().step(CaseAction.CORRECTION_REQUESTED, "clerk", Role.WINDOW_CLERK, "2026-10-09");
		notice.state = CaseState.AWAITING_CORRECTION;
		assertThat(rules.findings(
				new CaseEvent.CorrectionRequested(notice.build(), 2, List.of("申请书", "营业执照"), List.of("营业执照", "租赁合同"))))
			.containsExactly(new Finding(IrregularityRule.ONE_TIME_NOTICE_BREACHED, "clerk", "round 2: 营业执照, 租赁合同"));
		assertThat(rules.findings(new CaseEvent.CorrectionRequested(notice.build(), 2, List.of("申请书"), List.of())))
			.isEmpty();
		assertThat(rules
			.findings(new CaseEvent.CorrectionRequested(notice.build(), 1, List.of("申请书", "营业执照"), List.of("营业执照"))))
			.as("the first notice names what it names")
			.isEmpty();
	}

	@Test
	void anExtensionMustBeApprovedSingleAndWithinTheLegalAmount() {
		Facts extended = facts().accepted("2026-09-30", "2026-11-18")
			.step(CaseAction.EXTENDED, "approver", Role.APPROVER, "2026-10-20");
		assertThat(rules.findings(new CaseEvent.Extended(extended.build(), 10, "需现场核查", 10, 1, "approver"))).isEmpty();
		assertThat(rules.findings(new CaseEvent.Extended(extended.build(), 10, "再次延期", 10, 2, "approver")))
			.containsExactly(
					new Finding(IrregularityRule.EXTENSION_IRREGULAR, "approver", "extension 2: +10 (legal 10)"));
		assertThat(rules.findings(new CaseEvent.Extended(extended.build(), 15, "联合办理", 15, 1, "approver")))
			.as("15 days where joint handling allows 15")
			.isEmpty();
		assertThat(rules.findings(new CaseEvent.Extended(extended.build(), 15, "延长 15 日", 10, 1, "approver")))
			.containsExactly(
					new Finding(IrregularityRule.EXTENSION_IRREGULAR, "approver", "extension 1: +15 (legal 10)"));
		assertThat(rules.findings(new CaseEvent.Extended(extended.build(), 10, "自行延期", 10, 1, null))).containsExactly(
				new Finding(IrregularityRule.EXTENSION_IRREGULAR, null, "extension 1: +10 (legal 10), not approved"));
	}

	@Test
	void theClockStopsOnlyForAListedProcedureAndForAtMostTheLimitCountingBothEnds() {
		Facts suspended = facts().accepted("2026-09-30", "2026-11-04")
			.step(CaseAction.SUSPENDED, "reviewer", Role.REVIEWER, "2026-10-12");
		suspended.suspended = true;
		assertThat(rules.findings(new CaseEvent.Suspended(suspended.build(), SpecialProcedure.HEARING, OCT_12, false)))
			.containsExactly(new Finding(IrregularityRule.SUSPENSION_UNLISTED, "reviewer", "HEARING from 2026-10-12"));
		assertThat(rules
			.findings(new CaseEvent.Suspended(suspended.build(), SpecialProcedure.EXPERT_REVIEW, OCT_12, true)))
			.isEmpty();

		Facts resumed = facts().accepted("2026-09-30", "2026-12-30")
			.step(CaseAction.RESUMED, "reviewer", Role.REVIEWER, "2026-12-10");
		LocalDate dec9 = LocalDate.of(2026, 12, 9);
		assertThat(rules.findings(new CaseEvent.Resumed(resumed.build(), SpecialProcedure.EXPERT_REVIEW,
				LocalDate.of(2026, 10, 10), dec9)))
			.as("61 days")
			.containsExactly(new Finding(IrregularityRule.SUSPENSION_TOO_LONG, "reviewer",
					"EXPERT_REVIEW 2026-10-10..2026-12-09 > 60 days"));
		assertThat(rules.findings(new CaseEvent.Resumed(resumed.build(), SpecialProcedure.EXPERT_REVIEW,
				LocalDate.of(2026, 10, 11), dec9)))
			.as("60 days")
			.isEmpty();
	}

	@Test
	void aDecisionIsLateAfterTheStatutoryDueDateItsFactsCarry() {
		Facts late = decided(facts().accepted("2026-09-30", "2026-10-29"), CaseAction.DECIDED, "approver", "2026-10-30",
				"reviewer");
		assertThat(rules.findings(new CaseEvent.Decided(late.build(), Outcome.APPROVED, "approver", "reviewer", false)))
			.containsExactly(
					new Finding(IrregularityRule.DECISION_LATE, "approver", "decided 2026-10-30, due 2026-10-29"));
		late.decidedOn = LocalDate.of(2026, 10, 29);
		assertThat(rules.findings(new CaseEvent.Decided(late.build(), Outcome.APPROVED, "approver", "reviewer", false)))
			.as("on the due date")
			.isEmpty();
	}

	@Test
	void whoReviewedMayNotDecideAndNothingIsDecidedWithoutAcceptanceExceptOnTheSpot() {
		Facts same = decided(facts().accepted("2026-09-30", "2026-10-29"), CaseAction.DECIDED, "reviewer", "2026-10-20",
				"reviewer");
		assertThat(rules.findings(new CaseEvent.Decided(same.build(), Outcome.APPROVED, "reviewer", "reviewer", false)))
			.containsExactly(
					new Finding(IrregularityRule.REVIEWER_APPROVED, "reviewer", "reviewed and decided by reviewer"));

		Facts outside = decided(facts(), CaseAction.DECIDED, "approver", "2026-10-20", null);
		outside.decisionDue = LocalDate.of(2026, 10, 29); // carried by the facts: no
															// look-up of the one on
															// record
		assertThat(rules.findings(new CaseEvent.Decided(outside.build(), Outcome.APPROVED, "approver", null, false)))
			.containsExactly(new Finding(IrregularityRule.DECISION_WITHOUT_ACCEPTANCE, "approver",
					"decided 2026-10-20 with no acceptance"));

		Facts instant = decided(facts(), CaseAction.DECIDED_ON_THE_SPOT, "clerk", "2026-10-20", null);
		instant.decisionDue = LocalDate.of(2026, 10, 20);
		assertThat(rules.findings(new CaseEvent.Decided(instant.build(), Outcome.APPROVED, "clerk", null, true)))
			.isEmpty();

		Facts separated = decided(facts().accepted("2026-09-30", "2026-10-29"), CaseAction.DECIDED, "approver",
				"2026-10-20", "reviewer");
		assertThat(rules
			.findings(new CaseEvent.Decided(separated.build(), Outcome.APPROVED, "approver", "reviewer", false)))
			.isEmpty();
	}

	@Test
	void aLateDeliveryAndAnUnlistedFeeAreFoundWithTheirFacts() {
		Facts delivered = facts().accepted("2026-09-30", "2026-10-29")
			.step(CaseAction.DELIVERED, "clerk", Role.WINDOW_CLERK, "2026-11-10");
		delivered.state = CaseState.DELIVERED;
		delivered.deliveryDue = LocalDate.of(2026, 11, 3);
		assertThat(rules.findings(new CaseEvent.Delivered(delivered.build(), LocalDate.of(2026, 11, 10), true)))
			.containsExactly(
					new Finding(IrregularityRule.DELIVERY_LATE, "clerk", "delivered 2026-11-10, due 2026-11-03"));
		assertThat(rules.findings(new CaseEvent.Delivered(delivered.build(), LocalDate.of(2026, 11, 2), false)))
			.isEmpty();

		Facts charged = facts().accepted("2026-09-30", "2026-10-29")
			.step(CaseAction.FEE_CHARGED, "clerk", Role.WINDOW_CLERK, "2026-10-20");
		assertThat(rules
			.findings(new CaseEvent.FeeCharged(charged.build(), "工本费", new BigDecimal("20.00"), "PJ-001", false)))
			.containsExactly(new Finding(IrregularityRule.UNLISTED_FEE, "clerk", "工本费 20.00 (PJ-001)"));
		assertThat(rules
			.findings(new CaseEvent.FeeCharged(charged.build(), "证书工本费", new BigDecimal("10.00"), "PJ-002", true)))
			.isEmpty();
	}

	@Test
	void aStepNoRuleJudgesFindsNothing() {
		Facts received = facts();
		assertThat(rules.findings(new CaseEvent.Received(received.build()))).isEmpty();
	}

}
