package org.govhall.supervision;

/** A step of the drill-down path, from the viewer's own region (or department) to what the dashboard shows. */
public record DashboardPlace(DashboardRow.Kind kind, String code, String name) {
}
