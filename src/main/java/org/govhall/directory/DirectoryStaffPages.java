package org.govhall.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import org.govhall.shared.GovHallException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The system administrator's pages for regions, departments, halls, windows and accounts. */
@Controller
class DirectoryStaffPages {

	private final Directory directory;

	private final MessageSource messages;

	DirectoryStaffPages(Directory directory, MessageSource messages) {
		this.directory = directory;
		this.messages = messages;
	}

	@GetMapping("/staff/directory")
	String page(@AuthenticationPrincipal GovHallUser user, Model model) {
		if (!user.scope().has(Role.SYSTEM_ADMIN)) {
			throw new org.govhall.shared.ForbiddenException("error.forbidden.role");
		}
		model.addAttribute("regions", directory.regions());
		model.addAttribute("departments", directory.departments());
		model.addAttribute("halls", directory.halls());
		model.addAttribute("accounts", directory.accounts(user));
		model.addAttribute("levels", RegionLevel.values());
		model.addAttribute("kinds", DepartmentKind.values());
		model.addAttribute("windowKinds", WindowKind.values());
		model.addAttribute("roles", Role.values());
		return "staff/directory";
	}

	@PostMapping("/staff/directory/regions")
	String addRegion(@Valid @ModelAttribute RegionDraft draft, BindingResult binding,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return act(binding, locale, redirect, () -> directory.addRegion(draft, user));
	}

	@PostMapping("/staff/directory/departments")
	String addDepartment(@Valid @ModelAttribute DepartmentDraft draft, BindingResult binding,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return act(binding, locale, redirect, () -> directory.addDepartment(draft, user));
	}

	@PostMapping("/staff/directory/halls")
	String addHall(@Valid @ModelAttribute HallDraft draft, BindingResult binding,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return act(binding, locale, redirect, () -> directory.addHall(draft, user));
	}

	@PostMapping("/staff/directory/halls/{id}/windows")
	String addWindow(@PathVariable long id, @Valid @ModelAttribute WindowDraft draft, BindingResult binding,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return act(binding, locale, redirect, () -> directory.addWindow(id, draft, user));
	}

	@PostMapping("/staff/directory/accounts")
	String openAccount(@Valid @ModelAttribute AccountDraft draft, BindingResult binding,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return act(binding, locale, redirect, () -> directory.openAccount(draft, user));
	}

	private String act(BindingResult binding, Locale locale, RedirectAttributes redirect, Runnable action) {
		List<String> problems = new ArrayList<>();
		if (binding.hasErrors()) {
			for (FieldError fe : binding.getFieldErrors()) {
				problems.add(fe.getField() + ": " + messages.getMessage(fe, locale));
			}
		}
		else {
			try {
				action.run();
				redirect.addFlashAttribute("done", messages.getMessage("staff.saved", null, locale));
			}
			catch (GovHallException ex) {
				if (ex.status() == 403) {
					throw ex;
				}
				problems.add(messages.getMessage(ex.messageKey(), ex.arguments(), locale));
				ex.violations()
					.forEach(v -> problems.add(v.field() + ": " + messages.getMessage(v.messageKey(), v.arguments(),
							locale)));
			}
		}
		if (!problems.isEmpty()) {
			redirect.addFlashAttribute("problems", problems);
		}
		return "redirect:/staff/directory";
	}

}
