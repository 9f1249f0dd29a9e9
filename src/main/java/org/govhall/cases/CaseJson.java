package org.govhall.cases;

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

	private CaseJson() {
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
