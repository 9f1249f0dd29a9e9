package org.govhall.catalog;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.govhall.directory.GovHallUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog over REST: public search and guides; drafting, review and publication by
 * role and scope.
 */
@RestController
@RequestMapping("/api/v1/items")
@Tag(name = "Catalog", description = "Service items (事项) and their guides (办事指南)")
class CatalogApi {

	private final Catalog catalog;

	CatalogApi(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	@Operation(summary = "Search published items by text (Chinese or English), department, region, type, life event")
	ItemPage search(@RequestParam(required = false) @Nullable @Size(max = 100) String q,
			@RequestParam(required = false) @Nullable String department,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable ItemType type,
			@RequestParam(required = false) @Nullable LifeEvent lifeEvent,
			@RequestParam(required = false) @Nullable ServiceObject audience,
			@RequestParam(required = false) @Nullable ProcessingMode mode, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return catalog.search(new ItemQuery(q, department, region, type, lifeEvent, audience, mode, page, size));
	}

	@GetMapping("/{code}")
	@Operation(summary = "The current published guide of an item")
	ItemGuide guide(@PathVariable String code) {
		return catalog.guide(code);
	}

	@GetMapping("/{code}/versions")
	@Operation(summary = "The public version history of an item")
	List<VersionSummary> history(@PathVariable String code) {
		return catalog.history(code);
	}

	@GetMapping("/{code}/versions/{versionNo}")
	@Operation(summary = "A published or superseded version of an item's guide")
	ItemGuide version(@PathVariable String code, @PathVariable int versionNo) {
		return catalog.publicVersion(code, versionNo);
	}

	@PostMapping
	@Operation(summary = "Register an item with its first draft (department administrator of the department)")
	ResponseEntity<ItemGuide> create(@Valid @RequestBody NewItem request, @AuthenticationPrincipal GovHallUser user) {
		ItemGuide guide = catalog.createItem(request.code(), request.departmentCode(), request.content(), user);
		return ResponseEntity.created(URI.create("/api/v1/items/" + guide.code() + "/draft")).body(guide);
	}

	@GetMapping("/{code}/draft")
	@Operation(summary = "The version being worked on (draft or in review)")
	ItemGuide draft(@PathVariable String code, @AuthenticationPrincipal GovHallUser user) {
		return catalog.workingVersion(code, user);
	}

	@PutMapping("/{code}/draft")
	@Operation(summary = "Revise the draft")
	ItemGuide revise(@PathVariable String code, @Valid @RequestBody ItemDraft content,
			@AuthenticationPrincipal GovHallUser user) {
		return catalog.reviseDraft(code, content, user);
	}

	@PostMapping("/{code}/drafts")
	@Operation(summary = "Start a new draft from the published version")
	ResponseEntity<ItemGuide> newDraft(@PathVariable String code, @AuthenticationPrincipal GovHallUser user) {
		return ResponseEntity.status(201).body(catalog.newDraft(code, user));
	}

	@PostMapping("/{code}/draft/submit")
	@Operation(summary = "Submit the draft for legal review; refused with every broken publishing rule")
	ItemGuide submit(@PathVariable String code, @AuthenticationPrincipal GovHallUser user) {
		return catalog.submit(code, user);
	}

	@PostMapping("/{code}/draft/approve")
	@Operation(summary = "Approve and publish the version in review (legal reviewer or system administrator)")
	ItemGuide approve(@PathVariable String code, @AuthenticationPrincipal GovHallUser user) {
		return catalog.approve(code, user);
	}

	@PostMapping("/{code}/draft/return")
	@Operation(summary = "Return the version in review to its drafters with a note")
	ItemGuide returnToDraft(@PathVariable String code, @Valid @RequestBody ReviewNote note,
			@AuthenticationPrincipal GovHallUser user) {
		return catalog.returnToDraft(code, note.note(), user);
	}

	@PostMapping("/{code}/end")
	@Operation(summary = "Abolish the item or record that it was delegated away (system administrator)")
	ItemGuide end(@PathVariable String code, @Valid @RequestBody EndItem request,
			@AuthenticationPrincipal GovHallUser user) {
		return catalog.end(code, request.status(), request.on(), request.document(), request.reason(), user);
	}

	/** A new item: its code, its department and the content of its first draft. */
	record NewItem(@NotBlank @Size(max = 36) String code, @NotBlank @Size(max = 32) String departmentCode,
			@NotNull @Valid ItemDraft content) {
	}

	/** Why a version goes back to its drafters. */
	record ReviewNote(@NotBlank @Size(max = 2000) String note) {
	}

	/** How an item ends: abolished or delegated away, from a date, by a document. */
	record EndItem(@NotNull ItemStatus status, @NotNull LocalDate on, @NotBlank @Size(max = 200) String document,
			@Nullable @Size(max = 1000) String reason) {
	}

}
