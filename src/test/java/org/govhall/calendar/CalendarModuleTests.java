package org.govhall.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.BDDMockito.given;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;

import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.RegionLevel;
import org.govhall.directory.RegionView;
import org.govhall.directory.Role;
import org.govhall.directory.Users;
import org.govhall.shared.AuditEvent;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.GovHallException.FieldViolation;
import org.govhall.shared.RuleViolationException;
import org.govhall.support.ModuleSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The calendar module alone (the directory that says which region is the province
 * mocked), on the schedules its migration loads: a provincial administrator's new year
 * counts at once, is recorded as a change and announced as {@link CalendarChanged} for
 * the cases and supervision modules to re-evaluate their deadlines; anyone else, and a
 * schedule the rules refuse, changes nothing and announces nothing. Each test works on a
 * year of its own: what a scenario saves is committed.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("h2")
@Import(ModuleSlice.class)
class CalendarModuleTests {

	static final GovHallUser PROVINCE_ADMIN = Users.staff(1, "admin", "660000", null, Role.SYSTEM_ADMIN);

	static final GovHallUser CITY_ADMIN = Users.staff(2, "admin-bs", "660200", null, Role.SYSTEM_ADMIN);

	/**
	 * 2027's National Day holiday as a notice might give it, with one make-up working
	 * Saturday.
	 */
	static final YearSchedule YEAR_2027 = new YearSchedule(2027, "国务院办公厅关于2027年部分节假日安排的通知（测试）",
			LocalDate.of(2026, 11, 10),
			List.of(new SpecialDay(LocalDate.of(2027, 10, 1), DayKind.OFF, "国庆节"),
					new SpecialDay(LocalDate.of(2027, 10, 4), DayKind.OFF, "国庆节"),
					new SpecialDay(LocalDate.of(2027, 10, 9), DayKind.WORK, "国庆节调休上班")));

	@MockitoBean
	Directory directory;

	@Autowired
	HolidaySchedules schedules;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void regions() {
		given(directory.region("660000"))
			.willReturn(Optional.of(new RegionView("660000", "示范省", "Demo Province", RegionLevel.PROVINCE, null)));
		given(directory.region("660200"))
			.willReturn(Optional.of(new RegionView("660200", "北山市", "Beishan", RegionLevel.CITY, "660000")));
	}

	/**
	 * Another node's edit reaches this one within about a second, even when this node's
	 * business clock was set back meanwhile (a training hall rehearsing a past day): the
	 * cache is timed by the machine, not by the business clock.
	 */
	@Test
	void anotherNodesEditArrivesWhileTheClockRunsBackwards() {
		AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T02:00:00Z"));
		Clock movable = new Clock() {

			@Override
			public ZoneId getZone() {
				return ZoneId.of("Asia/Shanghai");
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now.get();
			}

		};
		HolidaySchedules otherNode = new HolidaySchedules(jdbc, event -> {
		}, movable, directory);
		assertThatThrownBy(() -> otherNode.calendar().addWorkingDays(LocalDate.of(2030, 9, 30), 1))
			.isInstanceOf(YearNotLoadedException.class);
		now.set(Instant.parse("2026-12-01T02:00:00Z"));
		YearSchedule year2030 = new YearSchedule(2030, "国务院办公厅关于2030年部分节假日安排的通知（测试）", null,
				List.of(new SpecialDay(LocalDate.of(2030, 10, 1), DayKind.OFF, "国庆节")));
		schedules.saveYear(year2030, PROVINCE_ADMIN);
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.ignoreExceptionsInstanceOf(YearNotLoadedException.class)
			.untilAsserted(() -> assertThat(otherNode.calendar().addWorkingDays(LocalDate.of(2030, 9, 30), 1))
				.isEqualTo(LocalDate.of(2030, 10, 2)));
	}

	@Test
	void aNewYearCountsAtOnceIsRecordedAndAnnounced(Scenario scenario) {
		assertThatThrownBy(() -> schedules.calendar().addWorkingDays(LocalDate.of(2027, 9, 30), 1))
			.isInstanceOf(YearNotLoadedException.class);

		scenario.stimulate(() -> schedules.saveYear(YEAR_2027, PROVINCE_ADMIN))
			.andWaitForEventOfType(CalendarChanged.class)
			.matching(changed -> changed.year() == 2027)
			.toArriveAndVerify(changed -> {
				assertThat(changed.changedBy()).isEqualTo("admin");
				// 10-01 off, 10-02/03 the weekend, 10-04 off: the first working day after
				// 09-30 is 10-05
				assertThat(schedules.calendar().addWorkingDays(LocalDate.of(2027, 9, 30), 1))
					.isEqualTo(LocalDate.of(2027, 10, 5));
				assertThat(schedules.year(2027)).isEqualTo(YEAR_2027);
				assertThat(schedules.changes(2027)).singleElement().satisfies(change -> {
					assertThat(change.changedBy()).isEqualTo("admin");
					assertThat(change.summary()).startsWith("loaded: notice 国务院办公厅关于2027年部分节假日安排的通知（测试）")
						.contains("2027-10-09 WORK");
				});
			});
	}

	@Test
	void aCityAdministratorChangesNothingAndAnnouncesNothing(PublishedEvents events) {
		YearSchedule year2029 = new YearSchedule(2029, "国务院办公厅关于2029年部分节假日安排的通知（测试）", null,
				List.of(new SpecialDay(LocalDate.of(2029, 10, 1), DayKind.OFF, "国庆节")));
		assertThatThrownBy(() -> schedules.saveYear(year2029, CITY_ADMIN)).isInstanceOf(ForbiddenException.class);
		assertThat(schedules.changes(2029)).isEmpty();
		assertThat(schedules.years()).extracting(YearSummary::year).doesNotContain(2029);
		assertThat(events.ofType(CalendarChanged.class)).isEmpty();
		assertThat(events.ofType(AuditEvent.class)).isEmpty();
	}

	@Test
	void aScheduleTheRulesRefuseNamesEachDayAndChangesNothing(PublishedEvents events) {
		YearSchedule wrong = new YearSchedule(2028, "通知", null,
				List.of(new SpecialDay(LocalDate.of(2027, 12, 31), DayKind.OFF, "元旦"),
						new SpecialDay(LocalDate.of(2028, 10, 2), DayKind.OFF, null),
						new SpecialDay(LocalDate.of(2028, 10, 2), DayKind.OFF, null),
						new SpecialDay(LocalDate.of(2028, 10, 10), DayKind.WORK, null)));
		assertThatThrownBy(() -> schedules.saveYear(wrong, PROVINCE_ADMIN)).isInstanceOfSatisfying(
				RuleViolationException.class,
				ex -> assertThat(ex.violations()).extracting(FieldViolation::field, FieldViolation::messageKey)
					.containsExactly(tuple("days[0].date", "error.calendar.otherYear"),
							tuple("days[2].date", "error.calendar.duplicate"),
							tuple("days[3].kind", "error.calendar.workOnWeekday")));
		assertThat(schedules.changes(2028)).isEmpty();
		assertThat(events.ofType(CalendarChanged.class)).isEmpty();
	}

}
