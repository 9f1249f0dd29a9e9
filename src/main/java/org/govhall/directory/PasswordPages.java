package org.govhall.directory;

import java.util.List;
import java.util.Locale;

import org.govhall.shared.GovHallException;
import org.govhall.shared.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Passwords on pages (issue 12): the signed-in owner changes theirs, giving the current
 * one; the owner of a reset link sets a new one with it. The new password is checked by
 * {@link PasswordPolicy} and never shown to anyone.
 */
@PageController
class PasswordPages {

	private final AccountAdministration administration;

	private final MessageSource messages;

	PasswordPages(AccountAdministration administration, MessageSource messages) {
		this.administration = administration;
		this.messages = messages;
	}

	@GetMapping("/account/password")
	String changeForm() {
		return "account/password";
	}

	@PostMapping("/account/password")
	String change(@RequestParam(required = false) @Nullable String currentPassword,
			@RequestParam(required = false) @Nullable String newPassword, @AuthenticationPrincipal GovHallUser user,
			Model model, Locale locale, RedirectAttributes redirect) {
		try {
			administration.changePassword(user, blank(currentPassword), blank(newPassword));
		}
		catch (GovHallException ex) {
			model.addAttribute("problems", List.of(messages.getMessage(ex.messageKey(), ex.arguments(), locale)));
			return "account/password";
		}
		// the session signed in with the old password ends (SignedInAccountCheck): sign
		// in with the new one
		return "redirect:/login?changed";
	}

	@GetMapping("/password-reset")
	String resetForm(@RequestParam(required = false) @Nullable String token, Model model) {
		model.addAttribute("token", token == null ? "" : token);
		return "password-reset";
	}

	@PostMapping("/password-reset")
	String reset(@RequestParam(required = false) @Nullable String token,
			@RequestParam(required = false) @Nullable String newPassword, Model model, Locale locale) {
		try {
			administration.reset(blank(token), blank(newPassword));
		}
		catch (GovHallException ex) {
			model.addAttribute("token", token == null ? "" : token);
			model.addAttribute("problems", List.of(messages.getMessage(ex.messageKey(), ex.arguments(), locale)));
			return "password-reset";
		}
		return "redirect:/login?changed";
	}

	private static String blank(@Nullable String s) {
		return s == null ? "" : s;
	}

}
