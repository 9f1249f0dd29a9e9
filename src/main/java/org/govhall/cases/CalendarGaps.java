package org.govhall.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;

import org.govhall.calendar.HolidaySchedules;
import org.govhall.directory.Directory;
import org.govhall.directory.RegionLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts behind {@link CalendarGapBanner}: which year is missing, and how many open
 * cases wait for it.
 */
@Component
class CalendarGaps {

	private final HolidaySchedules schedules;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final Clock clock;

	CalendarGaps(HolidaySchedules schedules, Directory directory, JdbcClient jdbc, Clock clock) {
		this.schedules = schedules;
		this.directory = directory;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	CalendarGapBanner.@Nullable CalendarGap forProvinceAdmin(String regionCode) {
		Integer year = missingYear(LocalDate.now(clock));
		if (year == null) {
			return null;
		}
		boolean province = directory.region(regionCode).map(r -> r.level() == RegionLevel.PROVINCE).orElse(false);
		return province ? new CalendarGapBanner.CalendarGap(year, openCasesAwaitingCalendar()) : null;
	}

	/** The year a hall needs now and lacks: this year, or from 1 November the next. */
	@Nullable Integer missingYear(LocalDate today) {
		var calendar = schedules.calendar();
		if (!calendar.isLoaded(today.getYear())) {
			return today.getYear();
		}
		if (today.getMonthValue() >= Month.NOVEMBER.getValue() && !calendar.isLoaded(today.getYear() + 1)) {
			return today.getYear() + 1;
		}
		return null;
	}

	/**
	 * Open cases with a running clock that waits for a schedule. No official due date can
	 * lie in a year that is not loaded, so these are exactly the cases whose deadlines
	 * depend on it.
	 */
	long openCasesAwaitingCalendar() {
		return jdbc.sql("SELECT COUNT(*) FROM cases_case WHERE closed_on IS NULL AND awaits_calendar = TRUE")
			.query(Long.class)
			.single();
	}

}
