package org.govhall.catalog;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One entry of an item's public version history, with what it changed and when it applied. */
public record VersionSummary(int versionNo, VersionState state, @Nullable Instant publishedAt, String nameZh,
		Revision revision) {

	/** The publication date in the halls' zone, or null for an unpublished version. */
	public java.time.@Nullable LocalDate publishedDate() {
		return publishedAt == null ? null : publishedAt.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
	}
}
