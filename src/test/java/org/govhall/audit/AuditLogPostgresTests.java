package org.govhall.audit;

import org.govhall.support.PostgresTest;

/**
 * The audit log on PostgreSQL, the production database: row locks, ON CONFLICT and
 * concurrent sealing for real.
 */
@PostgresTest
class AuditLogPostgresTests extends AuditLogTests {

}
