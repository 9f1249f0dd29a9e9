package org.govhall.exchange;

import org.springframework.amqp.core.TopicExchange;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable topic exchange GovHall publishes to, declared on the broker at the first
 * connection. Consumers own their queues and bind them, e.g. {@code case.#} or
 * {@code catalog.published}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("govhall.events.rabbitmq.enabled")
class ExchangeConfiguration {

	@Bean
	TopicExchange govhallEvents(ExchangeSettings settings) {
		return new TopicExchange(settings.events().rabbitmq().exchange(), true, false);
	}

}
