package org.govhall.cases;

import org.govhall.support.FreshPostgres;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The case journeys on PostgreSQL, the production database. */
@ActiveProfiles("pg")
@Import(FreshPostgres.class)
class PostgresCaseJourneyTests extends CaseJourneyTests {

}
