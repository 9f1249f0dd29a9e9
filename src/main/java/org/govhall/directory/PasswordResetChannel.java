package org.govhall.directory;

import java.time.Instant;

/**
 * How a one-time password reset link reaches the owner of an account, and no one else
 * (issue 12): a channel the owner proved theirs (a verified phone, the platform's
 * messages). The administrator who asked for the reset never sees the link or the new
 * password. In demo mode and in tests the in-app inbox of the account plays that channel
 * (the notification module's implementation).
 */
public interface PasswordResetChannel {

	/**
	 * Sends the link; it may be used once, until {@code expiresAt}.
	 * @param link the path of the reset page with the token, e.g.
	 * {@code /password-reset?token=…}
	 */
	void deliver(long accountId, String username, String link, Instant expiresAt);

}
