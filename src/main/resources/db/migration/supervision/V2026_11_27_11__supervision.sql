-- Electronic supervision (issue 4): the read model of cases, built only from case events (never from cases_* tables).
-- One row per case. A closed case keeps its row with closed_on set, so that an event arriving late (listeners run
-- asynchronously) can never reopen it; stage_rank keeps an earlier step's event from overwriting a later one.
CREATE TABLE supervision_open_case (
  case_number            VARCHAR(32)  NOT NULL PRIMARY KEY,
  item_code              VARCHAR(36)  NOT NULL,
  department_code        VARCHAR(32)  NOT NULL,
  region_code            VARCHAR(6)   NOT NULL,
  applicant_region       VARCHAR(12)  NOT NULL,
  first_handler          VARCHAR(64),
  state                  VARCHAR(24)  NOT NULL,
  stage                  VARCHAR(12)  NOT NULL,
  stage_rank             INTEGER      NOT NULL,
  due_on                 DATE,
  suspended              BOOLEAN      NOT NULL,
  received_on            DATE         NOT NULL,
  accepted_on            DATE,
  last_event_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  warning                VARCHAR(8)   NOT NULL,
  remaining_working_days INTEGER,
  revision               BIGINT       NOT NULL,
  closed_on              DATE,
  updated_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX supervision_open_case_region_idx ON supervision_open_case (region_code, warning);
CREATE INDEX supervision_open_case_closed_idx ON supervision_open_case (closed_on, case_number);
