package org.govhall.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * A resident identity number (公民身份号码) checked by GB 11643-1999: address code, birth date,
 * sequence and an ISO 7064 MOD 11-2 check character (china-egov-rules §6.2).
 */
public record IdNumber(String value) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
			"33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
			"63", "64", "65", "71", "81", "82", "83");

	/**
	 * The fictional demo province 示范省 (region codes 66xxxx): GB/T 2260 leaves 66
	 * unassigned, so no real person's number starts with it, and the demo's own residents
	 * (issue 10, item 12) must be able to register and apply.
	 */
	private static final Set<String> DEMO_PROVINCES = Set.of("66");

	public IdNumber {
		value = normalize(value);
		if (!isValid(value)) {
			throw new InvalidInputException("invalid-id-number", "error.idNumber.invalid", "idNumber");
		}
	}

	public static IdNumber of(String value) {
		return new IdNumber(value);
	}

	static String normalize(String raw) {
		return raw == null ? "" : raw.strip().toUpperCase();
	}

	public static boolean isValid(String raw) {
		String v = normalize(raw);
		if (!v.matches("\\d{17}[0-9X]")
				|| !(PROVINCES.contains(v.substring(0, 2)) || DEMO_PROVINCES.contains(v.substring(0, 2)))) {
			return false;
		}
		try {
			LocalDate birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
					Integer.parseInt(v.substring(12, 14)));
			// born no later than today anywhere on earth: a plausibility check that needs
			// no zone setting
			if (birth.isAfter(LocalDate.now(ZoneOffset.MAX))) {
				return false;
			}
		}
		catch (DateTimeException ex) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (v.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11] == v.charAt(17);
	}

	/**
	 * The form shown in lists and to other roles: first six and last four characters,
	 * e.g. 110105********002X.
	 */
	public String masked() {
		return value.substring(0, 6) + "********" + value.substring(14);
	}

	@Override
	public String toString() {
		return masked();
	}

}
