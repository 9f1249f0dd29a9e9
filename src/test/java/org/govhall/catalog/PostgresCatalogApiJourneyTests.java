package org.govhall.catalog;

import org.govhall.support.PostgresTest;

/** The catalog API journey on PostgreSQL, the production database. */
@PostgresTest
class PostgresCatalogApiJourneyTests extends CatalogApiJourneyTests {

}
