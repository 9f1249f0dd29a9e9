package org.govhall.directory;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * A department admin's choice of routing: in turn, or a named duty clerk (by login); in
 * turn either among all the department's clerks on duty or among those at one window that
 * serves it ({@code windowId}).
 */
public record RoutingDraft(@NotNull RoutingMode mode, @Nullable String dutyClerk, @Nullable Long windowId) {

	public RoutingDraft(RoutingMode mode, @Nullable String dutyClerk) {
		this(mode, dutyClerk, null);
	}

	public RoutingDraft {
		dutyClerk = Blank.toNull(dutyClerk);
	}

}
