package org.govhall.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One domain event as other systems receive it: a CloudEvents 1.0 event in structured
 * JSON mode. Nothing personal travels: no applicant, no identity number, no official's
 * name; what was done to which case, item or department, and when.
 *
 * @param id stable for the same fact, so that a repeat (the registry sends at least once)
 * is recognised by it
 * @param type e.g. {@code org.govhall.case.accepted}
 * @param time when the fact happened, not when it was sent
 */
public record ExternalEvent(String specversion, String id, String source, String type, String subject, Instant time,
		String datacontenttype, Map<String, Object> data) {

	static final String TYPE_PREFIX = "org.govhall.";

	static ExternalEvent of(String source, String routingKey, String subject, Instant time, Map<String, Object> data,
			String identity) {
		String id = UUID.nameUUIDFromBytes((routingKey + "|" + identity).getBytes(StandardCharsets.UTF_8)).toString();
		return new ExternalEvent("1.0", id, source, TYPE_PREFIX + routingKey, subject, time, "application/json", data);
	}

	/**
	 * The routing key on the exchange, e.g. {@code case.accepted}: a consumer binds
	 * {@code case.#} for every case.
	 */
	String routingKey() {
		return type.substring(TYPE_PREFIX.length());
	}

}
