package org.govhall.supervision;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The one-line facts behind a card or an irregularity ("ACCEPTANCE due 2026-10-13"). They
 * are stored and served by the API in this fixed English form, which the audit log and
 * other systems read; the pages show them in the reader's language through
 * {@link Reader}. Each kind writes and reads its own form here, so the two cannot drift
 * apart.
 */
enum FactLine {

	/**
	 * An irregularity's detail: the refusal of a case whose applicant was refused the
	 * same item shortly before.
	 */
	REFUSED_AGAIN("refused again on %s; earlier: %s", "refused again on (\\S+); earlier: (.+)"),
	DEEMED("received %s, due %s", "received (\\S+), due (\\S+)"), NOTICE_ROUND("round %s: %s", "round (\\d+): (.+)"),
	EXTENSION_UNAPPROVED("extension %s: +%s (legal %s), not approved",
			"extension (\\d+): \\+(\\d+) \\(legal (\\d+)\\), not approved"),
	EXTENSION("extension %s: +%s (legal %s)", "extension (\\d+): \\+(\\d+) \\(legal (\\d+)\\)"),
	REVIEWER_DECIDED("reviewed and decided by %s", "reviewed and decided by (.+)"),
	NO_ACCEPTANCE("decided %s with no acceptance", "decided (\\S+) with no acceptance"),
	DECIDED_LATE("decided %s, due %s", "decided (\\S+), due (\\S+)"),
	DELIVERED_LATE("delivered %s, due %s", "delivered (\\S+), due (\\S+)"),
	STOPPED_SINCE("stopped since %s > %s days", "stopped since (\\S+) > (\\d+) days"),
	/** Args: the procedure (a {@code SpecialProcedure}), from, to, the limit in days. */
	SUSPENDED_LONG("%s %s..%s > %s days", "([A-Z_]+) (\\S+)\\.\\.(\\S+) > (\\d+) days", "SpecialProcedure."),
	/** Args: the procedure (a {@code SpecialProcedure}), from. */
	SUSPENDED_UNLISTED("%s from %s", "([A-Z_]+) from (\\S+)", "SpecialProcedure."),
	/**
	 * A card for an overdue case or opinion. Args: the {@link Stage}, the missed due
	 * date.
	 */
	STAGE_DUE("%s due %s", "([A-Z_]+) due (\\S+)", "Stage."),
	/**
	 * The history note of an issued card. Args: its colour, its cause, its reason (itself
	 * a fact line).
	 */
	CARD_ISSUED("%s %s: %s", "(YELLOW|RED) ([A-Z_]+): (.*)", "Card.Colour.", "cause.|IrregularityRule.",
			FactLine.NESTED),
	/**
	 * The history note of an escalated card. Args: its colour before, the region before
	 * and after, the old due date.
	 */
	CARD_ESCALATED("%s -> RED; %s -> %s; answer due %s", "(YELLOW|RED) -> RED; (\\S+) -> (\\S+); answer due (\\S+)",
			"Card.Colour."),
	/**
	 * The history note of an accountability record. Args: the measure, the person, the
	 * basis.
	 */
	ACCOUNTABILITY("%s %s: %s", "(" + measures() + ") (.+?): (.*)", "Accountability.Measure."),
	/** The red card for accumulated yellow ones. Args: how many, the month. */
	YELLOW_CARDS("%s yellow cards in %s", "(\\d+) yellow cards in (\\S+)"),
	/**
	 * A fee the catalog does not list. Args: its name, the amount, the receipt number.
	 */
	UNLISTED_FEE("%s %s (%s)", "(.+) (\\d+(?:\\.\\d+)?) \\((.+)\\)"),
	/**
	 * An act of procedure after its legal period (ADR 0030). Args: its step (a
	 * {@code CaseStep}), the day it took effect, the day it was due.
	 */
	ACT_LATE("%s on %s, due %s", "([A-Z_]+) on (\\S+), due (\\S+)", "step.");

	/** An argument that is itself a fact line. */
	private static final String NESTED = "<fact>";

	private final String format;

	private final Pattern pattern;

	/**
	 * How each argument is shown, in order: the message-key prefixes (separated by
	 * {@code |}, the first that names it wins) of an argument that is an enum constant,
	 * {@link #NESTED}, or nothing for an argument shown as it is.
	 */
	private final String[] arguments;

	FactLine(String format, String regex, String... arguments) {
		this.format = format;
		this.pattern = Pattern.compile(regex, Pattern.DOTALL);
		this.arguments = arguments;
	}

	private static String measures() {
		return Arrays.stream(Accountability.Measure.values()).map(Enum::name).collect(Collectors.joining("|"));
	}

	/** The stored English form, e.g. {@code STAGE_DUE.line("ACCEPTANCE", date)}. */
	String line(Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	/**
	 * Shows stored fact lines in one language; a line of no known form is shown as it is.
	 */
	static final class Reader {

		private final MessageSource messages;

		private final Locale locale;

		Reader(MessageSource messages, Locale locale) {
			this.messages = messages;
			this.locale = locale;
		}

		public String text(@Nullable String line) {
			if (line == null) {
				return "";
			}
			for (FactLine kind : values()) {
				Matcher m = kind.pattern.matcher(line);
				if (m.matches()) {
					Object[] args = new Object[m.groupCount()];
					for (int i = 0; i < args.length; i++) {
						args[i] = argument(i < kind.arguments.length ? kind.arguments[i] : null, m.group(i + 1));
					}
					return messages.getMessage("fact." + kind.name(), args, line, locale);
				}
			}
			return line;
		}

		private String argument(@Nullable String shown, String value) {
			if (shown == null) {
				return value;
			}
			if (shown.equals(NESTED)) {
				return text(value);
			}
			for (String prefix : shown.split("\\|")) {
				String label = messages.getMessage(prefix + value, null, null, locale);
				if (label != null) {
					return label;
				}
			}
			return value;
		}

	}

}
