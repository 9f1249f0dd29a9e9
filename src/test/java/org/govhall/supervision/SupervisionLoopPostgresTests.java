package org.govhall.supervision;

import org.govhall.support.FreshPostgres;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The supervision loop on PostgreSQL, the production database. */
@ActiveProfiles(value = "pg", inheritProfiles = false)
@Import(FreshPostgres.class)
class SupervisionLoopPostgresTests extends SupervisionLoopTests {

}
