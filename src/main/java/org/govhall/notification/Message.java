package org.govhall.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * One message to one account: which case, what happened, and the text in the reader's
 * language; a message about no case (a password reset link) has an empty case number and
 * the {@code link} it offers.
 */
public record Message(long id, String caseNumber, String event, String state, String text, Instant createdAt,
		@Nullable Instant readAt, @Nullable String link) {

	/** When it was sent, in the halls' time (the pages' {@code zone}). */
	public String sentAt(ZoneId zone) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(createdAt.atZone(zone));
	}

}
