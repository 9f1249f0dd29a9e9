/**
 * The tracking of powers delegated to counties (扩权强县): per power, what the county handles
 * itself and what is still handled above, 下放不到位, 放而不用 and 未承接, rolled up by city over a
 * supervisor's region, on the pages ({@code /supervision/delegations}), the API
 * ({@code /api/v1/supervision/delegations}) and as a PDF report. A nested module of
 * {@code supervision} (ADR 0029): it reads the parent's read model and writes nothing
 * there.
 */
@ApplicationModule(allowedDependencies = { "supervision", "catalog", "directory", "documents", "shared" })
@NullMarked
package org.govhall.supervision.delegation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
