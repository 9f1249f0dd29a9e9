package org.govhall.cases;

import java.time.Instant;

import org.govhall.documents.DocumentKind;
import org.jspecify.annotations.Nullable;

/**
 * A document a case step owes its applicant that is not issued yet (文书未出具): what it is,
 * since when it is owed, and how often issuing it failed (it is retried until it is
 * issued; ADR 0021).
 *
 * @param attempts the failed attempts so far; 0 while the first is still under way
 * @param lastFailedAt when the last attempt failed, none before any did
 */
public record OwedDocument(String caseNumber, DocumentKind kind, String departmentCode, Instant owedSince, int attempts,
		@Nullable Instant lastFailedAt) {

	/** Whether issuing it has failed at least once (rather than being under way). */
	public boolean failed() {
		return attempts > 0;
	}

}
