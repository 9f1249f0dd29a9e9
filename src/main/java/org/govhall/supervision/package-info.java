/**
 * Electronic supervision (电子监察): a read model of every case, built only from the cases module's events (stage,
 * due dates and sub-deadlines, remaining working days, yellow or red warning, the steps and who held the case), the
 * irregularity rules with their legal bases, yellow and red cards with explanation, rectification and escalation,
 * supervision notices (督办) and accountability (问责), dashboards, and the tracking of powers delegated to counties.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "cases", "calendar", "catalog", "directory", "documents", "shared" })
@org.jspecify.annotations.NullMarked
package org.govhall.supervision;
