-- The procedure step in which a joint item's co-departments give their opinions (联审环节); the limits of the steps
-- after it are the lead department's time, so the co-departments' sub-deadline ends that much before the case's.
ALTER TABLE catalog_procedure_step ADD COLUMN joint_review BOOLEAN DEFAULT FALSE;
