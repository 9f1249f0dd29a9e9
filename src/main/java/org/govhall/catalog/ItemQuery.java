package org.govhall.catalog;

import org.jspecify.annotations.Nullable;

/** A search of the published catalog; every criterion is optional. */
public record ItemQuery(@Nullable String text, @Nullable String departmentCode, @Nullable String regionCode,
		@Nullable ItemType itemType, @Nullable LifeEvent lifeEvent, @Nullable ServiceObject audience,
		@Nullable ProcessingMode processingMode, int page, int size) {

	public static final int MAX_PAGE_SIZE = 100;

	public ItemQuery {
		page = Math.max(page, 0);
		size = size <= 0 ? 20 : Math.min(size, MAX_PAGE_SIZE);
		text = text == null || text.isBlank() ? null : text.strip();
		departmentCode = departmentCode == null || departmentCode.isBlank() ? null : departmentCode;
		regionCode = regionCode == null || regionCode.isBlank() ? null : regionCode;
	}

}
