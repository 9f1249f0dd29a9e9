package org.govhall.directory;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A role one administrator gave that waits for a second administrator's confirmation;
 * {@code newAccount} when the account was opened with it (it cannot sign in until then),
 * {@code mine} when the viewer asked for it (and so may not confirm it).
 */
public record PendingRole(String username, String displayName, Role role, String requestedBy, Instant requestedAt,
		boolean newAccount, boolean mine) {

	/** When it was asked for, in the halls' time (the pages' {@code zone}). */
	public String requestedOn(ZoneId zone) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(requestedAt.atZone(zone));
	}

}
