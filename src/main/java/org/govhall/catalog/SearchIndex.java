package org.govhall.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The search entries of the published versions, in memory and keyed by version id. A
 * published version never changes, so an entry never goes stale; the index is rebuilt
 * (reusing the entries it has) when this node publishes or ends an item, and whenever a
 * search meets a version it does not know, which is how another node's publication
 * reaches it. The listeners run in the publishing transaction and read what it wrote,
 * since an in-memory cache needs no entry in the event publication registry; after a
 * rollback the next search finds the index out of step and rebuilds it. The database
 * stays the truth of which items are searchable: {@link CatalogSearch} asks it for the
 * versions that pass the filters and only matches and ranks them here.
 */
@Component
class SearchIndex {

	private final JdbcClient jdbc;

	private volatile Map<Long, SearchEntry> entries = Map.of();

	SearchIndex(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The entries of these published versions, rebuilding the index first if one of them
	 * is new to it.
	 */
	List<SearchEntry> entries(Collection<Long> versionIds) {
		Map<Long, SearchEntry> known = entries;
		if (!known.keySet().containsAll(versionIds)) {
			known = rebuild();
		}
		List<SearchEntry> found = new ArrayList<>(versionIds.size());
		for (Long id : versionIds) {
			SearchEntry e = known.get(id);
			if (e != null) {
				found.add(e);
			}
		}
		return found;
	}

	@EventListener
	void on(ItemPublished event) {
		rebuild();
	}

	@EventListener
	void on(ItemEnded event) {
		rebuild();
	}

	int size() {
		return entries.size();
	}

	/**
	 * Keeps the entries of the versions published now, computing those it lacks, and
	 * drops the rest.
	 */
	synchronized Map<Long, SearchEntry> rebuild() {
		Map<Long, SearchEntry> old = entries;
		Map<Long, SearchEntry> fresh = new HashMap<>();
		jdbc.sql("SELECT v.id, i.code, v.item_type, v.name_zh, v.aliases, v.name_en, v.keywords_en "
				+ CatalogSearch.FROM)
			.query((rs, n) -> {
				long id = rs.getLong("id");
				SearchEntry e = old.get(id);
				fresh.put(id,
						e != null ? e
								: SearchEntry.of(id, rs.getString("code"), ItemType.valueOf(rs.getString("item_type")),
										rs.getString("name_zh"), rs.getString("aliases"), rs.getString("name_en"),
										rs.getString("keywords_en")));
				return id;
			})
			.list();
		entries = Map.copyOf(fresh);
		return entries;
	}

}
