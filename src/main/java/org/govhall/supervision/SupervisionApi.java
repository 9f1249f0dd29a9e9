package org.govhall.supervision;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.govhall.directory.GovHallUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The supervisor's workbench over REST. */
@RestController
@RequestMapping("/api/v1/supervision")
@Tag(name = "Supervision", description = "Electronic supervision (电子监察) of open cases' deadlines")
class SupervisionApi {

	private final Supervision supervision;

	SupervisionApi(Supervision supervision) {
		this.supervision = supervision;
	}

	/** The warning levels the API accepts. */
	enum WarningFilter {

		RED, YELLOW, ALL;

		Supervision.Filter filter() {
			return switch (this) {
				case RED -> Supervision.Filter.RED;
				case YELLOW -> Supervision.Filter.YELLOW;
				case ALL -> Supervision.Filter.ALL_OPEN;
			};
		}

	}

	@GetMapping("/cases")
	@Operation(summary = "Open cases in the supervisor's region: overdue (RED), almost due (YELLOW) or ALL, red first")
	List<SupervisedCase> cases(@RequestParam(defaultValue = "ALL") WarningFilter warning,
			@AuthenticationPrincipal GovHallUser user) {
		return supervision.workbench(user, warning.filter());
	}

}
