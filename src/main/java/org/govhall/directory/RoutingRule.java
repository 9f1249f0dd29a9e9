package org.govhall.directory;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A department's routing rule for first handlers, with the clerks it chooses from. A department without a stored
 * rule routes in turn ({@link RoutingMode#ROUND_ROBIN}).
 *
 * @param dutyClerk the named duty clerk's login, for {@link RoutingMode#DUTY_CLERK}
 */
public record RoutingRule(String departmentCode, RoutingMode mode, @Nullable String dutyClerk,
		@Nullable String updatedBy, @Nullable Instant updatedAt, java.util.List<Clerk> clerks) {

	/**
	 * A window clerk who receives the department's cases: its own clerks and the comprehensive windows' clerks of its
	 * region. {@code onDuty} is false while the department admin has marked the clerk off duty or on leave.
	 */
	public record Clerk(long accountId, String username, String displayName, @Nullable String staffNumber,
			boolean onDuty) {
	}

}
