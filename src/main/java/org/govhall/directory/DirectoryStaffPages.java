package org.govhall.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.PageController;
import org.govhall.shared.RefusalShownOn;
import org.govhall.shared.RefusalShownOn.Style;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The system administrator's pages for regions, departments, halls, windows and accounts.
 */
@PageController
class DirectoryStaffPages {

	private final Directory directory;

	private final MessageSource messages;

	private final AccountAdministration administration;

	DirectoryStaffPages(Directory directory, MessageSource messages, AccountAdministration administration) {
		this.directory = directory;
		this.messages = messages;
		this.administration = administration;
	}

	@GetMapping("/staff/directory")
	String page(@AuthenticationPrincipal GovHallUser user, Model model) {
		if (!user.scope().has(Role.SYSTEM_ADMIN)) {
			throw new ForbiddenException("error.forbidden.role");
		}
		model.addAttribute("regions", directory.regions());
		model.addAttribute("departments", directory.departments());
		model.addAttribute("halls", directory.halls());
		model.addAttribute("accounts", directory.accounts(user));
		model.addAttribute("pendingRoles", administration.pending(user));
		model.addAttribute("levels", RegionLevel.values());
		model.addAttribute("kinds", DepartmentKind.values());
		model.addAttribute("windowKinds", WindowKind.values());
		model.addAttribute("roles", Role.values());
		return "staff/directory";
	}

	@RefusalShownOn(value = "/staff/directory", except = 403, style = Style.PROBLEMS)
	@PostMapping("/staff/directory/regions")
	String addRegion(@Valid @ModelAttribute RegionDraft draft, BindingResult binding,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return act(binding, locale, redirect, () -> directory.addRegion(draft, user));
	}

	@RefusalShownOn(value = "/staff/directory", except = 403, style = Style.PROBLEMS)
	@PostMapping("/staff/directory/departments")
	String addDepartment(@Valid @ModelAttribute DepartmentDraft draft, BindingResult binding,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return act(binding, locale, redirect, () -> directory.addDepartment(draft, user));
	}

	@RefusalShownOn(value = "/staff/directory", except = 403, style = Style.PROBLEMS)
	@PostMapping("/staff/directory/halls")
	String addHall(@Valid @ModelAttribute HallDraft draft, BindingResult binding,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return act(binding, locale, redirect, () -> directory.addHall(draft, user));
	}

	@RefusalShownOn(value = "/staff/directory", except = 403, style = Style.PROBLEMS)
	@PostMapping("/staff/directory/halls/{id}/windows")
	String addWindow(@PathVariable long id, @Valid @ModelAttribute WindowDraft draft, BindingResult binding,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return act(binding, locale, redirect, () -> directory.addWindow(id, draft, user));
	}

	@RefusalShownOn(value = "/staff/directory", except = 403, style = Style.PROBLEMS)
	@PostMapping("/staff/directory/accounts")
	String openAccount(@Valid @ModelAttribute AccountDraft draft, BindingResult binding,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return act(binding, locale, redirect, () -> directory.openAccount(draft, user));
	}

	// ---- accounts after opening (issue 12): a second administrator, disabling, roles,
	// password resets

	@RefusalShownOn(value = "/staff/directory#h-accounts", except = {},
			exceptKeys = { "error.forbidden.scope", "error.forbidden.role" }, style = Style.PROBLEMS)
	@PostMapping("/staff/directory/accounts/{username}/confirm")
	String confirm(@PathVariable String username, @AuthenticationPrincipal GovHallUser user, Locale locale,
			RedirectAttributes redirect) {
		return actOnAccount(locale, redirect, () -> administration.confirm(username, user));
	}

	@RefusalShownOn(value = "/staff/directory#h-accounts", except = {},
			exceptKeys = { "error.forbidden.scope", "error.forbidden.role" }, style = Style.PROBLEMS)
	@PostMapping("/staff/directory/accounts/{username}/reject")
	String reject(@PathVariable String username, @AuthenticationPrincipal GovHallUser user, Locale locale,
			RedirectAttributes redirect) {
		return actOnAccount(locale, redirect, () -> administration.reject(username, user));
	}

	@RefusalShownOn(value = "/staff/directory#h-accounts", except = {},
			exceptKeys = { "error.forbidden.scope", "error.forbidden.role" }, style = Style.PROBLEMS)
	@PostMapping("/staff/directory/accounts/{username}/roles")
	String grantRole(@PathVariable String username, @RequestParam(required = false) @Nullable Role role,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return actOnAccount(locale, redirect, () -> {
			if (role == null) {
				throw new InvalidInputException("role-required", "error.account.roleRequired", "role");
			}
			administration.grantRole(username, role, user);
		});
	}

	@RefusalShownOn(value = "/staff/directory#h-accounts", except = {},
			exceptKeys = { "error.forbidden.scope", "error.forbidden.role" }, style = Style.PROBLEMS)
	@PostMapping("/staff/directory/accounts/{username}/roles/{role}/remove")
	String revokeRole(@PathVariable String username, @PathVariable Role role, @AuthenticationPrincipal GovHallUser user,
			Locale locale, RedirectAttributes redirect) {
		return actOnAccount(locale, redirect, () -> administration.revokeRole(username, role, user));
	}

	@RefusalShownOn(value = "/staff/directory#h-accounts", except = {},
			exceptKeys = { "error.forbidden.scope", "error.forbidden.role" }, style = Style.PROBLEMS)
	@PostMapping("/staff/directory/accounts/{username}/disable")
	String disable(@PathVariable String username, @AuthenticationPrincipal GovHallUser user, Locale locale,
			RedirectAttributes redirect) {
		return actOnAccount(locale, redirect, () -> administration.disable(username, user));
	}

	@RefusalShownOn(value = "/staff/directory#h-accounts", except = {},
			exceptKeys = { "error.forbidden.scope", "error.forbidden.role" }, style = Style.PROBLEMS)
	@PostMapping("/staff/directory/accounts/{username}/enable")
	String enable(@PathVariable String username, @AuthenticationPrincipal GovHallUser user, Locale locale,
			RedirectAttributes redirect) {
		return actOnAccount(locale, redirect, () -> administration.enable(username, user));
	}

	@RefusalShownOn(value = "/staff/directory#h-accounts", except = {},
			exceptKeys = { "error.forbidden.scope", "error.forbidden.role" }, style = Style.PROBLEMS)
	@PostMapping("/staff/directory/accounts/{username}/password-reset")
	String requestReset(@PathVariable String username, @AuthenticationPrincipal GovHallUser user, Locale locale,
			RedirectAttributes redirect) {
		return actOnAccount(locale, redirect, () -> administration.requestReset(username, user));
	}

	/**
	 * Like {@link #act}, but a refusal on the merits (not one's own account, not
	 * confirming one's own request) is shown on the page, 403 and 404 too; a caller who
	 * administers no such account (the generic refusals of scope and role) gets 403
	 * ({@link RefusalShownOn}).
	 */
	private String actOnAccount(Locale locale, RedirectAttributes redirect, Runnable action) {
		action.run();
		redirect.addFlashAttribute("done", messages.getMessage("staff.saved", null, locale));
		return "redirect:/staff/directory#h-accounts";
	}

	private String act(BindingResult binding, Locale locale, RedirectAttributes redirect, Runnable action) {
		List<String> problems = new ArrayList<>();
		if (binding.hasErrors()) {
			for (FieldError fe : binding.getFieldErrors()) {
				problems.add(fe.getField() + ": " + messages.getMessage(fe, locale));
			}
		}
		else {
			// a refusal is listed the same way by RefusalShownOn
			action.run();
			redirect.addFlashAttribute("done", messages.getMessage("staff.saved", null, locale));
		}
		if (!problems.isEmpty()) {
			redirect.addFlashAttribute("problems", problems);
		}
		return "redirect:/staff/directory";
	}

}
