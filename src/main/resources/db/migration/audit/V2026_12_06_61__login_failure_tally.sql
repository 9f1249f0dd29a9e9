-- Failed logins are counted per username text, reason and minute (issue 12, item 5; ADR 0019) and written to the
-- audit log as one login.failed row per count once the minute is over (audit/FailedLogins), instead of one chained
-- row per attempt. The username text is already sanitised and bounded here; unknown names beyond a few per minute
-- share the subject '*'.
CREATE TABLE audit_login_failure (
    minute_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    subject        VARCHAR(100) NOT NULL,
    reason         VARCHAR(40)  NOT NULL,
    known          BOOLEAN      NOT NULL,
    attempts       INT          NOT NULL,
    form_attempts  INT          NOT NULL,
    basic_attempts INT          NOT NULL,
    first_address  VARCHAR(64)  NOT NULL,
    last_address   VARCHAR(64)  NOT NULL,
    first_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (minute_at, subject, reason)
);
