package org.govhall.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One message to one account: which case, what happened, and the text in the reader's language. */
public record Message(long id, String caseNumber, String event, String state, String text, Instant createdAt,
		@Nullable Instant readAt) {
}
