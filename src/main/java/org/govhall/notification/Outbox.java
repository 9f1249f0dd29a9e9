package org.govhall.notification;

/**
 * Where a message goes besides the in-app inbox (SMS, e-mail); none is configured by
 * default.
 */
public interface Outbox {

	void send(long accountId, String caseNumber, String event);

}
