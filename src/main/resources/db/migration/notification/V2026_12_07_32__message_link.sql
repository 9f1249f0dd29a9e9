-- A message that is not about a case (a password reset link, issue 12) carries the link it offers instead.
ALTER TABLE notification_message ADD COLUMN link VARCHAR(200);
