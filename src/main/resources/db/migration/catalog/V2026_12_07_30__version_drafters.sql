-- Who drafted each item version (issue 12, separation of duties): everyone who created, saved, attached a file to or
-- submitted its draft. None of them may review, return or publish that version.
CREATE TABLE catalog_version_drafter (
  item_version_id BIGINT      NOT NULL REFERENCES catalog_item_version (id) ON DELETE CASCADE,
  username        VARCHAR(64) NOT NULL,
  PRIMARY KEY (item_version_id, username)
);

-- the drafters the versions already name: their creators and submitters
INSERT INTO catalog_version_drafter (item_version_id, username)
SELECT id, created_by FROM catalog_item_version;
INSERT INTO catalog_version_drafter (item_version_id, username)
SELECT id, submitted_by FROM catalog_item_version WHERE submitted_by IS NOT NULL AND submitted_by <> created_by;
