package org.govhall.calendar;

/**
 * The calendar API on the embedded H2 database (the shared test configuration,
 * support/GovHallTest).
 */
class H2CalendarApiTests extends CalendarApiTests {

}
