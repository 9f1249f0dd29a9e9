-- Instant items counted by what happened (issue 11, item 2): a case decided and handed over on the spot, not one
-- filed under an item the catalog labels instant. Cases decided on the spot before are found in the read model's
-- own step log; the daily sums of receipt are recounted from the new column.
ALTER TABLE supervision_case ADD COLUMN on_the_spot BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE supervision_case SET on_the_spot = TRUE
WHERE case_number IN (SELECT s.case_number FROM supervision_case_step s WHERE s.action = 'DECIDED_ON_THE_SPOT');
UPDATE supervision_daily_received SET instant = (
    SELECT COUNT(*) FROM supervision_case c
    WHERE c.received_on = supervision_daily_received.on_day AND c.region_code = supervision_daily_received.region_code
      AND c.department_code = supervision_daily_received.department_code
      AND c.item_code = supervision_daily_received.item_code AND c.on_the_spot);
