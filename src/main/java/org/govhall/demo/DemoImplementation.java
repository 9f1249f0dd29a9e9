package org.govhall.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.govhall.catalog.Faq;
import org.govhall.catalog.Handling;
import org.govhall.catalog.HandlingScope;
import org.govhall.catalog.Implementation;
import org.govhall.catalog.ItemDraft;
import org.govhall.catalog.ItemType;
import org.govhall.catalog.LegalBasis;
import org.govhall.catalog.Material;
import org.govhall.catalog.OnlineDepth;
import org.govhall.catalog.OnlineService;
import org.jspecify.annotations.Nullable;

/**
 * The GB/T 39046 elements the demo adds to the drafts of {@code demo/items.json}: a basic
 * code in the format of DB52/T 1264-2018 (two-letter type, five-digit main item,
 * three-digit sub-item, e.g. {@code XK02001000}) taken from the demo item code
 * {@code 660100-XK-02001}; the windows of the department's region that receive its items;
 * the online depth that matches the item's online handling; and, for a few items, the
 * handling scope, intermediary services, quantity limits, implementing bases, notes on
 * place and time, FAQ and material details of {@code demo/items-gbt39046.json}.
 */
final class DemoImplementation {

	/** What {@code demo/items-gbt39046.json} adds to one item. */
	record Extra(@Nullable HandlingScope handlingScope, @Nullable String intermediaryServices,
			@Nullable String quantityLimit, @Nullable List<LegalBasis> implementingBases, @Nullable String placeNoteZh,
			@Nullable String timeNoteZh, @Nullable List<Faq> faqs, @Nullable Map<String, MaterialExtra> materials) {
	}

	/** 出具时间要求, 材料办理地点 and 材料规格 of a material, by its Chinese name. */
	record MaterialExtra(@Nullable String issuedWithin, @Nullable String handlingPlace,
			@Nullable String specification) {
	}

	private DemoImplementation() {
	}

	/** {@code 660100-XK-02001} → {@code XK02001000}; null for a code of another shape. */
	static @Nullable String basicCode(String itemCode) {
		String[] parts = itemCode.split("-");
		return parts.length == 3 && parts[1].matches("[A-Z]{2}") && parts[2].matches("\\d{5}")
				? parts[1] + parts[2] + "000" : null;
	}

	static ItemDraft enrich(String itemCode, ItemDraft d, List<Long> windowIds, @Nullable Extra extra) {
		Implementation base = d.implementation();
		Extra x = extra == null ? new Extra(null, null, null, null, null, null, null, null) : extra;
		Implementation impl = new Implementation(basicCode(itemCode), base.itemSuffix(), base.bodyNature(),
				base.initiation(), x.handlingScope(), x.intermediaryServices(), x.quantityLimit(),
				x.implementingBases(), base.resultSampleName(), base.resultSampleFileId());
		OnlineDepth depth = switch (d.onlineAvailability()) {
			case FULLY_ONLINE -> OnlineDepth.LEVEL_4;
			case PARTLY_ONLINE -> OnlineDepth.LEVEL_3;
			case OFFLINE -> OnlineDepth.LEVEL_1;
		};
		List<Material> materials = new ArrayList<>();
		for (Material m : d.materials()) {
			MaterialExtra mx = x.materials() == null ? null : x.materials().get(m.nameZh());
			materials.add(mx == null ? m
					: new Material(m.nameZh(), m.nameEn(), m.originals(), m.copies(), m.medium(), m.requirement(),
							m.conditionText(), m.source(), m.templateName(), m.sampleName(), m.note(),
							m.templateFileId(), m.sampleFileId(), m.obtainedBySharing(), mx.issuedWithin(),
							mx.handlingPlace(), mx.specification()));
		}
		return d.withMaterials(materials)
			.withImplementation(impl, new Handling(windowIds, x.placeNoteZh(), null, x.timeNoteZh(), null),
					new OnlineService(depth, null), x.faqs() == null ? List.of() : x.faqs());
	}

	/**
	 * Whether the demo gives the item a result sample: every licence does (许可证
	 * specimens).
	 */
	static boolean hasResultSample(ItemDraft d) {
		return d.itemType() == ItemType.ADMINISTRATIVE_LICENSE && d.resultNameZh() != null;
	}

}
