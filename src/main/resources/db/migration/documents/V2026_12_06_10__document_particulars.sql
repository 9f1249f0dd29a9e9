-- Issue 10, item 9: what a document says about its holder and, for a certificate, what it permits, so that the public
-- verification page can show it (the holder's name masked there for a person); and the day a certificate was revoked
-- or cancelled (撤销/注销, 行政许可法 第六十九条、第七十条). All empty for documents issued before.
ALTER TABLE documents_document ADD COLUMN IF NOT EXISTS holder_person  BOOLEAN;
ALTER TABLE documents_document ADD COLUMN IF NOT EXISTS holder_number  VARCHAR(32);
ALTER TABLE documents_document ADD COLUMN IF NOT EXISTS item_name      VARCHAR(200);
ALTER TABLE documents_document ADD COLUMN IF NOT EXISTS certificate_no VARCHAR(64);
ALTER TABLE documents_document ADD COLUMN IF NOT EXISTS scope          VARCHAR(500);
ALTER TABLE documents_document ADD COLUMN IF NOT EXISTS premises       VARCHAR(200);
ALTER TABLE documents_document ADD COLUMN IF NOT EXISTS valid_until    DATE;
ALTER TABLE documents_document ADD COLUMN IF NOT EXISTS revoked_on     DATE;
