package org.govhall.calendar;

import org.govhall.support.PostgresTest;

/** The calendar API on PostgreSQL, the production database. */
@PostgresTest
class PostgresCalendarApiTests extends CalendarApiTests {

}
