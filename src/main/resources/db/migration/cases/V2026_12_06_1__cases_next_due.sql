-- The nearest running due date of each case (issue 10, item 6): the statutory or the promised one, whichever comes
-- first, so that work lists colour and order by it; provisional (weekends-only count) while it runs into a year
-- whose official holiday schedule is not loaded. Rows written before this migration get theirs when they next change
-- or when a year's calendar is saved.
ALTER TABLE cases_case ADD COLUMN next_due DATE;
ALTER TABLE cases_case ADD COLUMN next_due_provisional BOOLEAN DEFAULT FALSE NOT NULL;
-- whether any running clock waits for a missing year's schedule: the administrators' banner counts these
ALTER TABLE cases_case ADD COLUMN awaits_calendar BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE cases_case SET next_due = CASE
    WHEN state = 'RECEIVED' THEN acceptance_due
    WHEN state = 'DECIDED' THEN delivery_due
    WHEN state IN ('ACCEPTED', 'REVIEWED') THEN
      CASE WHEN promised_due IS NOT NULL AND (decision_due IS NULL OR promised_due < decision_due)
           THEN promised_due ELSE decision_due END
    END;
