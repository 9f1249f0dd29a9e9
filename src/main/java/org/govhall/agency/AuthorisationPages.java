package org.govhall.agency;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.govhall.catalog.Catalog;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.IdentityKind;
import org.govhall.directory.Role;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.GovHallException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.PageController;
import org.govhall.shared.RefusalShownOn;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * "我的授权 / My authorisations": an agent requests authority and sees or withdraws its own;
 * a principal, signed in to a verified account, sees the requests naming them and
 * confirms, declines or revokes. Each action redirects back and says what happened, or
 * why not.
 */
@PageController
class AuthorisationPages {

	private final Authorisations authorisations;

	private final Catalog catalog;

	private final Clock clock;

	AuthorisationPages(Authorisations authorisations, Catalog catalog, Clock clock) {
		this.authorisations = authorisations;
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/authorisations")
	String page(@AuthenticationPrincipal GovHallUser user, Model model, Locale locale) {
		if (user.isStaff()) {
			throw new ForbiddenException("error.forbidden.role");
		}
		boolean agent = user.scope().has(Role.AGENT);
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("agent", agent);
		model.addAttribute("today", today);
		// instants shown as the hall's local time, not the server's (UTC)
		model.addAttribute("lastDay", today.plus(authorisations.maxValidity()).minusDays(1));
		model.addAttribute("identityKinds", IdentityKind.values());
		if (agent) {
			model.addAttribute("authorisations", authorisations.ofAgent(user));
		}
		else if (user.verified()) {
			model.addAttribute("authorisations", authorisations.ofPrincipal(user));
		}
		else {
			model.addAttribute("authorisations", List.of());
			model.addAttribute("unverified", true);
		}
		Map<String, String> names = new HashMap<>();
		@SuppressWarnings("unchecked")
		List<Authorisation> shown = (List<Authorisation>) model.getAttribute("authorisations");
		shown.stream()
			.flatMap(a -> a.itemCodes().stream())
			.distinct()
			.forEach(code -> catalog.findGuide(code)
				.ifPresent(g -> names.put(code, "en".equals(locale.getLanguage()) && g.content().nameEn() != null
						? g.content().nameEn() : g.content().nameZh())));
		model.addAttribute("itemNames", names);
		return "authorisations";
	}

	@RefusalShownOn(value = "/authorisations", except = 403)
	@PostMapping("/authorisations")
	String request(@RequestParam(required = false) @Nullable IdentityKind principalKind,
			@RequestParam(defaultValue = "") String principalName,
			@RequestParam(defaultValue = "") String principalNumber, @RequestParam(defaultValue = "") String itemCodes,
			@RequestParam(defaultValue = "") String validFrom, @RequestParam(defaultValue = "") String validUntil,
			@AuthenticationPrincipal GovHallUser user, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			AuthorisationRequest r = new AuthorisationRequest(
					principalKind == null ? IdentityKind.RESIDENT_ID : principalKind, principalName.strip(),
					principalNumber.strip().toUpperCase(Locale.ROOT),
					Arrays.stream(itemCodes.split("[\\s,，、;；]+")).filter(s -> !s.isBlank()).limit(20).toList(),
					validFrom.isBlank() ? null : date(validFrom, "validFrom"), date(validUntil, "validUntil"));
			if (r.itemCodes().isEmpty()) {
				throw new InvalidInputException("items-required", "error.authorisation.itemsRequired", "itemCodes");
			}
			authorisations.request(r, user);
			redirect.addFlashAttribute("done", "authorisations.done.requested");
		}
		catch (GovHallException ex) {
			// what the agent typed comes back beside the refusal, which RefusalShownOn
			// flashes
			RequestContextUtils.getOutputFlashMap(request)
				.put("entered",
						new Entered(principalKind, principalName, principalNumber, itemCodes, validFrom, validUntil));
			throw ex;
		}
		return "redirect:/authorisations";
	}

	@RefusalShownOn("/authorisations")
	@PostMapping("/authorisations/{id}/confirm")
	String confirm(@PathVariable long id, @AuthenticationPrincipal GovHallUser user, RedirectAttributes redirect) {
		return act(redirect, "confirm", () -> authorisations.confirm(id, user));
	}

	@RefusalShownOn("/authorisations")
	@PostMapping("/authorisations/{id}/decline")
	String decline(@PathVariable long id, @AuthenticationPrincipal GovHallUser user, RedirectAttributes redirect) {
		return act(redirect, "decline", () -> authorisations.decline(id, user));
	}

	@RefusalShownOn("/authorisations")
	@PostMapping("/authorisations/{id}/revoke")
	String revoke(@PathVariable long id, @AuthenticationPrincipal GovHallUser user, RedirectAttributes redirect) {
		return act(redirect, "revoke", () -> authorisations.revoke(id, user));
	}

	@RefusalShownOn("/authorisations")
	@PostMapping("/authorisations/{id}/withdraw")
	String withdraw(@PathVariable long id, @AuthenticationPrincipal GovHallUser user, RedirectAttributes redirect) {
		return act(redirect, "withdraw", () -> authorisations.withdraw(id, user));
	}

	/**
	 * One step on an authorisation; not the caller's (403, 404) is answered as such, a
	 * refusal on its merits shown ({@link RefusalShownOn}).
	 */
	private static String act(RedirectAttributes redirect, String action, Runnable step) {
		step.run();
		redirect.addFlashAttribute("done", "authorisations.done." + action);
		return "redirect:/authorisations";
	}

	/** What the agent typed, shown again beside the refusal. */
	record Entered(@Nullable IdentityKind principalKind, String principalName, String principalNumber, String itemCodes,
			String validFrom, String validUntil) {
	}

	private static LocalDate date(String text, String field) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("invalid-date", "error.authorisation.date", field);
		}
	}

}
