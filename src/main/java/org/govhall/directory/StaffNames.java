package org.govhall.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * People's names where records keep login names (who took a step, issued a card, changed
 * the calendar): pages show {@code ${@staffNames.of(username)}}, the name people know,
 * instead of the login. The system's own steps read as "系统"; a login no account has any
 * more reads as it is. Names are remembered for a minute. Departments and regions
 * likewise read by their names ({@code ${@staffNames.department(code)}}).
 */
@Component("staffNames")
public class StaffNames {

	private static final Duration KEEP = Duration.ofMinutes(1);

	private static final int MAX = 10_000;

	private final Directory directory;

	private final MessageSource messages;

	private final Clock clock;

	private final Map<String, Known> known = new ConcurrentHashMap<>();

	/** Staff numbers by login ("" for none), remembered like the names. */
	private final Map<String, Known> numbers = new ConcurrentHashMap<>();

	StaffNames(Directory directory, MessageSource messages, Clock clock) {
		this.directory = directory;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The person's name for a login, in the page's language for the system; "—" for none.
	 */
	public String of(@Nullable String username) {
		if (username == null || username.isBlank()) {
			return "—";
		}
		if (username.equalsIgnoreCase("system")) {
			Locale locale = LocaleContextHolder.getLocale();
			return messages.getMessage("staff.system", null, "系统", locale);
		}
		Instant now = clock.instant();
		Known k = known.get(username);
		if (k == null || k.at().plus(KEEP).isBefore(now)) {
			if (known.size() > MAX) {
				known.clear();
			}
			k = new Known(directory.principal(username).map(GovHallUser::displayName).orElse(username), now);
			known.put(username, k);
		}
		return k.name();
	}

	/**
	 * The person responsible for a case as applicants see it: the name with the staff
	 * number, 张丽（工号 NS0123）, never the login; the name alone when the account has no
	 * staff number; "—" for none.
	 */
	public String responsible(@Nullable String username) {
		if (username == null || username.isBlank() || username.equalsIgnoreCase("system")) {
			return of(username);
		}
		String name = of(username);
		Instant now = clock.instant();
		Known k = numbers.get(username);
		if (k == null || k.at().plus(KEEP).isBefore(now)) {
			if (numbers.size() > MAX) {
				numbers.clear();
			}
			k = new Known(directory.staffNumber(username).orElse(""), now);
			numbers.put(username, k);
		}
		return k.name().isEmpty() ? name : messages.getMessage("staff.withNumber", new Object[] { name, k.name() },
				name, LocaleContextHolder.getLocale());
	}

	/**
	 * A department's name in the page's language, for its code; the code when no
	 * department has it.
	 */
	public String department(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return "—";
		}
		return directory.department(code).map(d -> d.name(LocaleContextHolder.getLocale())).orElse(code);
	}

	/**
	 * A region's name in the page's language, for its code; the code when no region has
	 * it.
	 */
	public String region(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return "—";
		}
		return directory.region(code).map(r -> r.name(LocaleContextHolder.getLocale())).orElse(code);
	}

	private record Known(String name, Instant at) {
	}

}
