package org.govhall.catalog;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.govhall.directory.GovHallUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The implementation list (实施清单) in and out in GB/T 39046's field names, for system
 * administrators: a province loads its existing list, or hands the catalog to the
 * national platform.
 */
@RestController
@RequestMapping("/api/v1/implementation-list")
@Tag(name = "Catalog", description = "Service items (事项) and their guides (办事指南)")
class ImplementationListApi {

	private final Catalog catalog;

	ImplementationListApi(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	@Operation(summary = "Export every active item in force within the administrator's region (GB/T 39046 JSON)")
	Gbt39046List export(@AuthenticationPrincipal GovHallUser user) {
		return catalog.exportList(user);
	}

	@PostMapping
	@Operation(summary = "Import an implementation list: all entries checked first, all published or none")
	ResponseEntity<Map<String, Integer>> load(@Valid @RequestBody Gbt39046List list,
			@AuthenticationPrincipal GovHallUser user) {
		return ResponseEntity.status(201).body(Map.of("imported", catalog.importList(list, user)));
	}

}
