-- Which stored files are the catalog's own (issue 12): a template, sample or result sample a drafter uploaded to an
-- item through the draft workflow. A draft, an import or a guide may name only files of its own item recorded here,
-- so that no draft can point at an applicant's material or a citizen's certificate and publish it to everyone.
CREATE TABLE catalog_file (
  file_id     VARCHAR(36) NOT NULL PRIMARY KEY,
  item_code   VARCHAR(36) NOT NULL,
  uploaded_by VARCHAR(64) NOT NULL,
  uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX catalog_file_item ON catalog_file (item_code);

-- the files the catalog already names, each with the first item that named it
INSERT INTO catalog_file (file_id, item_code, uploaded_by, uploaded_at)
SELECT f.file_id, MIN(f.item_code), 'migration', CURRENT_TIMESTAMP FROM (
  SELECT m.template_file_id AS file_id, i.code AS item_code FROM catalog_material m
    JOIN catalog_item_version v ON v.id = m.item_version_id JOIN catalog_service_item i ON i.id = v.item_id
    WHERE m.template_file_id IS NOT NULL
  UNION
  SELECT m.sample_file_id, i.code FROM catalog_material m
    JOIN catalog_item_version v ON v.id = m.item_version_id JOIN catalog_service_item i ON i.id = v.item_id
    WHERE m.sample_file_id IS NOT NULL
  UNION
  SELECT v.result_sample_file_id, i.code FROM catalog_item_version v JOIN catalog_service_item i ON i.id = v.item_id
    WHERE v.result_sample_file_id IS NOT NULL
) f GROUP BY f.file_id;
