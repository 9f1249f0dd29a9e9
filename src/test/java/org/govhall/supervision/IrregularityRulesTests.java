package org.govhall.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.govhall.cases.CaseAction;
import org.govhall.cases.CaseEvent;
import org.govhall.cases.CaseFacts;
import org.govhall.cases.CaseState;
import org.govhall.cases.Outcome;
import org.govhall.catalog.SpecialProcedure;
import org.govhall.directory.Role;
import org.govhall.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each irregularity rule, positive and negative, fed the case events it judges (the rules
 * read only events and supervision's own tables, so synthetic events are exactly what
 * they see in production), and the card each finding brings: yellow for a serious rule,
 * red for a critical one. The supervision module alone ({@link SupervisionModuleTest}):
 * the rules need its tables, never the rest of the application.
 */
@SupervisionModuleTest
class IrregularityRulesTests {

	private static final AtomicInteger SEQ = new AtomicInteger();

	@Autowired
	SupervisedCases supervised;

	@Autowired
	Supervision supervision;

	@Autowired
	Irregularities irregularities;

	@Autowired
	Cards cards;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock.Moving clock;

	@BeforeEach
	void start() {
		clock.set("2026-10-20T10:00:00");
	}

	static Facts facts() {
		return new Facts("660100-2026-IR" + String.format("%04d", SEQ.incrementAndGet()));
	}

	/** Feeds the event to the listener and waits until its transaction has committed. */
	void feed(CaseEvent event) {
		CaseFacts f = event.facts();
		supervised.on(event);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
				SELECT COUNT(*) FROM supervision_case_step WHERE case_number = :n AND action = :a
				""").param("n", f.caseNumber()).param("a", f.step().action().name()).query(Integer.class).single() > 0);
	}

	List<String> rules(String number) {
		return jdbc.sql("SELECT rule FROM supervision_irregularity WHERE case_number = :n ORDER BY rule")
			.param("n", number)
			.query(String.class)
			.list();
	}

	List<Map<String, Object>> cards(String number) {
		return jdbc.sql("SELECT colour, cause, department_code, handler FROM supervision_card WHERE case_number = :n")
			.param("n", number)
			.query()
			.listOfRows();
	}

	@Test
	void deemedAcceptanceIsARuleOfArticle32WithAYellowCard() {
		Facts deemed = facts().accepted("2026-09-30", "2026-11-04")
			.step(CaseAction.DEEMED_ACCEPTED, "system", Role.SYSTEM_ADMIN, "2026-10-14");
		deemed.deemed = true;
		feed(new CaseEvent.Accepted(deemed.build(), true, LocalDate.of(2026, 10, 13)));
		assertThat(rules(deemed.number)).containsExactly("DEEMED_ACCEPTANCE");
		// the fact names the acceptance due date that passed, never "due null"
		assertThat(jdbc.sql("SELECT detail FROM supervision_irregularity WHERE case_number = :n")
			.param("n", deemed.number)
			.query(String.class)
			.single()).isEqualTo("received 2026-09-30, due 2026-10-13");
		assertThat(cards(deemed.number)).singleElement()
			.satisfies(c -> assertThat(c).containsEntry("colour", "YELLOW")
				.containsEntry("cause", "DEEMED_ACCEPTANCE")
				.containsEntry("department_code", "660100-SCJG")
				.containsEntry("handler", "clerk"));

		Facts accepted = facts().accepted("2026-10-09", "2026-11-06")
			.step(CaseAction.ACCEPTED, "clerk", Role.WINDOW_CLERK, "2026-10-09");
		feed(new CaseEvent.Accepted(accepted.build(), false, null));
		assertThat(rules(accepted.number)).isEmpty();
		assertThat(cards(accepted.number)).isEmpty();
	}

	@Test
	void oneMissedDeadlineGivesOneCardNotAYellowPairTowardsARedCard() {
		// the case is overdue at acceptance: the nightly run's card for the late stage
		Facts received = facts().step(CaseAction.RECEIVED, "applicant", Role.APPLICANT, "2026-09-30");
		feed(new CaseEvent.Received(received.build()));
		cards.forOverdueCase(received.number);
		assertThat(cards(received.number)).singleElement()
			.satisfies(c -> assertThat(c).containsEntry("cause", "CASE_OVERDUE"));

		// then deemed accepted: the irregularity is recorded, but it is the same missed
		// deadline, so no second card
		Facts deemed = received.accepted("2026-09-30", "2026-11-04")
			.step(CaseAction.DEEMED_ACCEPTED, "system", Role.SYSTEM_ADMIN, "2026-10-14");
		deemed.deemed = true;
		feed(new CaseEvent.Accepted(deemed.build(), true, LocalDate.of(2026, 10, 13)));
		assertThat(rules(received.number)).containsExactly("DEEMED_ACCEPTANCE");
		assertThat(cards(received.number)).as("one cause, one card").hasSize(1);

		// a deemed acceptance carded first is not carded again when the nightly run finds
		// the stage overdue
		Facts other = facts().accepted("2026-09-30", "2026-11-04")
			.step(CaseAction.DEEMED_ACCEPTED, "system", Role.SYSTEM_ADMIN, "2026-10-14");
		other.deemed = true;
		feed(new CaseEvent.Accepted(other.build(), true, LocalDate.of(2026, 10, 13)));
		jdbc.sql("UPDATE supervision_case SET stage = 'ACCEPTANCE', due_on = DATE '2026-10-13' WHERE case_number = :n")
			.param("n", other.number)
			.update();
		cards.forOverdueCase(other.number);
		assertThat(cards(other.number)).singleElement()
			.satisfies(c -> assertThat(c).containsEntry("cause", "DEEMED_ACCEPTANCE"));
	}

	@Test
	void aSecondNoticeNamingNewMaterialsBreachesOneTimeNotice() {
		Facts breach = facts().step(CaseAction.CORRECTION_REQUESTED, "clerk", Role.WINDOW_CLERK, "2026-10-09");
		breach.state = CaseState.AWAITING_CORRECTION;
		feed(new CaseEvent.CorrectionRequested(breach.build(), 2, List.of("申请书", "营业执照"), List.of("营业执照")));
		assertThat(rules(breach.number)).containsExactly("ONE_TIME_NOTICE_BREACHED");
		assertThat(cards(breach.number)).extracting(c -> c.get("colour")).containsExactly("YELLOW");

		Facts same = facts().step(CaseAction.CORRECTION_REQUESTED, "clerk", Role.WINDOW_CLERK, "2026-10-09");
		same.state = CaseState.AWAITING_CORRECTION;
		feed(new CaseEvent.CorrectionRequested(same.build(), 2, List.of("申请书"), List.of()));
		Facts first = facts().step(CaseAction.CORRECTION_REQUESTED, "clerk", Role.WINDOW_CLERK, "2026-10-09");
		first.state = CaseState.AWAITING_CORRECTION;
		feed(new CaseEvent.CorrectionRequested(first.build(), 1, List.of("申请书", "营业执照"), List.of()));
		assertThat(rules(same.number)).isEmpty();
		assertThat(rules(first.number)).isEmpty();
	}

	@Test
	void anExtensionMustBeApprovedSingleAndWithinTheLegalAmountOfArticle42() {
		Facts lawful = facts().accepted("2026-09-30", "2026-11-18")
			.step(CaseAction.EXTENDED, "approver", Role.APPROVER, "2026-10-20");
		feed(new CaseEvent.Extended(lawful.build(), 10, "需现场核查", 10, 1, "approver"));
		assertThat(rules(lawful.number)).isEmpty();

		Facts second = facts().accepted("2026-09-30", "2026-11-18")
			.step(CaseAction.EXTENDED, "approver", Role.APPROVER, "2026-10-20");
		feed(new CaseEvent.Extended(second.build(), 10, "再次延期", 10, 2, "approver"));
		Facts beyond = facts().accepted("2026-09-30", "2026-11-25")
			.step(CaseAction.EXTENDED, "approver", Role.APPROVER, "2026-10-20");
		feed(new CaseEvent.Extended(beyond.build(), 15, "延长 15 日", 10, 1, "approver"));
		Facts unapproved = facts().accepted("2026-09-30", "2026-11-18")
			.step(CaseAction.EXTENDED, "reviewer", Role.REVIEWER, "2026-10-20");
		feed(new CaseEvent.Extended(unapproved.build(), 10, "自行延期", 10, 1, null));
		for (Facts f : List.of(second, beyond, unapproved)) {
			assertThat(rules(f.number)).containsExactly("EXTENSION_IRREGULAR");
			assertThat(cards(f.number)).extracting(c -> c.get("colour")).containsExactly("RED");
		}
	}

	@Test
	void theClockMayStopOnlyForAListedArticle45ProcedureAndNotForTooLong() {
		Facts unlisted = facts().accepted("2026-09-30", "2026-11-04")
			.step(CaseAction.SUSPENDED, "reviewer", Role.REVIEWER, "2026-10-12");
		unlisted.suspended = true;
		feed(new CaseEvent.Suspended(unlisted.build(), SpecialProcedure.HEARING, LocalDate.of(2026, 10, 12), false));
		assertThat(rules(unlisted.number)).containsExactly("SUSPENSION_UNLISTED");

		Facts listed = facts().accepted("2026-09-30", "2026-11-04")
			.step(CaseAction.SUSPENDED, "reviewer", Role.REVIEWER, "2026-10-12");
		listed.suspended = true;
		feed(new CaseEvent.Suspended(listed.build(), SpecialProcedure.EXPERT_REVIEW, LocalDate.of(2026, 10, 12), true));
		assertThat(rules(listed.number)).isEmpty();

		// 61 calendar days stopped (limit 60) vs exactly 60
		Facts tooLong = facts().accepted("2026-09-30", "2026-12-30")
			.step(CaseAction.RESUMED, "reviewer", Role.REVIEWER, "2026-12-10");
		feed(new CaseEvent.Resumed(tooLong.build(), SpecialProcedure.EXPERT_REVIEW, LocalDate.of(2026, 10, 10),
				LocalDate.of(2026, 12, 9)));
		Facts sixty = facts().accepted("2026-09-30", "2026-12-30")
			.step(CaseAction.RESUMED, "reviewer", Role.REVIEWER, "2026-12-10");
		feed(new CaseEvent.Resumed(sixty.build(), SpecialProcedure.EXPERT_REVIEW, LocalDate.of(2026, 10, 11),
				LocalDate.of(2026, 12, 9)));
		assertThat(rules(tooLong.number)).containsExactly("SUSPENSION_TOO_LONG");
		assertThat(rules(sixty.number)).isEmpty();
	}

	@Test
	void aClockStillStoppedPastTheLimitIsFoundByTheDailyRun() {
		Facts stopped = facts().accepted("2026-09-30", "2026-11-04")
			.step(CaseAction.SUSPENDED, "reviewer", Role.REVIEWER, "2026-10-12");
		stopped.suspended = true;
		clock.set("2026-10-12T10:00:00");
		feed(new CaseEvent.Suspended(stopped.build(), SpecialProcedure.EXPERT_REVIEW, LocalDate.of(2026, 10, 12),
				true));
		Facts recent = facts().accepted("2026-09-30", "2026-11-04")
			.step(CaseAction.SUSPENDED, "reviewer", Role.REVIEWER, "2026-11-20");
		recent.suspended = true;
		clock.set("2026-11-20T10:00:00");
		feed(new CaseEvent.Suspended(recent.build(), SpecialProcedure.EXPERT_REVIEW, LocalDate.of(2026, 11, 20), true));

		clock.set("2026-12-11T10:00:00"); // 60 days after 10-12 is 12-11: not yet beyond
		supervision.daily();
		assertThat(rules(stopped.number)).isEmpty();
		clock.set("2026-12-12T10:00:00");
		supervision.daily();
		assertThat(rules(stopped.number)).containsExactly("SUSPENSION_TOO_LONG");
		assertThat(rules(recent.number)).isEmpty();
	}

	@Test
	void aDecisionAfterTheStatutoryLimitIsLateUnderArticle42() {
		Facts late = facts().accepted("2026-09-30", "2026-10-29")
			.step(CaseAction.ACCEPTED, "clerk", Role.WINDOW_CLERK, "2026-09-30");
		feed(new CaseEvent.Accepted(late.build(), false, null));
		late.state = CaseState.DECIDED;
		late.decisionDue = null; // a decided case's facts carry no decision clock: the
									// rule uses the one on record
		late.decidedOn = LocalDate.of(2026, 10, 30);
		late.outcome = Outcome.APPROVED;
		late.reviewer = "reviewer";
		late.step(CaseAction.DECIDED, "approver", Role.APPROVER, "2026-10-30");
		feed(new CaseEvent.Decided(late.build(), Outcome.APPROVED, "approver", "reviewer", false));
		assertThat(rules(late.number)).containsExactly("DECISION_LATE");

		Facts onTime = facts().accepted("2026-09-30", "2026-10-29")
			.step(CaseAction.ACCEPTED, "clerk", Role.WINDOW_CLERK, "2026-09-30");
		feed(new CaseEvent.Accepted(onTime.build(), false, null));
		onTime.state = CaseState.DECIDED;
		onTime.decisionDue = null;
		onTime.decidedOn = LocalDate.of(2026, 10, 29);
		onTime.outcome = Outcome.APPROVED;
		onTime.reviewer = "reviewer";
		onTime.step(CaseAction.DECIDED, "approver", Role.APPROVER, "2026-10-29");
		feed(new CaseEvent.Decided(onTime.build(), Outcome.APPROVED, "approver", "reviewer", false));
		assertThat(rules(onTime.number)).isEmpty();
		assertThat(jdbc.sql("SELECT on_time FROM supervision_case WHERE case_number = :n")
			.param("n", late.number)
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void whoReviewedMayNotDecideAndNoDecisionWithoutAcceptance() {
		Facts same = facts().accepted("2026-09-30", "2026-10-29");
		same.state = CaseState.DECIDED;
		same.decidedOn = LocalDate.of(2026, 10, 20);
		same.reviewer = "reviewer";
		same.step(CaseAction.DECIDED, "reviewer", Role.APPROVER, "2026-10-20");
		feed(new CaseEvent.Decided(same.build(), Outcome.APPROVED, "reviewer", "reviewer", false));
		assertThat(rules(same.number)).containsExactly("REVIEWER_APPROVED");
		assertThat(cards(same.number)).extracting(c -> c.get("colour")).containsExactly("RED");

		Facts outside = facts();
		outside.state = CaseState.DECIDED;
		outside.decidedOn = LocalDate.of(2026, 10, 20);
		outside.step(CaseAction.DECIDED, "approver", Role.APPROVER, "2026-10-20");
		feed(new CaseEvent.Decided(outside.build(), Outcome.APPROVED, "approver", null, false));
		assertThat(rules(outside.number)).containsExactly("DECISION_WITHOUT_ACCEPTANCE");

		Facts instant = facts();
		instant.state = CaseState.DECIDED;
		instant.decidedOn = LocalDate.of(2026, 10, 20);
		instant.step(CaseAction.DECIDED_ON_THE_SPOT, "clerk", Role.WINDOW_CLERK, "2026-10-20");
		feed(new CaseEvent.Decided(instant.build(), Outcome.APPROVED, "clerk", null, true));
		Facts separated = facts().accepted("2026-09-30", "2026-10-29");
		separated.state = CaseState.DECIDED;
		separated.decidedOn = LocalDate.of(2026, 10, 20);
		separated.reviewer = "reviewer";
		separated.step(CaseAction.DECIDED, "approver", Role.APPROVER, "2026-10-20");
		feed(new CaseEvent.Decided(separated.build(), Outcome.APPROVED, "approver", "reviewer", false));
		assertThat(rules(instant.number)).isEmpty();
		assertThat(rules(separated.number)).isEmpty();
	}

	@Test
	void aLateDeliveryBreaksArticle44() {
		Facts late = facts().accepted("2026-09-30", "2026-10-29");
		late.state = CaseState.DELIVERED;
		late.step(CaseAction.DELIVERED, "clerk", Role.WINDOW_CLERK, "2026-11-10");
		late.deliveryDue = LocalDate.of(2026, 11, 3);
		feed(new CaseEvent.Delivered(late.build(), LocalDate.of(2026, 11, 10), true));
		assertThat(rules(late.number)).containsExactly("DELIVERY_LATE");

		Facts onTime = facts().accepted("2026-09-30", "2026-10-29");
		onTime.state = CaseState.DELIVERED;
		onTime.step(CaseAction.DELIVERED, "clerk", Role.WINDOW_CLERK, "2026-11-02");
		feed(new CaseEvent.Delivered(onTime.build(), LocalDate.of(2026, 11, 2), false));
		assertThat(rules(onTime.number)).isEmpty();
	}

	@Test
	void aFeeTheCatalogDoesNotListIsARedCard() {
		Facts unlisted = facts().accepted("2026-09-30", "2026-10-29")
			.step(CaseAction.FEE_CHARGED, "clerk", Role.WINDOW_CLERK, "2026-10-20");
		feed(new CaseEvent.FeeCharged(unlisted.build(), "工本费", new BigDecimal("20.00"), "PJ-001", false));
		assertThat(rules(unlisted.number)).containsExactly("UNLISTED_FEE");
		assertThat(cards(unlisted.number)).extracting(c -> c.get("colour")).containsExactly("RED");

		Facts listed = facts().accepted("2026-09-30", "2026-10-29")
			.step(CaseAction.FEE_CHARGED, "clerk", Role.WINDOW_CLERK, "2026-10-20");
		feed(new CaseEvent.FeeCharged(listed.build(), "证书工本费", new BigDecimal("10.00"), "PJ-002", true));
		assertThat(rules(listed.number)).isEmpty();
	}

	@Test
	void refusingTheSameApplicantForTheSameItemWithin30DaysIsFound() {
		String ref = "ref-refused-" + SEQ.incrementAndGet();
		clock.set("2026-09-01T10:00:00");
		Facts first = refused(ref, "2026-09-01");
		feed(new CaseEvent.Refused(first.build(), null));
		clock.set("2026-10-01T10:00:00"); // 30 days later: within
		Facts again = refused(ref, "2026-10-01");
		feed(new CaseEvent.Refused(again.build(), null));
		assertThat(rules(first.number)).isEmpty();
		assertThat(rules(again.number)).containsExactly("REPEATED_REFUSAL");

		Facts other = refused("ref-someone-else-" + SEQ.incrementAndGet(), "2026-10-01");
		feed(new CaseEvent.Refused(other.build(), null));
		assertThat(rules(other.number)).isEmpty();

		String ref2 = "ref-refused-" + SEQ.incrementAndGet();
		clock.set("2026-09-01T10:00:00");
		feed(new CaseEvent.Refused(refused(ref2, "2026-09-01").build(), null));
		clock.set("2026-10-02T10:00:00"); // 31 days later: outside
		Facts later = refused(ref2, "2026-10-02");
		feed(new CaseEvent.Refused(later.build(), null));
		assertThat(rules(later.number)).isEmpty();
	}

	private static Facts refused(String ref, String on) {
		Facts f = facts().step(CaseAction.REFUSED, "clerk", Role.WINDOW_CLERK, on);
		f.state = CaseState.REFUSED;
		f.applicantRef = ref;
		return f;
	}

	@Test
	void aRuleFiresOncePerCaseEvenWhenTheEventIsDeliveredAgain() {
		Facts deemed = facts().accepted("2026-09-30", "2026-11-04")
			.step(CaseAction.DEEMED_ACCEPTED, "system", Role.SYSTEM_ADMIN, "2026-10-14");
		deemed.deemed = true;
		CaseEvent event = new CaseEvent.Accepted(deemed.build(), true, LocalDate.of(2026, 10, 13));
		feed(event);
		// delivered again (the registry re-publishes after a crash): the step is known,
		// the rule and card not repeated
		assertThat(supervised.recordStep(event.facts())).isFalse();
		irregularities.check(event);
		assertThat(rules(deemed.number)).containsExactly("DEEMED_ACCEPTANCE");
		assertThat(cards(deemed.number)).hasSize(1);
	}

	@Test
	void threeYellowCardsInAMonthBringOneRedCardForTheDepartment() {
		String department = "660100-GAJ";
		clock.set("2026-10-21T10:00:00");
		for (int i = 0; i < 4; i++) {
			Facts f = facts().accepted("2026-09-30", "2026-11-04")
				.step(CaseAction.DEEMED_ACCEPTED, "system", Role.SYSTEM_ADMIN, "2026-10-21");
			f.department = department;
			f.deemed = true;
			feed(new CaseEvent.Accepted(f.build(), true, LocalDate.of(2026, 10, 13)));
		}
		List<String> red = jdbc.sql("""
				SELECT card_number FROM supervision_card WHERE department_code = :d AND cause = 'ACCUMULATION'
				""").param("d", department).query(String.class).list();
		assertThat(red).containsExactly("RC-202610-" + department);
	}

}
