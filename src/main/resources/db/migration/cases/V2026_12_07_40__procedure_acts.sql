-- Acts of procedure inside the review (ADR 0030): the notice to interested parties and their statements
-- (行政许可法 第三十六条), a hearing's request, notice and transcript (第四十六条至第四十八条). The acts live in the case
-- document; the history names the step of a generic STEP_TAKEN line, and the case row the act it waits for, so that
-- the work list of procedures reads a column.
ALTER TABLE cases_history ADD COLUMN step VARCHAR(40);
ALTER TABLE cases_case ADD COLUMN awaited_step VARCHAR(40);
ALTER TABLE cases_case ADD COLUMN awaited_due DATE;
ALTER TABLE cases_case ADD COLUMN awaited_duty BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX cases_case_awaited_idx ON cases_case (awaited_step, department_code);
