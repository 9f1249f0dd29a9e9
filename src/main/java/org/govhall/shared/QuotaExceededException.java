package org.govhall.shared;

import java.util.List;

/**
 * A quota of the requester's for the day is used up (429); it says when it is renewed.
 */
public class QuotaExceededException extends GovHallException {

	public QuotaExceededException(String type, String messageKey, Object... arguments) {
		super(type, messageKey, List.of(), arguments);
	}

	@Override
	public int status() {
		return 429;
	}

}
