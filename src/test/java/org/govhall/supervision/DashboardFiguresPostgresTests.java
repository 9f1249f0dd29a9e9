package org.govhall.supervision;

import org.govhall.support.FreshPostgres;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The dashboard figures on PostgreSQL, the production database: the same SQL and the same hand-computed values. */
@ActiveProfiles(value = "pg", inheritProfiles = false)
@Import(FreshPostgres.class)
class DashboardFiguresPostgresTests extends DashboardFiguresTests {

}
