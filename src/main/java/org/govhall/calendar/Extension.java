package org.govhall.calendar;

/**
 * An extension (延期) of a limit by an amount of days of the same unit, with its reason.
 */
public record Extension(int amount, String reason) {

	public Extension {
		if (amount <= 0) {
			throw new IllegalArgumentException("an extension adds at least one day");
		}
	}

}
