package org.govhall.supervision.delegation;

import org.govhall.support.FreshPostgres;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The same delegation fixtures and rules as {@link DelegationTrackingTests} on PostgreSQL, the production database (issue 11: counterpart
 * by code, a redirect not counted, the applicant's county from the address, 放而不用 only after take-on).
 */
@ActiveProfiles(value = "pg", inheritProfiles = false)
@Import(FreshPostgres.class)
class DelegationTrackingPostgresTests extends DelegationTrackingTests {

}
