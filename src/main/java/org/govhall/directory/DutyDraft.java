package org.govhall.directory;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A department admin marks a clerk on or off duty (on leave), gives the staff number (工号)
 * and the window the clerk sits at (one that serves the department; null for none).
 */
public record DutyDraft(@NotNull Boolean onDuty,
		@Nullable @Pattern(regexp = "[A-Za-z0-9-]{1,16}", message = "{error.staffNumber.pattern}") String staffNumber,
		@Nullable Long windowId) {

	public DutyDraft(Boolean onDuty, @Nullable String staffNumber) {
		this(onDuty, staffNumber, null);
	}

	public DutyDraft {
		staffNumber = Blank.toNull(staffNumber);
	}

}
