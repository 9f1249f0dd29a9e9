package org.govhall.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.govhall.directory.DepartmentView;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.RegionLevel;
import org.govhall.directory.RegionView;
import org.govhall.directory.Role;
import org.govhall.directory.StaffScope;
import org.govhall.shared.AuditEvent;
import org.govhall.shared.ConflictException;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.GovHallException.FieldViolation;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.RuleViolationException;
import org.govhall.storage.Storage;
import org.govhall.storage.StoredFile;
import org.jspecify.annotations.Nullable;
import jakarta.validation.Validator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's API: drafting, review and publication of items by role and scope, and the
 * public reads of published guides and their history.
 */
@Service
@Transactional(readOnly = true)
public class Catalog {

	private static final Pattern REGION_PREFIX = Pattern.compile("(\\d{6})(?:-|$)");

	private final ServiceItems items;

	private final ItemVersions versions;

	private final CatalogSearch search;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Storage storage;

	private final JdbcClient jdbc;

	private final Validator validator;

	private final TakeUpRecords takeUp;

	private final GuideCache guides;

	Catalog(ServiceItems items, ItemVersions versions, CatalogSearch search, Directory directory,
			ApplicationEventPublisher events, Clock clock, Storage storage, JdbcClient jdbc, Validator validator,
			TakeUpRecords takeUp, GuideCache guides) {
		this.guides = guides;
		this.validator = validator;
		this.takeUp = takeUp;
		this.storage = storage;
		this.jdbc = jdbc;
		this.items = items;
		this.versions = versions;
		this.search = search;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
	}

	// ---- public reads

	public ItemPage search(ItemQuery query) {
		return search.search(query, query.regionCode() == null ? null : directory.regionAndBelow(query.regionCode()));
	}

	/**
	 * The current published guide of an item, also after it was abolished or delegated
	 * away.
	 */
	public ItemGuide guide(String code) {
		return findGuide(code).orElseThrow(() -> new NotFoundException("error.item.notFound", code));
	}

	/**
	 * The guide in force today, as cases are filed under it: the latest published version
	 * whose effective date has come. A version approved for a later date is only
	 * announced ({@link ItemGuide#upcoming()}).
	 */
	public Optional<ItemGuide> findGuide(String code) {
		return guides.inForce(code,
				() -> items.findByCode(code)
					.filter(i -> inForce(i) != null)
					.map(i -> guide(i, requireVersion(i, inForce(i))).forPublic()));
	}

	/** A published or superseded version; drafts are not public. */
	public ItemGuide publicVersion(String code, int versionNo) {
		ServiceItem item = requireItem(code);
		ItemVersion v = versions.findByItemIdAndVersionNo(item.id(), versionNo)
			.filter(x -> x.state().isPublic())
			.orElseThrow(() -> new NotFoundException("error.version.notFound", code, versionNo));
		return guide(item, v).forPublic();
	}

	/** The public version history: every version ever published, newest first. */
	public List<VersionSummary> history(String code) {
		ServiceItem item = requireItem(code);
		List<VersionSummary> list = versions.findByItemIdOrderByVersionNoDesc(item.id())
			.stream()
			.filter(v -> v.state().isPublic())
			.map(v -> new VersionSummary(v.versionNo(), v.state(), v.publishedAt(), v.content().nameZh(), v.revision()))
			.toList();
		if (list.isEmpty()) {
			throw new NotFoundException("error.item.notFound", code);
		}
		return list;
	}

	/**
	 * Counts of published items per item type and per life event, for the portal's browse
	 * panels.
	 */
	public Map<String, Long> countsByType() {
		return search.countsByType();
	}

	public Map<String, Long> countsByLifeEvent() {
		return search.countsByLifeEvent();
	}

	public Map<String, Long> countsByDepartment() {
		return search.countsByDepartment();
	}

	// ---- staff work

	/**
	 * Items the actor may work on, with their working version, for the staff work list.
	 */
	public List<StaffItemRow> workList(GovHallUser actor) {
		if (!actor.scope().hasAny(Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN, Role.LEGAL_REVIEWER)) {
			throw new ForbiddenException("error.forbidden.role");
		}
		String region = actor.scope().regionCode();
		if (region == null) {
			return List.of();
		}
		return search.workList(directory.regionAndBelow(region), actor.scope().departmentId());
	}

	/**
	 * Whether the account drafts items anywhere: a department administrator of a
	 * department, or a system administrator.
	 */
	public boolean drafts(GovHallUser actor) {
		StaffScope scope = actor.scope();
		return scope.regionCode() != null
				&& (scope.has(Role.SYSTEM_ADMIN) || (scope.has(Role.DEPARTMENT_ADMIN) && scope.departmentId() != null));
	}

	/**
	 * Refuses (403) an account that may not draft the item: it is neither its
	 * department's nor its region's administrator.
	 */
	public void requireDrafterOf(String code, GovHallUser actor) {
		ServiceItem item = requireItem(code);
		requireDrafter(actor, item.regionCode(), item.departmentId());
	}

	/** The version being worked on (draft or in review), for staff who may see it. */
	public ItemGuide workingVersion(String code, GovHallUser actor) {
		ServiceItem item = requireItem(code);
		requireSees(actor, item);
		return guide(item, requireWorking(item));
	}

	@Transactional
	public ItemGuide createItem(String code, String departmentCode, ItemDraft draft, GovHallUser actor) {
		if (code == null || !code.matches("[A-Za-z0-9-]{1,36}")) {
			throw new InvalidInputException("invalid-item-code", "error.item.code", "code");
		}
		DepartmentView dep = directory.requireDepartment(departmentCode);
		requireDrafter(actor, dep.regionCode(), dep.id());
		if (!withinRegion(code, dep.regionCode())) {
			throw new RuleViolationException("item-code-region", "error.item.codeRegion", code, dep.regionCode());
		}
		if (items.existsByCode(code)) {
			throw new ConflictException("duplicate", "error.item.exists", code);
		}
		List<FieldViolation> refused = new ArrayList<>(PublishingRules.referencesOf(draft, context(dep)));
		refused.addAll(foreignFiles(code, draft, "", false));
		refuseIfAny(refused, "draft-refused", "error.draft.refused");
		ServiceItem item = items.save(ServiceItem.register(code, dep.id(), dep.regionCode(), clock.instant()));
		ItemVersion v = versions.save(ItemVersion.draft(item.id(), 1, draft, actor.getUsername(), clock.instant()));
		drafted(v, actor);
		return guide(item, v);
	}

	/**
	 * A code that begins with a region code (six digits, then a hyphen or nothing)
	 * belongs to that region: only its departments' items take it, so that nobody squats
	 * another region's codes (660200-XK-… is 660200's). A code without a region prefix
	 * names no region.
	 */
	static boolean withinRegion(String code, String regionCode) {
		Matcher m = REGION_PREFIX.matcher(code);
		return !m.lookingAt() || m.group(1).equals(regionCode);
	}

	@Transactional
	public ItemGuide reviseDraft(String code, ItemDraft draft, GovHallUser actor) {
		ServiceItem item = requireItem(code);
		item.requireActive();
		requireDrafter(actor, item.regionCode(), item.departmentId());
		ItemVersion v = requireWorking(item);
		List<FieldViolation> refused = new ArrayList<>(PublishingRules.referencesOf(draft, context(item)));
		refused.addAll(foreignFiles(code, draft, "", false));
		refuseIfAny(refused, "draft-refused", "error.draft.refused");
		v.revise(draft);
		drafted(v, actor);
		return guide(item, versions.save(v));
	}

	/**
	 * Starts a new draft from the published version; a published version itself never
	 * changes.
	 */
	@Transactional
	public ItemGuide newDraft(String code, GovHallUser actor) {
		ServiceItem item = requireItem(code);
		item.requireActive();
		requireDrafter(actor, item.regionCode(), item.departmentId());
		List<ItemVersion> all = versions.findByItemIdOrderByVersionNoDesc(item.id());
		ItemVersion latest = all.get(0);
		if (!latest.state().isPublic()) {
			throw new ConflictException("draft-exists", "error.draft.exists", code, latest.versionNo());
		}
		ItemVersion draft = ItemVersion.draft(item.id(), latest.versionNo() + 1,
				latest.content().withRevision(Revision.NONE), actor.getUsername(), clock.instant());
		ItemVersion saved = versions.save(draft);
		drafted(saved, actor);
		return guide(item, saved);
	}

	@Transactional
	public ItemGuide submit(String code, GovHallUser actor) {
		ServiceItem item = requireItem(code);
		item.requireActive();
		requireDrafter(actor, item.regionCode(), item.departmentId());
		ItemVersion v = requireWorking(item);
		refuseIfAny(PublishingRules.check(v.content(), context(item)), "publish-refused", "error.publish.refused");
		v.submit(actor.getUsername(), clock.instant());
		drafted(v, actor);
		audit(actor, "catalog.submitted", code, "version=" + v.versionNo());
		return guide(item, versions.save(v));
	}

	@Transactional
	public ItemGuide returnToDraft(String code, String note, GovHallUser actor) {
		ServiceItem item = requireItem(code);
		requireReviewer(actor, item);
		if (note == null || note.isBlank()) {
			throw new InvalidInputException("note-required", "error.review.noteRequired", "note");
		}
		ItemVersion v = requireWorking(item);
		requireNotDrafter(v, actor);
		v.returnToDraft(note.strip());
		audit(actor, "catalog.returned", code, "version=" + v.versionNo() + "; note=" + note.strip());
		return guide(item, versions.save(v));
	}

	/**
	 * Approves the version in review and publishes it; the previously published version
	 * is superseded.
	 */
	@Transactional
	public ItemGuide approve(String code, GovHallUser actor) {
		ServiceItem item = requireItem(code);
		item.requireActive();
		requireReviewer(actor, item);
		ItemVersion v = requireWorking(item);
		requireNotDrafter(v, actor);
		refuseIfAny(PublishingRules.check(v.content(), context(item)), "publish-refused", "error.publish.refused");
		Integer previous = item.publishedVersion();
		v.publish(actor.getUsername(), clock.instant());
		versions.save(v);
		LocalDate effective = v.revision().effectiveOn();
		audit(actor, "catalog.published", code,
				"version=" + v.versionNo() + "; department="
						+ directory.department(item.departmentId()).orElseThrow().code()
						+ (previous == null ? "" : "; supersedes=" + previous)
						+ (effective == null ? "" : "; effective=" + effective));
		supersedeUpcoming(item);
		if (v.revision().upcomingOn(today())) {
			item.upcoming(v.versionNo());
			saveItem(item);
		}
		else {
			putInForce(item, v);
		}
		return guide(item, v);
	}

	/**
	 * Puts into force every approved version whose effective date has come (hourly, see
	 * {@code CatalogJobs}; reads already treat a due version as in force before this has
	 * run). Returns how many items changed version.
	 */
	@Transactional
	public int takeEffect() {
		int changed = 0;
		for (String code : jdbc.sql("SELECT code FROM catalog_service_item WHERE upcoming_version IS NOT NULL")
			.query(String.class)
			.list()) {
			ServiceItem item = requireItem(code);
			ItemVersion v = requireVersion(item, item.upcomingVersion());
			if (item.status() == ItemStatus.ACTIVE && !v.revision().upcomingOn(today())) {
				putInForce(item, v);
				changed++;
			}
		}
		return changed;
	}

	/**
	 * The published version becomes the one in force; the one before is superseded;
	 * {@link ItemPublished} tells.
	 */
	private void putInForce(ServiceItem item, ItemVersion v) {
		Integer previous = item.publishedVersion();
		if (previous != null) {
			ItemVersion old = requireVersion(item, previous);
			old.supersede();
			versions.save(old);
		}
		item.published(v.versionNo());
		saveItem(item);
		DepartmentView dep = directory.department(item.departmentId()).orElseThrow();
		events.publishEvent(new ItemPublished(item.code(), v.versionNo(), dep.code(), item.regionCode()));
	}

	/**
	 * A version approved for a later date that a newer approval replaces never takes
	 * effect.
	 */
	private void supersedeUpcoming(ServiceItem item) {
		Integer waiting = item.upcomingVersion();
		if (waiting != null) {
			ItemVersion old = requireVersion(item, waiting);
			old.supersede();
			versions.save(old);
		}
	}

	/**
	 * The version in force today: a due upcoming version, else the published one; null if
	 * none is.
	 */
	private @Nullable Integer inForce(ServiceItem item) {
		Integer waiting = item.upcomingVersion();
		if (waiting != null && !requireVersion(item, waiting).revision().upcomingOn(today())) {
			return waiting;
		}
		return item.publishedVersion();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * Abolishes the item, or records that it was delegated away entirely, as of a date
	 * and by a document.
	 */
	@Transactional
	public ItemGuide end(String code, ItemStatus status, LocalDate on, String document, @Nullable String reason,
			GovHallUser actor) {
		ServiceItem item = requireItem(code);
		if (!actor.scope().has(Role.SYSTEM_ADMIN) || !directory.covers(actor.scope(), item.regionCode(), null)) {
			throw new ForbiddenException("error.forbidden.scope");
		}
		if (status == ItemStatus.ACTIVE) {
			throw new InvalidInputException("invalid-status", "error.item.endStatus", "status");
		}
		if (document == null || document.isBlank()) {
			throw new InvalidInputException("document-required", "error.item.endDocument", "document");
		}
		if (inForce(item) == null) {
			throw new RuleViolationException("never-published", "error.item.neverPublished", code);
		}
		item.end(status, on, document.strip(), reason);
		saveItem(item);
		events.publishEvent(new ItemEnded(code, status, on, document.strip()));
		audit(actor, "catalog.ended", code, "status=" + status + "; on=" + on + "; document=" + document.strip());
		return guide(item, requireVersion(item, inForce(item)));
	}

	/**
	 * Records a review or publication step in the audit log (ADR 0010), in this
	 * transaction.
	 */
	private void audit(GovHallUser actor, String action, String code, String detail) {
		events.publishEvent(new AuditEvent(actor.getUsername(), AuditEvent.roles(actor.scope().roles()), action, code,
				detail, clock.instant()));
	}

	/**
	 * Attaches a blank template (空表) or a filled-in sample (样表) to a material of the
	 * draft. The file is checked and stored first; the draft then names it.
	 */
	@Transactional
	public ItemGuide attachMaterialFile(String code, int materialIndex, boolean template, String fileName,
			byte[] content, GovHallUser actor) {
		ServiceItem item = requireItem(code);
		ItemVersion v = requireDraftOf(item, actor);
		ItemDraft draft = v.content();
		if (materialIndex < 0 || materialIndex >= draft.materials().size()) {
			throw new InvalidInputException("invalid-material", "error.material.index", "material", materialIndex);
		}
		StoredFile file = storage.store(fileName, content);
		recordFile(code, file, actor);
		drafted(v, actor);
		List<Material> materials = new ArrayList<>(draft.materials());
		materials.set(materialIndex, materials.get(materialIndex).withFile(template, file.id(), file.name()));
		v.revise(draft.withMaterials(materials));
		return guide(item, versions.save(v));
	}

	/**
	 * Attaches the result sample (结果样本, GB/T 39046 Table 4: a specimen of the licence or
	 * certificate the item issues) to the draft. Only the item's drafters may; the file
	 * is checked by type and size like every upload.
	 */
	@Transactional
	public ItemGuide attachResultSample(String code, String fileName, byte[] content, GovHallUser actor) {
		ServiceItem item = requireItem(code);
		ItemVersion v = requireDraftOf(item, actor);
		ItemDraft draft = v.content();
		StoredFile file = storage.store(fileName, content);
		recordFile(code, file, actor);
		drafted(v, actor);
		v.revise(draft.withImplementation(draft.implementation().withResultSample(file.id(), file.name()),
				draft.handling(), draft.online(), draft.faqs()));
		return guide(item, versions.save(v));
	}

	/**
	 * Records the actor as a drafter of the version (issue 12): whoever created, saved,
	 * attached a file to or submitted its draft may not review or publish it. Recorded
	 * once per version and login.
	 */
	private void drafted(ItemVersion v, GovHallUser actor) {
		if (!drafters(v).contains(actor.getUsername())) {
			jdbc.sql("INSERT INTO catalog_version_drafter (item_version_id, username) VALUES (:version, :by)")
				.param("version", v.id())
				.param("by", actor.getUsername())
				.update();
		}
	}

	/** The logins that drafted the version, in the order of their names. */
	List<String> drafters(ItemVersion v) {
		return jdbc
			.sql("SELECT username FROM catalog_version_drafter WHERE item_version_id = :version ORDER BY username")
			.param("version", v.id())
			.query(String.class)
			.list();
	}

	/**
	 * Refuses (403) a reviewer who drafted the version: drafting is separated from review
	 * and publication.
	 */
	private void requireNotDrafter(ItemVersion v, GovHallUser actor) {
		if (actor.getUsername().equals(v.submittedBy()) || drafters(v).contains(actor.getUsername())) {
			throw new ForbiddenException("error.review.fourEyes");
		}
	}

	/**
	 * Records a file uploaded to the item's draft as the catalog's own, the only kind a
	 * draft may name.
	 */
	private void recordFile(String itemCode, StoredFile file, GovHallUser actor) {
		jdbc.sql("""
				INSERT INTO catalog_file (file_id, item_code, uploaded_by, uploaded_at)
				VALUES (:file, :item, :by, :at)
				""")
			.param("file", file.id())
			.param("item", itemCode)
			.param("by", actor.getUsername())
			.param("at", Timestamp.from(clock.instant()))
			.update();
	}

	/**
	 * The files a draft names that it may not: every template, sample and result sample
	 * must have been uploaded through the catalog's draft workflow
	 * ({@code catalog_file}), to this item, or to another item whose published guide
	 * already offers it to everyone (a county's counterpart reusing the city's form).
	 * Without this check a draft could name any stored file, an applicant's material or a
	 * citizen's certificate, or another department's unpublished draft file, and
	 * publishing it would let anyone download it from the guide (issue 12).
	 * @param gbt whether to name the fields as the implementation list does (GB/T 39046),
	 * after {@code path}
	 */
	private List<FieldViolation> foreignFiles(String itemCode, ItemDraft draft, String path, boolean gbt) {
		Map<String, String> named = new LinkedHashMap<>();
		for (int i = 0; i < draft.materials().size(); i++) {
			Material m = draft.materials().get(i);
			if (m.templateFileId() != null) {
				named.put(gbt ? path + "申请材料[" + i + "].空表.文件编号" : "materials[" + i + "].templateFileId",
						m.templateFileId());
			}
			if (m.sampleFileId() != null) {
				named.put(gbt ? path + "申请材料[" + i + "].样表.文件编号" : "materials[" + i + "].sampleFileId",
						m.sampleFileId());
			}
		}
		String sample = draft.implementation().resultSampleFileId();
		if (sample != null) {
			named.put(gbt ? path + "结果样本.文件编号" : "implementation.resultSampleFileId", sample);
		}
		if (named.isEmpty()) {
			return List.of();
		}
		Set<String> own = new HashSet<>(jdbc.sql("SELECT file_id FROM catalog_file WHERE item_code = :item")
			.param("item", itemCode)
			.query(String.class)
			.list());
		List<FieldViolation> foreign = new ArrayList<>();
		named.forEach((field, id) -> {
			if (!own.contains(id) && !publishedCatalogFile(id)) {
				foreign.add(new FieldViolation(field, "rule.draft.foreignFile", id));
			}
		});
		return foreign;
	}

	/**
	 * The draft of an active item that the actor drafts; a version in review takes no
	 * files (409).
	 */
	private ItemVersion requireDraftOf(ServiceItem item, GovHallUser actor) {
		item.requireActive();
		requireDrafter(actor, item.regionCode(), item.departmentId());
		ItemVersion v = requireWorking(item);
		if (v.state() != VersionState.DRAFT) {
			throw new ConflictException("version-state", "error.version.state", v.versionNo(), v.state(),
					VersionState.DRAFT);
		}
		return v;
	}

	/**
	 * A file of the item that the public may download: a material's template or sample,
	 * or the result sample, named by a published or earlier version.
	 */
	public Optional<StoredFile> publicMaterialFile(String code, String fileId) {
		Long count = jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM catalog_material m
				        JOIN catalog_item_version v ON v.id = m.item_version_id
				        JOIN catalog_service_item i ON i.id = v.item_id
				        WHERE i.code = :code AND v.state IN ('PUBLISHED', 'SUPERSEDED')
				          AND (m.template_file_id = :file OR m.sample_file_id = :file))
				     + (SELECT COUNT(*) FROM catalog_item_version v
				        JOIN catalog_service_item i ON i.id = v.item_id
				        WHERE i.code = :code AND v.state IN ('PUBLISHED', 'SUPERSEDED')
				          AND v.result_sample_file_id = :file)
				""").param("code", code).param("file", fileId).query(Long.class).single();
		return count > 0 && catalogFile(fileId) ? storage.find(fileId) : Optional.empty();
	}

	/**
	 * A file of the version being worked on (material template or sample, result sample),
	 * for its staff.
	 */
	public Optional<StoredFile> draftMaterialFile(String code, String fileId, GovHallUser actor) {
		ItemGuide guide = workingVersion(code, actor);
		boolean named = fileId.equals(guide.content().implementation().resultSampleFileId()) || guide.content()
			.materials()
			.stream()
			.anyMatch(m -> fileId.equals(m.templateFileId()) || fileId.equals(m.sampleFileId()));
		return named && catalogFile(fileId) ? storage.find(fileId) : Optional.empty();
	}

	/**
	 * Whether the file was uploaded through the catalog's draft workflow (to any item).
	 */
	private boolean catalogFile(String fileId) {
		return jdbc.sql("SELECT COUNT(*) FROM catalog_file WHERE file_id = :file")
			.param("file", fileId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Whether the file is the catalog's and a published or superseded version of some
	 * item offers it already.
	 */
	private boolean publishedCatalogFile(String fileId) {
		return catalogFile(fileId) && jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM catalog_material m JOIN catalog_item_version v ON v.id = m.item_version_id
				        WHERE v.state IN ('PUBLISHED', 'SUPERSEDED')
				          AND (m.template_file_id = :file OR m.sample_file_id = :file))
				     + (SELECT COUNT(*) FROM catalog_item_version v
				        WHERE v.state IN ('PUBLISHED', 'SUPERSEDED') AND v.result_sample_file_id = :file)
				""").param("file", fileId).query(Long.class).single() > 0;
	}

	public byte[] read(StoredFile file) {
		return storage.read(file);
	}

	// ---- the implementation list in GB/T 39046's field names

	/**
	 * Every active item in force that the system administrator's scope covers, by code
	 * (实施清单 export).
	 */
	public Gbt39046List exportList(GovHallUser actor) {
		requireListAdministrator(actor);
		List<Gbt39046List.Entry> entries = new ArrayList<>();
		items.findAll().stream().sorted(Comparator.comparing(ServiceItem::code)).forEach(item -> {
			Integer inForce = inForce(item);
			if (item.status() == ItemStatus.ACTIVE && inForce != null
					&& directory.covers(actor.scope(), item.regionCode(), item.departmentId())) {
				entries.add(Gbt39046List.entry(guide(item, requireVersion(item, inForce))));
			}
		});
		return new Gbt39046List(Gbt39046List.STANDARD, entries);
	}

	/**
	 * Loads an implementation list (实施清单) as published items: every entry is checked
	 * first (codes of GB/T 39046, field limits, the implementing department within the
	 * administrator's scope, an implementation code that matches the one built here, and
	 * every publishing rule), and any fault refuses the whole list, naming each one by
	 * its entry. A list is an authority's existing, approved catalogue, so its items are
	 * published on import, each in force from its effective date; codes already in the
	 * catalog are refused, not overwritten.
	 */
	@Transactional
	public int importList(Gbt39046List list, GovHallUser actor) {
		requireListAdministrator(actor);
		List<FieldViolation> violations = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		List<Imported> ready = new ArrayList<>();
		// a county item of the same list may carry a delegated power of another:
		// counterparts are looked for among the
		// published items and those the list brings
		Map<String, String> importing = new HashMap<>();
		for (Gbt39046List.Entry e : list.items()) {
			directory.department(e.departmentCode()).ifPresent(d -> importing.putIfAbsent(e.code(), d.regionCode()));
		}
		for (int i = 0; i < list.items().size(); i++) {
			Gbt39046List.Entry e = list.items().get(i);
			String path = "事项[" + i + "].";
			if (!e.code().matches("[A-Za-z0-9-]{1,36}")) {
				violations.add(new FieldViolation(path + "事项编码", "error.item.code"));
				continue;
			}
			if (!codes.add(e.code()) || items.existsByCode(e.code())) {
				violations.add(new FieldViolation(path + "事项编码", "rule.import.duplicate", e.code()));
			}
			Optional<DepartmentView> dep = directory.department(e.departmentCode());
			if (dep.isEmpty()) {
				violations.add(new FieldViolation(path + "实施主体编码", "rule.import.department", e.departmentCode()));
				continue;
			}
			if (!directory.covers(actor.scope(), dep.get().regionCode(), dep.get().id())) {
				violations.add(new FieldViolation(path + "实施主体编码", "rule.import.scope", e.departmentCode()));
				continue;
			}
			if (!withinRegion(e.code(), dep.get().regionCode())) {
				violations
					.add(new FieldViolation(path + "事项编码", "error.item.codeRegion", e.code(), dep.get().regionCode()));
			}
			ItemDraft draft = Gbt39046List.draft(e, path);
			for (var v : validator.validate(draft)) {
				String template = v.getMessageTemplate();
				violations.add(template.startsWith("{error.") && template.endsWith("}")
						? new FieldViolation(path + v.getPropertyPath(), template.substring(1, template.length() - 1))
						: new FieldViolation(path + v.getPropertyPath(), "error.import.invalidValue",
								String.valueOf(v.getPropertyPath())));
			}
			for (FieldViolation v : PublishingRules.check(draft, context(dep.get(), importing))) {
				violations.add(new FieldViolation(path + v.field(), v.messageKey(), v.arguments()));
			}
			violations.addAll(foreignFiles(e.code(), draft, path, true));
			String built = Implementation.implementationCode(dep.get().creditCode(),
					directory.requireRegion(dep.get().regionCode()).level(), draft.implementation().basicCode());
			if (e.implementationCode() != null && !e.implementationCode().equals(built)) {
				violations.add(new FieldViolation(path + "实施编码", "rule.import.implementationCode",
						e.implementationCode(), built == null ? "—" : built));
			}
			ready.add(new Imported(e.code(), dep.get(), draft));
		}
		refuseIfAny(violations, "import-refused", "error.import.refused");
		for (Imported x : ready) {
			ServiceItem item = items.save(
					ServiceItem.register(x.code(), x.department().id(), x.department().regionCode(), clock.instant()));
			ItemVersion v = ItemVersion.draft(item.id(), 1, x.draft(), actor.getUsername(), clock.instant());
			v.submit(actor.getUsername(), clock.instant());
			v.publish(actor.getUsername(), clock.instant());
			v = versions.save(v);
			if (v.revision().upcomingOn(today())) {
				item.upcoming(v.versionNo());
				saveItem(item);
			}
			else {
				putInForce(item, v);
			}
			audit(actor, "catalog.imported", x.code(), "version=1; department=" + x.department().code());
		}
		return ready.size();
	}

	private record Imported(String code, DepartmentView department, ItemDraft draft) {
	}

	/** Only system administrators (provincial or below) move whole lists in and out. */
	private static void requireListAdministrator(GovHallUser actor) {
		if (!actor.scope().has(Role.SYSTEM_ADMIN) || actor.scope().regionCode() == null) {
			throw new ForbiddenException("error.forbidden.role");
		}
	}

	// ---- helpers

	/**
	 * The delegation's counterpart item when it is published, active and of a department
	 * of the county.
	 */
	private ItemGuide.@Nullable Counterpart counterpart(Delegation d) {
		String code = d.counterpartItemCode();
		if (code == null) {
			return null;
		}
		return takeUp.published(code)
			.filter(p -> directory.isWithin(p.regionCode(), d.countyCode()))
			.flatMap(p -> directory.department(p.departmentId())
				.map(dep -> new ItemGuide.Counterpart(p.code(), p.nameZh(), p.nameEn(), dep)))
			.orElse(null);
	}

	private PublishingRules.Context context(ServiceItem item) {
		return context(directory.department(item.departmentId()).orElseThrow());
	}

	private PublishingRules.Context context(DepartmentView dep) {
		return context(dep, Map.of());
	}

	/**
	 * The context of a department's items, where {@code alsoPublished} (code to region)
	 * counts as published too.
	 */
	private PublishingRules.Context context(DepartmentView dep, Map<String, String> alsoPublished) {
		Set<Long> receiving = new HashSet<>();
		directory.halls()
			.forEach(h -> h.windows()
				.stream()
				.filter(w -> w.departmentCodes().contains(dep.code()))
				.forEach(w -> receiving.add(w.id())));
		return new PublishingRules.Context(dep.code(), c -> directory.department(c).isPresent(),
				county -> directory.region(county)
					.filter(r -> r.level() == RegionLevel.COUNTY && !county.equals(dep.regionCode())
							&& directory.isWithin(county, dep.regionCode()))
					.isPresent(),
				receiving::contains,
				(code, county) -> takeUp.published(code)
					.map(p -> p.regionCode())
					.or(() -> Optional.ofNullable(alsoPublished.get(code)))
					.filter(region -> directory.isWithin(region, county))
					.isPresent());
	}

	private static void refuseIfAny(List<FieldViolation> violations, String type, String key) {
		if (!violations.isEmpty()) {
			throw new RuleViolationException(type, key, violations, violations.size());
		}
	}

	private void requireDrafter(GovHallUser actor, String regionCode, Long departmentId) {
		boolean deptAdmin = actor.scope().has(Role.DEPARTMENT_ADMIN) && actor.scope().departmentId() != null
				&& directory.covers(actor.scope(), regionCode, departmentId);
		boolean sysAdmin = actor.scope().has(Role.SYSTEM_ADMIN)
				&& directory.covers(actor.scope(), regionCode, departmentId);
		if (!deptAdmin && !sysAdmin) {
			throw new ForbiddenException("error.forbidden.scope");
		}
	}

	private void requireReviewer(GovHallUser actor, ServiceItem item) {
		if (!actor.scope().hasAny(Role.LEGAL_REVIEWER, Role.SYSTEM_ADMIN)
				|| !directory.covers(actor.scope(), item.regionCode(), item.departmentId())) {
			throw new ForbiddenException("error.forbidden.scope");
		}
	}

	private void requireSees(GovHallUser actor, ServiceItem item) {
		if (!actor.scope().hasAny(Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN, Role.LEGAL_REVIEWER)
				|| !directory.covers(actor.scope(), item.regionCode(), item.departmentId())) {
			throw new ForbiddenException("error.forbidden.scope");
		}
	}

	/** Saves the item, and drops its guide from this node's memory. */
	private void saveItem(ServiceItem item) {
		items.save(item);
		guides.forget(item.code());
	}

	private ServiceItem requireItem(String code) {
		return items.findByCode(code).orElseThrow(() -> new NotFoundException("error.item.notFound", code));
	}

	private ItemVersion requireVersion(ServiceItem item, @Nullable Integer versionNo) {
		if (versionNo == null) {
			throw new NotFoundException("error.item.notFound", item.code());
		}
		return versions.findByItemIdAndVersionNo(item.id(), versionNo)
			.orElseThrow(() -> new NotFoundException("error.version.notFound", item.code(), versionNo));
	}

	private ItemVersion requireWorking(ServiceItem item) {
		List<ItemVersion> all = versions.findByItemIdOrderByVersionNoDesc(item.id());
		if (all.isEmpty() || all.get(0).state().isPublic()) {
			throw new NotFoundException("error.draft.notFound", item.code());
		}
		return all.get(0);
	}

	private ItemGuide guide(ServiceItem item, ItemVersion v) {
		DepartmentView dep = directory.department(item.departmentId()).orElseThrow();
		RegionView region = directory.requireRegion(item.regionCode());
		ItemDraft content = v.content();
		Map<String, NotTakenOn> pending = new HashMap<>();
		if (!content.delegations().isEmpty() && v.state().isPublic()) {
			takeUp.pending(item.code()).forEach(p -> pending.put(p.countyCode(), p));
		}
		List<ItemGuide.DelegatedCounty> counties = content.delegations()
			.stream()
			.map(d -> directory.region(d.countyCode())
				.map(r -> new ItemGuide.DelegatedCounty(d, r, counterpart(d), pending.get(d.countyCode()))))
			.flatMap(Optional::stream)
			.toList();
		List<DepartmentView> co = content.coDepartmentCodes()
			.stream()
			.map(directory::department)
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing(DepartmentView::code))
			.toList();
		Integer inForce = inForce(item);
		Integer waiting = item.upcomingVersion();
		ItemGuide.Upcoming upcoming = null;
		if (waiting != null && !waiting.equals(inForce)) {
			Revision r = requireVersion(item, waiting).revision();
			upcoming = new ItemGuide.Upcoming(waiting, r.effectiveOn() == null ? today() : r.effectiveOn(),
					r.changeSummary());
		}
		return new ItemGuide(item.code(), item.status(), item.endedOn(), item.endDocument(), item.endReason(),
				v.versionNo(), v.state(), v.publishedAt(), inForce, dep, region, content, counties, co, v.reviewNote(),
				v.submittedBy(), upcoming, places(content));
	}

	/** The halls and windows linked to the item (办理地点), in the directory's order. */
	private List<ItemGuide.HandlingPlace> places(ItemDraft content) {
		Set<Long> ids = new HashSet<>(content.handling().windowIds());
		if (ids.isEmpty()) {
			return List.of();
		}
		return directory.halls()
			.stream()
			.map(h -> new ItemGuide.HandlingPlace(h, h.windows().stream().filter(w -> ids.contains(w.id())).toList()))
			.filter(p -> !p.windows().isEmpty())
			.toList();
	}

}
