package org.govhall.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a due date and its notes as one sentence in the reader's language, e.g. "due
 * 2026-10-13 = received 2026-09-30 + 5 working days; 2026-10-01..10-07 holiday (国庆节);
 * 2026-10-10 make-up working day".
 */
@Component
public class DeadlineExplainer {

	private final MessageSource messages;

	DeadlineExplainer(MessageSource messages) {
		this.messages = messages;
	}

	/** {@code startKey} names the start event, e.g. {@code deadline.start.received}. */
	public String explain(DueDate due, String startKey, Locale locale) {
		List<String> parts = new ArrayList<>();
		for (DeadlineNote n : due.notes()) {
			parts.add(switch (n.kind()) {
				case START -> msg(startKey, locale, n.from(), n.amount(), msg("deadline.unit." + n.unit(), locale));
				case EXTENSION -> n.text() == null ? msg("deadline.extensionWithoutReason", locale, n.amount())
						: msg("deadline.extension", locale, n.amount(), n.text());
				case HOLIDAY ->
					msg("deadline.holiday", locale, range(n.from(), n.to()), n.text() == null ? "" : n.text());
				case MAKE_UP_DAY -> msg("deadline.makeUp", locale, n.from());
				case SUSPENSION -> n.to() == null ? msg("deadline.pausedSince", locale, n.from(), reason(n, locale))
						: msg("deadline.paused", locale, range(n.from(), n.to()), reason(n, locale));
				case MOVED -> msg("deadline.moved", locale, n.from(), n.to());
			});
		}
		if (due.awaitsCalendar()) {
			return msg("deadline.awaitingCalendar", locale, due.missingYear()) + " "
					+ String.join(msg("deadline.separator", locale), parts);
		}
		String head = due.isPaused() ? msg("deadline.headPaused", locale) : msg("deadline.head", locale, due.due());
		return head + " " + String.join(msg("deadline.separator", locale), parts);
	}

	private String reason(DeadlineNote n, Locale locale) {
		String key = "SpecialProcedure." + n.text();
		return messages.getMessage(key, null, n.text() == null ? "" : n.text(), locale);
	}

	private static String range(LocalDate from, LocalDate to) {
		if (to == null || to.equals(from)) {
			return from.toString();
		}
		return from + ".." + (to.getYear() == from.getYear() ? to.toString().substring(5) : to.toString());
	}

	private String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
