package org.govhall.cases;

import org.govhall.support.PostgresTest;

/** The case journeys on PostgreSQL, the production database. */
@PostgresTest
class PostgresCaseJourneyTests extends CaseJourneyTests {

}
