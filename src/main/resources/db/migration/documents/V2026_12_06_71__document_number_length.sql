-- Issue 12, item 9: document numbers carry 14 random characters (68 bits) instead of 4; with a sequence of up to 12
-- digits a number is at most 36 characters. Numbers issued before keep their 4 and stay valid.
ALTER TABLE documents_document ALTER COLUMN number SET DATA TYPE VARCHAR(40);
