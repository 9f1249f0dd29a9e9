package org.govhall.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.govhall.directory.PasswordResetChannel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's verified channel for password reset links (issue 12, ADR 0023): the link
 * goes to the account's own in-app inbox and to every configured {@link Outbox} (SMS,
 * e-mail), never to the administrator who asked for it. A production deployment sends it
 * to the phone or address the identity platform verified instead.
 */
@Component
class ResetLinks implements PasswordResetChannel {

	static final String EVENT = "PasswordReset";

	private final JdbcClient jdbc;

	private final ObjectProvider<Outbox> outboxes;

	private final Clock clock;

	ResetLinks(JdbcClient jdbc, ObjectProvider<Outbox> outboxes, Clock clock) {
		this.jdbc = jdbc;
		this.outboxes = outboxes;
		this.clock = clock;
	}

	@Override
	public void deliver(long accountId, String username, String link, Instant expiresAt) {
		jdbc.sql("""
				INSERT INTO notification_message (account_id, case_number, event, state, created_at, link)
				VALUES (:account, '', :event, 'SENT', :at, :link)
				""")
			.param("account", accountId)
			.param("event", EVENT)
			.param("at", Timestamp.from(clock.instant()))
			.param("link", link)
			.update();
		outboxes.orderedStream().forEach(o -> o.send(accountId, "", EVENT));
	}

}
