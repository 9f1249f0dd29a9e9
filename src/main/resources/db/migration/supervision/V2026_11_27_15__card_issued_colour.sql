-- A card keeps the colour it was issued with: escalation turns a yellow card red, but it was still one of the
-- department's yellow cards of that month, and it still is the case's card for its cause (no second one).
ALTER TABLE supervision_card ADD COLUMN issued_colour VARCHAR(8) DEFAULT 'YELLOW' NOT NULL;
UPDATE supervision_card SET issued_colour = colour;
DROP INDEX supervision_card_case_cause_idx;
CREATE UNIQUE INDEX supervision_card_case_cause_idx ON supervision_card (case_number, cause, issued_colour, department_code);
CREATE INDEX supervision_card_month_idx ON supervision_card (department_code, issued_colour, issued_on);
