package org.govhall.system;

import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.shared.PageController;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The workbench (工作台): who is signed in, their scope, and the work their roles open. */
@PageController
class StaffHome {

	private final Directory directory;

	StaffHome(Directory directory) {
		this.directory = directory;
	}

	/**
	 * Staff land on their workbench; an applicant or agent (where the login sends
	 * everyone) on their own cases.
	 */
	@GetMapping("/staff")
	String home(@AuthenticationPrincipal GovHallUser user, Model model) {
		if (!user.isStaff()) {
			return "redirect:/cases";
		}
		model.addAttribute("region",
				user.scope().regionCode() == null ? null : directory.region(user.scope().regionCode()).orElse(null));
		model.addAttribute("department", user.scope().departmentId() == null ? null
				: directory.department(user.scope().departmentId()).orElse(null));
		return "staff/index";
	}

}
