package org.govhall.directory;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

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
 * Verified identity on pages (ADR 0024): the window clerk's page to verify an applicant
 * account after seeing the original identity card or business licence, and the page where
 * an enterprise authorises its staff (经办人) and a person sees whom they may act for.
 */
@PageController
class IdentityPages {

	private final Directory directory;

	private final EnterpriseStaff staff;

	private final MessageSource messages;

	IdentityPages(Directory directory, EnterpriseStaff staff, MessageSource messages) {
		this.directory = directory;
		this.staff = staff;
		this.messages = messages;
	}

	@GetMapping("/staff/identity")
	String verifyPage(@RequestParam(required = false) @Nullable String query, @AuthenticationPrincipal GovHallUser user,
			Model model) {
		String q = query == null ? "" : query.strip();
		model.addAttribute("query", q);
		model.addAttribute("found", directory.findApplicants(q.length() > 64 ? "" : q, user));
		return "staff/identity";
	}

	@RefusalShownOn(value = "/staff/identity?query={username}", style = Style.PROBLEMS)
	@PostMapping("/staff/identity/{username}")
	String verify(@PathVariable String username, @RequestParam(defaultValue = "false") boolean originalSeen,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		if (!originalSeen) {
			directory.findApplicants("", user); // a clerk's page: the role is checked
												// first
			redirect.addFlashAttribute("problems",
					List.of(messages.getMessage("identity.window.seenRequired", null, locale)));
		}
		else {
			act(locale, redirect, () -> directory.verifyAtWindow(username, user));
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/staff/identity")
			.queryParam("query", username)
			.build()
			.encode()
			.toUriString();
	}

	@GetMapping("/cases/enterprise-staff")
	String staffPage(@AuthenticationPrincipal GovHallUser user, Model model) {
		model.addAttribute("grants", staff.grantsOf(user));
		ApplicantIdentity identity = user.identity();
		model.addAttribute("enterprise", identity != null && !identity.isPerson());
		return "cases/enterprise-staff";
	}

	@RefusalShownOn(value = "/cases/enterprise-staff", style = Style.PROBLEMS)
	@PostMapping("/cases/enterprise-staff")
	String grant(@RequestParam(defaultValue = "") String staffUsername,
			@RequestParam(defaultValue = "") String validUntil, @AuthenticationPrincipal GovHallUser user,
			Locale locale, RedirectAttributes redirect) {
		LocalDate until;
		try {
			until = LocalDate.parse(validUntil.strip());
		}
		catch (DateTimeParseException ex) {
			until = null;
		}
		LocalDate date = until;
		act(locale, redirect, () -> staff.grant(user, staffUsername.length() > 64 ? "" : staffUsername, date));
		return "redirect:/cases/enterprise-staff";
	}

	@RefusalShownOn(value = "/cases/enterprise-staff", style = Style.PROBLEMS)
	@PostMapping("/cases/enterprise-staff/{id}/revoke")
	String revoke(@PathVariable long id, @AuthenticationPrincipal GovHallUser user, Locale locale,
			RedirectAttributes redirect) {
		act(locale, redirect, () -> staff.revoke(user, id));
		return "redirect:/cases/enterprise-staff";
	}

	/**
	 * Runs the action and says so; a refusal is listed on the page
	 * ({@link RefusalShownOn}).
	 */
	private void act(Locale locale, RedirectAttributes redirect, Runnable action) {
		action.run();
		redirect.addFlashAttribute("done", messages.getMessage("staff.saved", null, locale));
	}

}
