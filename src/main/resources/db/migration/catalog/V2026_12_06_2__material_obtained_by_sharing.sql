-- A material the hall obtains itself from the e-certificate store or another shared register (可通过电子证照库或信息共享
-- 获取，免于提交): an application without it is still complete (issue 10, item 3).
ALTER TABLE catalog_material ADD COLUMN obtained_by_sharing BOOLEAN DEFAULT FALSE NOT NULL;
