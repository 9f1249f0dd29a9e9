-- A decision's document follows the item's type (issue 11, item 4): a public service or a confirmation is completed
-- with a certificate of completion, a payment with a payment decision, a filing with a certificate of filing, other
-- types with an administrative decision, and a refusal under any of them with a decision not to grant. The check was
-- named documents_document_kind_check by V2026_12_06_6.
ALTER TABLE documents_document DROP CONSTRAINT documents_document_kind_check;
ALTER TABLE documents_document ADD CONSTRAINT documents_document_kind_check CHECK (kind IN ('ACCEPTANCE_NOTICE',
    'REFUSAL_DECISION', 'CORRECTION_NOTICE', 'APPROVAL_DECISION', 'DENIAL_DECISION', 'CERTIFICATE', 'EXTENSION_NOTICE',
    'SUSPENSION_NOTICE', 'RECEIPT', 'SERVICE_CERTIFICATE', 'PAYMENT_DECISION', 'FILING_RECEIPT', 'DECISION',
    'NOT_GRANTED'));
