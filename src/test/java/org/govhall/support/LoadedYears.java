package org.govhall.support;

import java.time.Duration;

import org.govhall.calendar.HolidaySchedules;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A holiday schedule a test loaded, taken out again: other test classes of the shared
 * application ({@link GovHallTest}, and its PostgreSQL twin) expect the next year
 * unloaded (ADR 0013).
 */
public final class LoadedYears {

	private LoadedYears() {
	}

	/**
	 * Deletes the year's schedule and has the calendar read the schedules again, so that
	 * it forgets the year at once (it trusts its copy for a second of the machine's
	 * time); the test clock moves on by two seconds as before.
	 */
	public static void forget(ApplicationContext context, int year) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		for (String table : new String[] { "calendar_day", "calendar_change", "calendar_year" }) {
			jdbc.sql("DELETE FROM " + table + " WHERE year_no = :year").param("year", year).update();
		}
		context.getBean(MovableClock.Moving.class).advance(Duration.ofSeconds(2));
		context.getBean(HolidaySchedules.class).reload();
		if (context.getBean(HolidaySchedules.class).calendar().isLoaded(year)) {
			throw new IllegalStateException(year + " is still loaded");
		}
	}

}
