package org.govhall.supervision;

import org.govhall.support.PostgresTest;

/** The supervision read model on PostgreSQL, the production database. */
@PostgresTest
class SupervisionReadModelPostgresTests extends SupervisionReadModelTests {

}
