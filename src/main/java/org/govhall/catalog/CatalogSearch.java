package org.govhall.catalog;

import org.govhall.calendar.LimitUnit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.govhall.directory.DepartmentView;
import org.govhall.directory.Directory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Searches the published catalog (design brief §6). The filters run as SQL; the text is
 * matched and ranked by {@link SearchRanking} over the {@link SearchIndex} entries of the
 * versions that pass them: substrings of the Chinese name, aliases, English name and
 * keywords and code (执照 finds 营业执照), pinyin and its initials, one typo, and licences
 * before enforcement items. Without text, items are listed by type and code.
 */
@Component
class CatalogSearch {

	static final String FROM = """
			FROM catalog_service_item i
			JOIN catalog_item_version v ON v.item_id = i.id AND v.version_no = i.published_version
			WHERE i.status = 'ACTIVE'
			""";

	private static final String SELECT = """
			SELECT v.id, i.code, i.status, i.region_code, i.department_id, v.name_zh, v.name_en, v.item_type, v.initiation,
			       v.processing_mode, v.online_availability, v.on_site_visits, v.promised_amount,
			       v.promised_unit, v.promised_legal_basis,
			       (SELECT COUNT(*) FROM catalog_delegation d WHERE d.item_version_id = v.id) AS delegations
			""";

	private final JdbcClient jdbc;

	private final Directory directory;

	private final SearchIndex index;

	CatalogSearch(JdbcClient jdbc, Directory directory, SearchIndex index) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.index = index;
	}

	ItemPage search(ItemQuery q, @Nullable Set<String> regions) {
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new HashMap<>();
		if (q.departmentCode() != null) {
			long id = directory.department(q.departmentCode()).map(DepartmentView::id).orElse(-1L);
			where.append(" AND i.department_id = :dep");
			params.put("dep", id);
		}
		if (regions != null) {
			where.append(" AND (i.region_code IN (:regions) OR EXISTS (SELECT 1 FROM catalog_delegation d")
				.append(" WHERE d.item_version_id = v.id AND d.county_code IN (:regions)))");
			params.put("regions", regions.isEmpty() ? List.of("-") : List.copyOf(regions));
		}
		if (q.itemType() != null) {
			where.append(" AND v.item_type = :type");
			params.put("type", q.itemType().name());
		}
		if (q.lifeEvent() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM catalog_life_event e WHERE e.item_version_id = v.id")
				.append(" AND e.life_event = :event)");
			params.put("event", q.lifeEvent().name());
		}
		if (q.audience() != null && q.audience() != ServiceObject.BOTH) {
			where.append(" AND v.service_object IN (:audience, 'BOTH')");
			params.put("audience", q.audience().name());
		}
		if (q.processingMode() != null) {
			where.append(" AND v.processing_mode = :mode");
			params.put("mode", q.processingMode().name());
		}
		Map<Long, DepartmentView> deps = directory.departmentsById();
		if (q.text() != null) {
			List<Long> candidates = jdbc.sql("SELECT v.id " + FROM + where).params(params).query(Long.class).list();
			List<SearchEntry> ranked = SearchRanking.rank(index.entries(candidates), q.text());
			int from = (int) Math.min((long) q.page() * q.size(), ranked.size());
			List<Long> ids = ranked.subList(from, Math.min(from + q.size(), ranked.size()))
				.stream()
				.map(SearchEntry::versionId)
				.toList();
			Map<Long, ItemSummary> byId = new HashMap<>();
			if (!ids.isEmpty()) {
				jdbc.sql(SELECT + FROM + " AND v.id IN (:ids)")
					.param("ids", ids)
					.query((rs, n) -> byId.put(rs.getLong("id"), summary(rs, deps)))
					.list();
			}
			List<ItemSummary> rows = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
			return new ItemPage(rows, ranked.size(), q.page(), q.size());
		}
		long total = jdbc.sql("SELECT COUNT(*) " + FROM + where).params(params).query(Long.class).single();
		params.put("limit", q.size());
		params.put("offset", (long) q.page() * q.size());
		List<ItemSummary> rows = jdbc
			.sql(SELECT + FROM + where + " ORDER BY v.item_type, i.code LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, n) -> summary(rs, deps))
			.list();
		return new ItemPage(rows, total, q.page(), q.size());
	}

	/**
	 * Items of the given regions (and department), each with its newest version, in one
	 * query.
	 */
	List<StaffItemRow> workList(Set<String> regions, @Nullable Long departmentId) {
		Map<Long, DepartmentView> deps = directory.departmentsById();
		return jdbc.sql("""
				SELECT i.code, i.department_id, i.status, i.published_version,
				       v.version_no, v.state, v.name_zh, v.name_en, v.submitted_by
				FROM catalog_service_item i
				JOIN catalog_item_version v ON v.item_id = i.id
				 AND v.version_no = (SELECT MAX(w.version_no) FROM catalog_item_version w WHERE w.item_id = i.id)
				WHERE i.region_code IN (:regions)
				""" + (departmentId == null ? "" : " AND i.department_id = :dep") + " ORDER BY i.code")
			.param("regions", List.copyOf(regions))
			.params(departmentId == null ? Map.of() : Map.of("dep", departmentId))
			.query((rs, n) -> {
				DepartmentView dep = deps.get(rs.getLong("department_id"));
				VersionState state = VersionState.valueOf(rs.getString("state"));
				boolean working = !state.isPublic();
				int publishedNo = rs.getInt("published_version");
				Integer published = rs.wasNull() ? null : publishedNo;
				return new StaffItemRow(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
						dep == null ? "" : dep.code(), ItemStatus.valueOf(rs.getString("status")), published,
						working ? rs.getInt("version_no") : null, working ? state : null,
						working ? rs.getString("submitted_by") : null);
			})
			.list()
			.stream()
			.sorted(Comparator.comparing(StaffItemRow::departmentCode).thenComparing(StaffItemRow::code))
			.toList();
	}

	Map<String, Long> countsByType() {
		return counts("SELECT v.item_type AS k, COUNT(*) AS c " + FROM + " GROUP BY v.item_type");
	}

	Map<String, Long> countsByLifeEvent() {
		return counts("SELECT e.life_event AS k, COUNT(*) AS c "
				+ FROM.replace("WHERE", "JOIN catalog_life_event e ON e.item_version_id = v.id WHERE")
				+ " GROUP BY e.life_event");
	}

	Map<String, Long> countsByDepartment() {
		Map<Long, DepartmentView> deps = directory.departmentsById();
		Map<String, Long> byCode = new LinkedHashMap<>();
		jdbc.sql("SELECT i.department_id AS k, COUNT(*) AS c " + FROM + " GROUP BY i.department_id").query((rs, n) -> {
			DepartmentView d = deps.get(rs.getLong("k"));
			if (d != null) {
				byCode.put(d.code(), rs.getLong("c"));
			}
			return null;
		}).list();
		return byCode;
	}

	private Map<String, Long> counts(String sql) {
		Map<String, Long> map = new LinkedHashMap<>();
		jdbc.sql(sql).query((rs, n) -> map.put(rs.getString("k"), rs.getLong("c"))).list();
		return map;
	}

	/**
	 * The stored initiation, or the item type's default for a row written before the
	 * column existed.
	 */
	private static Initiation initiation(ResultSet rs) throws SQLException {
		String stored = rs.getString("initiation");
		return stored == null ? Initiation.defaultFor(ItemType.valueOf(rs.getString("item_type")))
				: Initiation.valueOf(stored);
	}

	private static ItemSummary summary(ResultSet rs, Map<Long, DepartmentView> deps) throws SQLException {
		DepartmentView dep = deps.get(rs.getLong("department_id"));
		int promisedAmount = rs.getInt("promised_amount");
		TimeLimit promised = rs.wasNull() ? null : new TimeLimit(promisedAmount,
				LimitUnit.valueOf(rs.getString("promised_unit")), rs.getString("promised_legal_basis"));
		return new ItemSummary(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
				ItemType.valueOf(rs.getString("item_type")), ItemStatus.valueOf(rs.getString("status")),
				dep == null ? "" : dep.code(), dep == null ? "" : dep.nameZh(), dep == null ? "" : dep.nameEn(),
				rs.getString("region_code"), ProcessingMode.valueOf(rs.getString("processing_mode")),
				OnlineAvailability.valueOf(rs.getString("online_availability")), rs.getInt("on_site_visits"), promised,
				rs.getInt("delegations"), initiation(rs));
	}

}
