package org.govhall.directory;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import me.gosimple.nbvcxz.resources.DictionaryUtil;
import org.govhall.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What a new password must be besides 10 to 128 characters long (NIST SP 800-63B,
 * 5.1.1.2): not one of the commonly used or breached passwords of nbvcxz's bundled list
 * (about 100,000, from real breaches), not the username or built on it, not the
 * applicant's identity number or credit code, and not a run of one character or a
 * straight sequence (aaaaaaaaaa, 1234567890, abcdefghij). No composition rules and no
 * expiry, as the standard advises. Passwords already set are not checked again: the demo
 * accounts keep theirs.
 */
final class PasswordPolicy {

	private PasswordPolicy() {
	}

	/**
	 * The list, lower case, from 8 characters up (shorter ones fail the length rule
	 * anyway); loaded on first use.
	 */
	private static final class Common {

		static final Set<String> PASSWORDS = DictionaryUtil.loadRankedDictionary(DictionaryUtil.passwords)
			.keySet()
			.stream()
			.map(p -> p.strip().toLowerCase(Locale.ROOT))
			.filter(p -> p.length() >= 8)
			.collect(Collectors.toUnmodifiableSet());

	}

	/**
	 * Refuses (400 at the field {@code password}) a password that is common, built on the
	 * username or on {@code identityNumber}, repetitive or sequential.
	 */
	static void check(String password, String username, @Nullable String identityNumber) {
		String p = password.toLowerCase(Locale.ROOT);
		if (Common.PASSWORDS.contains(p)) {
			throw refused("error.password.common");
		}
		String u = username.toLowerCase(Locale.ROOT);
		String bare = u.replaceAll("[._-]", "");
		if (u.length() >= 3 && (p.contains(u) || p.contains(new StringBuilder(u).reverse())
				|| bare.length() >= 3 && p.replaceAll("[._-]", "").contains(bare) || u.contains(p))) {
			throw refused("error.password.username");
		}
		if (identityNumber != null && identityNumber.length() >= 6
				&& p.contains(identityNumber.toLowerCase(Locale.ROOT))) {
			throw refused("error.password.identity");
		}
		if (repetitive(p) || sequential(p)) {
			throw refused("error.password.repetitive");
		}
	}

	/** At most two different characters: aaaaaaaaaa, ababababab. */
	private static boolean repetitive(String p) {
		return p.codePoints().distinct().count() <= 2;
	}

	/**
	 * Each character one up or one down from the one before: 1234567890 (0 after 9
	 * counts), abcdefghij, 9876543210.
	 */
	private static boolean sequential(String p) {
		int up = 0;
		int down = 0;
		for (int i = 1; i < p.length(); i++) {
			int step = p.charAt(i) - p.charAt(i - 1);
			boolean wraps = p.charAt(i - 1) == '9' && p.charAt(i) == '0'
					|| p.charAt(i - 1) == '0' && p.charAt(i) == '9';
			if (step == 1 || wraps && p.charAt(i) == '0') {
				up++;
			}
			if (step == -1 || wraps && p.charAt(i) == '9') {
				down++;
			}
		}
		return up == p.length() - 1 || down == p.length() - 1;
	}

	private static InvalidInputException refused(String key) {
		return new InvalidInputException("weak-password", key, "password");
	}

}
