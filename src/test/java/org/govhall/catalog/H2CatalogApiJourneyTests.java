package org.govhall.catalog;

import org.springframework.test.context.ActiveProfiles;

/** The catalog API journey on the embedded H2 database. */
@ActiveProfiles("h2")
class H2CatalogApiJourneyTests extends CatalogApiJourneyTests {

}
