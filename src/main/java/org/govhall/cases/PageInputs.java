package org.govhall.cases;

import java.util.regex.Pattern;

import org.govhall.directory.GovHallUser;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

/**
 * What the case pages check and tidy in what a browser sends, before anything is looked
 * up.
 */
final class PageInputs {

	/**
	 * A case number as GovHall gives them; anything else is a case that does not exist.
	 */
	static final Pattern CASE_NUMBER = Pattern.compile("[0-9A-Za-z-]{1,40}");

	/** A document number as GovHall gives them. */
	static final Pattern DOCUMENT_NUMBER = Pattern.compile("[0-9A-Za-z-]{1,40}");

	private PageInputs() {
	}

	static void requireStaff(GovHallUser user) {
		if (!user.isStaff()) {
			throw new ForbiddenException("error.forbidden.role");
		}
	}

	static void checkNumber(String number) {
		if (!CASE_NUMBER.matcher(number).matches()) {
			throw new NotFoundException("error.case.notFound", "");
		}
	}

	static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static String strip(@Nullable String s) {
		return s == null ? "" : s.strip();
	}

	static @Nullable String cut(@Nullable String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

}
