package org.govhall.shared;

import java.util.List;

/** The requester is known but the action is outside their role or scope (403). */
public class ForbiddenException extends GovHallException {

	public ForbiddenException(String messageKey, Object... arguments) {
		super("forbidden", messageKey, List.of(), arguments);
	}

	@Override
	public int status() {
		return 403;
	}

}
