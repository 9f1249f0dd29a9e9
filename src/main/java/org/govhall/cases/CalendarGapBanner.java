package org.govhall.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;

import org.govhall.calendar.HolidaySchedules;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.RegionLevel;
import org.govhall.directory.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the province's system administrators, on every page, that a year's official holiday schedule is missing: the
 * current year at any time, and from 1 November the next one (the State Council usually publishes it in the autumn),
 * with the number of open cases whose deadlines depend on it. Until it is loaded those deadlines read "期限待定".
 */
@ControllerAdvice(annotations = Controller.class)
class CalendarGapBanner {

	/** A missing year and the open cases with a due date in it or awaiting it. */
	record CalendarGap(int year, long openCases) {
	}

	private final HolidaySchedules schedules;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final Clock clock;

	CalendarGapBanner(HolidaySchedules schedules, Directory directory, JdbcClient jdbc, Clock clock) {
		this.schedules = schedules;
		this.directory = directory;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@ModelAttribute("calendarGap")
	@Nullable
	CalendarGap calendarGap(@AuthenticationPrincipal @Nullable GovHallUser user) {
		if (user == null || !user.scope().has(Role.SYSTEM_ADMIN) || user.scope().regionCode() == null) {
			return null;
		}
		Integer year = missingYear(LocalDate.now(clock));
		if (year == null) {
			return null;
		}
		boolean province = directory.region(user.scope().regionCode())
			.map(r -> r.level() == RegionLevel.PROVINCE)
			.orElse(false);
		return province ? new CalendarGap(year, openCasesAwaitingCalendar()) : null;
	}

	/** The year a hall needs now and lacks: this year, or from 1 November the next. */
	@Nullable
	Integer missingYear(LocalDate today) {
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
	 * Open cases with a running clock that waits for a schedule. No official due date can lie in a year that is not
	 * loaded, so these are exactly the cases whose deadlines depend on it.
	 */
	long openCasesAwaitingCalendar() {
		return jdbc.sql("SELECT COUNT(*) FROM cases_case WHERE closed_on IS NULL AND awaits_calendar = TRUE")
			.query(Long.class)
			.single();
	}

}
