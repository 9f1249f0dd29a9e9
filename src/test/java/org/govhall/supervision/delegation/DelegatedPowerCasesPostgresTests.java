package org.govhall.supervision.delegation;

import org.govhall.support.PostgresTest;

/**
 * The same delegation fixtures and rules as {@link DelegatedPowerCasesTests} on
 * PostgreSQL, the production database (issue 11: counterpart by code, a redirect not
 * counted, the applicant's county from the address, 放而不用 only after take-on).
 */
@PostgresTest
class DelegatedPowerCasesPostgresTests extends DelegatedPowerCasesTests {

}
