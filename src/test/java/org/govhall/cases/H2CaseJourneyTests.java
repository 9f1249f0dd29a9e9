package org.govhall.cases;

/**
 * The case journeys on the embedded H2 database (the shared test configuration,
 * support/GovHallTest).
 */
class H2CaseJourneyTests extends CaseJourneyTests {

}
