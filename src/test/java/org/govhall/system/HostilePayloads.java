package org.govhall.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The hostile values of the abuse suite: script and SQL payloads, path traversal, odd
 * Unicode, invalid resident identity numbers (GB 11643) and credit codes (GB 32100),
 * broken JSON, and the markers by which a script payload shows up as live markup.
 */
final class HostilePayloads {

	private HostilePayloads() {
	}

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String IMG = "\"><img src=x onerror=alert(1)>";

	static final String SVG = "<svg onload=alert(1)>";

	static final String JS_URL = "javascript:alert(1)";

	static final String LINK = "<a href=\"javascript:alert(1)\">x</a>";

	/**
	 * Script payloads: a tag, an attribute break-out, an SVG handler, a javascript: URL,
	 * a link to one.
	 */
	static final List<String> SCRIPTS = List.of(SCRIPT, IMG, SVG, JS_URL, LINK, "'\"><svg/onload=alert(1)>");

	/**
	 * What a script payload looks like when a page renders it as markup instead of text.
	 */
	static final List<String> LIVE_MARKUP = List.of("<script>alert(1)", "<img src=x onerror=alert(1)>",
			"<svg onload=alert(1)>", "<svg/onload=alert(1)>", "href=\"javascript:alert(1)", "src=\"javascript:alert(1)",
			"href='javascript:alert(1)");

	static final List<String> SQL = List.of("' OR 1=1 --", "1; DROP TABLE cases_case; --", "%27", "\" OR \"\"=\"",
			"1' UNION SELECT username, password_hash FROM directory_account --", "\\'; SELECT pg_sleep(5); --");

	static final List<String> TRAVERSAL = List.of("../../etc/passwd", "..\\..\\windows\\win.ini",
			"..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2f", "....//....//etc/passwd", "/etc/passwd",
			"file:///etc/passwd", "..;/..;/", "%c0%ae%c0%ae/");

	/**
	 * Odd Unicode and control characters: RTL override, full width, emoji, combining
	 * marks, BOM, CR LF, NUL.
	 */
	static final List<String> ODD = List.of("\u202Efdp.exe", "ｓｃｒｉｐｔ６６０１００", "😀🔥\uD83D\uDE00", "e\u0301\u0301\u0301",
			"\uFEFFbom", "line\r\nSet-Cookie: x=1", "nul\u0000byte", "\t \n", "${jndi:ldap://127.0.0.1/a}", "%s%s%n",
			"__${7*7}__::x", "[[${7*7}]]", "null", "undefined", "NaN", "-1", "0", "9".repeat(40), "\uD800");

	/** Every hostile string of the families above. */
	static List<String> strings() {
		List<String> all = new ArrayList<>();
		all.addAll(SCRIPTS);
		all.addAll(SQL);
		all.addAll(TRAVERSAL);
		all.addAll(ODD);
		return all;
	}

	static String huge(int length) {
		return "长".repeat(length / 2) + "A".repeat(length - length / 2);
	}

	// ---- identity numbers and credit codes

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] ID_CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	/** A resident identity number with its GB 11643 check character. */
	static String idNumber(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return first17 + ID_CHECK[sum % 11];
	}

	/** Resident identity numbers that GB 11643 refuses, each for a different reason. */
	static List<String> invalidIdNumbers() {
		String valid = idNumber("11010519900307123");
		char wrong = valid.charAt(17) == '1' ? '2' : '1';
		return List.of(valid.substring(0, 17) + wrong, // check character
				idNumber("99010519900307123"), // no such province
				idNumber("11010519901332123"), // month 13
				idNumber("11010519900230123"), // 30 February
				idNumber("11010520990101123"), // born in the future
				valid.substring(0, 17), valid + "1", "11010519900307123 ", "1101051990030712３", "ABCDEFGHIJKLMNOPQR",
				"110105900307123", "' OR 1=1 --", SCRIPT, "", "-1");
	}

	private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] CREDIT_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	/** A unified social credit code with its GB 32100 check character. */
	static String creditCode(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CREDIT_CHARS.indexOf(first17.charAt(i)) * CREDIT_WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return first17 + CREDIT_CHARS.charAt(check == 31 ? 0 : check);
	}

	/** Credit codes that GB 32100 refuses. */
	static List<String> invalidCreditCodes() {
		String valid = creditCode("91660100MA0000017");
		char wrong = valid.charAt(17) == '0' ? '1' : '0';
		return List.of(valid.substring(0, 17) + wrong, "91660100MA000001I" + valid.charAt(17), "91660100MA000001O0",
				"9166A100MA0000017K", valid.substring(0, 17), valid + "0", "91660100-MA000001", "９1660100MA0000017K",
				"' OR 1=1 --", SCRIPT, "");
	}

	// ---- JSON

	/** Bodies that are not JSON, not complete, or not of any request's shape. */
	static List<String> brokenJson() {
		return List.of("", "{", "{\"a\":", "{\"a\":1,}", "{'a':'b'}", "{\"a\" 1}", "[", "nul", "{]",
				"{\"a\":\"unterminated}", "{\"a\":1}}", "\u0000", "<xml/>", "a=1&b=2", "{\"a\":NaN}", "{\"a\":0x10}",
				"{\"a\":\"\\uZZZZ\"}", "[".repeat(20_000), "{\"a\":".repeat(5_000), "null", "[]", "[{}]", "\"\"", "123",
				"true");
	}

	/** Bytes that are not UTF-8 inside an otherwise well-formed JSON object. */
	static byte[] invalidUtf8Json() {
		byte[] head = "{\"reasons\":\"".getBytes(StandardCharsets.UTF_8);
		byte[] bad = { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80 };
		byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[head.length + bad.length + tail.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(bad, 0, all, head.length, bad.length);
		System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
		return all;
	}

	/** A JSON string literal. */
	static String quote(String s) {
		StringBuilder b = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				case '\n' -> b.append("\\n");
				case '\r' -> b.append("\\r");
				case '\t' -> b.append("\\t");
				default -> {
					if (c < 0x20) {
						b.append(String.format("\\u%04x", (int) c));
					}
					else {
						b.append(c);
					}
				}
			}
		}
		return b.append('"').toString();
	}

	// ---- files

	static final byte[] PDF = "%PDF-1.4\n%abuse\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

	/**
	 * Contents that the storage refuses by their leading bytes, whatever the name claims.
	 */
	static List<byte[]> refusedContents() {
		return List.of(("<html><body>" + SCRIPT + "</body></html>").getBytes(StandardCharsets.UTF_8),
				("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>").getBytes(StandardCharsets.UTF_8),
				new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 }, new byte[0],
				"PK\u0003\u0004notreallyazip".getBytes(StandardCharsets.ISO_8859_1),
				"#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Upload file names: traversal, NUL, very long, RTL override, odd Unicode, reserved
	 * device names.
	 */
	static List<String> fileNames() {
		return List.of("../../etc/passwd", "..\\..\\boot.ini", "..%2f..%2fetc%2fpasswd", "a\u0000.pdf.exe",
				"x".repeat(5_000) + ".pdf", "\u202Efdp.exe", "CON", "材料😀.pdf", ".htaccess", "/absolute/path.pdf",
				SCRIPT + ".pdf", "' OR 1=1 --.pdf", "", " ");
	}

}
