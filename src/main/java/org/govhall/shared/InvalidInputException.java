package org.govhall.shared;

import java.util.List;

/** Input that is malformed or breaks a field rule (400). */
public class InvalidInputException extends GovHallException {

	public InvalidInputException(String type, String messageKey, String field, Object... arguments) {
		super(type, messageKey, List.of(new FieldViolation(field, messageKey, arguments)), arguments);
	}

	public InvalidInputException(String type, String messageKey, List<FieldViolation> violations, Object... arguments) {
		super(type, messageKey, violations, arguments);
	}

	@Override
	public int status() {
		return 400;
	}

}
