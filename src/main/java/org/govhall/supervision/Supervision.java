package org.govhall.supervision;

import java.util.List;
import java.util.Set;

import org.govhall.directory.DepartmentView;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.shared.ForbiddenException;
import org.springframework.stereotype.Service;

/**
 * Electronic supervision (电子监察) for supervisors and system administrators: the workbench of red, yellow or all open
 * cases in their region and below, and the daily re-evaluation of every warning.
 */
@Service
public class Supervision {

	/** The most cases one workbench list shows. */
	static final int LIMIT = 1000;

	private final SupervisedCases cases;

	private final Directory directory;

	Supervision(SupervisedCases cases, Directory directory) {
		this.cases = cases;
		this.directory = directory;
	}

	/** Which open cases the workbench lists. */
	public enum Filter {

		/** Overdue cases. */
		RED,
		/** Cases almost due. */
		YELLOW,
		/** Every open case, red and yellow first. */
		ALL_OPEN;

		List<Warning> warnings() {
			return switch (this) {
				case RED -> List.of(Warning.RED);
				case YELLOW -> List.of(Warning.YELLOW);
				case ALL_OPEN -> List.of(Warning.values());
			};
		}

	}

	/**
	 * The open cases handled in the supervisor's region or below it (and in the supervisor's department, for a
	 * department-bound scope), red first, then by the working days left; at most {@value #LIMIT}.
	 *
	 * @throws ForbiddenException unless the user is a supervisor or a system administrator
	 */
	public List<SupervisedCase> workbench(GovHallUser supervisor, Filter filter) {
		if (!supervisor.scope().hasAny(Role.SUPERVISOR, Role.SYSTEM_ADMIN)) {
			throw new ForbiddenException("error.forbidden.role");
		}
		String region = supervisor.scope().regionCode();
		if (region == null) {
			return List.of();
		}
		Set<String> regions = directory.regionAndBelow(region);
		Long departmentId = supervisor.scope().departmentId();
		String department = departmentId == null ? null
				: directory.department(departmentId).map(DepartmentView::code).orElse("-");
		return cases.open(regions, department, filter.warnings(), LIMIT);
	}

	/**
	 * Evaluates the remaining working days and the warning of every open case again, against today and the current
	 * calendar, with plain batched updates (no event is replayed).
	 *
	 * @return the number of open cases re-evaluated
	 */
	public int reevaluate() {
		return cases.reevaluate();
	}

}
