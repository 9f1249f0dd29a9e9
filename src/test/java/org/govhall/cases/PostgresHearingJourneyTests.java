package org.govhall.cases;

import org.govhall.support.PostgresTest;

/**
 * The hearing's journey on PostgreSQL, the production database: its migrations, the acts
 * in the case document, the awaited act's columns and supervision's rows.
 */
@PostgresTest
class PostgresHearingJourneyTests extends HearingJourneyTests {

}
