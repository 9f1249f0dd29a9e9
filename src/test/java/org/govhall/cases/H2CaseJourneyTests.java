package org.govhall.cases;

import org.springframework.test.context.ActiveProfiles;

/** The case journeys on the embedded H2 database. */
@ActiveProfiles("h2")
class H2CaseJourneyTests extends CaseJourneyTests {

}
