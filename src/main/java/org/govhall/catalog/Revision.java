package org.govhall.catalog;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a version changes and when it applies: a change summary (变更说明), the date it takes
 * effect (which may lie in the future: until then applications are taken under the
 * version before) and the date it stops applying (if any).
 */
public record Revision(@Nullable @Size(max = 1000) String changeSummary, @Nullable LocalDate effectiveOn,
		@Nullable LocalDate endsOn) {

	static final Revision NONE = new Revision(null, null, null);

	/**
	 * Whether the version applies on that day: on or after its effective date and not
	 * after its end date.
	 */
	public boolean appliesOn(LocalDate day) {
		return (effectiveOn == null || !effectiveOn.isAfter(day)) && (endsOn == null || !endsOn.isBefore(day));
	}

	/** Whether it takes effect only after that day. */
	public boolean upcomingOn(LocalDate day) {
		return effectiveOn != null && effectiveOn.isAfter(day);
	}

}
