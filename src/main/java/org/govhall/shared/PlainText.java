package org.govhall.shared;

import org.jspecify.annotations.Nullable;

/**
 * Names people type (an applicant's legal name, a staff member's display name, an item's
 * name) hold printable text only: no C0 or C1 control character, no invisible format
 * character (the bidi overrides and isolates U+202A–U+202E and U+2066–U+2069, the marks
 * U+200E/U+200F, zero-width characters, the byte order mark), no line or paragraph
 * separator and no lone surrogate. Such characters make a name read differently on a page
 * than it is stored, and a notice printed with them fails.
 */
public final class PlainText {

	private PlainText() {
	}

	/**
	 * Whether the text has no control, format, separator or lone surrogate character;
	 * {@code null} passes.
	 */
	public static boolean isPlain(@Nullable String text) {
		if (text == null) {
			return true;
		}
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			switch (Character.getType(cp)) {
				case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
						Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> {
					return false;
				}
				default -> i += Character.charCount(cp);
			}
		}
		return true;
	}

	/** Refuses (400, naming {@code field}) a name that is not plain text. */
	public static void require(@Nullable String text, String field) {
		if (!isPlain(text)) {
			throw new InvalidInputException("control-characters", "error.text.controlCharacters", field);
		}
	}

}
