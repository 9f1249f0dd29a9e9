package org.govhall.catalog;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff form keeps every element of a draft, the GB/T 39046 ones included, through a
 * save.
 */
class ItemFormTests {

	static ItemDraft completeDraft() {
		Material material = new Material("营业执照", "Business licence", 0, 1, MaterialMedium.PAPER,
				MaterialRequirement.MANDATORY, null, "市场监督管理部门", null, null, "复印件加盖公章", null, null, true, "在有效期内",
				"可通过电子证照库调取", "A4 复印件");
		return CatalogFixtures.licensingItem()
			.materials(CatalogFixtures.applicationForm(), material)
			.implementation(new Implementation("XK02001000", "001", BodyNature.AUTHORISED, Initiation.ON_APPLICATION,
					HandlingScope.CROSS_COUNTY, "无", "每户限一份",
					List.of(new LegalBasis("《食品经营许可和备案管理办法》", "第十六条", "应当审查")), "许可证（样本）.pdf",
					"0f8fad5b-d9cb-469f-a165-70867728950e"))
			.handling(new Handling(List.of(3L, 5L), "二楼 B 区", "Floor 2, area B", "每周三延时至 19:00",
					"Wednesdays until 19:00"))
			.onlineService(new OnlineService(OnlineDepth.LEVEL_4, "https://zwfw.example.cn/items/1"))
			.faqs(new Faq("要多久？", "10 个工作日。", "How long?", "Ten working days."))
			.revision(new Revision("材料减少一项", LocalDate.of(2027, 1, 1), LocalDate.of(2031, 12, 31)))
			.build();
	}

	@Test
	void keepsEveryElementThroughTheFormWithItsBlankRows() {
		ItemDraft draft = completeDraft();
		ItemForm form = ItemForm.of(draft).withBlankRows();
		assertThat(form.getFaqs()).hasSize(1 + ItemForm.BLANK_ROWS);
		assertThat(form.getImplementingBases()).hasSize(1 + ItemForm.BLANK_ROWS);
		assertThat(form.withoutBlankRows().toDraft()).isEqualTo(draft);
	}

	@Test
	void anEmptyInitiationOnTheFormTakesTheItemTypesDefault() {
		ItemForm form = ItemForm.of(CatalogFixtures.licensingItem().build());
		form.setInitiation(null);
		form.setItemType(ItemType.ADMINISTRATIVE_INSPECTION);
		assertThat(form.toDraft().initiation()).isEqualTo(Initiation.EX_OFFICIO);
		form.setItemType(ItemType.ADMINISTRATIVE_LICENSE);
		assertThat(form.toDraft().initiation()).isEqualTo(Initiation.ON_APPLICATION);
	}

	@Test
	void aDraftSavedWithTheDefaultInitiationFollowsALaterChangeOfType() {
		ItemForm form = ItemForm.of(CatalogFixtures.licensingItem().build());
		assertThat(form.getInitiation()).as("the default shows as 'by item type'").isNull();
		form.setItemType(ItemType.ADMINISTRATIVE_COERCION);
		assertThat(form.toDraft().initiation()).isEqualTo(Initiation.EX_OFFICIO);

		ItemForm exOfficioLevy = ItemForm.of(CatalogFixtures.licensingItem()
			.itemType(ItemType.ADMINISTRATIVE_LEVY)
			.initiation(Initiation.EX_OFFICIO)
			.build());
		assertThat(exOfficioLevy.getInitiation()).as("a choice other than the default stays")
			.isEqualTo(Initiation.EX_OFFICIO);
	}

	@Test
	void oldJsonWithoutTheNewElementsGetsTheirDefaults() {
		ItemDraft old = new ItemDraft("某事项", null, null, null, ItemType.ADMINISTRATIVE_COERCION, ServiceObject.BOTH,
				null, java.util.Set.of(ExerciseLevel.CITY), ProcessingMode.PROMISED, null, null, 1,
				OnlineAvailability.OFFLINE, null, null, null, null, true, null, null, null, null, null, null, null,
				null, null, null, null);
		assertThat(old.initiation()).isEqualTo(Initiation.EX_OFFICIO);
		assertThat(old.implementation().bodyNature()).isEqualTo(BodyNature.STATUTORY);
		assertThat(old.handling().windowIds()).isEmpty();
		assertThat(old.faqs()).isEmpty();
		assertThat(old.revision()).isEqualTo(Revision.NONE);
	}

}
