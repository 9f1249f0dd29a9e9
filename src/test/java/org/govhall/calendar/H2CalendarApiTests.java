package org.govhall.calendar;

import org.springframework.test.context.ActiveProfiles;

/** The calendar API on the embedded H2 database. */
@ActiveProfiles("h2")
class H2CalendarApiTests extends CalendarApiTests {

}
