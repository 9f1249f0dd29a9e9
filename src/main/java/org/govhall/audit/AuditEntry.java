package org.govhall.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the audit log. Its content (actor to occurredAt) is fixed when it is
 * appended; seq, prevHash and hash are given once by the sealer.
 */
record AuditEntry(long id, @Nullable Long seq, String actor, String actorRole, String action, String subject,
		String detail, Instant occurredAt, @Nullable String prevHash, @Nullable String hash,
		@Nullable Instant sealedAt) {

	boolean sealed() {
		return seq != null;
	}

}
