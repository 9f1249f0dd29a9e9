package org.govhall.directory;

import java.util.List;
import java.util.Locale;

import org.govhall.shared.ForbiddenException;
import org.govhall.shared.PageController;
import org.govhall.shared.RefusalShownOn;
import org.govhall.shared.RefusalShownOn.Style;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The department admin's page of first handlers (首办分派): the routing rule of online and
 * agent cases, and each window clerk on or off duty with the staff number applicants see.
 */
@PageController
class RoutingPages {

	private final CaseRouting routing;

	private final MessageSource messages;

	RoutingPages(CaseRouting routing, MessageSource messages) {
		this.routing = routing;
		this.messages = messages;
	}

	@GetMapping("/staff/routing")
	String page(@RequestParam(required = false) @Nullable String department, @AuthenticationPrincipal GovHallUser user,
			Model model) {
		List<DepartmentView> departments = routing.departmentsFor(user);
		if (departments.isEmpty()) {
			throw new ForbiddenException("error.forbidden.role");
		}
		String code = department != null ? department
				: departments.stream()
					.filter(d -> Long.valueOf(d.id()).equals(user.scope().departmentId()))
					.findFirst()
					.orElse(departments.get(0))
					.code();
		model.addAttribute("departments", departments);
		model.addAttribute("rule", routing.rule(code, user));
		model.addAttribute("modes", RoutingMode.values());
		return "staff/routing";
	}

	@RefusalShownOn(value = "/staff/routing?department={department}", style = Style.PROBLEMS)
	@PostMapping("/staff/routing/{department}")
	String setRule(@PathVariable String department, @RequestParam(required = false) @Nullable RoutingMode mode,
			@RequestParam(required = false) @Nullable String dutyClerk,
			@RequestParam(required = false) @Nullable Long windowId, @AuthenticationPrincipal GovHallUser user,
			Locale locale, RedirectAttributes redirect) {
		return act(department, locale, redirect, () -> routing.setRule(department,
				new RoutingDraft(mode == null ? RoutingMode.ROUND_ROBIN : mode, dutyClerk, windowId), user));
	}

	@RefusalShownOn(value = "/staff/routing?department={department}", style = Style.PROBLEMS)
	@PostMapping("/staff/routing/{department}/clerks/{username}")
	String setDuty(@PathVariable String department, @PathVariable String username,
			@RequestParam(defaultValue = "false") boolean onDuty,
			@RequestParam(required = false) @Nullable String staffNumber,
			@RequestParam(required = false) @Nullable Long windowId, @AuthenticationPrincipal GovHallUser user,
			Locale locale, RedirectAttributes redirect) {
		routing.rule(department, user);
		String number = Blank.toNull(staffNumber);
		if (number != null && !number.matches("[A-Za-z0-9-]{1,16}")) {
			redirect.addFlashAttribute("problems",
					List.of(messages.getMessage("error.staffNumber.pattern", null, locale)));
			return back(department);
		}
		return act(department, locale, redirect,
				() -> routing.setDuty(department, username, new DutyDraft(onDuty, number, windowId), user));
	}

	/**
	 * Runs the change and says so; a refusal is listed on the routing page
	 * ({@link RefusalShownOn}).
	 */
	private String act(String department, Locale locale, RedirectAttributes redirect, Runnable action) {
		action.run();
		redirect.addFlashAttribute("done", messages.getMessage("staff.saved", null, locale));
		return back(department);
	}

	private static String back(String department) {
		return "redirect:" + UriComponentsBuilder.fromPath("/staff/routing")
			.queryParam("department", department)
			.build()
			.encode()
			.toUriString();
	}

}
