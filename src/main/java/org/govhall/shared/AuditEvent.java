package org.govhall.shared;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A privileged action to be kept in the tamper-evident audit log (ADR 0010). Publish it
 * with Spring's {@code ApplicationEventPublisher} inside the transaction of the action:
 * the audit row is written in that transaction, so the action and its row commit or roll
 * back together.
 *
 * @param actor the account's username, or {@link #ANONYMOUS} / {@link #SYSTEM}
 * @param actorRole the actor's role names, comma-separated (see {@link #roles}), or
 * {@link #ANONYMOUS} or {@link #SYSTEM}
 * @param action {@code <module>.<what-happened>} in lower case, e.g.
 * {@code catalog.published}
 * @param subject what was acted on: an item code, a case number, a username, a year
 * @param detail a short description without personal identity numbers (they are masked if
 * present)
 */
public record AuditEvent(String actor, String actorRole, String action, String subject, String detail,
		Instant occurredAt) {

	public static final String ANONYMOUS = "ANONYMOUS";

	public static final String SYSTEM = "SYSTEM";

	public AuditEvent {
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(actorRole, "actorRole");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(detail, "detail");
		Objects.requireNonNull(occurredAt, "occurredAt");
		if (action == null || !action.matches("[a-z]+(\\.[a-z]+(-[a-z]+)*)+")) {
			throw new IllegalArgumentException("audit action must read <module>.<what-happened>: " + action);
		}
	}

	/**
	 * The role names of an actor, sorted and comma-separated, e.g.
	 * {@code LEGAL_REVIEWER,SYSTEM_ADMIN}.
	 */
	public static String roles(Collection<? extends Enum<?>> roles) {
		return roles.isEmpty() ? ANONYMOUS : roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

}
