package org.govhall.shared;

import java.util.List;

/** Something the requester named does not exist, or is not visible to them (404). */
public class NotFoundException extends GovHallException {

	public NotFoundException(String messageKey, Object... arguments) {
		super("not-found", messageKey, List.of(), arguments);
	}

	@Override
	public int status() {
		return 404;
	}

}
