/**
 * Electronic supervision (电子监察): a read model of every case, built only from the cases
 * module's events (stage, due dates and sub-deadlines, remaining working days, yellow or
 * red warning, the steps and who held the case), the irregularity rules with their legal
 * bases, yellow and red cards with explanation, rectification and escalation, supervision
 * notices (督办) and accountability (问责), and the daily sums the dashboards read. The
 * dashboards and the tracking of powers delegated to counties are nested modules
 * ({@code supervision.dashboards}, {@code supervision.delegation}, ADR 0029) that depend
 * on this one; this one depends on neither.
 */
@ApplicationModule(allowedDependencies = { "cases", "calendar", "catalog", "directory", "shared" })
@NullMarked
package org.govhall.supervision;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
