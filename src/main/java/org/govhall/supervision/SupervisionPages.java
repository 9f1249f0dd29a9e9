package org.govhall.supervision;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.govhall.directory.DepartmentView;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.shared.PageController;
import org.govhall.shared.RefusalShownOn;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervision pages: the workbench (red, yellow or all open cases; irregularities;
 * cards; notices), the case timeline with the notice and accountability forms, the card
 * page (answer, review, accountability) and the notice page (response, close).
 */
@PageController
class SupervisionPages {

	private final Supervision supervision;

	private final Directory directory;

	private final MessageSource messages;

	SupervisionPages(Supervision supervision, Directory directory, MessageSource messages) {
		this.supervision = supervision;
		this.directory = directory;
		this.messages = messages;
	}

	@GetMapping("/supervision")
	String workbench(@RequestParam(defaultValue = "RED") Supervision.Filter filter,
			@AuthenticationPrincipal GovHallUser user, Model model) {
		common(model, user, "cases");
		model.addAttribute("filter", filter);
		model.addAttribute("filters", Supervision.Filter.values());
		model.addAttribute("rows", supervision.workbench(user, filter));
		return "supervision/workbench";
	}

	@GetMapping("/supervision/irregularities")
	String irregularities(@AuthenticationPrincipal GovHallUser user, Model model) {
		common(model, user, "irregularities");
		model.addAttribute("irregularities", supervision.irregularities(user));
		return "supervision/workbench";
	}

	@GetMapping("/supervision/cards")
	String cards(@RequestParam(defaultValue = "false") boolean all, @AuthenticationPrincipal GovHallUser user,
			Model model) {
		common(model, user, "cards");
		model.addAttribute("all", all);
		model.addAttribute("cards", supervision.cards(user, all));
		return "supervision/workbench";
	}

	@GetMapping("/supervision/notices")
	String notices(@AuthenticationPrincipal GovHallUser user, Model model) {
		common(model, user, "notices");
		model.addAttribute("notices", supervision.notices(user));
		return "supervision/workbench";
	}

	/** The documents the cases in scope owe and have not issued (文书未出具, ADR 0021). */
	@GetMapping("/supervision/documents")
	String documentsOwed(@AuthenticationPrincipal GovHallUser user, Model model) {
		common(model, user, "documents");
		model.addAttribute("owed", supervision.documentsOwed(user));
		return "supervision/workbench";
	}

	@GetMapping("/supervision/cases/{number}")
	String timeline(@PathVariable String number, @AuthenticationPrincipal GovHallUser user, Model model) {
		common(model, user, "cases");
		model.addAttribute("t", supervision.timeline(number, user));
		model.addAttribute("measures", Accountability.Measure.values());
		return "supervision/case";
	}

	@RefusalShownOn("/supervision/cases/{number}")
	@PostMapping("/supervision/cases/{number}/notices")
	String issueNotice(@PathVariable String number, @RequestParam(defaultValue = "") String demand,
			@RequestParam(defaultValue = "5") int responseDays, @AuthenticationPrincipal GovHallUser user,
			Locale locale, RedirectAttributes redirect) {
		return act(() -> supervision.issueNotice(number, demand, responseDays, user), "supervision.done.notice", locale,
				redirect, "/supervision/cases/" + number);
	}

	@RefusalShownOn("/supervision/cases/{number}")
	@PostMapping("/supervision/cases/{number}/accountability")
	String holdForCase(@PathVariable String number, @RequestParam(defaultValue = "") String person,
			@RequestParam Accountability.Measure measure, @RequestParam(defaultValue = "") String basis,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return act(() -> supervision.holdAccountable(null, number, person, measure, basis, user),
				"supervision.done.accountability", locale, redirect, "/supervision/cases/" + number);
	}

	@GetMapping("/supervision/cards/{number}")
	String card(@PathVariable String number, @AuthenticationPrincipal GovHallUser user, Model model) {
		common(model, user, "cards");
		Card card = supervision.card(number, user);
		model.addAttribute("card", card);
		model.addAttribute("history", supervision.history(number));
		model.addAttribute("accountabilities", supervision.accountabilities(number, user));
		model.addAttribute("measures", Accountability.Measure.values());
		model.addAttribute("overdue", card.overdue(supervision.today()));
		return "supervision/card";
	}

	@RefusalShownOn("/supervision/cards/{number}")
	@PostMapping("/supervision/cards/{number}/answer")
	String answer(@PathVariable String number, @RequestParam(defaultValue = "") String explanation,
			@RequestParam(defaultValue = "") String rectification, @AuthenticationPrincipal GovHallUser user,
			Locale locale, RedirectAttributes redirect) {
		return act(() -> supervision.answerCard(number, explanation, rectification, user), "supervision.done.answer",
				locale, redirect, "/supervision/cards/" + number);
	}

	@RefusalShownOn("/supervision/cards/{number}")
	@PostMapping("/supervision/cards/{number}/review")
	String review(@PathVariable String number, @RequestParam(defaultValue = "false") boolean accept,
			@RequestParam(defaultValue = "") String comment, @AuthenticationPrincipal GovHallUser user, Locale locale,
			RedirectAttributes redirect) {
		return act(() -> supervision.reviewCard(number, accept, comment, user),
				accept ? "supervision.done.accepted" : "supervision.done.returned", locale, redirect,
				"/supervision/cards/" + number);
	}

	@RefusalShownOn("/supervision/cards/{number}")
	@PostMapping("/supervision/cards/{number}/accountability")
	String holdForCard(@PathVariable String number, @RequestParam(defaultValue = "") String person,
			@RequestParam Accountability.Measure measure, @RequestParam(defaultValue = "") String basis,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return act(() -> supervision.holdAccountable(number, null, person, measure, basis, user),
				"supervision.done.accountability", locale, redirect, "/supervision/cards/" + number);
	}

	@GetMapping("/supervision/notices/{number}")
	String notice(@PathVariable String number, @AuthenticationPrincipal GovHallUser user, Model model) {
		common(model, user, "notices");
		Notice notice = supervision.notice(number, user);
		model.addAttribute("notice", notice);
		model.addAttribute("history", supervision.history(number));
		model.addAttribute("overdue", notice.overdue(supervision.today()));
		return "supervision/notice";
	}

	@RefusalShownOn("/supervision/notices/{number}")
	@PostMapping("/supervision/notices/{number}/response")
	String respond(@PathVariable String number, @RequestParam(defaultValue = "") String response,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return act(() -> supervision.respondToNotice(number, response, user), "supervision.done.response", locale,
				redirect, "/supervision/notices/" + number);
	}

	@RefusalShownOn("/supervision/notices/{number}")
	@PostMapping("/supervision/notices/{number}/close")
	String close(@PathVariable String number, @RequestParam(defaultValue = "") String comment,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return act(() -> supervision.closeNotice(number, comment, user), "supervision.done.closed", locale, redirect,
				"/supervision/notices/" + number);
	}

	private void common(Model model, GovHallUser user, String tab) {
		supervision.viewer(user);
		Map<String, DepartmentView> departments = directory.departments()
			.stream()
			.collect(Collectors.toMap(DepartmentView::code, Function.identity(), (a, b) -> a));
		model.addAttribute("tab", tab);
		model.addAttribute("documentsOwedCount", supervision.documentsOwedCount(user));
		model.addAttribute("departments", departments);
		model.addAttribute("limit", Supervision.LIMIT);
		model.addAttribute("supervisor", user.scope().has(Role.SUPERVISOR));
		model.addAttribute("head", user.scope().hasAny(Role.DEPARTMENT_ADMIN) && user.scope().departmentId() != null
				? directory.department(user.scope().departmentId()).map(DepartmentView::code).orElse(null) : null);
		model.addAttribute("today", supervision.today());
		model.addAttribute("facts", new FactLine.Reader(messages, LocaleContextHolder.getLocale()));
	}

	/**
	 * Runs a form's action and says so; a refusal (other than 403/404) comes back to the
	 * page as a message, changing nothing ({@link RefusalShownOn}).
	 */
	private String act(Runnable action, String doneKey, Locale locale, RedirectAttributes redirect, String back) {
		action.run();
		redirect.addFlashAttribute("done", messages.getMessage(doneKey, null, locale));
		return "redirect:" + back;
	}

}
