/**
 * Electronic supervision (电子监察): a read model of every open case, built only from the cases module's events, with
 * its current stage, due date, remaining working days and yellow or red warning (预警/超期), and the supervisor's
 * workbench of those warnings scoped to the supervisor's region.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "cases", "calendar", "directory", "shared" })
@org.jspecify.annotations.NullMarked
package org.govhall.supervision;
