package org.govhall.calendar;

import org.govhall.support.FreshPostgres;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The calendar API on PostgreSQL, the production database. */
@ActiveProfiles("pg")
@Import(FreshPostgres.class)
class PostgresCalendarApiTests extends CalendarApiTests {

}
