package org.govhall.catalog;

import java.util.Locale;

import org.govhall.calendar.LimitUnit;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A step of the procedure (办理流程): who does what, and in how much time.
 * {@code jointReview} marks the step in which the co-departments of a joint item give
 * their opinions (联审): the limits of the steps after it are the time the lead department
 * keeps for its own review and decision, so the co-departments' sub-deadline ends that
 * much before the case's.
 */
public record ProcedureStep(@NotBlank @Size(max = 100) String nameZh, @Nullable @Size(max = 200) String nameEn,
		@NotBlank @Size(max = 200) String actor, @Nullable @Size(max = 1000) String description,
		@Nullable @Min(0) @Max(3650) Integer limitAmount, @Nullable LimitUnit limitUnit,
		@Nullable Boolean jointReview) {

	public ProcedureStep(String nameZh, @Nullable String nameEn, String actor, @Nullable String description,
			@Nullable Integer limitAmount, @Nullable LimitUnit limitUnit) {
		this(nameZh, nameEn, actor, description, limitAmount, limitUnit, false);
	}

	/** Whether the co-departments give their opinions in this step. */
	public boolean isJointReview() {
		return Boolean.TRUE.equals(jointReview);
	}

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
	}

}
