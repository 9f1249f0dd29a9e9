-- The documents a case step owes its applicant (issue 12, item 7; ADR 0021): written in the step's transaction, marked
-- issued by whoever issues the document (the window before its answer, or the listener after the commit). A row
-- without issued_at is a document not issued yet: "文书未出具" on the department's workbench and in supervision.
CREATE TABLE cases_document_owed (
  issue_key        VARCHAR(80)  NOT NULL PRIMARY KEY,
  case_number      VARCHAR(32)  NOT NULL,
  kind             VARCHAR(32)  NOT NULL,
  department_code  VARCHAR(32)  NOT NULL,
  owed_since       TIMESTAMP WITH TIME ZONE NOT NULL,
  attempts         INTEGER      NOT NULL DEFAULT 0,
  last_error       VARCHAR(500),
  last_failed_at   TIMESTAMP WITH TIME ZONE,
  issued_at        TIMESTAMP WITH TIME ZONE,
  document_number  VARCHAR(64)
);
CREATE INDEX cases_document_owed_open_idx ON cases_document_owed (issued_at, department_code);
CREATE INDEX cases_document_owed_case_idx ON cases_document_owed (case_number);
