package org.govhall.catalog;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.govhall.shared.Plain;
import org.jspecify.annotations.Nullable;

/**
 * The content of an item version: every element of the service guide (办事指南) that a
 * department drafts. Fields follow GB/T 39046-2020 Table 4 plus on-site visits and
 * special procedures (china-egov-rules §5.3).
 */
public record ItemDraft(@NotBlank @Size(max = 200) @Plain String nameZh,
		@Nullable @Size(max = 300) @Plain String nameEn, @Nullable @Size(max = 500) String aliases,
		@Nullable @Size(max = 500) String keywordsEn, @NotNull ItemType itemType, @NotNull ServiceObject serviceObject,
		@Nullable @Size(max = 19) Set<@NotNull LifeEvent> lifeEvents,
		@NotEmpty @Size(max = 3) Set<@NotNull ExerciseLevel> exerciseLevels, @NotNull ProcessingMode processingMode,
		@Nullable @Valid TimeLimit statutoryLimit, @Nullable @Valid TimeLimit promisedLimit,
		@Min(0) @Max(9) int onSiteVisits, @NotNull OnlineAvailability onlineAvailability,
		@Nullable @Size(max = 4000) String conditionsZh, @Nullable @Size(max = 4000) String conditionsEn,
		@Nullable @Size(max = 200) String resultNameZh, @Nullable @Size(max = 300) String resultNameEn, boolean noFee,
		@Nullable @Size(max = 32) @Pattern(regexp = "[0-9+() -]*",
				message = "{error.phone.pattern}") String consultPhone,
		@Nullable @Size(max = 32) @Pattern(regexp = "[0-9+() -]*",
				message = "{error.phone.pattern}") String complaintPhone,
		@Nullable @Size(max = 300) String reconsiderationBody, @Nullable @Size(max = 300) String litigationCourt,
		@Nullable @Size(max = 50) List<@NotNull @Valid LegalBasis> legalBases,
		@Nullable @Size(max = 100) List<@NotNull @Valid Material> materials,
		@Nullable @Size(max = 50) List<@NotNull @Valid Fee> fees,
		@Nullable @Size(max = 50) List<@NotNull @Valid ProcedureStep> steps,
		@Nullable @Size(max = 200) List<@NotNull @Valid Delegation> delegations,
		@Nullable @Size(max = 50) Set<@NotBlank @Size(max = 32) String> coDepartmentCodes,
		@Nullable @Size(max = 8) Set<@NotNull SpecialProcedure> specialProcedures,
		@Nullable @Valid Implementation implementation, @Nullable @Valid Handling handling,
		@Nullable @Valid OnlineService online, @Nullable @Size(max = 50) List<@NotNull @Valid Faq> faqs,
		@Nullable @Valid Revision revision) {

	/**
	 * Elements absent from older JSON (demo data, stored API requests) take their
	 * defaults: the initiation follows the item type ({@link Initiation#defaultFor}),
	 * everything else is empty.
	 */
	public ItemDraft {
		lifeEvents = lifeEvents == null ? Set.of() : Set.copyOf(lifeEvents);
		exerciseLevels = exerciseLevels == null ? Set.of() : Set.copyOf(exerciseLevels);
		legalBases = legalBases == null ? List.of() : List.copyOf(legalBases);
		materials = materials == null ? List.of() : List.copyOf(materials);
		fees = fees == null ? List.of() : List.copyOf(fees);
		steps = steps == null ? List.of() : List.copyOf(steps);
		delegations = delegations == null ? List.of() : List.copyOf(delegations);
		coDepartmentCodes = coDepartmentCodes == null ? Set.of() : Set.copyOf(coDepartmentCodes);
		specialProcedures = specialProcedures == null ? Set.of() : Set.copyOf(specialProcedures);
		implementation = implementation == null ? Implementation.defaults(itemType) : implementation;
		if (implementation.initiation() == null && itemType != null) {
			implementation = implementation.withInitiation(Initiation.defaultFor(itemType));
		}
		handling = handling == null ? Handling.NONE : handling;
		online = online == null ? OnlineService.NONE : online;
		faqs = faqs == null ? List.of() : List.copyOf(faqs);
		revision = revision == null ? Revision.NONE : revision;
	}

	/**
	 * A draft with only the elements the catalog had before GB/T 39046's 实施清单 elements;
	 * those take defaults.
	 */
	public ItemDraft(String nameZh, @Nullable String nameEn, @Nullable String aliases, @Nullable String keywordsEn,
			ItemType itemType, ServiceObject serviceObject, @Nullable Set<LifeEvent> lifeEvents,
			Set<ExerciseLevel> exerciseLevels, ProcessingMode processingMode, @Nullable TimeLimit statutoryLimit,
			@Nullable TimeLimit promisedLimit, int onSiteVisits, OnlineAvailability onlineAvailability,
			@Nullable String conditionsZh, @Nullable String conditionsEn, @Nullable String resultNameZh,
			@Nullable String resultNameEn, boolean noFee, @Nullable String consultPhone,
			@Nullable String complaintPhone, @Nullable String reconsiderationBody, @Nullable String litigationCourt,
			@Nullable List<LegalBasis> legalBases, @Nullable List<Material> materials, @Nullable List<Fee> fees,
			@Nullable List<ProcedureStep> steps, @Nullable List<Delegation> delegations,
			@Nullable Set<String> coDepartmentCodes, @Nullable Set<SpecialProcedure> specialProcedures) {
		this(nameZh, nameEn, aliases, keywordsEn, itemType, serviceObject, lifeEvents, exerciseLevels, processingMode,
				statutoryLimit, promisedLimit, onSiteVisits, onlineAvailability, conditionsZh, conditionsEn,
				resultNameZh, resultNameEn, noFee, consultPhone, complaintPhone, reconsiderationBody, litigationCourt,
				legalBases, materials, fees, steps, delegations, coDepartmentCodes, specialProcedures, null, null, null,
				null, null);
	}

	/**
	 * 依申请 or 依职权: as recorded, else the item type's default (on application while the
	 * type is unknown).
	 */
	public Initiation initiation() {
		Initiation i = implementation.initiation();
		return i != null ? i : itemType == null ? Initiation.ON_APPLICATION : Initiation.defaultFor(itemType);
	}

	/**
	 * Whether people apply for this item (依申请), so it may be filed online or at a window
	 * by an applicant.
	 */
	public boolean onApplication() {
		return initiation() == Initiation.ON_APPLICATION;
	}

	/**
	 * The working days a joint item's lead department keeps for itself after the
	 * co-departments' opinions: the limits of the procedure steps after the one marked
	 * {@link ProcedureStep#isJointReview() joint review}; none when no step is marked,
	 * and the case then keeps a third of its limit (see the cases module).
	 */
	public @Nullable Integer jointReviewMargin() {
		for (int i = 0; i < steps.size(); i++) {
			if (steps.get(i).isJointReview()) {
				return steps.subList(i + 1, steps.size())
					.stream()
					.mapToInt(s -> s.limitAmount() == null ? 0 : s.limitAmount())
					.sum();
			}
		}
		return null;
	}

	/** The same content with another list of materials. */
	public ItemDraft withMaterials(List<Material> newMaterials) {
		return with(newMaterials, implementation, handling, online, faqs, revision);
	}

	/**
	 * The same content with other 实施清单 elements (codes and terms, place and time, online
	 * service, FAQ).
	 */
	public ItemDraft withImplementation(Implementation newImplementation, Handling newHandling, OnlineService newOnline,
			List<Faq> newFaqs) {
		return with(materials, newImplementation, newHandling, newOnline, newFaqs, revision);
	}

	/** The same content with another change summary and other dates. */
	public ItemDraft withRevision(Revision newRevision) {
		return with(materials, implementation, handling, online, faqs, newRevision);
	}

	private ItemDraft with(List<Material> m, Implementation i, Handling h, OnlineService o, List<Faq> f, Revision r) {
		return new ItemDraft(nameZh, nameEn, aliases, keywordsEn, itemType, serviceObject, lifeEvents, exerciseLevels,
				processingMode, statutoryLimit, promisedLimit, onSiteVisits, onlineAvailability, conditionsZh,
				conditionsEn, resultNameZh, resultNameEn, noFee, consultPhone, complaintPhone, reconsiderationBody,
				litigationCourt, legalBases, m, fees, steps, delegations, coDepartmentCodes, specialProcedures, i, h, o,
				f, r);
	}

}
