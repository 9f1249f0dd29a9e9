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
import org.jspecify.annotations.Nullable;

/**
 * The content of an item version: every element of the service guide (办事指南) that a department drafts. Fields
 * follow GB/T 39046-2020 Table 4 plus on-site visits and special procedures (china-egov-rules §5.3).
 */
public record ItemDraft(@NotBlank @Size(max = 200) String nameZh, @Nullable @Size(max = 300) String nameEn,
		@Nullable @Size(max = 500) String aliases, @Nullable @Size(max = 500) String keywordsEn,
		@NotNull ItemType itemType, @NotNull ServiceObject serviceObject,
		@Nullable @Size(max = 19) Set<@NotNull LifeEvent> lifeEvents,
		@NotEmpty @Size(max = 3) Set<@NotNull ExerciseLevel> exerciseLevels, @NotNull ProcessingMode processingMode,
		@Nullable @Valid TimeLimit statutoryLimit, @Nullable @Valid TimeLimit promisedLimit,
		@Min(0) @Max(9) int onSiteVisits, @NotNull OnlineAvailability onlineAvailability,
		@Nullable @Size(max = 4000) String conditionsZh, @Nullable @Size(max = 4000) String conditionsEn,
		@Nullable @Size(max = 200) String resultNameZh, @Nullable @Size(max = 300) String resultNameEn,
		boolean noFee,
		@Nullable @Size(max = 32) @Pattern(regexp = "[0-9+() -]*", message = "{error.phone.pattern}") String consultPhone,
		@Nullable @Size(max = 32) @Pattern(regexp = "[0-9+() -]*", message = "{error.phone.pattern}") String complaintPhone,
		@Nullable @Size(max = 300) String reconsiderationBody, @Nullable @Size(max = 300) String litigationCourt,
		@Nullable @Size(max = 50) List<@NotNull @Valid LegalBasis> legalBases,
		@Nullable @Size(max = 100) List<@NotNull @Valid Material> materials,
		@Nullable @Size(max = 50) List<@NotNull @Valid Fee> fees,
		@Nullable @Size(max = 50) List<@NotNull @Valid ProcedureStep> steps,
		@Nullable @Size(max = 200) List<@NotNull @Valid Delegation> delegations,
		@Nullable @Size(max = 50) Set<@NotBlank @Size(max = 32) String> coDepartmentCodes,
		@Nullable @Size(max = 8) Set<@NotNull SpecialProcedure> specialProcedures) {

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
	}

	/**
	 * The working days a joint item's lead department keeps for itself after the co-departments' opinions: the
	 * limits of the procedure steps after the one marked {@link ProcedureStep#isJointReview() joint review}; none
	 * when no step is marked, and the case then keeps a third of its limit (see the cases module).
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
		return new ItemDraft(nameZh, nameEn, aliases, keywordsEn, itemType, serviceObject, lifeEvents, exerciseLevels,
				processingMode, statutoryLimit, promisedLimit, onSiteVisits, onlineAvailability, conditionsZh,
				conditionsEn, resultNameZh, resultNameEn, noFee, consultPhone, complaintPhone, reconsiderationBody,
				litigationCourt, legalBases, newMaterials, fees, steps, delegations, coDepartmentCodes,
				specialProcedures);
	}

}
