package org.govhall.directory;

import org.jspecify.annotations.Nullable;

/** Form fields left empty arrive as "": optional values are stored as absent instead. */
final class Blank {

	private Blank() {
	}

	static @Nullable String toNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
