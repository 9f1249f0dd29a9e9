package org.govhall.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Working days by the State Council notices for 2025 (国办发明电〔2024〕12号) and 2026
 * (2025-11-04).
 */
class WorkingCalendarTests {

	WorkingCalendar calendar = CalendarFixtures.officialCalendar();

	@ParameterizedTest(name = "{0} + {1} working days = {2}")
	@CsvSource({
			// 2026 National Day: Oct 1-7 off, Sep 20 (Sun) and Oct 10 (Sat) are working
			// days
			"2026-09-30, 5, 2026-10-13", "2026-09-30, 1, 2026-10-08", "2026-10-09, 1, 2026-10-10",
			"2026-09-19, 1, 2026-09-20", "2026-09-18, 2, 2026-09-21",
			// 2026 Spring Festival: Feb 15-23 off, Feb 14 and Feb 28 (Sat) are working
			// days
			"2026-02-13, 1, 2026-02-14", "2026-02-14, 1, 2026-02-24", "2026-02-27, 1, 2026-02-28",
			// 2026 New Year: Jan 1-3 off, Jan 4 (Sun) works; reaching it from 2025
			// crosses the year
			"2025-12-31, 1, 2026-01-04", "2026-01-03, 1, 2026-01-04",
			// 2026 Labour Day: May 1-5 off, May 9 (Sat) works
			"2026-04-30, 1, 2026-05-06", "2026-05-08, 1, 2026-05-09",
			// 2025 National Day and Mid-Autumn: Oct 1-8 off, Sep 28 (Sun) and Oct 11
			// (Sat) work
			"2025-09-27, 1, 2025-09-28", "2025-09-30, 1, 2025-10-09", "2025-10-10, 1, 2025-10-11",
			// 2025 Spring Festival: Jan 28 - Feb 4 off, Jan 26 (Sun) and Feb 8 (Sat) work
			"2025-01-25, 1, 2025-01-26", "2025-01-27, 1, 2025-02-05", "2025-02-07, 1, 2025-02-08",
			// 2025 Labour Day make-up on Sunday Apr 27; 2025 New Year only Jan 1
			"2025-04-25, 1, 2025-04-27", "2025-12-31, 0, 2025-12-31",
			// an ordinary 20-working-day licence limit
			"2026-03-02, 20, 2026-03-30", "2026-03-30, 5, 2026-04-07" })
	void addsWorkingDaysByTheNotices(LocalDate from, int days, LocalDate due) {
		assertThat(calendar.addWorkingDays(from, days)).isEqualTo(due);
	}

	@ParameterizedTest(name = "working days after {0} up to {1} = {2}")
	@CsvSource({ "2026-09-30, 2026-10-13, 5", "2026-10-01, 2026-10-07, 0", "2026-09-30, 2026-10-10, 3",
			"2025-12-31, 2026-01-05, 2", "2026-10-13, 2026-09-30, -5", "2026-06-01, 2026-06-01, 0" })
	void countsWorkingDaysAfterTheStart(LocalDate from, LocalDate to, int expected) {
		assertThat(calendar.countWorkingDays(from, to)).isEqualTo(expected);
	}

	@Test
	void knowsHolidaysMakeUpDaysAndWeekends() {
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-11"))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-12"))).isTrue();
		assertThat(calendar.special(LocalDate.parse("2026-10-03"))).get().extracting(SpecialDay::name).isEqualTo("国庆节");
	}

	@ParameterizedTest(name = "{0} + {1} calendar days = {2}")
	@CsvSource({ "2026-09-25, 5, 2026-09-30", "2026-09-26, 5, 2026-10-08", "2026-02-10, 5, 2026-02-24",
			"2026-10-05, 5, 2026-10-10", "2026-06-01, 5, 2026-06-08" })
	void movesACalendarDayLimitEndingOnADayOffToTheNextWorkingDay(LocalDate from, int days, LocalDate due) {
		assertThat(calendar.addCalendarDays(from, days)).isEqualTo(due);
	}

	@Test
	void refusesToGuessAYearThatIsNotLoaded() {
		assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.parse("2026-12-30"), 5))
			.isInstanceOf(YearNotLoadedException.class)
			.satisfies(ex -> assertThat(((YearNotLoadedException) ex).year()).isEqualTo(2027));
		assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.parse("2024-06-03")))
			.isInstanceOf(YearNotLoadedException.class);
		assertThatThrownBy(
				() -> calendar.countWorkingDays(LocalDate.parse("2026-12-01"), LocalDate.parse("2027-01-05")))
			.isInstanceOf(YearNotLoadedException.class);
	}

	@Property(tries = 400)
	void countingBackTheDaysAddedGivesTheSameNumber(@ForAll @IntRange(min = 0, max = 600) int offset,
			@ForAll @IntRange(min = 0, max = 60) int days) {
		LocalDate from = LocalDate.parse("2025-01-01").plusDays(offset);
		LocalDate due = calendar.addWorkingDays(from, days);
		assertThat(calendar.countWorkingDays(from, due)).isEqualTo(days);
		if (days > 0) {
			assertThat(calendar.isWorkingDay(due)).isTrue();
			assertThat(calendar.addWorkingDays(from, days - 1)).isBefore(due);
		}
	}

	@Property(tries = 300)
	void addingInTwoStepsIsAddingOnce(@ForAll @IntRange(min = 0, max = 600) int offset,
			@ForAll @IntRange(min = 0, max = 30) int first, @ForAll @IntRange(min = 0, max = 30) int second) {
		LocalDate from = LocalDate.parse("2025-01-01").plusDays(offset);
		assertThat(calendar.addWorkingDays(calendar.addWorkingDays(from, first), second))
			.isEqualTo(calendar.addWorkingDays(from, first + second));
	}

	// ---- a missing year (issue 10, item 6): provisional dates on weekends only, for
	// ordering and warnings

	@Test
	void theProvisionalCalendarCountsAMissingYearOnWeekdaysAndKeepsTheLoadedYearsExact() {
		WorkingCalendar provisional = calendar.provisional();
		assertThat(calendar.isLoaded(2027)).isFalse();
		assertThat(provisional.isProvisional()).isTrue();
		assertThat(provisional.provisional()).isSameAs(provisional);
		// 2027-01-01 is a Friday: on weekends only it counts, though New Year's Day will
		// surely be off
		assertThat(provisional.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
		assertThat(provisional.isWorkingDay(LocalDate.of(2027, 1, 2))).isFalse();
		// the loaded years stay exactly as the State Council notices say: National Day
		// 2026 is off
		assertThat(provisional.isWorkingDay(LocalDate.of(2026, 10, 2))).isFalse();
		assertThat(provisional.isWorkingDay(LocalDate.of(2026, 9, 28)))
			.isEqualTo(calendar.isWorkingDay(LocalDate.of(2026, 9, 28)));
		// 45 working days from 2026-11-27: 24 left in 2026, then 21 weekdays of January
		// 2027
		assertThat(provisional.addWorkingDays(LocalDate.of(2026, 11, 27), 45)).isEqualTo(LocalDate.of(2027, 1, 29));
		assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 11, 27), 45))
			.isInstanceOf(YearNotLoadedException.class);
	}

	@Test
	void aDueDateInAMissingYearIsPendingWithAProvisionalDateThatIsNeverItsLegalDate() {
		DueDate due = DueDate.of(Deadline.of(LocalDate.of(2026, 11, 27), 45, LimitUnit.WORKING_DAY), calendar);
		assertThat(due.due()).isNull();
		assertThat(due.awaitsCalendar()).isTrue();
		assertThat(due.missingYear()).isEqualTo(2027);
		assertThat(due.provisional()).isEqualTo(LocalDate.of(2027, 1, 29));
		assertThat(due.dueForWarnings()).isEqualTo(LocalDate.of(2027, 1, 29));

		DueDate known = DueDate.of(Deadline.of(LocalDate.of(2026, 9, 30), 5, LimitUnit.WORKING_DAY), calendar);
		assertThat(known.due()).isEqualTo(LocalDate.of(2026, 10, 13));
		assertThat(known.provisional()).isNull();
		assertThat(known.dueForWarnings()).isEqualTo(LocalDate.of(2026, 10, 13));
	}

	@Test
	void workingDaysForWarningsCountFromATodayInAMissingYear() {
		// due Monday 2026-12-28, "today" Monday 2027-01-04: five weekdays later on the
		// provisional count (1 January too)
		assertThatThrownBy(() -> calendar.countWorkingDays(LocalDate.of(2027, 1, 4), LocalDate.of(2026, 12, 28)))
			.isInstanceOf(YearNotLoadedException.class);
		assertThat(calendar.countWorkingDaysForWarnings(LocalDate.of(2027, 1, 4), LocalDate.of(2026, 12, 28)))
			.isEqualTo(-5);
		// both dates loaded: the official count
		assertThat(calendar.countWorkingDaysForWarnings(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 13)))
			.isEqualTo(calendar.countWorkingDays(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 13)));
	}

}
