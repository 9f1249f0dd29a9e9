-- The notices of procedure inside the review (ADR 0030): the notice to interested parties (行政许可法 第三十六条) and
-- the hearing notice (第四十八条), one kind whose title is the step's.
ALTER TABLE documents_document DROP CONSTRAINT documents_document_kind_check;
ALTER TABLE documents_document ADD CONSTRAINT documents_document_kind_check CHECK (kind IN ('ACCEPTANCE_NOTICE',
    'REFUSAL_DECISION', 'CORRECTION_NOTICE', 'APPROVAL_DECISION', 'DENIAL_DECISION', 'CERTIFICATE', 'EXTENSION_NOTICE',
    'SUSPENSION_NOTICE', 'RECEIPT', 'SERVICE_CERTIFICATE', 'PAYMENT_DECISION', 'FILING_RECEIPT', 'DECISION',
    'NOT_GRANTED', 'PROCEDURE_NOTICE'));
