package org.govhall.supervision;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Supervision flagged a case to the people named as responsible for it (首办负责制): a yellow
 * or red warning of the case, or a yellow or red card issued in their name.
 * {@code handlers} are logins: the case's first handler and the card's named handler,
 * when they differ.
 *
 * @param state the case's state as supervision saw it
 * @param cardNumber the card's number, for a card
 */
public record SupervisionAlert(String caseNumber, String state, Kind kind, List<String> handlers,
		@Nullable String cardNumber, Instant at) {

	public SupervisionAlert {
		handlers = handlers == null ? List.of() : List.copyOf(handlers);
	}

	/** What was flagged. */
	public enum Kind {

		YELLOW_WARNING, RED_WARNING, YELLOW_CARD, RED_CARD;

		/**
		 * The name of the message, as case events name theirs: {@code YellowWarning},
		 * {@code RedCard}.
		 */
		public String messageEvent() {
			StringBuilder b = new StringBuilder();
			for (String part : name().split("_")) {
				b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
			}
			return b.toString();
		}

	}

}
