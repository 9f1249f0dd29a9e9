-- Verified identity (issue 12, item 1): an identity number or credit code a person merely typed in proves nothing.
-- An account is verified when the province's unified identity platform vouches for it (PLATFORM), when a window clerk
-- saw the identity card or business licence and recorded so (WINDOW), or when the demo seed made it (DEMO).
-- verified_number holds the identity number once verified, so the unique index says: one verified account per
-- person or organisation (NULLs do not collide on H2 or PostgreSQL).
ALTER TABLE directory_account ADD COLUMN verified_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE directory_account ADD COLUMN verified_via VARCHAR(16);
ALTER TABLE directory_account ADD COLUMN verified_by VARCHAR(200);
ALTER TABLE directory_account ADD COLUMN verified_number VARCHAR(18);
CREATE UNIQUE INDEX directory_account_verified_uq ON directory_account (verified_number);
