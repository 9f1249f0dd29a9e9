package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.govhall.cases.CaseTests.APPROVER;
import static org.govhall.cases.CaseTests.CLERK;
import static org.govhall.cases.CaseTests.PLAIN;
import static org.govhall.cases.CaseTests.REVIEWER;
import static org.govhall.cases.CaseTests.on;
import static org.govhall.cases.CaseTests.received;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.govhall.calendar.LimitUnit;
import org.govhall.cases.CaseRecords.Opinion;
import org.govhall.cases.CaseRecords.SubLimit;
import org.govhall.cases.CaseTerms.RequiredMaterial;
import org.govhall.catalog.ItemType;
import org.govhall.catalog.ProcessingMode;
import org.govhall.shared.ConflictException;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Joint review (联审, 行政许可法 第二十六条) inside the case: the co-departments' sub-deadline leaves
 * the lead department the time of the steps after the joint step, the lead chases a late
 * department, and history says so.
 */
class JointReviewTests {

	static CaseTerms joint(@Nullable Integer statutory, @Nullable Integer promised, LimitUnit unit,
			@Nullable Integer margin) {
		return new CaseTerms("ITEM", 1, "测试事项", "Test item", ItemType.ADMINISTRATIVE_LICENSE, ProcessingMode.PROMISED,
				"DEP", "660100", statutory, statutory == null ? null : unit, promised, promised == null ? null : unit,
				List.of("ZJ", "HB"), Set.of(), List.of(new RequiredMaterial("申请书", true, null)), true, null, null, null,
				List.of(), margin);
	}

	static Case acceptedOn(CaseTerms terms, String date) {
		Case c = received(terms, date);
		c.accept(CLERK, on(date), PLAIN);
		return c;
	}

	static Opinion opinionOf(Case c, String department) {
		return c.opinions().stream().filter(o -> o.departmentCode().equals(department)).findFirst().orElseThrow();
	}

	@Test
	void opinionsAreDueTheTimeOfTheLaterStepsBeforeThePromisedDeadline() {
		// 企业投资项目核准: promised 10 working days; 审查决定 (2 days) follows the joint step
		Case c = acceptedOn(joint(20, 10, LimitUnit.WORKING_DAY, 2), "2026-06-01");
		assertThat(c.opinionLimit()).isEqualTo(new SubLimit(8, LimitUnit.WORKING_DAY));
		LocalDate due = PLAIN.addWorkingDays(LocalDate.parse("2026-06-01"), 8);
		assertThat(c.opinions()).extracting(Opinion::dueOn).containsOnly(due);
		assertThat(c.promisedDue()).isEqualTo(PLAIN.addWorkingDays(due, 2));
	}

	@Test
	void withoutAMarkedStepTheLeadKeepsAThirdOfTheLimit() {
		Case c = acceptedOn(joint(30, null, LimitUnit.WORKING_DAY, null), "2026-06-01");
		assertThat(c.opinionLimit()).isEqualTo(new SubLimit(20, LimitUnit.WORKING_DAY));
		assertThat(opinionOf(c, "ZJ").dueOn()).isBefore(c.decisionDue());
	}

	@Test
	void aPromiseTooShortToShareFallsBackToTheStatutoryLimitAndTheLeadKeepsAtLeastADay() {
		// 企业设立登记: promised 1, statutory 3, nothing after the joint step but the same-day
		// licence
		Case c = acceptedOn(joint(3, 1, LimitUnit.WORKING_DAY, 0), "2026-06-01");
		assertThat(c.opinionLimit()).isEqualTo(new SubLimit(2, LimitUnit.WORKING_DAY));
		assertThat(opinionOf(c, "HB").dueOn()).isBefore(c.decisionDue());
	}

	@Test
	void calendarDayLimitsGiveCalendarDaySubDeadlines() {
		Case c = acceptedOn(joint(7, 3, LimitUnit.CALENDAR_DAY, 1), "2026-06-05");
		assertThat(c.opinionLimit()).isEqualTo(new SubLimit(2, LimitUnit.CALENDAR_DAY));
		// Friday 5 June + 2 calendar days is Sunday 7 June; a last day off moves to the
		// next working day
		assertThat(opinionOf(c, "ZJ").dueOn()).isEqualTo(LocalDate.parse("2026-06-08"));
	}

	@Test
	void anItemWithoutAnyLimitGivesTenWorkingDays() {
		assertThat(acceptedOn(joint(null, null, LimitUnit.WORKING_DAY, 3), "2026-06-01").opinionLimit())
			.isEqualTo(new SubLimit(10, LimitUnit.WORKING_DAY));
	}

	@Property
	void opinionsAreDueBeforeTheNearerDeadlineWheneverItLastsTwoDaysOrMore(
			@ForAll @IntRange(min = 2, max = 60) int statutory, @ForAll @IntRange(min = 0, max = 60) int promisedPart,
			@ForAll @IntRange(min = 0, max = 80) int margin) {
		int promised = Math.max(1, Math.min(statutory, promisedPart));
		Case c = acceptedOn(joint(statutory, promised, LimitUnit.WORKING_DAY, margin), "2026-03-02");
		LocalDate due = opinionOf(c, "ZJ").dueOn();
		assertThat(due).isBefore(c.decisionDue());
		if (promised >= 2) {
			assertThat(due).isBefore(c.promisedDue());
		}
		assertThat(due).isAfter(LocalDate.parse("2026-03-02"));
	}

	@Test
	void theLeadChasesAnAwaitedOpinionOnceADayAndTheChaseIsKept() {
		Case c = acceptedOn(joint(20, 10, LimitUnit.WORKING_DAY, 2), "2026-06-01");
		c.drainEvents();
		c.chaseOpinion("ZJ", REVIEWER, on("2026-06-10"));
		assertThat(opinionOf(c, "ZJ").chases()).isEqualTo(1);
		assertThat(opinionOf(c, "ZJ").chasedOn()).isEqualTo(LocalDate.parse("2026-06-10"));
		assertThat(c.drainEvents()).singleElement().isInstanceOfSatisfying(CaseEvent.OpinionChased.class, e -> {
			assertThat(e.departmentCode()).isEqualTo("ZJ");
			assertThat(e.number()).isEqualTo(1);
			assertThat(e.dueOn()).isEqualTo(opinionOf(c, "ZJ").dueOn());
		});
		assertThatThrownBy(() -> c.chaseOpinion("ZJ", APPROVER, on("2026-06-10"))).isInstanceOf(ConflictException.class)
			.hasFieldOrPropertyWithValue("type", "chased-today");
		c.chaseOpinion("ZJ", APPROVER, on("2026-06-11"));
		assertThat(opinionOf(c, "ZJ").chases()).isEqualTo(2);
		assertThat(c.drainHistory()).extracting(h -> h.action())
			.containsSubsequence(CaseAction.OPINION_CHASED, CaseAction.OPINION_CHASED);
		assertThat(opinionOf(c, "HB").chases()).isZero();
	}

	@Test
	void onlyAnAwaitedOpinionOfACoDepartmentIsChasedAndOnlyByReviewersAndApprovers() {
		Case c = acceptedOn(joint(20, 10, LimitUnit.WORKING_DAY, 2), "2026-06-01");
		assertThatThrownBy(() -> c.chaseOpinion("ZJ", CLERK, on("2026-06-02"))).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> c.chaseOpinion("XX", REVIEWER, on("2026-06-02")))
			.isInstanceOf(RuleViolationException.class);
		c.recordOpinion("ZJ", Verdict.AGREE, null, REVIEWER, on("2026-06-02"), PLAIN);
		assertThatThrownBy(() -> c.chaseOpinion("ZJ", REVIEWER, on("2026-06-03"))).isInstanceOf(ConflictException.class)
			.hasFieldOrPropertyWithValue("type", "opinion-given");
		c.recordOpinion("HB", Verdict.AGREE, null, REVIEWER, on("2026-06-03"), PLAIN);
		c.review(Outcome.APPROVED, "同意", REVIEWER, on("2026-06-04"), PLAIN);
		assertThatThrownBy(() -> c.chaseOpinion("HB", REVIEWER, on("2026-06-05")))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void opinionsOfCasesDecidedBeforeTheUnitAndChasesWereKeptReadAsWorkingDaysNeverChased() {
		String json = """
				{"departmentCode":"ZJ","days":15,"dueOn":"2026-03-23","verdict":null,"reasons":null,"by":null,
				 "on":null,"late":false}""";
		Opinion o = CaseJson.read(json, Opinion.class);
		assertThat(o.unit()).isEqualTo(LimitUnit.WORKING_DAY);
		assertThat(o.chases()).isZero();
		assertThat(o.chasedOn()).isNull();
	}

}
