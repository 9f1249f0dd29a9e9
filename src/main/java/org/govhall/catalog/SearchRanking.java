package org.govhall.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Matches a citizen's query against indexed entries and ranks the hits. The query is
 * split on spaces, commas and 、 into at most 8 terms, and every term must match:
 * <ul>
 * <li>exactly, as a substring of the Chinese name, an alias, the English name or
 * keywords, the code, or, for a term of Latin letters, of the pinyin ({@code shipin},
 * {@code shipinjingying}) or, from 3 letters, of its initials ({@code spjy});</li>
 * <li>or, only when the query as a whole finds nothing exactly, with one typo (one
 * character wrong, missing or extra) in a substring of those texts: from 3 characters for
 * a Chinese term (营业执召 finds 营业执照), from 4 letters for a Latin one (shipn). A query that
 * finds something exactly gets no near misses, so it is never flooded.</li>
 * </ul>
 * Hits rank by: the whole query equal to the name or an alias first; then exact before
 * typo matches; then the type ({@link ItemType#searchRank()}: licences and services
 * before enforcement); then how well the terms matched (name before alias before English
 * before pinyin); then the shorter name; then the code. The work is O(entries × text
 * length × term length), a fraction of a millisecond per hundred items.
 */
final class SearchRanking {

	static final int MAX_TERMS = 8;

	private static final int MIN_FUZZY_CHINESE = 3;

	private static final int MIN_FUZZY_LATIN = 4;

	private static final int MIN_INITIALS = 3;

	private SearchRanking() {
	}

	static List<String> terms(String text) {
		List<String> terms = new ArrayList<>();
		for (String term : SearchEntry.fold(text).split("[\\s,，、]+")) {
			if (!term.isBlank() && terms.size() < MAX_TERMS) {
				terms.add(term);
			}
		}
		return terms;
	}

	/** The entries that match every term, best first. */
	static List<SearchEntry> rank(List<SearchEntry> entries, String text) {
		List<String> terms = terms(text);
		if (terms.isEmpty()) {
			return List.of();
		}
		String whole = SearchEntry.fold(text.strip());
		List<Hit> hits = hits(entries, terms, whole, false);
		if (hits.isEmpty() && terms.stream().anyMatch(SearchRanking::longEnoughForTypo)) {
			hits = hits(entries, terms, whole, true);
		}
		return hits.stream()
			.sorted(Comparator.comparingInt(Hit::tier)
				.thenComparingInt(h -> h.entry().type().searchRank())
				.thenComparing(Comparator.comparingInt(Hit::score).reversed())
				.thenComparingInt(h -> h.entry().nameZh().length())
				.thenComparing(h -> h.entry().code()))
			.map(Hit::entry)
			.toList();
	}

	private static List<Hit> hits(List<SearchEntry> entries, List<String> terms, String whole, boolean typos) {
		List<Hit> hits = new ArrayList<>();
		for (SearchEntry e : entries) {
			int score = 0;
			boolean typo = false;
			for (int t = 0; t < terms.size() && score >= 0; t++) {
				String term = terms.get(t);
				int s = exact(e, term);
				if (s == 0 && typos && longEnoughForTypo(term) && withTypo(e, term)) {
					s = 1;
					typo = true;
				}
				score = s == 0 ? -1 : score + s;
			}
			if (score > 0) {
				boolean named = e.nameZh().equals(whole) || e.aliases().contains(whole);
				hits.add(new Hit(e, named ? 0 : typo ? 2 : 1, score));
			}
		}
		return hits;
	}

	/** How well the term matches exactly, 0 if not at all. */
	static int exact(SearchEntry e, String term) {
		if (e.nameZh().startsWith(term)) {
			return 100;
		}
		if (e.nameZh().contains(term)) {
			return 90;
		}
		if (e.joined().aliases().contains(term)) {
			return 80;
		}
		if (e.joined().latin().contains(term)) {
			return 70;
		}
		if (!isLatin(term)) {
			return 0;
		}
		if (e.pinyin().get(0).startsWith(term)) {
			return 60;
		}
		if (e.joined().pinyin().contains(term)) {
			return 50;
		}
		return term.length() >= MIN_INITIALS && e.joined().initials().contains(term) ? 40 : 0;
	}

	static boolean withTypo(SearchEntry e, String term) {
		String front = term.substring(0, term.length() / 2);
		String back = term.substring(term.length() / 2);
		if (!mayHold(e, front) && !mayHold(e, back)) {
			return false;
		}
		if (withinOneEdit(term, e.nameZh()) || e.aliases().stream().anyMatch(a -> withinOneEdit(term, a))
				|| e.latin().stream().anyMatch(l -> withinOneEdit(term, l))) {
			return true;
		}
		return isLatin(term) && e.pinyin().stream().anyMatch(p -> withinOneEdit(term, p));
	}

	/**
	 * Whether the entry can hold the term with one typo at all: one edit leaves one half
	 * of the term intact, so some text must contain that half (pigeonhole), which spares
	 * the edit-distance table for most entries.
	 */
	private static boolean mayHold(SearchEntry e, String half) {
		return !half.isEmpty() && (e.nameZh().contains(half) || e.joined().aliases().contains(half)
				|| e.joined().latin().contains(half) || e.joined().pinyin().contains(half));
	}

	static boolean longEnoughForTypo(String term) {
		return term.length() >= (term.chars().allMatch(c -> c < 0x2E80) ? MIN_FUZZY_LATIN : MIN_FUZZY_CHINESE);
	}

	/**
	 * Whether some substring of the text is at most one edit (substitution, insertion,
	 * deletion) away from the pattern: Sellers' approximate substring matching, one row
	 * of the edit-distance table at a time.
	 */
	static boolean withinOneEdit(String pattern, String text) {
		int m = pattern.length();
		if (text.length() < m - 1) {
			return false;
		}
		int[] previous = new int[m + 1];
		int[] current = new int[m + 1];
		for (int i = 0; i <= m; i++) {
			previous[i] = i;
		}
		if (previous[m] <= 1) {
			return true;
		}
		for (int j = 1; j <= text.length(); j++) {
			current[0] = 0;
			char c = text.charAt(j - 1);
			for (int i = 1; i <= m; i++) {
				int substitute = previous[i - 1] + (pattern.charAt(i - 1) == c ? 0 : 1);
				current[i] = Math.min(substitute, Math.min(previous[i] + 1, current[i - 1] + 1));
			}
			if (current[m] <= 1) {
				return true;
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return false;
	}

	private static boolean isLatin(String term) {
		return term.chars().allMatch(c -> c >= 'a' && c <= 'z');
	}

	private record Hit(SearchEntry entry, int tier, int score) {
	}

}
