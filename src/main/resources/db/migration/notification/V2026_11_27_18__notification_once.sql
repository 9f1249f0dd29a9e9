-- A case event delivered again (after a crash between a listener's commit and the registry marking it completed,
-- or by the resubmission job) must not message anyone twice: each message names the step it is about.
ALTER TABLE notification_message ADD COLUMN step_at TIMESTAMP WITH TIME ZONE;
CREATE UNIQUE INDEX notification_message_once_idx ON notification_message (account_id, case_number, event, step_at);
