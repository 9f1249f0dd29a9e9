package org.govhall.shared;

import java.util.List;

/** Well-formed input that a business or legal rule refuses (422). */
public class RuleViolationException extends GovHallException {

	public RuleViolationException(String type, String messageKey, Object... arguments) {
		super(type, messageKey, List.of(), arguments);
	}

	public RuleViolationException(String type, String messageKey, List<FieldViolation> violations,
			Object... arguments) {
		super(type, messageKey, violations, arguments);
	}

	@Override
	public int status() {
		return 422;
	}

}
