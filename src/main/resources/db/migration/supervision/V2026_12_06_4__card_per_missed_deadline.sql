-- One missed deadline, one card (issue 10, item 8): a case overdue at a stage and the irregularity of that stage's
-- deadline (deemed acceptance, late decision, late delivery) share a deadline key; the unique index keeps them to one
-- card per case and department even when the nightly run and an event's listener card the case at the same moment.
ALTER TABLE supervision_card ADD COLUMN deadline_key VARCHAR(16);
CREATE UNIQUE INDEX supervision_card_deadline_uq ON supervision_card (case_number, department_code, deadline_key);
