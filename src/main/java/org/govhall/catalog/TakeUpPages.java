package org.govhall.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.govhall.directory.GovHallUser;
import org.govhall.directory.RegionView;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.PageController;
import org.govhall.shared.RefusalShownOn;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The county's page of the powers delegated to it (下放权力承接情况): each power with its
 * counterpart item, and a form to record that the county has not yet taken it on (尚未承接)
 * or to withdraw that record. For department administrators of the county's departments
 * and system administrators whose region covers it.
 */
@PageController
class TakeUpPages {

	private final DelegationTakeUp takeUp;

	private final MessageSource messages;

	TakeUpPages(DelegationTakeUp takeUp, MessageSource messages) {
		this.takeUp = takeUp;
		this.messages = messages;
	}

	@GetMapping("/staff/take-up")
	String page(@RequestParam(required = false) @Nullable String county, @AuthenticationPrincipal GovHallUser user,
			Model model) {
		List<RegionView> counties = takeUp.countiesFor(user);
		if (counties.isEmpty()) {
			throw new ForbiddenException("error.takeUp.forbidden", county == null ? "" : county);
		}
		RegionView chosen = counties.stream().filter(c -> c.code().equals(county)).findFirst().orElse(counties.get(0));
		model.addAttribute("counties", counties);
		model.addAttribute("county", chosen);
		model.addAttribute("powers", takeUp.delegatedTo(chosen.code()));
		return "staff/take-up";
	}

	@RefusalShownOn("/staff/take-up?county={county}")
	@PostMapping("/staff/take-up/{code}/{county}/not-taken-on")
	String mark(@PathVariable String code, @PathVariable String county,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable LocalDate targetOn, @AuthenticationPrincipal GovHallUser user,
			Locale locale, RedirectAttributes redirect) {
		return act(county, redirect, locale, "takeUp.marked",
				() -> takeUp.markNotTakenOn(code, county, reason, targetOn, user));
	}

	@RefusalShownOn("/staff/take-up?county={county}")
	@PostMapping("/staff/take-up/{code}/{county}/taken-on")
	String clear(@PathVariable String code, @PathVariable String county, @AuthenticationPrincipal GovHallUser user,
			Locale locale, RedirectAttributes redirect) {
		return act(county, redirect, locale, "takeUp.cleared", () -> takeUp.clearNotTakenOn(code, county, user));
	}

	/**
	 * Runs the action and says so; a refusal is shown on the take-up page
	 * ({@link RefusalShownOn}).
	 */
	private String act(String county, RedirectAttributes redirect, Locale locale, String doneKey, Runnable action) {
		action.run();
		redirect.addFlashAttribute("done", messages.getMessage(doneKey, null, locale));
		return "redirect:/staff/take-up?county=" + county;
	}

}
