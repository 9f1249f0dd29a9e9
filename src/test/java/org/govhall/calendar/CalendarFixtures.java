package org.govhall.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The official 2025 and 2026 schedules exactly as the calendar migration ships them. */
final class CalendarFixtures {

	private static WorkingCalendar official;

	private CalendarFixtures() {
	}

	static synchronized WorkingCalendar officialCalendar() {
		if (official == null) {
			official = schedules().calendar();
		}
		return official;
	}

	/** A fresh in-memory database migrated with the calendar module's migrations. */
	static HolidaySchedules schedules() {
		DriverManagerDataSource ds = new DriverManagerDataSource(
				"jdbc:h2:mem:calendar-" + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(ds).locations("classpath:db/migration/calendar").load().migrate();
		return new HolidaySchedules(JdbcClient.create(ds), event -> {
		}, Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC), null);
	}

}
