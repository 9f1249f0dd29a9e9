package org.govhall.cases;

import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.shared.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the province's system administrators, on every page, that a year's official
 * holiday schedule is missing: the current year at any time, and from 1 November the next
 * one (the State Council usually publishes it in the autumn), with the number of open
 * cases whose deadlines depend on it. Until it is loaded those deadlines read "期限待定".
 */
@ControllerAdvice(annotations = PageController.class)
class CalendarGapBanner {

	/** A missing year and the open cases with a running clock waiting for it. */
	record CalendarGap(int year, long openCases) {
	}

	/** Absent in web slices, which have no database: then no banner. */
	private final ObjectProvider<CalendarGaps> gaps;

	CalendarGapBanner(ObjectProvider<CalendarGaps> gaps) {
		this.gaps = gaps;
	}

	@ModelAttribute("calendarGap")
	@Nullable CalendarGap calendarGap(@AuthenticationPrincipal @Nullable GovHallUser user) {
		if (user == null || !user.scope().has(Role.SYSTEM_ADMIN) || user.scope().regionCode() == null) {
			return null;
		}
		CalendarGaps g = gaps.getIfAvailable();
		return g == null ? null : g.forProvinceAdmin(user.scope().regionCode());
	}

}
