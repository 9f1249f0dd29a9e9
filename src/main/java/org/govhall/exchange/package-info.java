/**
 * Data exchange (数据交换): GovHall's domain events for other government systems (the
 * province's data-sharing platform, 12345, 好差评, electronic supervision of other halls),
 * published to a RabbitMQ topic exchange as CloudEvents through the event publication
 * registry, so that an event is sent at least once and carries an id by which a consumer
 * drops a repeat (ADR 0012); and the audit chain's signed heads, as witnesses outside the
 * database (ADR 0018).
 */
@ApplicationModule(allowedDependencies = { "audit", "cases", "catalog", "shared" })
@NullMarked
package org.govhall.exchange;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
