-- Issue 12, item 6: bounded input.
-- Each upload's size, and when a case first named it (a submission, a correction or an agent's authorization);
-- uploads that no case named within 24 hours are removed with their bytes. Uploads made before are attached when a
-- case already names them.
ALTER TABLE cases_upload ADD COLUMN size BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE cases_upload ADD COLUMN attached_at TIMESTAMP WITH TIME ZONE;
UPDATE cases_upload SET attached_at = created_at
 WHERE EXISTS (SELECT 1 FROM cases_case c
                WHERE c.document_json LIKE '%' || cases_upload.file_id || '%'
                   OR c.authorization_json LIKE '%' || cases_upload.file_id || '%');
CREATE INDEX cases_upload_unattached_idx ON cases_upload (attached_at, created_at);

-- The files and bytes each account uploaded on a day (Asia/Shanghai), counted against its daily quota
CREATE TABLE cases_upload_quota (
  account_id BIGINT NOT NULL,
  quota_day  DATE   NOT NULL,
  files      INT    NOT NULL,
  bytes      BIGINT NOT NULL,
  PRIMARY KEY (account_id, quota_day)
);

-- The open cases of one applicant and item, counted at each online or agent submission
CREATE INDEX cases_case_applicant_item_idx ON cases_case (applicant_number, item_code, state);
