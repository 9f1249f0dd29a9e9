package org.govhall.exchange;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the {@code exchange} module (ADR 0012, ADR 0028): the RabbitMQ
 * exchange, and the hall's public address as the source of every CloudEvent.
 *
 * @param publicUrl the public address of the hall (GOVHALL_PUBLIC_URL): the
 * {@code source} of every CloudEvent
 * @param events the events for other government systems
 */
@ConfigurationProperties("govhall")
record ExchangeSettings(@DefaultValue("http://localhost:8080") String publicUrl, @DefaultValue Events events) {

	/**
	 * The events for other government systems.
	 *
	 * @param rabbitmq the RabbitMQ broker they are sent to
	 */
	record Events(@DefaultValue Rabbitmq rabbitmq) {
	}

	/**
	 * Sending to RabbitMQ.
	 *
	 * @param enabled whether case steps and catalog publications are sent
	 * (GOVHALL_RABBITMQ_ENABLED)
	 * @param exchange the durable topic exchange they are sent to
	 * @param confirmTimeout how long a send waits for the broker's confirmation before it
	 * counts as failed
	 */
	record Rabbitmq(@DefaultValue("false") boolean enabled, @DefaultValue("govhall.events") String exchange,
			@DefaultValue("10s") Duration confirmTimeout) {
	}

}
