package org.govhall.supervision;

import org.govhall.support.PostgresTest;

/** The supervision loop on PostgreSQL, the production database. */
@PostgresTest
class SupervisionLoopPostgresTests extends SupervisionLoopTests {

}
