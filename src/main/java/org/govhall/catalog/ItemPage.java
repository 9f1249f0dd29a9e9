package org.govhall.catalog;

import java.util.List;

/** A page of search results. */
public record ItemPage(List<ItemSummary> items, long total, int page, int size) {

	/**
	 * The items of this page that people apply for (依申请), e.g. for an application form's
	 * choice of items.
	 */
	public List<ItemSummary> onApplication() {
		return items.stream().filter(ItemSummary::onApplication).toList();
	}

	public int pages() {
		return (int) ((total + size - 1) / size);
	}

	public boolean hasNext() {
		return page + 1 < pages();
	}

	public boolean hasPrevious() {
		return page > 0;
	}

}
