-- Supervision sees the acts of procedure inside the review (ADR 0030): the step of a STEP_TAKEN line on the
-- timeline (under its step's name in the action column, and in the step column), and the act a case waits for with its due date (a hearing is due within 20 working days of its request,
-- 行政许可法 第四十七条).
ALTER TABLE supervision_case_step ADD COLUMN step VARCHAR(40);
ALTER TABLE supervision_case ADD COLUMN awaited_step VARCHAR(40);
ALTER TABLE supervision_case ADD COLUMN awaited_due DATE;
ALTER TABLE supervision_case ADD COLUMN awaited_duty BOOLEAN DEFAULT FALSE NOT NULL;
