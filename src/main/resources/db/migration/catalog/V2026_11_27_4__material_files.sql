-- Template (空表) and sample (样表) files of required materials, by storage file id
ALTER TABLE catalog_material ADD COLUMN template_file_id VARCHAR(36);
ALTER TABLE catalog_material ADD COLUMN sample_file_id VARCHAR(36);
