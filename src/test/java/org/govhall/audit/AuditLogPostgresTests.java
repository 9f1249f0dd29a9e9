package org.govhall.audit;

import org.govhall.support.FreshPostgres;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The audit log on PostgreSQL, the production database: row locks, ON CONFLICT and concurrent sealing for real. */
@ActiveProfiles(value = "pg", inheritProfiles = false)
@Import(FreshPostgres.class)
class AuditLogPostgresTests extends AuditLogTests {

}
