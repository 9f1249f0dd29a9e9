package org.govhall.documents;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * What the documents and the reports share in their text: the font family the reports'
 * XHTML names for the Chinese font, dates as a notice writes them, and XML escaping (the
 * documents themselves are drawn by {@link DocumentPress}).
 */
final class DocumentLayout {

	/** The font family that {@link Typesetter} registers the Chinese font under. */
	static final String FONT_FAMILY = "govhall-cjk";

	private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");

	private DocumentLayout() {
	}

	static String chineseDate(LocalDate date) {
		return CHINESE_DATE.format(date);
	}

	/** XML text and attribute escaping; characters XML 1.0 cannot carry are dropped. */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		text.codePoints().forEach(c -> {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> {
					if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
							|| (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000) {
						out.appendCodePoint(c);
					}
				}
			}
		});
		return out.toString();
	}

}
