package org.govhall.shared;

import java.io.Serializable;
import java.util.List;

/**
 * A failure the requester can act on. It carries a stable problem type, a message key of
 * the zh-CN/en bundles with its arguments, and the fields at fault; the web edge turns it
 * into RFC 9457 problem details.
 */
public abstract class GovHallException extends RuntimeException {

	private final String type;

	private final String messageKey;

	private final Object[] arguments;

	private final List<FieldViolation> violations;

	protected GovHallException(String type, String messageKey, List<FieldViolation> violations, Object... arguments) {
		super(type + ": " + messageKey);
		this.type = type;
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
		this.violations = List.copyOf(violations);
	}

	/** The HTTP status this failure maps to. */
	public abstract int status();

	/** The stable slug of the problem type, e.g. {@code publish-refused}. */
	public String type() {
		return type;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	public List<FieldViolation> violations() {
		return violations;
	}

	/**
	 * One field at fault, with a message key of the bundles and its arguments.
	 * Serializable: the pages hand refusals to the next page as flash attributes, which
	 * live in the session table (Spring Session JDBC).
	 */
	public record FieldViolation(String field, String messageKey, Object... arguments) implements Serializable {
	}

}
