package org.govhall.catalog;

import org.govhall.support.FreshPostgres;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The catalog API journey on PostgreSQL, the production database. */
@ActiveProfiles("pg")
@Import(FreshPostgres.class)
class PostgresCatalogApiJourneyTests extends CatalogApiJourneyTests {

}
