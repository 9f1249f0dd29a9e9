package org.govhall.directory;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** A department admin's choice of routing: in turn, or a named duty clerk (by login). */
public record RoutingDraft(@NotNull RoutingMode mode, @Nullable String dutyClerk) {

	public RoutingDraft {
		dutyClerk = Blank.toNull(dutyClerk);
	}

}
