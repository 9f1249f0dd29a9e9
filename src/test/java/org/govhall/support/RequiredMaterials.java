package org.govhall.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govhall.catalog.Catalog;
import org.govhall.catalog.Material;
import tools.jackson.databind.JsonNode;

/**
 * The materials an online or agent application of an item must hand in (mandatory, not
 * obtained by the hall through data sharing), read from the published guide as a
 * citizen's browser would, so that tests apply as completely as the law requires (issue
 * 10, item 3).
 */
public final class RequiredMaterials {

	private RequiredMaterials() {
	}

	/**
	 * The names (Chinese, the key submissions use) from {@code GET /api/v1/items/{code}}.
	 */
	public static List<String> of(ApiClient api, String itemCode) {
		ApiClient.Response r = api.get("/api/v1/items/" + itemCode, null);
		if (r.status() != 200) {
			throw new IllegalStateException("no guide for " + itemCode + ": " + r.status() + " " + r.body());
		}
		List<String> names = new ArrayList<>();
		for (JsonNode m : r.json().get("content").get("materials")) {
			if ("MANDATORY".equals(m.get("requirement").asString()) && !m.path("obtainedBySharing").asBoolean(false)) {
				names.add(m.get("nameZh").asString());
			}
		}
		return names;
	}

	/** The same from the catalog's façade, for tests without a server. */
	public static List<String> of(Catalog catalog, String itemCode) {
		return catalog.findGuide(itemCode)
			.orElseThrow(() -> new IllegalStateException("no guide for " + itemCode))
			.content()
			.materials()
			.stream()
			.filter(Material::mustBeHandedIn)
			.map(Material::nameZh)
			.toList();
	}

	/**
	 * Uploads one PDF per material ({@code named} and every required one) to
	 * {@code uploadTo} and submits the application to {@code submitTo} as {@code user};
	 * returns the API's answer to the submission.
	 */
	public static ApiClient.Response submit(ApiClient uploadTo, ApiClient submitTo, String user, String itemCode,
			byte[] pdf, String... named) {
		return submitTo.post("/api/v1/cases", user,
				Map.of("itemCode", itemCode, "materials", upload(uploadTo, user, itemCode, pdf, named)));
	}

	/**
	 * One uploaded PDF per material ({@code named} and every required one), as the
	 * {@code materials} of a body.
	 */
	public static List<Map<String, String>> upload(ApiClient api, String user, String itemCode, byte[] pdf,
			String... named) {
		List<Map<String, String>> files = new ArrayList<>();
		for (String material : completing(of(api, itemCode), named)) {
			ApiClient.Response file = api.upload("/api/v1/cases/files", user, "材料.pdf", pdf);
			if (file.status() != 201) {
				throw new IllegalStateException("upload refused: " + file.status() + " " + file.body());
			}
			files.add(Map.of("material", material, "fileId", file.json().get("fileId").asString()));
		}
		return files;
	}

	/** {@code named} followed by every required material it lacks. */
	public static List<String> completing(List<String> required, String... named) {
		Set<String> all = new LinkedHashSet<>(List.of(named));
		all.addAll(required);
		return List.copyOf(all);
	}

}
