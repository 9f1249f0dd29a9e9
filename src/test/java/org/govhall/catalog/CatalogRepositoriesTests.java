package org.govhall.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.govhall.support.DatabaseRefusals;
import org.govhall.system.RepositoryTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalog's repositories on H2 (PostgreSQL mode) migrated by Flyway: a version's
 * whole content (legal bases, materials, fees, steps, delegations, levels, life events,
 * FAQs, handling places) reads back equal to the draft it was made from, a revision
 * replaces its child rows, the derived queries find and order what they name, a stale
 * item or version is refused by its {@code @Version} (the 409 of two reviewers approving
 * at once), and the unique rules hold.
 */
@RepositoryTest
class CatalogRepositoriesTests {

	static final Instant NOW = Instant.parse("2026-09-30T02:00:00Z");

	@Autowired
	ServiceItems items;

	@Autowired
	ItemVersions versions;

	@Autowired
	JdbcClient jdbc;

	ServiceItem item;

	@BeforeEach
	void item() {
		item = items.save(ServiceItem.register("660100-SCJG-XK-001", 3L, "660100", NOW));
	}

	static ItemDraft everything() {
		return CatalogFixtures.licensingItem()
			.delegatedTo(CatalogFixtures.DONGHU_COUNTY)
			.aliases("食品许可, 餐饮许可")
			.keywordsEn("food, restaurant")
			.faqs(new Faq("需要现场核查吗？", "需要。", "Is there an inspection?", "Yes."), new Faq("可以网上办理吗？", "可以。", null, null))
			.handling(new Handling(List.of(7L, 9L), "一楼 A 区", "Hall A, ground floor", "工作日", "Working days"))
			.build();
	}

	@Test
	void aVersionsWholeContentReadsBackEqualToItsDraft() {
		List<ItemDraft> drafts = List.of(CatalogFixtures.licensingItemWith20WorkingDayLimit(),
				CatalogFixtures.licensingItemDelegatedToDonghu(), CatalogFixtures.instantPublicService(), everything());
		for (int i = 0; i < drafts.size(); i++) {
			ItemDraft draft = drafts.get(i);
			ServiceItem other = items.save(ServiceItem.register("660100-SCJG-RT-" + i, 3L, "660100", NOW));
			ItemVersion saved = versions.save(ItemVersion.draft(other.id(), 1, draft, "deptadmin", NOW));
			ItemVersion found = versions.findById(saved.id()).orElseThrow();
			assertThat(found.content()).as(draft.nameZh()).isEqualTo(draft);
			assertThat(found.state()).isEqualTo(VersionState.DRAFT);
			assertThat(found.createdBy()).isEqualTo("deptadmin");
			assertThat(found.createdAt()).isEqualTo(NOW);
		}
	}

	@Test
	void aRevisionReplacesTheChildRowsOfTheVersion() {
		ItemVersion v = versions.save(ItemVersion.draft(item.id(), 1, everything(), "deptadmin", NOW));
		assertThat(rows("catalog_material", v.id())).isEqualTo(everything().materials().size()).isGreaterThan(1);
		ItemDraft fewer = CatalogFixtures.editing(everything())
			.materials(CatalogFixtures.applicationForm())
			.faqs()
			.build();
		ItemVersion editing = versions.findById(v.id()).orElseThrow();
		editing.revise(fewer);
		versions.save(editing);
		assertThat(rows("catalog_material", v.id())).isEqualTo(1);
		assertThat(versions.findById(v.id()).orElseThrow().content()).isEqualTo(fewer);
	}

	@Test
	void versionsAreFoundByNumberAndListedNewestFirst() {
		ItemVersion first = versions.save(ItemVersion.draft(item.id(), 1, everything(), "deptadmin", NOW));
		versions.save(ItemVersion.draft(item.id(), 3, everything(), "deptadmin", NOW));
		versions.save(ItemVersion.draft(item.id(), 2, everything(), "deptadmin", NOW));
		assertThat(versions.findByItemIdAndVersionNo(item.id(), 1)).map(ItemVersion::id).contains(first.id());
		assertThat(versions.findByItemIdAndVersionNo(item.id(), 4)).isEmpty();
		assertThat(versions.findByItemIdOrderByVersionNoDesc(item.id())).extracting(ItemVersion::versionNo)
			.containsExactly(3, 2, 1);
		assertThatThrownBy(() -> versions.save(ItemVersion.draft(item.id(), 2, everything(), "other", NOW)))
			.satisfies(DatabaseRefusals::integrityRule);
	}

	@Test
	void theSecondOfTwoApprovalsOfOneVersionIsRefusedByItsVersion() {
		ItemVersion draft = versions.save(ItemVersion.draft(item.id(), 1, everything(), "deptadmin", NOW));
		draft.submit("deptadmin", NOW.plusSeconds(60));
		versions.save(draft);
		ItemVersion mine = versions.findById(draft.id()).orElseThrow();
		ItemVersion theirs = versions.findById(draft.id()).orElseThrow();
		assertThat(mine.state()).isEqualTo(VersionState.IN_REVIEW);
		assertThat(mine.submittedBy()).isEqualTo("deptadmin");
		assertThat(mine.submittedAt()).isEqualTo(NOW.plusSeconds(60));

		mine.publish("legal", NOW.plusSeconds(120));
		versions.save(mine);
		theirs.returnToDraft("请补充法律依据");
		assertThatThrownBy(() -> versions.save(theirs)).satisfies(DatabaseRefusals::concurrentChange);
		ItemVersion published = versions.findById(draft.id()).orElseThrow();
		assertThat(published.state()).isEqualTo(VersionState.PUBLISHED);
		assertThat(published.publishedBy()).isEqualTo("legal");
		assertThat(published.publishedAt()).isEqualTo(NOW.plusSeconds(120));
		assertThat(published.reviewNote()).isNull();
	}

	@Test
	void anItemKeepsItsLifecycleAndIsFoundByCodeAndDepartment() {
		ServiceItem found = items.findByCode("660100-SCJG-XK-001").orElseThrow();
		assertThat(found.id()).isEqualTo(item.id());
		assertThat(found.status()).isEqualTo(ItemStatus.ACTIVE);
		assertThat(found.publishedVersion()).isNull();
		found.published(1);
		found.end(ItemStatus.DELEGATED_AWAY, LocalDate.of(2026, 12, 1), "示政发〔2026〕9号", "下放至县级");
		items.save(found);
		ServiceItem ended = items.findByCode("660100-SCJG-XK-001").orElseThrow();
		assertThat(ended.status()).isEqualTo(ItemStatus.DELEGATED_AWAY);
		assertThat(ended.publishedVersion()).isEqualTo(1);
		assertThat(ended.endedOn()).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(ended.endDocument()).isEqualTo("示政发〔2026〕9号");
		assertThat(ended.endReason()).isEqualTo("下放至县级");

		assertThat(items.existsByCode("660100-SCJG-XK-001")).isTrue();
		assertThat(items.existsByCode("660100-SCJG-XK-002")).isFalse();
		items.save(ServiceItem.register("660100-GAJ-XK-001", 4L, "660100", NOW));
		assertThat(items.findByDepartmentId(3L)).extracting(ServiceItem::code).containsExactly("660100-SCJG-XK-001");
		assertThat(items.findByDepartmentId(4L)).extracting(ServiceItem::code).containsExactly("660100-GAJ-XK-001");
	}

	@Test
	void aStaleItemIsRefusedAndACodeIsTakenOnce() {
		ServiceItem mine = items.findById(item.id()).orElseThrow();
		ServiceItem theirs = items.findById(item.id()).orElseThrow();
		mine.published(1);
		items.save(mine);
		theirs.upcoming(2);
		assertThatThrownBy(() -> items.save(theirs)).satisfies(DatabaseRefusals::concurrentChange);
		assertThat(items.findById(item.id()).orElseThrow().upcomingVersion()).isNull();
		assertThatThrownBy(() -> items.save(ServiceItem.register("660100-SCJG-XK-001", 4L, "660100", NOW)))
			.satisfies(DatabaseRefusals::integrityRule);
	}

	int rows(String table, Long versionId) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE item_version_id = :id")
			.param("id", versionId)
			.query(Integer.class)
			.single();
	}

}
