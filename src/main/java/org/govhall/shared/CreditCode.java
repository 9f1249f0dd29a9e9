package org.govhall.shared;

/**
 * A unified social credit code (统一社会信用代码) checked by GB 32100-2015 (china-egov-rules
 * §6.1).
 */
public record CreditCode(String value) {

	private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	public CreditCode {
		value = value == null ? "" : value.strip().toUpperCase();
		if (!isValid(value)) {
			throw new InvalidInputException("invalid-credit-code", "error.creditCode.invalid", "creditCode");
		}
	}

	public static CreditCode of(String value) {
		return new CreditCode(value);
	}

	public static boolean isValid(String raw) {
		if (raw == null) {
			return false;
		}
		String c = raw.strip().toUpperCase();
		if (!c.matches("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}")) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CHARSET.indexOf(c.charAt(i)) * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return CHARSET.charAt(check == 31 ? 0 : check) == c.charAt(17);
	}

	/**
	 * The check character for the first 17 characters; used to build valid demo codes.
	 */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int v = CHARSET.indexOf(first17.charAt(i));
			if (v < 0) {
				throw new IllegalArgumentException("not a credit code character: " + first17.charAt(i));
			}
			sum += v * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return CHARSET.charAt(check == 31 ? 0 : check);
	}

	@Override
	public String toString() {
		return value;
	}

}
