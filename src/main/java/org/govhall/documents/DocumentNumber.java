package org.govhall.documents;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Document numbers such as {@code SL-2026-000123-7KQX5M9PT3WZ2H}: the kind's prefix, the
 * year of issue, a sequence shared by all kinds, and 14 random characters of a 29-letter
 * alphabet (68 bits, from {@code SecureRandom}) so that nobody finds a document, or its
 * holder, by trying numbers near one they know. Numbers issued before carry 4 random
 * characters and stay valid.
 */
final class DocumentNumber {

	/**
	 * Letters and digits that cannot be misread for one another when typed from paper: no
	 * 0/O, 1/I/L, U/V.
	 */
	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";

	/** 14 × log2(29) ≈ 68 bits: at least 64 bits of randomness. */
	static final int SUFFIX_LENGTH = 14;

	/** The suffix length of the numbers issued before issue 12. */
	static final int OLD_SUFFIX_LENGTH = 4;

	private static final Pattern SHAPE = Pattern.compile("[A-Z]{2,3}-[0-9]{4}-[0-9]{6,12}-([" + ALPHABET + "]{"
			+ SUFFIX_LENGTH + "}|[" + ALPHABET + "]{" + OLD_SUFFIX_LENGTH + "})");

	private static final int MAX_LENGTH = 40;

	private DocumentNumber() {
	}

	static String next(DocumentKind kind, int year, long sequence, RandomGenerator random) {
		StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
		for (int i = 0; i < SUFFIX_LENGTH; i++) {
			suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return String.format(Locale.ROOT, "%s-%04d-%06d-%s", kind.prefix(), year, sequence, suffix);
	}

	/**
	 * The number in its canonical form (trimmed, upper case) if it has the shape of one;
	 * anything else is empty.
	 */
	static Optional<String> parse(String text) {
		if (text == null || text.length() > MAX_LENGTH + 8) {
			return Optional.empty();
		}
		String number = text.strip().toUpperCase(Locale.ROOT);
		return number.length() <= MAX_LENGTH && SHAPE.matcher(number).matches() ? Optional.of(number)
				: Optional.empty();
	}

}
