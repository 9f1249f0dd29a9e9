package org.govhall.cases;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the JSON parts of a case row; unknown fields from newer versions are
 * ignored.
 */
final class CaseJson {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/**
	 * How many distinct terms are kept parsed and written: a hall's item versions in use,
	 * with room to spare; past it the caches start again.
	 */
	static final int TERMS_KEPT = 2048;

	/**
	 * The terms of a case are its item's terms as applied for (immutable records): the
	 * cases of one item version share the same text, so each text is parsed once...
	 */
	private static final Map<String, CaseTerms> TERMS_READ = new ConcurrentHashMap<>();

	/** ...and each terms written once. */
	private static final Map<CaseTerms, String> TERMS_WRITTEN = new ConcurrentHashMap<>();

	private CaseJson() {
	}

	/** The terms of this text, parsed once for all the cases that share it. */
	static CaseTerms readTerms(String json) {
		CaseTerms terms = TERMS_READ.get(json);
		if (terms == null) {
			terms = JSON.readValue(json, CaseTerms.class);
			keep(TERMS_READ, json, terms);
			keep(TERMS_WRITTEN, terms, json);
		}
		return terms;
	}

	/** The text of these terms, written once for all the cases that share them. */
	static String writeTerms(CaseTerms terms) {
		String json = TERMS_WRITTEN.get(terms);
		if (json == null) {
			json = JSON.writeValueAsString(terms);
			keep(TERMS_WRITTEN, terms, json);
		}
		return json;
	}

	private static <K, V> void keep(Map<K, V> cache, K key, V value) {
		if (cache.size() >= TERMS_KEPT) {
			cache.clear();
		}
		cache.put(key, value);
	}

	static String write(Object value) {
		return JSON.writeValueAsString(value);
	}

	static @Nullable String writeNullable(@Nullable Object value) {
		return value == null ? null : JSON.writeValueAsString(value);
	}

	static <T> T read(String json, Class<T> type) {
		return JSON.readValue(json, type);
	}

	static <T> @Nullable T readNullable(@Nullable String json, Class<T> type) {
		return json == null ? null : JSON.readValue(json, type);
	}

}
