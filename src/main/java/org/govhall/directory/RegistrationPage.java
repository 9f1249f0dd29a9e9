package org.govhall.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import org.govhall.shared.GovHallException;
import org.govhall.shared.PageController;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Citizens and enterprises open an applicant account with their identity number or credit
 * code.
 */
@PageController
class RegistrationPage {

	private static final List<String> FIELDS = List.of("kind", "legalName", "identityNumber", "phone", "username",
			"password", "form");

	private final Directory directory;

	private final MessageSource messages;

	RegistrationPage(Directory directory, MessageSource messages) {
		this.directory = directory;
		this.messages = messages;
	}

	@GetMapping("/register")
	String form(Model model) {
		model.addAttribute("kinds", IdentityKind.values());
		return "register";
	}

	@PostMapping("/register")
	String register(@Valid @ModelAttribute("registration") ApplicantRegistration registration, BindingResult binding,
			Model model, Locale locale, RedirectAttributes redirect) {
		// each problem beside its field, in plain words, and the same list on top for
		// screen readers
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError fe : binding.getFieldErrors()) {
			errors.putIfAbsent(fe.getField(), messages.getMessage(fe, locale));
		}
		// and what the rules say of the other fields, so that one attempt shows every
		// problem
		List<GovHallException> problems = directory.registrationProblems(registration);
		if (errors.isEmpty() && problems.isEmpty()) {
			try {
				directory.registerApplicant(registration);
				redirect.addFlashAttribute("registered", registration.username());
				return "redirect:/login?registered";
			}
			catch (GovHallException ex) {
				problems = List.of(ex);
			}
		}
		for (GovHallException ex : problems) {
			String field = switch (ex.type()) {
				case "invalid-id-number", "invalid-credit-code", "identity-registered" -> "identityNumber";
				case "invalid-name", "control-characters" -> "legalName";
				case "duplicate", "reserved-username" -> "username";
				case "weak-password" -> "password";
				default -> "form";
			};
			String key = switch (ex.type()) {
				case "invalid-id-number" -> "register.error.idNumber";
				case "invalid-credit-code" -> "register.error.creditCode";
				default -> ex.messageKey();
			};
			errors.putIfAbsent(field, messages.getMessage(key, ex.arguments(), locale));
			if ("identity-registered".equals(ex.type())) {
				model.addAttribute("recover", true);
			}
		}
		model.addAttribute("kinds", IdentityKind.values());
		model.addAttribute("errors", errors);
		// listed in the order of the form's fields
		model.addAttribute("problems",
				FIELDS.stream()
					.filter(errors::containsKey)
					.map(f -> Map.entry(f, errors.get(f)))
					.map(e -> messages.getMessage("register.problem",
							new Object[] { messages.getMessage("register.field." + e.getKey(), null, "", locale),
									e.getValue() },
							locale))
					.toList());
		model.addAttribute("username", registration.username());
		model.addAttribute("legalName", registration.legalName());
		model.addAttribute("identityNumber", registration.identityNumber());
		model.addAttribute("kind", registration.kind());
		model.addAttribute("phone", registration.phone());
		return "register";
	}

}
