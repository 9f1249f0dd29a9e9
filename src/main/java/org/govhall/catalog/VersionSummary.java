package org.govhall.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * One entry of an item's public version history, with what it changed and when it
 * applied.
 */
public record VersionSummary(int versionNo, VersionState state, @Nullable Instant publishedAt, String nameZh,
		Revision revision) {

	/**
	 * The publication date in the halls' zone (the pages' {@code zone}), or null for an
	 * unpublished version.
	 */
	public @Nullable LocalDate publishedDate(ZoneId zone) {
		return publishedAt == null ? null : LocalDate.ofInstant(publishedAt, zone);
	}
}
