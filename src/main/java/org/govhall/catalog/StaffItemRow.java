package org.govhall.catalog;

import org.jspecify.annotations.Nullable;

/**
 * An item as staff see it in their work list: its published version and the version being
 * worked on.
 */
public record StaffItemRow(String code, String nameZh, @Nullable String nameEn, String departmentCode,
		ItemStatus status, @Nullable Integer publishedVersion, @Nullable Integer workingVersion,
		@Nullable VersionState workingState, @Nullable String submittedBy) {
}
