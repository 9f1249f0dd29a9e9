package org.govhall.supervision.dashboards;

/**
 * A step of the drill-down path, from the viewer's own region (or department) to what the
 * dashboard shows.
 */
record DashboardPlace(DashboardRow.Kind kind, String code, String name) {
}
