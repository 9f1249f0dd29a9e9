-- Issue 11, item 1: a case refused (不予受理) with the competent authority named sent the applicant where to apply
-- instead; such a case of a county's applicant handled above is not a power "not delegated in practice" (下放不到位).
ALTER TABLE supervision_case ADD COLUMN redirected BOOLEAN DEFAULT FALSE NOT NULL;
