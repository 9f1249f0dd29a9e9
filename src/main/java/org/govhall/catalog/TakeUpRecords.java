package org.govhall.catalog;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalog's reads and writes about how counties take delegated powers on: the
 * published, active item a delegation names as counterpart, the delegation that names a
 * county item, and the marks 尚未承接 ({@code catalog_delegation_pending}).
 */
@Repository
class TakeUpRecords {

	private final JdbcClient jdbc;

	private final GuideCache guides;

	TakeUpRecords(JdbcClient jdbc, GuideCache guides) {
		this.jdbc = jdbc;
		this.guides = guides;
	}

	/** A published, active item by code: its department and names. */
	Optional<PublishedItem> published(String code) {
		return jdbc
			.sql("SELECT i.code, i.department_id, i.region_code, v.name_zh, v.name_en " + CatalogSearch.FROM
					+ " AND i.code = :code")
			.param("code", code)
			.query((rs, n) -> new PublishedItem(rs.getString("code"), rs.getLong("department_id"),
					rs.getString("region_code"), rs.getString("name_zh"), rs.getString("name_en")))
			.optional();
	}

	/**
	 * The published, active items whose published version names the given item as a
	 * county's counterpart, with the index of that delegation, oldest item first.
	 */
	List<Naming> namingCounterpart(String countyItemCode) {
		return jdbc.sql("""
				SELECT i.code, d.idx
				FROM catalog_service_item i
				JOIN catalog_item_version v ON v.item_id = i.id AND v.version_no = i.published_version
				JOIN catalog_delegation d ON d.item_version_id = v.id
				WHERE i.status = 'ACTIVE' AND d.counterpart_item_code = :code
				ORDER BY i.id, d.idx
				""")
			.param("code", countyItemCode)
			.query((rs, n) -> new Naming(rs.getString("code"), rs.getInt("idx")))
			.list();
	}

	List<NotTakenOn> pending(String itemCode) {
		return jdbc.sql("""
				SELECT item_code, county_code, reason, target_on, marked_by, marked_at
				FROM catalog_delegation_pending WHERE item_code = :item ORDER BY county_code
				""")
			.param("item", itemCode)
			.query((rs, n) -> new NotTakenOn(rs.getString("item_code"), rs.getString("county_code"),
					rs.getString("reason"), rs.getObject("target_on", LocalDate.class), rs.getString("marked_by"),
					rs.getTimestamp("marked_at").toInstant()))
			.list();
	}

	void savePending(NotTakenOn mark) {
		guides.forget(mark.itemCode());
		jdbc.sql("DELETE FROM catalog_delegation_pending WHERE item_code = :item AND county_code = :county")
			.param("item", mark.itemCode())
			.param("county", mark.countyCode())
			.update();
		jdbc.sql("""
				INSERT INTO catalog_delegation_pending (item_code, county_code, reason, target_on, marked_by, marked_at)
				VALUES (:item, :county, :reason, :target, :by, :at)
				""")
			.param("item", mark.itemCode())
			.param("county", mark.countyCode())
			.param("reason", mark.reason())
			.param("target", mark.targetOn())
			.param("by", mark.markedBy())
			.param("at", Timestamp.from(mark.markedAt()))
			.update();
	}

	int deletePending(String itemCode, String countyCode) {
		guides.forget(itemCode);
		return jdbc.sql("DELETE FROM catalog_delegation_pending WHERE item_code = :item AND county_code = :county")
			.param("item", itemCode)
			.param("county", countyCode)
			.update();
	}

	record PublishedItem(String code, long departmentId, String regionCode, String nameZh, @Nullable String nameEn) {
	}

	record Naming(String itemCode, int index) {
	}

}
