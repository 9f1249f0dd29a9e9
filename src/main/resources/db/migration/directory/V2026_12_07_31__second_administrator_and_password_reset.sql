-- A review, approval, legal, supervision or administration role that one administrator gave (issue 12, separation of
-- duties): it is not held until a second, different administrator confirms it. An account opened with such a role
-- (new_account) stays disabled until then; an existing account keeps its other roles meanwhile.
CREATE TABLE directory_role_grant (
  account_id   BIGINT      NOT NULL REFERENCES directory_account (id) ON DELETE CASCADE,
  role         VARCHAR(32) NOT NULL CHECK (role IN ('APPLICANT', 'AGENT', 'WINDOW_CLERK', 'REVIEWER', 'APPROVER', 'DEPARTMENT_ADMIN', 'LEGAL_REVIEWER', 'SUPERVISOR', 'SYSTEM_ADMIN')),
  requested_by VARCHAR(64) NOT NULL,
  requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
  new_account  BOOLEAN     NOT NULL,
  PRIMARY KEY (account_id, role)
);

-- One-time password reset tokens an administrator asked for: only a SHA-256 digest of the token is kept; a token is
-- used once and expires.
CREATE TABLE directory_password_reset (
  token_hash   VARCHAR(64) NOT NULL PRIMARY KEY,
  account_id   BIGINT      NOT NULL REFERENCES directory_account (id) ON DELETE CASCADE,
  requested_by VARCHAR(64) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX directory_password_reset_account ON directory_password_reset (account_id);
