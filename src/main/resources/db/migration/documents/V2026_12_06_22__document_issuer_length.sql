-- Issue 11, item 1: a county office acting for an entrusting authority issues as
-- "<entrusting authority>（受委托实施机关：<county office>）", longer than one department's name.
ALTER TABLE documents_document ALTER COLUMN issuer SET DATA TYPE VARCHAR(300);
