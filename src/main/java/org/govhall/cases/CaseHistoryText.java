package org.govhall.cases;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.govhall.cases.CaseRecords.HistoryEntry;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The history of a case in the reader's words (issue 10, item 13). Each entry's detail is
 * stored in one fixed, language-free form (channel and outcome codes, material lists,
 * dates) for the API and the audit log; the pages show it through this class: codes
 * become their labels, lists are joined with 、, and the actor is shown by name, not by
 * login name. A detail this class does not recognise is shown as it is.
 */
@Component
class CaseHistoryText {

	/** One line of the history as a page shows it. */
	record Row(HistoryEntry entry, String actorName, String detail) {
	}

	private static final Pattern LIST = Pattern.compile("\\[(.*?)\\](?: breach: \\[(.*)\\])?");

	private static final Pattern DEEMED = Pattern.compile("accepted as of (\\S+); due (\\S+) passed");

	private static final Pattern OPINION = Pattern.compile("(\\S+) (AGREE|DISAGREE|CONDITIONAL)( late)?");

	private static final Pattern CHASED = Pattern.compile("(\\S+) (\\d+)");

	private static final Pattern SUSPENDED = Pattern.compile("([A-Z_]+) from (\\S+): (.*)", Pattern.DOTALL);

	private static final Pattern RESUMED = Pattern.compile("([A-Z_]+) (\\S+)\\.\\.(\\S+)");

	private static final Pattern EXTENDED = Pattern.compile("\\+(\\d+): (.*)", Pattern.DOTALL);

	private static final Pattern DECIDED = Pattern
		.compile("(APPROVED|DENIED)(?: ([^\t]*))?(?:\t([^\t]*)\t([^\t]*)\t([^\t]*))?");

	private static final Pattern DELIVERED = Pattern.compile("(WINDOW|POST|ELECTRONIC)( late)?");

	private static final Pattern HANDED_OVER = Pattern.compile("(\\S*) ?-> (\\S+): (.*)", Pattern.DOTALL);

	private static final Pattern RECOMPUTED = Pattern.compile("calendar (\\d{4}) changed by .*");

	private final MessageSource messages;

	private final Directory directory;

	CaseHistoryText(MessageSource messages, Directory directory) {
		this.messages = messages;
		this.directory = directory;
	}

	/**
	 * The history for a page; a breach of the one-time notice rule is a finding for
	 * staff, not for the parties.
	 */
	List<Row> rows(List<HistoryEntry> history, Locale locale, boolean staff) {
		Map<String, String> names = new ConcurrentHashMap<>();
		return history.stream()
			.map(h -> new Row(h, names.computeIfAbsent(h.actor(), this::displayName), detail(h, locale, staff)))
			.toList();
	}

	/** An act of procedure as a page shows it: what, by whom, in words. */
	record ActRow(CaseRecords.ProcedureAct act, String byName, String words) {
	}

	/** The acts of procedure of a case in the reader's words (ADR 0030). */
	List<ActRow> acts(List<CaseRecords.ProcedureAct> acts, Locale locale) {
		return acts.stream()
			.map(a -> new ActRow(a, displayName(a.by()),
					words(a.step(), String.join("\t", a.fields().values()), locale)))
			.toList();
	}

	/** The account's name as people know it; the system's own steps read as such. */
	private String displayName(String username) {
		return directory.principal(username).map(GovHallUser::displayName).orElse(username);
	}

	String detail(HistoryEntry h, Locale locale, boolean staff) {
		String d = h.detail() == null ? "" : h.detail().strip();
		if (d.isEmpty()) {
			return "";
		}
		Matcher m;
		switch (h.action()) {
			case RECEIVED -> {
				return label("cases.channel." + d, d, locale);
			}
			case CORRECTION_REQUESTED, CORRECTED -> {
				m = LIST.matcher(d);
				if (m.matches()) {
					String text = join(m.group(1), locale);
					return m.group(2) == null || !staff ? text
							: text + msg("cases.history.breach", locale, join(m.group(2), locale));
				}
			}
			case DEEMED_ACCEPTED -> {
				m = DEEMED.matcher(d);
				if (m.matches()) {
					return "null".equals(m.group(2)) ? msg("cases.history.deemedNoDate", locale, m.group(1))
							: msg("cases.history.deemed", locale, m.group(1), m.group(2));
				}
			}
			case OPINION_RECORDED -> {
				m = OPINION.matcher(d);
				if (m.matches()) {
					String department = directory.department(m.group(1)).map(x -> x.name(locale)).orElse(m.group(1));
					return department + " " + label("cases.verdict." + m.group(2), m.group(2), locale)
							+ (m.group(3) == null ? "" : msg("cases.history.late", locale));
				}
			}
			case OPINION_CHASED -> {
				m = CHASED.matcher(d);
				if (m.matches()) {
					String department = directory.department(m.group(1)).map(x -> x.name(locale)).orElse(m.group(1));
					return msg("cases.history.chased", locale, department, Integer.parseInt(m.group(2)));
				}
			}
			case REVIEWED -> {
				return label("cases.outcome." + d, d, locale);
			}
			case DECIDED, DECIDED_ON_THE_SPOT -> {
				m = DECIDED.matcher(d);
				if (m.matches()) {
					return label("cases.outcome." + m.group(1), m.group(1), locale)
							+ (m.group(2) == null ? "" : " " + m.group(2))
							+ (m.group(3) == null ? ""
									: msg("cases.history.licence", locale, m.group(5),
											m.group(4).isEmpty() ? "—" : m.group(4), "LONG_TERM".equals(m.group(3))
													? msg("cases.licence.longTerm", locale) : m.group(3)));
				}
				return d;
			}
			case EXTENDED -> {
				m = EXTENDED.matcher(d);
				if (m.matches()) {
					return msg("cases.history.extended", locale, Integer.parseInt(m.group(1)), m.group(2));
				}
			}
			case SUSPENDED -> {
				m = SUSPENDED.matcher(d);
				if (m.matches()) {
					return msg("cases.history.suspended", locale,
							label("SpecialProcedure." + m.group(1), m.group(1), locale), m.group(2), m.group(3));
				}
			}
			case RESUMED -> {
				m = RESUMED.matcher(d);
				if (m.matches()) {
					return msg("cases.history.resumed", locale,
							label("SpecialProcedure." + m.group(1), m.group(1), locale), m.group(2), m.group(3));
				}
			}
			case DELIVERED -> {
				m = DELIVERED.matcher(d);
				if (m.matches()) {
					return label("cases.delivery." + m.group(1), m.group(1), locale)
							+ (m.group(2) == null ? "" : msg("cases.history.late", locale));
				}
			}
			case HANDED_OVER -> {
				m = HANDED_OVER.matcher(d);
				if (m.matches()) {
					return msg("cases.history.handedOver", locale, m.group(1).isEmpty() ? "—" : displayName(m.group(1)),
							displayName(m.group(2)), m.group(3));
				}
			}
			case AUTHORIZATION_CHECKED -> {
				return label("cases.history.authorization." + d, d, locale);
			}
			case DEADLINES_RECOMPUTED -> {
				m = RECOMPUTED.matcher(d);
				if (m.matches()) {
					return msg("cases.history.recomputed", locale, m.group(1));
				}
			}
			case STEP_TAKEN -> {
				if (h.step() != null) {
					return words(h.step(), d, locale);
				}
			}
			case ACCEPTED, REFUSED, WITHDRAWN, FEE_CHARGED, CERTIFICATE_REVOKED -> {
				return d;
			}
		}
		return d;
	}

	/**
	 * An act of procedure in the reader's words (ADR 0030): its step's sentence
	 * {@code step.words.<STEP>} over the values entered, in their order; a code among
	 * them (a way of stating, who asked) by its label {@code step.value.<CODE>}.
	 */
	String words(CaseStep step, String detail, Locale locale) {
		Object[] values = Arrays.stream(detail.split("\t", -1))
			.map(v -> v.isEmpty() ? label("step.value.BLANK", "—", locale)
					: v.matches("[A-Z_]+") ? label("step.value." + v, v, locale) : v)
			.toArray();
		return messages.getMessage("step.words." + step.name(), values, detail, locale);
	}

	private String join(String list, Locale locale) {
		String separator = "en".equals(locale.getLanguage()) ? "; " : "、";
		return String.join(separator, Arrays.stream(list.split(", ")).map(String::strip).toList());
	}

	private String label(String key, String fallback, Locale locale) {
		return messages.getMessage(key, null, fallback, locale);
	}

	private String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
