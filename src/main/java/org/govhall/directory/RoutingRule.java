package org.govhall.directory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A department's routing rule for first handlers, with the clerks it chooses from. A
 * department without a stored rule routes in turn ({@link RoutingMode#ROUND_ROBIN}).
 *
 * @param dutyClerk the named duty clerk's login, for {@link RoutingMode#DUTY_CLERK}
 * @param windowId the window whose clerks on duty take the cases in turn, or null for all
 * the department's clerks
 * @param windows the windows that serve the department, which the rule and the clerks may
 * name
 */
public record RoutingRule(String departmentCode, RoutingMode mode, @Nullable String dutyClerk, @Nullable Long windowId,
		@Nullable String updatedBy, @Nullable Instant updatedAt, List<Clerk> clerks, List<Window> windows) {

	/**
	 * The clerks on duty other than that one: whom a clerk's cases can be handed over to.
	 */
	public List<Clerk> onDutyOtherThan(String username) {
		return clerks.stream().filter(c -> c.onDuty() && !c.username().equals(username)).toList();
	}

	/** The rule's window as the page names it, or null. */
	public @Nullable Window window() {
		return windowId == null ? null
				: windows.stream().filter(w -> w.id() == windowId.longValue()).findFirst().orElse(null);
	}

	/**
	 * A window that serves the department: its hall and number, e.g. 示范市政务服务中心 B01
	 * 企业开办综合窗口.
	 */
	public record Window(long id, String hallNameZh, String hallNameEn, String number, String nameZh, String nameEn) {

		public String label(Locale locale) {
			return "en".equals(locale.getLanguage()) ? hallNameEn + " " + number + " " + nameEn
					: hallNameZh + " " + number + " " + nameZh;
		}

	}

	/**
	 * A window clerk who receives the department's cases: its own clerks and the
	 * comprehensive windows' clerks of its region. {@code onDuty} is false while the
	 * department admin has marked the clerk off duty or on leave; {@code windowId} is the
	 * window the clerk sits at, if given.
	 */
	public record Clerk(long accountId, String username, String displayName, @Nullable String staffNumber,
			boolean onDuty, @Nullable Long windowId) {
	}

}
