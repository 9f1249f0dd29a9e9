package org.govhall.documents;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An issued document's record: its number, what it is, whose case, and the SHA-256 and
 * storage id of its PDF.
 */
public record IssuedDocument(String number, DocumentKind kind, String caseNumber, String issuer, LocalDate issuedOn,
		String title, String sha256, String fileId, Instant createdAt) {
}
