package org.govhall.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.govhall.shared.ConflictException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One version of an item's service guide. A draft may be revised; once submitted it waits
 * for review; once published it never changes again, and editing starts a new draft (a
 * new version number).
 */
class ItemVersion {

	@Id
	private @Nullable Long id;

	private final Long itemId;

	private final int versionNo;

	private VersionState state;

	private String nameZh;

	private @Nullable String nameEn;

	private @Nullable String aliases;

	private @Nullable String keywordsEn;

	private ItemType itemType;

	private ServiceObject serviceObject;

	private ProcessingMode processingMode;

	@Embedded.Nullable(prefix = "statutory_")
	private @Nullable TimeLimit statutoryLimit;

	@Embedded.Nullable(prefix = "promised_")
	private @Nullable TimeLimit promisedLimit;

	private int onSiteVisits;

	private OnlineAvailability onlineAvailability;

	private @Nullable String conditionsZh;

	private @Nullable String conditionsEn;

	private @Nullable String resultNameZh;

	private @Nullable String resultNameEn;

	private boolean noFee;

	private @Nullable String consultPhone;

	private @Nullable String complaintPhone;

	private @Nullable String reconsiderationBody;

	private @Nullable String litigationCourt;

	private List<LegalBasis> legalBases;

	private List<Material> materials;

	private List<Fee> fees;

	private List<ProcedureStep> steps;

	private List<Delegation> delegations;

	private Set<CoDepartment> coDepartments;

	private Set<SpecialProcedureEntry> specialProcedures;

	private Set<ExerciseLevelEntry> exerciseLevels;

	private Set<LifeEventEntry> lifeEvents;

	// GB/T 39046 实施清单 elements (issue 11, item 5): filled by apply(ItemDraft), read back
	// by content()

	private @Nullable String basicCode;

	private @Nullable String itemSuffix;

	private @Nullable BodyNature bodyNature;

	private @Nullable Initiation initiation;

	private @Nullable HandlingScope handlingScope;

	private @Nullable String intermediaryServices;

	private @Nullable String quantityLimit;

	private List<ImplementingBasis> implementingBases = new ArrayList<>();

	private @Nullable String resultSampleName;

	private @Nullable String resultSampleFileId;

	private List<HandlingWindow> handlingWindows = new ArrayList<>();

	private @Nullable String placeNoteZh;

	private @Nullable String placeNoteEn;

	private @Nullable String timeNoteZh;

	private @Nullable String timeNoteEn;

	private @Nullable OnlineDepth onlineDepth;

	private @Nullable String onlineUrl;

	private List<Faq> faqs = new ArrayList<>();

	private @Nullable String changeSummary;

	private @Nullable LocalDate effectiveOn;

	private @Nullable LocalDate endsOn;

	private @Nullable String reviewNote;

	private final String createdBy;

	private final Instant createdAt;

	private @Nullable String submittedBy;

	private @Nullable Instant submittedAt;

	private @Nullable String publishedBy;

	private @Nullable Instant publishedAt;

	@Version
	private @Nullable Integer version;

	ItemVersion(@Nullable Long id, Long itemId, int versionNo, VersionState state, String nameZh,
			@Nullable String nameEn, @Nullable String aliases, @Nullable String keywordsEn, ItemType itemType,
			ServiceObject serviceObject, ProcessingMode processingMode, @Nullable TimeLimit statutoryLimit,
			@Nullable TimeLimit promisedLimit, int onSiteVisits, OnlineAvailability onlineAvailability,
			@Nullable String conditionsZh, @Nullable String conditionsEn, @Nullable String resultNameZh,
			@Nullable String resultNameEn, boolean noFee, @Nullable String consultPhone,
			@Nullable String complaintPhone, @Nullable String reconsiderationBody, @Nullable String litigationCourt,
			List<LegalBasis> legalBases, List<Material> materials, List<Fee> fees, List<ProcedureStep> steps,
			List<Delegation> delegations, Set<CoDepartment> coDepartments, Set<SpecialProcedureEntry> specialProcedures,
			Set<ExerciseLevelEntry> exerciseLevels, Set<LifeEventEntry> lifeEvents, @Nullable String reviewNote,
			String createdBy, Instant createdAt, @Nullable String submittedBy, @Nullable Instant submittedAt,
			@Nullable String publishedBy, @Nullable Instant publishedAt, @Nullable Integer version) {
		this.id = id;
		this.itemId = itemId;
		this.versionNo = versionNo;
		this.state = state;
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.aliases = aliases;
		this.keywordsEn = keywordsEn;
		this.itemType = itemType;
		this.serviceObject = serviceObject;
		this.processingMode = processingMode;
		this.statutoryLimit = statutoryLimit;
		this.promisedLimit = promisedLimit;
		this.onSiteVisits = onSiteVisits;
		this.onlineAvailability = onlineAvailability;
		this.conditionsZh = conditionsZh;
		this.conditionsEn = conditionsEn;
		this.resultNameZh = resultNameZh;
		this.resultNameEn = resultNameEn;
		this.noFee = noFee;
		this.consultPhone = consultPhone;
		this.complaintPhone = complaintPhone;
		this.reconsiderationBody = reconsiderationBody;
		this.litigationCourt = litigationCourt;
		this.legalBases = new ArrayList<>(legalBases);
		this.materials = new ArrayList<>(materials);
		this.fees = new ArrayList<>(fees);
		this.steps = new ArrayList<>(steps);
		this.delegations = new ArrayList<>(delegations);
		this.coDepartments = new HashSet<>(coDepartments);
		this.specialProcedures = new HashSet<>(specialProcedures);
		this.exerciseLevels = new HashSet<>(exerciseLevels);
		this.lifeEvents = new HashSet<>(lifeEvents);
		this.reviewNote = reviewNote;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.submittedBy = submittedBy;
		this.submittedAt = submittedAt;
		this.publishedBy = publishedBy;
		this.publishedAt = publishedAt;
		this.version = version;
	}

	static ItemVersion draft(Long itemId, int versionNo, ItemDraft d, String author, Instant now) {
		ItemVersion v = new ItemVersion(null, itemId, versionNo, VersionState.DRAFT, d.nameZh(), null, null, null,
				d.itemType(), d.serviceObject(), d.processingMode(), null, null, 0, d.onlineAvailability(), null, null,
				null, null, true, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
				Set.of(), Set.of(), Set.of(), Set.of(), null, author, now, null, null, null, null, null);
		v.apply(d);
		return v;
	}

	/** Changes a draft's content; anything but a draft is refused. */
	void revise(ItemDraft d) {
		requireState(VersionState.DRAFT);
		apply(d);
	}

	private void apply(ItemDraft d) {
		nameZh = d.nameZh();
		nameEn = d.nameEn();
		aliases = d.aliases();
		keywordsEn = d.keywordsEn();
		itemType = d.itemType();
		serviceObject = d.serviceObject();
		processingMode = d.processingMode();
		statutoryLimit = d.statutoryLimit();
		promisedLimit = d.promisedLimit();
		onSiteVisits = d.onSiteVisits();
		onlineAvailability = d.onlineAvailability();
		conditionsZh = d.conditionsZh();
		conditionsEn = d.conditionsEn();
		resultNameZh = d.resultNameZh();
		resultNameEn = d.resultNameEn();
		noFee = d.noFee();
		consultPhone = d.consultPhone();
		complaintPhone = d.complaintPhone();
		reconsiderationBody = d.reconsiderationBody();
		litigationCourt = d.litigationCourt();
		legalBases = new ArrayList<>(d.legalBases());
		materials = new ArrayList<>(d.materials());
		fees = new ArrayList<>(d.fees());
		steps = new ArrayList<>(d.steps());
		delegations = new ArrayList<>(d.delegations());
		coDepartments = new HashSet<>();
		d.coDepartmentCodes().forEach(c -> coDepartments.add(new CoDepartment(c)));
		specialProcedures = new HashSet<>();
		d.specialProcedures().forEach(p -> specialProcedures.add(new SpecialProcedureEntry(p)));
		exerciseLevels = new HashSet<>();
		d.exerciseLevels().forEach(l -> exerciseLevels.add(new ExerciseLevelEntry(l)));
		lifeEvents = new HashSet<>();
		d.lifeEvents().forEach(e -> lifeEvents.add(new LifeEventEntry(e)));
		Implementation impl = d.implementation();
		basicCode = impl.basicCode();
		itemSuffix = impl.itemSuffix();
		bodyNature = impl.bodyNature();
		initiation = d.initiation();
		handlingScope = impl.handlingScope();
		intermediaryServices = impl.intermediaryServices();
		quantityLimit = impl.quantityLimit();
		implementingBases = new ArrayList<>(impl.implementingBases().stream().map(ImplementingBasis::of).toList());
		resultSampleName = impl.resultSampleName();
		resultSampleFileId = impl.resultSampleFileId();
		handlingWindows = new ArrayList<>(d.handling().windowIds().stream().map(HandlingWindow::new).toList());
		placeNoteZh = d.handling().placeNoteZh();
		placeNoteEn = d.handling().placeNoteEn();
		timeNoteZh = d.handling().timeNoteZh();
		timeNoteEn = d.handling().timeNoteEn();
		onlineDepth = d.online().depth();
		onlineUrl = d.online().url();
		faqs = new ArrayList<>(d.faqs());
		changeSummary = d.revision().changeSummary();
		effectiveOn = d.revision().effectiveOn();
		endsOn = d.revision().endsOn();
	}

	/**
	 * The content of this version, as a draft to edit or to copy into the next version.
	 */
	ItemDraft content() {
		Set<LifeEvent> events = EnumSet.noneOf(LifeEvent.class);
		lifeEvents.forEach(e -> events.add(e.lifeEvent()));
		Set<ExerciseLevel> levels = EnumSet.noneOf(ExerciseLevel.class);
		exerciseLevels.forEach(l -> levels.add(l.level()));
		Set<SpecialProcedure> procedures = EnumSet.noneOf(SpecialProcedure.class);
		specialProcedures.forEach(p -> procedures.add(p.specialProcedure()));
		Set<String> co = new TreeSet<>();
		coDepartments.forEach(c -> co.add(c.departmentCode()));
		return new ItemDraft(nameZh, nameEn, aliases, keywordsEn, itemType, serviceObject, events, levels,
				processingMode, statutoryLimit, promisedLimit, onSiteVisits, onlineAvailability, conditionsZh,
				conditionsEn, resultNameZh, resultNameEn, noFee, consultPhone, complaintPhone, reconsiderationBody,
				litigationCourt, legalBases, materials, fees, steps, delegations, co, procedures,
				new Implementation(basicCode, itemSuffix, bodyNature, initiation, handlingScope, intermediaryServices,
						quantityLimit, implementingBases.stream().map(ImplementingBasis::basis).toList(),
						resultSampleName, resultSampleFileId),
				new Handling(handlingWindows.stream().map(HandlingWindow::windowId).toList(), placeNoteZh, placeNoteEn,
						timeNoteZh, timeNoteEn),
				new OnlineService(onlineDepth, onlineUrl), faqs, new Revision(changeSummary, effectiveOn, endsOn));
	}

	/** The version's change summary and dates. */
	Revision revision() {
		return new Revision(changeSummary, effectiveOn, endsOn);
	}

	void submit(String by, Instant now) {
		requireState(VersionState.DRAFT);
		state = VersionState.IN_REVIEW;
		submittedBy = by;
		submittedAt = now;
		reviewNote = null;
	}

	void returnToDraft(String note) {
		requireState(VersionState.IN_REVIEW);
		state = VersionState.DRAFT;
		reviewNote = note;
	}

	void publish(String by, Instant now) {
		requireState(VersionState.IN_REVIEW);
		state = VersionState.PUBLISHED;
		publishedBy = by;
		publishedAt = now;
	}

	void supersede() {
		requireState(VersionState.PUBLISHED);
		state = VersionState.SUPERSEDED;
	}

	private void requireState(VersionState expected) {
		if (state != expected) {
			throw new ConflictException("version-state", "error.version.state", versionNo, state, expected);
		}
	}

	Long id() {
		if (id == null) {
			throw new IllegalStateException("version not saved yet");
		}
		return id;
	}

	int versionNo() {
		return versionNo;
	}

	VersionState state() {
		return state;
	}

	@Nullable String submittedBy() {
		return submittedBy;
	}

	@Nullable String reviewNote() {
		return reviewNote;
	}

	@Nullable Instant publishedAt() {
		return publishedAt;
	}

	Instant createdAt() {
		return createdAt;
	}

	String createdBy() {
		return createdBy;
	}

	@Nullable Instant submittedAt() {
		return submittedAt;
	}

	@Nullable String publishedBy() {
		return publishedBy;
	}

	/** A co-reviewing department (联办部门) of joint review, by department code. */
	@Table("catalog_co_department")
	record CoDepartment(String departmentCode) {
	}

	/** A special procedure (第四十五条) that may apply to this item. */
	@Table("catalog_special_procedure")
	record SpecialProcedureEntry(SpecialProcedure specialProcedure) {
	}

	/** A level that exercises this item. */
	@Table("catalog_exercise_level")
	record ExerciseLevelEntry(ExerciseLevel level) {
	}

	/**
	 * An implementing basis (实施依据), kept apart from the establishing bases (设定依据) in its
	 * own table.
	 */
	@Table("catalog_implementing_basis")
	record ImplementingBasis(String lawName, String article, @Nullable String quote) {

		static ImplementingBasis of(LegalBasis b) {
			return new ImplementingBasis(b.lawName(), b.article(), b.quote());
		}

		LegalBasis basis() {
			return new LegalBasis(lawName, article, quote);
		}

	}

	/** A hall window that receives the item (办理地点), by its directory id. */
	@Table("catalog_handling_window")
	record HandlingWindow(Long windowId) {
	}

	/** A life or business event under which the item is listed. */
	@Table("catalog_life_event")
	record LifeEventEntry(LifeEvent lifeEvent) {
	}

}
