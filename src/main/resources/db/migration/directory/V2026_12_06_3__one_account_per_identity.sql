-- One account per identity number or unified social credit code (issue 10, item 12): a second registration is refused
-- with a way back to the first account; the index also decides between two registrations at the same moment.
CREATE UNIQUE INDEX directory_account_identity_uq ON directory_account (identity_number);
