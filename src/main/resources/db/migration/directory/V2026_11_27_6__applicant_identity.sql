-- Applicants' identities (issue 3): natural persons by resident identity number (GB 11643), legal persons and
-- other organisations by unified social credit code (GB 32100)
ALTER TABLE directory_account ADD COLUMN identity_kind VARCHAR(16);
ALTER TABLE directory_account ADD COLUMN identity_number VARCHAR(18);
ALTER TABLE directory_account ADD COLUMN legal_name VARCHAR(200);
ALTER TABLE directory_account ADD COLUMN phone VARCHAR(32);
