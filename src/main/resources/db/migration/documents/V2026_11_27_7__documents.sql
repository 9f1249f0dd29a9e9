-- Issued documents (文书, issue 3): the record of each numbered PDF; the bytes are a storage_file (file_id, no
-- foreign key across modules). One sequence numbers all kinds; the random suffix of a number is not stored apart.
CREATE SEQUENCE documents_number_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE documents_document (
  number      VARCHAR(32)  PRIMARY KEY,
  kind        VARCHAR(32)  NOT NULL CHECK (kind IN ('ACCEPTANCE_NOTICE', 'REFUSAL_DECISION', 'CORRECTION_NOTICE',
                                                   'APPROVAL_DECISION', 'DENIAL_DECISION', 'CERTIFICATE',
                                                   'EXTENSION_NOTICE', 'SUSPENSION_NOTICE')),
  case_number VARCHAR(64)  NOT NULL,
  recipient   VARCHAR(200) NOT NULL,
  issuer      VARCHAR(100) NOT NULL,
  issued_on   DATE         NOT NULL,
  title       VARCHAR(100) NOT NULL,
  sha256      VARCHAR(64)  NOT NULL,
  file_id     VARCHAR(36)  NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX documents_document_case_idx ON documents_document (case_number);
