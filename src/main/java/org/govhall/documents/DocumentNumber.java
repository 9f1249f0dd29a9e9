package org.govhall.documents;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Document numbers such as {@code SL-2026-000123-7KQX}: the kind's prefix, the year of issue, a sequence shared by all
 * kinds, and four random characters so that a number cannot be guessed from its neighbours.
 */
final class DocumentNumber {

	/** Letters and digits that cannot be misread for one another when typed from paper: no 0/O, 1/I/L, U/V. */
	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";

	static final int SUFFIX_LENGTH = 4;

	private static final Pattern SHAPE = Pattern
		.compile("[A-Z]{2,3}-[0-9]{4}-[0-9]{6,12}-[" + ALPHABET + "]{" + SUFFIX_LENGTH + "}");

	private static final int MAX_LENGTH = 32;

	private DocumentNumber() {
	}

	static String next(DocumentKind kind, int year, long sequence, RandomGenerator random) {
		StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
		for (int i = 0; i < SUFFIX_LENGTH; i++) {
			suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return String.format(Locale.ROOT, "%s-%04d-%06d-%s", kind.prefix(), year, sequence, suffix);
	}

	/** The number in its canonical form (trimmed, upper case) if it has the shape of one; anything else is empty. */
	static Optional<String> parse(String text) {
		if (text == null || text.length() > MAX_LENGTH + 8) {
			return Optional.empty();
		}
		String number = text.strip().toUpperCase(Locale.ROOT);
		return number.length() <= MAX_LENGTH && SHAPE.matcher(number).matches() ? Optional.of(number)
				: Optional.empty();
	}

}
