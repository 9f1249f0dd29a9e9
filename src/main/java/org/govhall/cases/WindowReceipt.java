package org.govhall.cases;

/**
 * A case was received at a window, so its applicant is owed a receipt (收件凭证). Published
 * with the reception, for window receptions only; {@link CaseDocuments} issues the
 * receipt after the commit, unless the intake already did.
 */
record WindowReceipt(String caseNumber) {
}
