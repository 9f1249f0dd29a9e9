package org.govhall.exchange;

import org.springframework.amqp.core.TopicExchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable topic exchange GovHall publishes to, declared on the broker at the first connection. Consumers own
 * their queues and bind them, e.g. {@code case.#} or {@code catalog.published}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("govhall.events.rabbitmq.enabled")
class ExchangeSettings {

	@Bean
	TopicExchange govhallEvents(@Value("${govhall.events.rabbitmq.exchange:govhall.events}") String name) {
		return new TopicExchange(name, true, false);
	}

}
