-- First handler from the first minute (issue 11, item 3): a staff number (工号) shown to applicants beside the name,
-- whether the account is on duty (a department admin marks a clerk on leave or off duty), and each department's rule
-- for giving online and agent cases their first handler: round robin among its clerks on duty (the default, also
-- when a department has no row) or a named duty clerk. "turn" counts the cases routed, for the round robin.
ALTER TABLE directory_account ADD COLUMN staff_number VARCHAR(16);
ALTER TABLE directory_account ADD COLUMN on_duty BOOLEAN NOT NULL DEFAULT TRUE;

CREATE TABLE directory_routing_rule (
  department_id   BIGINT      NOT NULL PRIMARY KEY REFERENCES directory_department (id),
  mode            VARCHAR(16) NOT NULL CHECK (mode IN ('ROUND_ROBIN', 'DUTY_CLERK')),
  duty_account_id BIGINT      REFERENCES directory_account (id),
  turn            BIGINT      NOT NULL DEFAULT 0,
  updated_by      VARCHAR(64),
  updated_at      TIMESTAMP WITH TIME ZONE
);
