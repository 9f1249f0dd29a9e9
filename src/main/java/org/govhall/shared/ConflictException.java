package org.govhall.shared;

import java.util.List;

/**
 * The action conflicts with the current state, e.g. a concurrent change or a duplicate
 * (409).
 */
public class ConflictException extends GovHallException {

	public ConflictException(String type, String messageKey, Object... arguments) {
		super(type, messageKey, List.of(), arguments);
	}

	@Override
	public int status() {
		return 409;
	}

}
