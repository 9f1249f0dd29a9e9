package org.govhall.directory;

import java.util.Locale;
import java.util.Set;

import org.govhall.shared.InvalidInputException;

/**
 * Usernames that a self-registered applicant may not take, because they read as an
 * official or staff account: the system's own words (admin, root, system, govhall …)
 * anywhere in the name, and a staff login's pattern — a role word alone or followed by a
 * separator or digits, as the demo's staff accounts are named (clerk, reviewer-gh,
 * deptadmin-qc, admin-bs, supervisor, legal, approver-gh). Staff accounts opened by an
 * administrator are not bound by this list.
 */
final class ReservedUsernames {

	/** Refused wherever they stand between separators. */
	private static final Set<String> ANYWHERE = Set.of("admin", "administrator", "root", "system", "sysadmin",
			"superuser", "govhall", "sudo", "official", "staff");

	/**
	 * Refused as the first part of the name (a staff login's role word), with or without
	 * digits after it.
	 */
	private static final Set<String> LEADING = Set.of("supervisor", "clerk", "reviewer", "approver", "deptadmin",
			"legal", "auditor", "agent", "operator", "security", "support", "service", "webmaster", "postmaster",
			"hostmaster", "info", "help", "gov", "zhengfu", "guanliyuan", "kefu", "jiancha", "test", "anonymous",
			"null", "nobody", "guest", "user");

	private ReservedUsernames() {
	}

	static boolean isReserved(String username) {
		String[] parts = username.toLowerCase(Locale.ROOT).split("[._-]+");
		for (String part : parts) {
			if (ANYWHERE.contains(withoutDigits(part)) || withoutDigits(part).startsWith("admin")) {
				return true;
			}
		}
		return parts.length > 0 && LEADING.contains(withoutDigits(parts[0]));
	}

	static void refuse(String username) {
		if (isReserved(username)) {
			throw new InvalidInputException("reserved-username", "error.username.reserved", "username", username);
		}
	}

	private static String withoutDigits(String part) {
		return part.replaceAll("\\d+$", "");
	}

}
