package org.govhall.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class DeadlineTests {

	WorkingCalendar calendar = CalendarFixtures.officialCalendar();

	static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	@Test
	void explainsAnAcceptanceLimitAcrossNationalDay() {
		// 行政许可法 第三十二条: 5 working days to accept, from receipt on 2026-09-30
		DueDate due = Deadline.of(d("2026-09-30"), 5, LimitUnit.WORKING_DAY).evaluate(calendar);
		assertThat(due.due()).isEqualTo(d("2026-10-13"));
		assertThat(due.notes()).extracting(DeadlineNote::kind, DeadlineNote::from, DeadlineNote::to, DeadlineNote::text)
			.containsExactly(tuple(DeadlineNote.Kind.START, d("2026-09-30"), null, null),
					tuple(DeadlineNote.Kind.HOLIDAY, d("2026-10-01"), d("2026-10-07"), "国庆节"),
					tuple(DeadlineNote.Kind.MAKE_UP_DAY, d("2026-10-10"), null, "国庆节调休上班"));
	}

	@Test
	void stopsTheClockExactlyForASuspension() {
		// 行政许可法 第四十五条: expert review from Tue 2026-03-10 to Mon 2026-03-16 takes 5
		// working days off the clock
		Deadline plain = Deadline.of(d("2026-03-02"), 20, LimitUnit.WORKING_DAY);
		Deadline paused = plain.suspended(new Suspension(d("2026-03-10"), d("2026-03-16"), "专家评审"));
		assertThat(plain.evaluate(calendar).due()).isEqualTo(d("2026-03-30"));
		assertThat(paused.evaluate(calendar).due()).isEqualTo(calendar.addWorkingDays(d("2026-03-30"), 5))
			.isEqualTo(d("2026-04-07"));
		assertThat(paused.evaluate(calendar).notes()).extracting(DeadlineNote::kind)
			.contains(DeadlineNote.Kind.SUSPENSION, DeadlineNote.Kind.HOLIDAY);
	}

	@Test
	void aSuspensionOverWeekendsAndHolidaysOnlyTakesTheWorkingDaysInIt() {
		Deadline paused = Deadline.of(d("2026-09-28"), 5, LimitUnit.WORKING_DAY)
			.suspended(new Suspension(d("2026-10-01"), d("2026-10-08"), "检测"));
		// Sep 29, 30 count; Oct 1-7 are holidays anyway, Oct 8 is suspended; Oct 9, 10,
		// 12 complete the five
		assertThat(paused.evaluate(calendar).due()).isEqualTo(d("2026-10-12"));
	}

	@Test
	void hasNoDueDateWhileTheClockIsStopped() {
		DueDate due = Deadline.of(d("2026-03-02"), 20, LimitUnit.WORKING_DAY)
			.suspended(new Suspension(d("2026-03-10"), null, "听证"))
			.evaluate(calendar);
		assertThat(due.isPaused()).isTrue();
		assertThat(due.notes()).extracting(DeadlineNote::kind).contains(DeadlineNote.Kind.SUSPENSION);
	}

	@Test
	void anExtensionAddsItsDaysOfTheSameUnit() {
		// 行政许可法 第四十二条: 20 working days, extended once by 10
		Deadline extended = Deadline.of(d("2026-03-02"), 20, LimitUnit.WORKING_DAY)
			.extendedBy(new Extension(10, "需要现场核查"));
		assertThat(extended.totalAmount()).isEqualTo(30);
		assertThat(extended.evaluate(calendar).due()).isEqualTo(calendar.addWorkingDays(d("2026-03-02"), 30));
		assertThat(extended.evaluate(calendar).notes()).extracting(DeadlineNote::kind)
			.startsWith(DeadlineNote.Kind.START, DeadlineNote.Kind.EXTENSION);
	}

	@Test
	void aCalendarDayLimitEndingOnAHolidayMovesToTheNextWorkingDay() {
		DueDate due = Deadline.of(d("2026-09-26"), 5, LimitUnit.CALENDAR_DAY).evaluate(calendar);
		assertThat(due.due()).isEqualTo(d("2026-10-08"));
		assertThat(due.notes()).extracting(DeadlineNote::kind, DeadlineNote::from, DeadlineNote::to)
			.contains(tuple(DeadlineNote.Kind.MOVED, d("2026-10-01"), d("2026-10-08")));
	}

	@Test
	void aCalendarDayLimitAlsoStopsDuringASuspension() {
		Deadline paused = Deadline.of(d("2026-06-01"), 10, LimitUnit.CALENDAR_DAY)
			.suspended(new Suspension(d("2026-06-03"), d("2026-06-05"), "检验"));
		// Jun 1 + 10 + 3 suspended days = Jun 14 (Sun) → Jun 15 (Mon)
		assertThat(paused.evaluate(calendar).due()).isEqualTo(d("2026-06-15"));
	}

	@Test
	void anInstantItemIsDueTheSameDay() {
		assertThat(Deadline.of(d("2026-06-03"), 0, LimitUnit.WORKING_DAY).evaluate(calendar).due())
			.isEqualTo(d("2026-06-03"));
	}

	@Test
	void restartingAfterCorrectionsDropsTheOldSpanAndKeepsTheLimit() {
		// 行政许可法 第三十二条: after the applicant supplies what the one-time notice named,
		// acceptance starts again
		Deadline restarted = Deadline.of(d("2026-09-21"), 5, LimitUnit.WORKING_DAY)
			.suspended(new Suspension(d("2026-09-22"), d("2026-09-23"), "x"))
			.restartedOn(d("2026-09-30"));
		assertThat(restarted.suspensions()).isEmpty();
		assertThat(restarted.evaluate(calendar).due()).isEqualTo(d("2026-10-13"));
	}

	@Test
	void suspensionsAreKeptInOrder() {
		Deadline deadline = Deadline.of(d("2026-03-02"), 20, LimitUnit.WORKING_DAY)
			.suspended(new Suspension(d("2026-03-20"), d("2026-03-20"), "b"))
			.suspended(new Suspension(d("2026-03-10"), d("2026-03-10"), "a"));
		assertThat(deadline.suspensions()).extracting(Suspension::reason).isEqualTo(List.of("a", "b"));
		assertThat(deadline.evaluate(calendar).due()).isEqualTo(d("2026-04-01"));
	}

}
