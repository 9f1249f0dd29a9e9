package org.govhall.catalog;

/**
 * The catalog API journey on the embedded H2 database (the shared test configuration,
 * support/GovHallTest).
 */
class H2CatalogApiJourneyTests extends CatalogApiJourneyTests {

}
