package org.govhall.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import org.govhall.shared.GovHallException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Citizens and enterprises open an applicant account with their identity number or credit code. */
@Controller
class RegistrationPage {

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
		List<String> problems = new ArrayList<>();
		if (binding.hasErrors()) {
			for (FieldError fe : binding.getFieldErrors()) {
				problems.add(messages.getMessage("register.field." + fe.getField(), null, fe.getField(), locale) + ": "
						+ messages.getMessage(fe, locale));
			}
		}
		else {
			try {
				directory.registerApplicant(registration);
				redirect.addFlashAttribute("registered", registration.username());
				return "redirect:/login?registered";
			}
			catch (GovHallException ex) {
				problems.add(messages.getMessage(ex.messageKey(), ex.arguments(), locale));
			}
		}
		model.addAttribute("kinds", IdentityKind.values());
		model.addAttribute("problems", problems);
		model.addAttribute("username", registration.username());
		model.addAttribute("legalName", registration.legalName());
		model.addAttribute("kind", registration.kind());
		model.addAttribute("phone", registration.phone());
		return "register";
	}

}
