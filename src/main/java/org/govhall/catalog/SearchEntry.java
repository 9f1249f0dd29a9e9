package org.govhall.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;
import org.jspecify.annotations.Nullable;

/**
 * What the search matches of one published version, computed once when the version enters
 * the index: the Chinese name and aliases, the English name, keywords and the code, all
 * folded (NFKC, lower case), and the toneless pinyin of the Chinese name and each alias,
 * whole ({@code shipinjingyingxuke}) and as initials ({@code spjyxk}). A character with
 * several readings (多音字) contributes its first one in pinyin4j's table.
 */
record SearchEntry(long versionId, String code, ItemType type, String nameZh, List<String> aliases, List<String> latin,
		List<String> pinyin, List<String> initials, Joined joined) {

	/**
	 * The aliases, Latin texts, pinyin and initials each joined by a line break, for one
	 * substring test each.
	 */
	record Joined(String aliases, String latin, String pinyin, String initials) {
	}

	/**
	 * The first reading of each Han character met so far, "" for none; pinyin4j formats
	 * each lookup anew.
	 */
	private static final Map<Character, String> READINGS = new ConcurrentHashMap<>();

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	static {
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
	}

	static SearchEntry of(long versionId, String code, ItemType type, String nameZh, @Nullable String aliases,
			@Nullable String nameEn, @Nullable String keywordsEn) {
		List<String> aliasList = new ArrayList<>();
		if (aliases != null) {
			for (String alias : aliases.split("[,，、;；]+")) {
				if (!alias.isBlank()) {
					aliasList.add(fold(alias.strip()));
				}
			}
		}
		List<String> latin = new ArrayList<>();
		for (String text : new String[] { nameEn, keywordsEn, code }) {
			if (text != null && !text.isBlank()) {
				latin.add(fold(text));
			}
		}
		String name = fold(nameZh);
		List<String> pinyin = new ArrayList<>();
		List<String> initials = new ArrayList<>();
		for (String chinese : concat(name, aliasList)) {
			StringBuilder whole = new StringBuilder();
			StringBuilder first = new StringBuilder();
			syllables(chinese, whole, first);
			pinyin.add(whole.toString());
			initials.add(first.toString());
		}
		return new SearchEntry(versionId, code, type, name, List.copyOf(aliasList), List.copyOf(latin),
				List.copyOf(pinyin), List.copyOf(initials), new Joined(String.join("\n", aliasList),
						String.join("\n", latin), String.join("\n", pinyin), String.join("\n", initials)));
	}

	/**
	 * Full-width forms to ASCII, then lower case, so that ＳＨＩＰＩＮ and Shipin match shipin.
	 */
	static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	private static void syllables(String text, StringBuilder whole, StringBuilder initials) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String reading = READINGS.computeIfAbsent(c, SearchEntry::reading);
			if (!reading.isEmpty()) {
				whole.append(reading);
				initials.append(reading.charAt(0));
			}
			else if (Character.isLetterOrDigit(c)) {
				whole.append(c);
				initials.append(c);
			}
		}
	}

	private static String reading(char c) {
		if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
			return "";
		}
		try {
			String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
			return readings == null || readings.length == 0 ? "" : readings[0];
		}
		catch (BadHanyuPinyinOutputFormatCombination ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> concat(String first, List<String> rest) {
		List<String> all = new ArrayList<>(rest.size() + 1);
		all.add(first);
		all.addAll(rest);
		return all;
	}

}
