/**
 * Supervision dashboards (ADR 0011): received and completed figures, on-time and early
 * shares, visits and working days used, by region, department and item down to the cases,
 * as a table, a monthly trend and an Excel workbook, on the pages
 * ({@code /supervision/dashboard}) and the API ({@code /api/v1/supervision/dashboard}). A
 * nested module of {@code supervision} (ADR 0029): it reads the parent's read model and
 * daily sums, read from a reporting replica when one is configured, and writes nothing
 * there.
 */
@ApplicationModule(allowedDependencies = { "supervision", "cases", "catalog", "directory", "shared" })
@NullMarked
package org.govhall.supervision.dashboards;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
