-- Supervision dashboards (issue 4, item 6): every figure is one GROUP BY over a date range of the read model, by
-- region and department, item or month. These two indexes lead with the date and carry every column those
-- statements read, so that PostgreSQL answers them from the index alone (index-only scans) instead of reading the
-- whole table: received cases by the date received, completed cases by the date of decision. A department's and an
-- item's figures use the same indexes, filtered on department_code and item_code inside the index.
CREATE INDEX supervision_case_received_figures_idx ON supervision_case (received_on, region_code, department_code,
  item_code, processing_mode, channel, warning, closed_on, on_time);
CREATE INDEX supervision_case_decided_figures_idx ON supervision_case (decided_on, region_code, department_code,
  item_code, on_time, early, visits, actual_days, promised_days, statutory_days);
-- Cards by the date issued.
CREATE INDEX supervision_card_issued_idx ON supervision_card (issued_on, region_code);
