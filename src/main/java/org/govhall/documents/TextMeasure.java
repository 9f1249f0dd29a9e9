package org.govhall.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * The widths of text in the document font and where its lines break, for
 * {@link DocumentPress}: the advance of each character read once from the font's metrics.
 */
final class TextMeasure {

	/** Characters a line may not begin with (避头点). */
	private static final String NO_START = "，。、；：？！）》」』”’〉】〕…—·%,.;:?!)]}";

	/** Characters a line may not end with (避尾点). */
	private static final String NO_END = "（《「『“‘〈【〔([{";

	private final TrueTypeFont ttf;

	private final CmapLookup cmap;

	private final float unitsPerEm;

	private final Map<Integer, Float> advances = new HashMap<>();

	TextMeasure(TrueTypeFont ttf, CmapLookup cmap) throws IOException {
		this.ttf = ttf;
		this.cmap = cmap;
		this.unitsPerEm = ttf.getUnitsPerEm();
	}

	float width(String text, DocumentPress.Style style) {
		float units = 0;
		int count = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			units += advance(cp);
			count++;
			i += Character.charCount(cp);
		}
		return units * style.size() / 1000f + style.spacing() * count;
	}

	/** The advance of a code point in thousandths of the size. */
	private float advance(int cp) {
		Float known = advances.get(cp);
		if (known != null) {
			return known;
		}
		float advance;
		try {
			advance = ttf.getAdvanceWidth(cmap.getGlyphId(cp)) * 1000f / unitsPerEm;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		advances.put(cp, advance);
		return advance;
	}

	/**
	 * The lines of {@code text} within {@code width}: CJK characters break anywhere, a
	 * run of Latin letters and digits only at its spaces (or, longer than a line, where
	 * it must); a closing mark never begins a line and an opening one never ends it.
	 */
	List<String> wrap(String text, float width, DocumentPress.Style style, float indent) {
		List<String> tokens = tokens(text);
		List<String> lines = new ArrayList<>();
		List<String> line = new ArrayList<>();
		float used = indent;
		for (int t = 0; t < tokens.size(); t++) {
			String token = tokens.get(t);
			float w = width(token, style);
			if (used + w <= width) {
				line.add(token);
				used += w;
				continue;
			}
			if (line.isEmpty() || w > width) {
				// a run longer than a line: as much of it as fits, then the rest
				StringBuilder piece = new StringBuilder();
				float pieceWidth = used;
				for (int i = 0; i < token.length();) {
					int cp = token.codePointAt(i);
					String c = new String(Character.toChars(cp));
					float cw = width(c, style);
					if (pieceWidth + cw > width && (piece.length() > 0 || !line.isEmpty())) {
						line.add(piece.toString());
						lines.add(String.join("", line).stripTrailing());
						line = new ArrayList<>();
						piece.setLength(0);
						pieceWidth = 0;
					}
					piece.append(c);
					pieceWidth += cw;
					i += Character.charCount(cp);
				}
				line.add(piece.toString());
				used = pieceWidth;
				continue;
			}
			// the token begins the next line; a closing mark takes the last character
			// with it, and an opening mark at the end of this line goes too
			List<String> carried = new ArrayList<>();
			if (NO_START.indexOf(token.codePointAt(0)) >= 0 && line.size() > 1) {
				carried.add(0, line.remove(line.size() - 1));
			}
			while (line.size() > 1 && NO_END.indexOf(last(line)) >= 0) {
				carried.add(0, line.remove(line.size() - 1));
			}
			lines.add(String.join("", line).stripTrailing());
			line = new ArrayList<>(carried);
			line.add(token);
			used = width(String.join("", line), style);
		}
		if (!line.isEmpty() || lines.isEmpty()) {
			lines.add(String.join("", line).stripTrailing());
		}
		return lines;
	}

	private static int last(List<String> line) {
		String s = line.get(line.size() - 1);
		return s.isEmpty() ? ' ' : s.codePointBefore(s.length());
	}

	/**
	 * Single characters, and runs of Latin letters and digits with the spaces after them.
	 */
	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			boolean latin = cp < 0x2E80 && (Character.isLetterOrDigit(cp) || cp == '-' || cp == '.' || cp == '/'
					|| cp == '@' || cp == '_' || cp == '*' || cp == '+');
			if (latin) {
				if (word.length() > 0 && word.charAt(word.length() - 1) == ' ') {
					tokens.add(word.toString());
					word.setLength(0);
				}
				word.appendCodePoint(cp);
			}
			else if (cp == ' ' && word.length() > 0) {
				word.append(' ');
			}
			else {
				if (word.length() > 0) {
					tokens.add(word.toString());
					word.setLength(0);
				}
				tokens.add(new String(Character.toChars(cp)));
			}
		}
		if (word.length() > 0) {
			tokens.add(word.toString());
		}
		return tokens;
	}

}
