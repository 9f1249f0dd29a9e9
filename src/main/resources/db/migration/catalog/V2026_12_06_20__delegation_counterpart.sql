-- Issue 11, item 1: a delegation names the county's counterpart item (承接事项) by code, not by an identical Chinese
-- name; a county may record that it has not yet taken a delegated power on (尚未承接), with a reason and a target date.
ALTER TABLE catalog_delegation ADD COLUMN counterpart_item_code VARCHAR(36);
CREATE INDEX catalog_delegation_counterpart_idx ON catalog_delegation (counterpart_item_code);

CREATE TABLE catalog_delegation_pending (
  item_code    VARCHAR(36)   NOT NULL,
  county_code  VARCHAR(6)    NOT NULL,
  reason       VARCHAR(500)  NOT NULL,
  target_on    DATE          NOT NULL,
  marked_by    VARCHAR(200)  NOT NULL,
  marked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (item_code, county_code)
);
