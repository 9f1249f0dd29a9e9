package org.govhall.supervision;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.govhall.directory.DepartmentView;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The supervisor's workbench page: red, yellow or all open cases of the region, each linked to its case page. */
@Controller
class SupervisionPages {

	private final Supervision supervision;

	private final Directory directory;

	SupervisionPages(Supervision supervision, Directory directory) {
		this.supervision = supervision;
		this.directory = directory;
	}

	@GetMapping("/supervision")
	String workbench(@RequestParam(defaultValue = "RED") Supervision.Filter filter,
			@AuthenticationPrincipal GovHallUser user, Model model) {
		List<SupervisedCase> rows = supervision.workbench(user, filter);
		Map<String, DepartmentView> departments = directory.departments().stream()
			.collect(Collectors.toMap(DepartmentView::code, Function.identity(), (a, b) -> a));
		model.addAttribute("filter", filter);
		model.addAttribute("filters", Supervision.Filter.values());
		model.addAttribute("rows", rows);
		model.addAttribute("departments", departments);
		model.addAttribute("limit", Supervision.LIMIT);
		return "supervision/workbench";
	}

}
