package org.govhall.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.govhall.audit.SignedHead;
import org.govhall.cases.CaseEvent;
import org.govhall.cases.CaseFacts;
import org.govhall.catalog.ItemEnded;
import org.govhall.catalog.ItemPublished;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends case steps and catalog publications to the RabbitMQ topic exchange
 * {@code govhall.events}. Each is an application module listener: its event publication
 * is completed only when the broker has confirmed the message (publisher confirms), so a
 * message the broker did not take stays incomplete in the registry and is sent again by
 * the resubmission job or at the next start. A consumer therefore sees each fact at least
 * once and drops a repeat by its id, which is the same on every attempt (ADR 0012). Off
 * unless {@code govhall.events.rabbitmq.enabled}.
 */
@Component
@ConditionalOnBooleanProperty("govhall.events.rabbitmq.enabled")
class EventExternalizer {

	static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

	private final RabbitTemplate rabbit;

	private final JsonMapper json;

	private final Clock clock;

	private final String exchange;

	private final String source;

	private final long confirmMillis;

	EventExternalizer(RabbitTemplate rabbit, TopicExchange govhallEvents, JsonMapper json, Clock clock,
			ExchangeSettings settings) {
		this.rabbit = rabbit;
		this.json = json;
		this.clock = clock;
		this.exchange = govhallEvents.getName();
		this.source = settings.publicUrl();
		this.confirmMillis = settings.events().rabbitmq().confirmTimeout().toMillis();
	}

	/**
	 * Every recorded step of a case: {@code case.received}, {@code case.accepted}, …
	 * {@code case.delivered}.
	 */
	@ApplicationModuleListener
	void on(CaseEvent event) {
		CaseFacts f = event.facts();
		CaseFacts.Step step = f.step();
		if (step == null) {
			return;
		}
		String action = step.action().name().toLowerCase(Locale.ROOT).replace('_', '-');
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("caseNumber", f.caseNumber());
		data.put("action", action);
		data.put("itemCode", f.itemCode());
		data.put("departmentCode", f.departmentCode());
		data.put("regionCode", f.regionCode());
		data.put("state", f.state().name());
		data.put("channel", f.channel().name());
		data.put("processingMode", f.processingMode().name());
		data.put("joint", f.joint());
		data.put("receivedOn", text(f.receivedOn()));
		data.put("acceptedOn", text(f.acceptedOn()));
		data.put("deemedAccepted", f.deemedAccepted());
		data.put("acceptanceDue", text(f.acceptanceDue()));
		data.put("decisionDue", text(f.decisionDue()));
		data.put("promisedDue", text(f.promisedDue()));
		data.put("deliveryDue", text(f.deliveryDue()));
		data.put("suspended", f.suspended());
		data.put("extensions", f.extensions());
		data.put("decidedOn", text(f.decidedOn()));
		data.put("outcome", text(f.outcome()));
		data.put("deliveredOn", text(f.deliveredOn()));
		data.put("deliveryMethod", text(f.deliveryMethod()));
		send(ExternalEvent.of(source, "case." + action, f.caseNumber(), step.at(), data,
				f.caseNumber() + "|" + step.at() + "|" + step.action()));
	}

	/**
	 * A new version of an item's service guide is in force: {@code catalog.published}.
	 */
	@ApplicationModuleListener
	void on(ItemPublished event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("itemCode", event.code());
		data.put("versionNo", event.versionNo());
		data.put("departmentCode", event.departmentCode());
		data.put("regionCode", event.regionCode());
		send(ExternalEvent.of(source, "catalog.published", event.code(), clock.instant(), data,
				event.code() + "|" + event.versionNo()));
	}

	/** An item abolished or delegated away: {@code catalog.ended}. */
	@ApplicationModuleListener
	void on(ItemEnded event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("itemCode", event.code());
		data.put("status", event.status().name());
		data.put("on", event.on().toString());
		data.put("document", event.document());
		send(ExternalEvent.of(source, "catalog.ended", event.code(), clock.instant(), data,
				event.code() + "|" + event.status() + "|" + event.on()));
	}

	/**
	 * A chain head of the audit log signed with the key outside the database
	 * ({@code audit.head}, ADR 0018), after each seal and at least every minute: a
	 * witness outside GovHall's database within a minute. It carries no content of the
	 * log, only what the transparency page shows.
	 */
	@ApplicationModuleListener
	void on(SignedHead head) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("chain", head.chain());
		data.put("seq", head.seq());
		data.put("hash", head.hash());
		data.put("signedAt", head.signedAt().toString());
		data.put("keyId", head.keyId());
		data.put("signature", head.signature());
		data.put("message", head.message());
		send(ExternalEvent.of(source, "audit.head", head.chain(), head.signedAt(), data,
				head.chain() + "|" + head.seq() + "|" + head.signedAt()));
	}

	/**
	 * Sends and waits for the broker's confirmation; a refusal or a timeout fails the
	 * publication, to be resent.
	 */
	void send(ExternalEvent event) {
		Message message = MessageBuilder.withBody(json.writeValueAsString(event).getBytes(StandardCharsets.UTF_8))
			.setContentType(CONTENT_TYPE)
			.setContentEncoding(StandardCharsets.UTF_8.name())
			.setMessageId(event.id())
			.setType(event.type())
			.setAppId("govhall")
			.setTimestamp(Date.from(event.time()))
			.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
			.build();
		rabbit.invoke(ops -> {
			ops.send(exchange, event.routingKey(), message);
			ops.waitForConfirmsOrDie(confirmMillis);
			return null;
		});
	}

	private static @Nullable String text(@Nullable Object value) {
		return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
	}

}
