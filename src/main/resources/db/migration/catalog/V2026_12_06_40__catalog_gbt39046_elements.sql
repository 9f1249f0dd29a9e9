-- The 实施清单 elements of GB/T 39046-2020 Table 4 that the catalog lacked (issue 11, items 4 and 5): basic code and
-- business-item suffix (the implementation code is computed from the department's credit code), 实施主体性质,
-- 依申请/依职权, 通办范围, 中介服务, 数量限制, 实施依据 apart from 设定依据, the result sample, place and time linked to
-- hall windows, 网办深度 and 网办地址, the FAQ, the materials' 出具时间要求/材料办理地点/材料规格, and each version's
-- change summary, effective date and end date.
ALTER TABLE catalog_item_version ADD COLUMN basic_code VARCHAR(12);
ALTER TABLE catalog_item_version ADD COLUMN item_suffix VARCHAR(3);
ALTER TABLE catalog_item_version ADD COLUMN body_nature VARCHAR(16) DEFAULT 'STATUTORY';
ALTER TABLE catalog_item_version ADD COLUMN initiation VARCHAR(16);
ALTER TABLE catalog_item_version ADD COLUMN handling_scope VARCHAR(16);
ALTER TABLE catalog_item_version ADD COLUMN intermediary_services VARCHAR(1000);
ALTER TABLE catalog_item_version ADD COLUMN quantity_limit VARCHAR(1000);
ALTER TABLE catalog_item_version ADD COLUMN result_sample_name VARCHAR(200);
ALTER TABLE catalog_item_version ADD COLUMN result_sample_file_id VARCHAR(36);
ALTER TABLE catalog_item_version ADD COLUMN place_note_zh VARCHAR(500);
ALTER TABLE catalog_item_version ADD COLUMN place_note_en VARCHAR(800);
ALTER TABLE catalog_item_version ADD COLUMN time_note_zh VARCHAR(300);
ALTER TABLE catalog_item_version ADD COLUMN time_note_en VARCHAR(500);
ALTER TABLE catalog_item_version ADD COLUMN online_depth VARCHAR(16);
ALTER TABLE catalog_item_version ADD COLUMN online_url VARCHAR(500);
ALTER TABLE catalog_item_version ADD COLUMN change_summary VARCHAR(1000);
ALTER TABLE catalog_item_version ADD COLUMN effective_on DATE;
ALTER TABLE catalog_item_version ADD COLUMN ends_on DATE;

-- existing versions: enforcement is done ex officio, everything else on application (the catalog's default)
UPDATE catalog_item_version SET initiation = CASE
  WHEN item_type IN ('ADMINISTRATIVE_PENALTY', 'ADMINISTRATIVE_COERCION', 'ADMINISTRATIVE_INSPECTION') THEN 'EX_OFFICIO'
  ELSE 'ON_APPLICATION' END;

-- a version approved with a future effective date waits here until that day; the published one stays in force
ALTER TABLE catalog_service_item ADD COLUMN upcoming_version INT;

ALTER TABLE catalog_material ADD COLUMN issued_within VARCHAR(200);
ALTER TABLE catalog_material ADD COLUMN handling_place VARCHAR(300);
ALTER TABLE catalog_material ADD COLUMN specification VARCHAR(200);

CREATE TABLE catalog_implementing_basis (
  item_version_id BIGINT        NOT NULL REFERENCES catalog_item_version (id) ON DELETE CASCADE,
  idx             INT           NOT NULL,
  law_name        VARCHAR(200)  NOT NULL,
  article         VARCHAR(100)  NOT NULL,
  quote           VARCHAR(4000),
  PRIMARY KEY (item_version_id, idx)
);

CREATE TABLE catalog_handling_window (
  item_version_id BIGINT NOT NULL REFERENCES catalog_item_version (id) ON DELETE CASCADE,
  idx             INT    NOT NULL,
  window_id       BIGINT NOT NULL,
  PRIMARY KEY (item_version_id, idx)
);

CREATE TABLE catalog_faq (
  item_version_id BIGINT        NOT NULL REFERENCES catalog_item_version (id) ON DELETE CASCADE,
  idx             INT           NOT NULL,
  question_zh     VARCHAR(300)  NOT NULL,
  answer_zh       VARCHAR(2000) NOT NULL,
  question_en     VARCHAR(500),
  answer_en       VARCHAR(3000),
  PRIMARY KEY (item_version_id, idx)
);
