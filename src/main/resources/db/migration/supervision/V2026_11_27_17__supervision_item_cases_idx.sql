-- The cases behind an item's figures, newest received first (the dashboards' last drill-down level): read in index
-- order within the item instead of sorting all of the item's cases.
CREATE INDEX supervision_case_item_received_idx ON supervision_case (item_code, received_on);
