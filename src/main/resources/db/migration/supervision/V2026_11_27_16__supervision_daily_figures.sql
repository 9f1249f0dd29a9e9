-- Dashboards at scale (issue 4, item 8): the figures that only depend on a case's own columns are kept summed per
-- day, region, department and item, maintained in the same transaction as every change of supervision_case (the
-- listener applies the change of the case's contribution). A year of the province is then a few thousand rows
-- instead of hundreds of thousands. Figures that depend on today (open and red) are still counted live over the
-- open cases. DashboardRollup.rebuild() recomputes both tables from supervision_case.
CREATE TABLE supervision_daily_received (
  on_day          DATE        NOT NULL,
  region_code     VARCHAR(6)  NOT NULL,
  department_code VARCHAR(32) NOT NULL,
  item_code       VARCHAR(36) NOT NULL,
  received        BIGINT      NOT NULL,
  instant         BIGINT      NOT NULL,
  online          BIGINT      NOT NULL,
  PRIMARY KEY (on_day, region_code, department_code, item_code)
);
CREATE TABLE supervision_daily_completed (
  on_day          DATE        NOT NULL,
  region_code     VARCHAR(6)  NOT NULL,
  department_code VARCHAR(32) NOT NULL,
  item_code       VARCHAR(36) NOT NULL,
  completed       BIGINT      NOT NULL,
  on_time         BIGINT      NOT NULL,
  early           BIGINT      NOT NULL,
  late            BIGINT      NOT NULL,
  visits          BIGINT      NOT NULL,
  actual_sum      BIGINT      NOT NULL,
  actual_count    BIGINT      NOT NULL,
  promised_sum    BIGINT      NOT NULL,
  promised_count  BIGINT      NOT NULL,
  statutory_sum   BIGINT      NOT NULL,
  statutory_count BIGINT      NOT NULL,
  PRIMARY KEY (on_day, region_code, department_code, item_code)
);
CREATE INDEX supervision_case_open_red_idx ON supervision_case (closed_on, warning, received_on);
