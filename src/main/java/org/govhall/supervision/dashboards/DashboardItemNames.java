package org.govhall.supervision.dashboards;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.govhall.catalog.Catalog;
import org.govhall.catalog.ItemPage;
import org.govhall.catalog.ItemQuery;
import org.govhall.catalog.ItemSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Item names for the dashboards, asked of the catalog's public reads (never of its
 * tables).
 */
@Component
class DashboardItemNames {

	private final Catalog catalog;

	DashboardItemNames(Catalog catalog) {
		this.catalog = catalog;
	}

	/** An item's Chinese and English name. */
	record ItemName(String zh, @Nullable String en) {

		String in(Locale locale) {
			return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : zh;
		}

	}

	/**
	 * The names of the department's current items, by code: one catalog search per
	 * hundred items.
	 */
	Map<String, ItemName> ofDepartment(String departmentCode) {
		Map<String, ItemName> names = new HashMap<>();
		for (int page = 0;; page++) {
			ItemPage found = catalog.search(
					new ItemQuery(null, departmentCode, null, null, null, null, null, page, ItemQuery.MAX_PAGE_SIZE));
			for (ItemSummary item : found.items()) {
				names.put(item.code(), new ItemName(item.nameZh(), item.nameEn()));
			}
			if (!found.hasNext()) {
				return names;
			}
		}
	}

	/**
	 * The name of an item that was ever published, also after it was abolished or
	 * delegated away.
	 */
	Optional<ItemName> of(String code) {
		return catalog.findGuide(code).map(g -> new ItemName(g.content().nameZh(), g.content().nameEn()));
	}

}
