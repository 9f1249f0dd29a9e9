package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.govhall.cases.CaseTests.APPROVER;
import static org.govhall.cases.CaseTests.CLERK;
import static org.govhall.cases.CaseTests.PLAIN;
import static org.govhall.cases.CaseTests.REVIEWER;
import static org.govhall.cases.CaseTests.on;

import java.time.LocalDate;
import java.util.List;

import org.govhall.cases.CaseRecords.HistoryEntry;
import org.govhall.catalog.SpecialProcedure;
import org.govhall.directory.Role;
import org.govhall.shared.ConflictException;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

/**
 * The two procedures inside the review that the procedure table gained (ADR 0030), by the
 * articles of 行政许可法 they rest on, without Spring: the notice to interested parties and
 * their statements (第三十六条), and the hearing (第四十五条至第四十八条), all periods in working days
 * (第八十二条).
 */
class ProcedureActsTests {

	/** A Monday; the case is accepted that day, its 20 working days due 2026-06-29. */
	private static final String DAY = "2026-06-01";

	private static final Actor PRESIDER = new Actor(7, "presider", "主持", Role.REVIEWER);

	private static LocalDate d(String date) {
		return LocalDate.parse(date);
	}

	private static Case accepted() {
		Case c = CaseTests.accepted(DAY);
		c.drainEvents();
		c.drainHistory();
		return c;
	}

	@Test
	void theReviewWaitsUntilEveryPartyNamedStatedOrThePeriodEnded() {
		Case c = accepted();
		c.notifyInterestedParties(List.of("李四", "王五"), "相邻住户的采光", 5, false, REVIEWER, on(DAY), PLAIN);
		assertThatThrownBy(() -> c.review(Outcome.APPROVED, "符合条件", REVIEWER, on("2026-06-03"), PLAIN))
			.isInstanceOf(RuleViolationException.class)
			.hasFieldOrPropertyWithValue("type", "parties-not-heard")
			.extracting("arguments")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.ARRAY)
			.contains(d("2026-06-08"));
		c.recordStatement("李四", "反对，影响采光", d("2026-06-02"), false, CLERK, on("2026-06-02"));
		assertThatThrownBy(() -> c.review(Outcome.APPROVED, "符合条件", REVIEWER, on("2026-06-03"), PLAIN))
			.hasFieldOrPropertyWithValue("type", "parties-not-heard");
		c.recordStatement("王五", "无意见", d("2026-06-03"), true, CLERK, on("2026-06-03"));
		c.review(Outcome.APPROVED, "已听取利害关系人意见，符合条件", REVIEWER, on("2026-06-03"), PLAIN);
		assertThat(c.state()).isEqualTo(CaseState.REVIEWED);
	}

	@Test
	void onceThePeriodEndedTheReviewGoesOnWithoutTheSilentParties() {
		Case c = accepted();
		c.notifyInterestedParties(List.of("李四"), "相邻住户的采光", 5, false, REVIEWER, on(DAY), PLAIN);
		assertThat(c.awaited()).isEqualTo(new CaseFacts.Awaited(CaseStep.STATEMENT, d("2026-06-08"), false));
		assertThatThrownBy(() -> c.review(Outcome.APPROVED, "符合条件", REVIEWER, on("2026-06-08"), PLAIN))
			.hasFieldOrPropertyWithValue("type", "parties-not-heard");
		c.review(Outcome.APPROVED, "符合条件", REVIEWER, on("2026-06-09"), PLAIN);
		assertThat(c.state()).isEqualTo(CaseState.REVIEWED);
		assertThat(c.awaited()).isNull();
	}

	@Test
	void onlyTheApplicantOrAPartyNamedStatesAndNotBeforeTheNotice() {
		Case c = accepted();
		assertThatThrownBy(() -> c.recordStatement("李四", "反对", d(DAY), false, CLERK, on(DAY)))
			.isInstanceOf(ConflictException.class)
			.hasFieldOrPropertyWithValue("type", "no-parties-notice");
		c.notifyInterestedParties(List.of("李四"), "相邻住户的采光", 5, false, REVIEWER, on("2026-06-02"), PLAIN);
		assertThatThrownBy(() -> c.recordStatement("赵六", "反对", d("2026-06-02"), false, CLERK, on("2026-06-02")))
			.isInstanceOf(InvalidInputException.class)
			.hasFieldOrPropertyWithValue("type", "statement-party");
		assertThatThrownBy(() -> c.recordStatement("李四", "反对", d(DAY), false, CLERK, on("2026-06-02")))
			.hasFieldOrPropertyWithValue("type", "invalid-date");
		c.recordStatement("张三", "申请人的陈述", d("2026-06-02"), false, CLERK, on("2026-06-02"));
		assertThat(c.acts()).extracting(CaseRecords.ProcedureAct::step)
			.containsExactly(CaseStep.PARTIES_NOTICE, CaseStep.STATEMENT);
	}

	@Test
	void aHearingIsAskedForWithinFiveWorkingDaysOfBeingToldOfTheRight() {
		Case c = accepted();
		c.notifyInterestedParties(List.of("李四"), "相邻住户的采光", 10, true, REVIEWER, on(DAY), PLAIN);
		// told on Monday 06-01: five working days end on Monday 06-08 (第四十七条)
		assertThatThrownBy(() -> c.requestHearing("李四", Case.HearingBy.INTERESTED_PARTY, d("2026-06-09"), CLERK,
				on("2026-06-09"), PLAIN))
			.isInstanceOf(RuleViolationException.class)
			.hasFieldOrPropertyWithValue("type", "hearing-request-late");
		// and the review waits for that period too
		c.recordStatement("李四", "要求听证", d("2026-06-02"), false, CLERK, on("2026-06-02"));
		assertThatThrownBy(() -> c.review(Outcome.APPROVED, "符合条件", REVIEWER, on("2026-06-03"), PLAIN))
			.hasFieldOrPropertyWithValue("type", "parties-not-heard");
		// only a party the notice named, or the applicant as the applicant, has the right
		assertThatThrownBy(() -> c.requestHearing("赵六", Case.HearingBy.INTERESTED_PARTY, d("2026-06-08"), CLERK,
				on("2026-06-08"), PLAIN))
			.isInstanceOf(InvalidInputException.class)
			.hasFieldOrPropertyWithValue("type", "hearing-requester");
		assertThatThrownBy(
				() -> c.requestHearing("李四", Case.HearingBy.APPLICANT, d("2026-06-08"), CLERK, on("2026-06-08"), PLAIN))
			.hasFieldOrPropertyWithValue("type", "hearing-requester");
		c.requestHearing("李四", Case.HearingBy.INTERESTED_PARTY, d("2026-06-08"), CLERK, on("2026-06-08"), PLAIN);
		// the item's guide lists only expert review: a hearing rests on the law itself
		assertThat(c.openSuspension()).get()
			.extracting(CaseRecords.SuspensionRecord::procedure, CaseRecords.SuspensionRecord::from,
					CaseRecords.SuspensionRecord::listed)
			.containsExactly(SpecialProcedure.HEARING, d("2026-06-08"), true);
		// held within 20 working days of the request
		assertThat(c.awaited()).isEqualTo(new CaseFacts.Awaited(CaseStep.HEARING_NOTICE, d("2026-07-06"), true));
		assertThatThrownBy(() -> c.requestHearing("王五", Case.HearingBy.INTERESTED_PARTY, d("2026-06-08"), CLERK,
				on("2026-06-08"), PLAIN))
			.hasFieldOrPropertyWithValue("type", "hearing-pending");
	}

	@Test
	void withoutTheRightToldNoPartyMayAskButTheDepartmentMayHoldOne() {
		Case c = accepted();
		assertThatThrownBy(
				() -> c.requestHearing("张三", Case.HearingBy.APPLICANT, d(DAY), CLERK, on("2026-06-02"), PLAIN))
			.hasFieldOrPropertyWithValue("type", "no-hearing-right");
		c.requestHearing("本机关", Case.HearingBy.DEPARTMENT, d("2026-06-02"), REVIEWER, on("2026-06-02"), PLAIN);
		assertThat(c.awaited().step()).isEqualTo(CaseStep.HEARING_NOTICE);
	}

	@Test
	void theHearingsTimeDoesNotCountTowardsTheDecisionLimit() {
		Case c = accepted();
		Case twin = accepted();
		assertThat(c.decisionDue()).isEqualTo(d("2026-06-29"));
		c.requestHearing("本机关", Case.HearingBy.DEPARTMENT, d("2026-06-03"), REVIEWER, on("2026-06-03"), PLAIN);
		// the parties are told 7 working days before: from Wednesday 06-03, 06-12 at the
		// earliest (第四十八条)
		assertThatThrownBy(() -> c.noticeHearing(d("2026-06-11"), "09:30", "听证室", "presider", "主持", APPROVER,
				on("2026-06-03"), PLAIN))
			.isInstanceOf(InvalidInputException.class)
			.hasFieldOrPropertyWithValue("type", "hearing-notice-short");
		c.noticeHearing(d("2026-06-12"), "09:30", "听证室", "presider", "主持", APPROVER, on("2026-06-03"), PLAIN);
		assertThat(c.awaited().step()).isEqualTo(CaseStep.HEARING_TRANSCRIPT);
		assertThatThrownBy(() -> c.recordHearing(d("2026-06-11"), "李四", "笔录", true, APPROVER, on("2026-06-12"), PLAIN))
			.hasFieldOrPropertyWithValue("type", "invalid-date");
		assertThatThrownBy(() -> c.recordHearing(d("2026-06-12"), "李四", "笔录", false, APPROVER, on("2026-06-12"), PLAIN))
			.hasFieldOrPropertyWithValue("type", "transcript-unsigned");
		c.recordHearing(d("2026-06-12"), "李四、王五", "双方陈述意见", true, APPROVER, on("2026-06-12"), PLAIN);
		assertThat(c.openSuspension()).isEmpty();
		assertThat(c.awaited()).isNull();
		// the same as stopping the clock for a hearing by hand for those days
		twin.suspend(SpecialProcedure.HEARING, d("2026-06-03"), "听证", REVIEWER, on("2026-06-03"), PLAIN);
		twin.resume(d("2026-06-12"), REVIEWER, on("2026-06-12"), PLAIN);
		assertThat(c.decisionDue()).isEqualTo(twin.decisionDue()).isAfter(d("2026-06-29"));
	}

	@Test
	void thePresiderIsNotTheReviewerBeforeOrAfter() {
		Case c = accepted();
		c.requestHearing("本机关", Case.HearingBy.DEPARTMENT, d(DAY), REVIEWER, on(DAY), PLAIN);
		assertThatThrownBy(
				() -> c.noticeHearing(d("2026-06-10"), "09:30", "听证室", "reviewer", "审查", REVIEWER, on(DAY), PLAIN))
			.hasFieldOrPropertyWithValue("type", "presider-reviews");
		c.noticeHearing(d("2026-06-10"), "09:30", "听证室", "presider", "主持", REVIEWER, on(DAY), PLAIN);
		c.recordHearing(d("2026-06-10"), "李四", "笔录", true, REVIEWER, on("2026-06-10"), PLAIN);
		assertThatThrownBy(() -> c.review(Outcome.APPROVED, "符合条件", PRESIDER, on("2026-06-11"), PLAIN))
			.isInstanceOf(ForbiddenException.class);
		c.review(Outcome.APPROVED, "依据听证笔录，符合条件", REVIEWER, on("2026-06-11"), PLAIN);
		assertThat(c.state()).isEqualTo(CaseState.REVIEWED);
	}

	@Test
	void aHearingHeldAfterItsTwentyWorkingDaysIsRecordedLateForSupervision() {
		Case c = accepted();
		c.requestHearing("本机关", Case.HearingBy.DEPARTMENT, d(DAY), REVIEWER, on(DAY), PLAIN);
		c.drainEvents();
		// due 2026-06-29; noticed on 06-22 for 07-01, 7 working days later
		c.noticeHearing(d("2026-07-01"), "09:30", "听证室", "presider", "主持", APPROVER, on("2026-06-22"), PLAIN);
		c.recordHearing(d("2026-07-01"), "李四", "笔录", true, APPROVER, on("2026-07-01"), PLAIN);
		List<CaseEvent.StepTaken> taken = c.drainEvents()
			.stream()
			.filter(CaseEvent.StepTaken.class::isInstance)
			.map(CaseEvent.StepTaken.class::cast)
			.toList();
		assertThat(taken).extracting(CaseEvent.StepTaken::step, CaseEvent.StepTaken::late)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(CaseStep.HEARING_NOTICE, true),
					org.assertj.core.groups.Tuple.tuple(CaseStep.HEARING_TRANSCRIPT, true));
	}

	@Test
	void eachActIsOneHistoryLineNamingItsStepAndOneGenericEvent() {
		Case c = accepted();
		c.notifyInterestedParties(List.of("李四", "王五"), "相邻住户的采光", 5, true, REVIEWER, on(DAY), PLAIN);
		c.recordStatement("李四", "反对", d(DAY), false, CLERK, on(DAY));
		List<HistoryEntry> history = c.drainHistory();
		assertThat(history).extracting(HistoryEntry::action, HistoryEntry::step)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(CaseAction.STEP_TAKEN, CaseStep.PARTIES_NOTICE),
					org.assertj.core.groups.Tuple.tuple(CaseAction.STEP_TAKEN, CaseStep.STATEMENT));
		assertThat(history.get(0).detail()).isEqualTo("李四、王五\t相邻住户的采光\t2026-06-08\t2026-06-08");
		assertThat(history.get(0).actionKey()).isEqualTo("step.PARTIES_NOTICE");
		assertThat(c.drainEvents()).extracting(e -> ((CaseEvent.StepTaken) e).nth()).containsExactly(1, 1);
		assertThat(c.facts().awaited()).isEqualTo(new CaseFacts.Awaited(CaseStep.STATEMENT, d("2026-06-08"), false));
	}

}
