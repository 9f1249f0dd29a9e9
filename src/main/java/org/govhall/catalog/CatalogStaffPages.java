package org.govhall.catalog;

import org.govhall.calendar.LimitUnit;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.RegionLevel;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.GovHallException;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.PageController;
import org.govhall.shared.RefusalShownOn;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff pages of the catalog: the work list, the draft form, and the review actions.
 * Refusals come back on the same page with every reason listed; nothing is stored by a
 * refused request.
 */
@PageController
class CatalogStaffPages {

	private final Catalog catalog;

	private final Directory directory;

	private final Validator validator;

	private final MessageSource messages;

	private final Clock clock;

	CatalogStaffPages(Catalog catalog, Directory directory, Validator validator, MessageSource messages, Clock clock) {
		this.clock = clock;
		this.catalog = catalog;
		this.directory = directory;
		this.validator = validator;
		this.messages = messages;
	}

	@GetMapping("/staff/items")
	String workList(@AuthenticationPrincipal GovHallUser user, Model model) {
		model.addAttribute("rows", catalog.workList(user));
		return "staff/items";
	}

	@GetMapping("/staff/items/new")
	String newItem(@AuthenticationPrincipal GovHallUser user, Model model) {
		requireDrafter(user);
		ItemForm form = new ItemForm();
		if (user.scope().departmentId() != null) {
			directory.department(user.scope().departmentId()).ifPresent(d -> form.setDepartmentCode(d.code()));
		}
		return form(model, form.withBlankRows(), null, true);
	}

	@PostMapping("/staff/items/new")
	String create(@ModelAttribute("form") ItemForm form, BindingResult binding,
			@AuthenticationPrincipal GovHallUser user, Model model, Locale locale, RedirectAttributes redirect) {
		requireDrafter(user);
		form.withoutBlankRows();
		ItemDraft draft = validate(form, binding);
		if (draft == null) {
			return form(model, form.withBlankRows(), null, true);
		}
		try {
			ItemGuide guide = catalog.createItem(ItemForm.text(form.getCode()), ItemForm.text(form.getDepartmentCode()),
					draft, user);
			redirect.addFlashAttribute("done", messages.getMessage("staff.saved", null, locale));
			return "redirect:/staff/items/" + guide.code();
		}
		catch (GovHallException ex) {
			// the department is chosen on the form: one outside the drafter's scope is
			// refused there, input kept
			return form(model, form.withBlankRows(), ex, true);
		}
	}

	@GetMapping("/staff/items/{code}")
	String working(@PathVariable String code, @AuthenticationPrincipal GovHallUser user, Model model) {
		ItemGuide guide;
		try {
			guide = catalog.workingVersion(code, user);
		}
		catch (NotFoundException ex) {
			guide = catalog.guide(code);
		}
		model.addAttribute("guide", guide);
		model.addAttribute("d", guide.content());
		boolean working = guide.state() == VersionState.DRAFT || guide.state() == VersionState.IN_REVIEW;
		model.addAttribute("fileBase", working ? "/staff/items" : "/items");
		model.addAttribute("uploads", guide.state() == VersionState.DRAFT);
		model.addAttribute("today", LocalDate.now(clock));
		return "staff/item";
	}

	@GetMapping("/staff/items/{code}/edit")
	String edit(@PathVariable String code, @AuthenticationPrincipal GovHallUser user, Model model) {
		ItemGuide guide = catalog.workingVersion(code, user);
		ItemForm form = ItemForm.of(guide.content());
		form.setCode(guide.code());
		form.setDepartmentCode(guide.department().code());
		model.addAttribute("guide", guide);
		return form(model, form.withBlankRows(), null, false);
	}

	@PostMapping("/staff/items/{code}/edit")
	String revise(@PathVariable String code, @ModelAttribute("form") ItemForm form, BindingResult binding,
			@AuthenticationPrincipal GovHallUser user, Model model, Locale locale, RedirectAttributes redirect) {
		catalog.requireDrafterOf(code, user);
		form.setCode(code);
		form.withoutBlankRows();
		ItemDraft draft = validate(form, binding);
		if (draft == null) {
			return form(model, form.withBlankRows(), null, false);
		}
		try {
			catalog.reviseDraft(code, draft, user);
			redirect.addFlashAttribute("done", messages.getMessage("staff.saved", null, locale));
			return "redirect:/staff/items/" + code;
		}
		catch (GovHallException ex) {
			return form(model, form.withBlankRows(), ex, false);
		}
	}

	@RefusalShownOn("/staff/items/{code}")
	@PostMapping("/staff/items/{code}/submit")
	String submit(@PathVariable String code, @AuthenticationPrincipal GovHallUser user, Locale locale,
			RedirectAttributes redirect) {
		return act(code, redirect, locale, "staff.submitted", () -> catalog.submit(code, user));
	}

	@RefusalShownOn("/staff/items/{code}")
	@PostMapping("/staff/items/{code}/approve")
	String approve(@PathVariable String code, @AuthenticationPrincipal GovHallUser user, Locale locale,
			RedirectAttributes redirect) {
		return act(code, redirect, locale, "staff.published.done", () -> catalog.approve(code, user));
	}

	@RefusalShownOn("/staff/items/{code}")
	@PostMapping("/staff/items/{code}/return")
	String returnToDraft(@PathVariable String code, @RequestParam(defaultValue = "") String note,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return act(code, redirect, locale, "staff.returned", () -> catalog.returnToDraft(code, note, user));
	}

	@RefusalShownOn("/staff/items/{code}")
	@PostMapping("/staff/items/{code}/drafts")
	String newDraft(@PathVariable String code, @AuthenticationPrincipal GovHallUser user, Locale locale,
			RedirectAttributes redirect) {
		return act(code, redirect, locale, "staff.newDraft", () -> catalog.newDraft(code, user));
	}

	@RefusalShownOn("/staff/items/{code}")
	@PostMapping("/staff/items/{code}/end")
	String end(@PathVariable String code, @RequestParam(required = false) @Nullable ItemStatus status,
			@RequestParam(required = false) @Nullable LocalDate on, @RequestParam(defaultValue = "") String document,
			@RequestParam(required = false) @Nullable String reason, @AuthenticationPrincipal GovHallUser user,
			Locale locale, RedirectAttributes redirect) {
		return act(code, redirect, locale, "staff.ended",
				() -> catalog.end(code, status == null ? ItemStatus.ABOLISHED : status,
						on == null ? LocalDate.now(clock) : on, document, reason, user));
	}

	/**
	 * The new-item form and its post are for those who draft items somewhere; others are
	 * refused before any input.
	 */
	private void requireDrafter(GovHallUser user) {
		if (!catalog.drafts(user)) {
			throw new ForbiddenException("error.forbidden.role");
		}
	}

	/**
	 * Runs the step and says so; a refusal is shown on the staff item page
	 * ({@link RefusalShownOn}).
	 */
	private String act(String code, RedirectAttributes redirect, Locale locale, String doneKey, Runnable action) {
		action.run();
		redirect.addFlashAttribute("done", messages.getMessage(doneKey, null, locale));
		return "redirect:/staff/items/" + code;
	}

	private @Nullable ItemDraft validate(ItemForm form, BindingResult binding) {
		if (binding.hasErrors()) {
			return null;
		}
		if (form.getItemType() == null || form.getServiceObject() == null || form.getProcessingMode() == null
				|| form.getOnlineAvailability() == null) {
			binding.reject("error.validation", new Object[] { 1 }, "invalid");
			return null;
		}
		ItemDraft draft;
		try {
			draft = form.toDraft();
		}
		catch (NullPointerException ex) {
			binding.reject("error.validation", new Object[] { 1 }, "invalid");
			return null;
		}
		Set<ConstraintViolation<ItemDraft>> violations = validator.validate(draft);
		for (ConstraintViolation<ItemDraft> v : violations) {
			String path = v.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
			if (path.startsWith("statutoryLimit.")) {
				path = "statutoryAmount";
			}
			else if (path.startsWith("promisedLimit.")) {
				path = "promisedAmount";
			}
			else if (path.startsWith("online.")) {
				path = path.equals("online.url") ? "onlineUrl" : "onlineDepth";
			}
			// the form is flat where the draft groups GB/T 39046's elements into records
			path = path.replaceFirst("^(implementation|handling|revision)\\.", "");
			binding.rejectValue(path.replaceAll("\\[\\]", ""), "invalid", v.getMessage());
		}
		return binding.hasErrors() ? null : draft;
	}

	private String form(Model model, ItemForm form, @Nullable GovHallException refusal, boolean creating) {
		model.addAttribute("form", form);
		model.addAttribute("creating", creating);
		model.addAttribute("departments", directory.departments());
		model.addAttribute("counties",
				directory.regions().stream().filter(r -> r.level() == RegionLevel.COUNTY).toList());
		model.addAttribute("itemTypes", ItemType.values());
		model.addAttribute("audiences", ServiceObject.values());
		model.addAttribute("lifeEvents", LifeEvent.values());
		model.addAttribute("levels", ExerciseLevel.values());
		model.addAttribute("modes", ProcessingMode.values());
		model.addAttribute("units", LimitUnit.values());
		model.addAttribute("onlines", OnlineAvailability.values());
		model.addAttribute("media", MaterialMedium.values());
		model.addAttribute("requirements", MaterialRequirement.values());
		model.addAttribute("procedures", SpecialProcedure.values());
		model.addAttribute("delegationModes", DelegationMode.values());
		model.addAttribute("natures", BodyNature.values());
		model.addAttribute("initiations", Initiation.values());
		model.addAttribute("scopes", HandlingScope.values());
		model.addAttribute("depths", OnlineDepth.values());
		model.addAttribute("halls", directory.halls());
		if (refusal != null) {
			model.addAttribute("refusal", refusal.messageKey());
			model.addAttribute("refusalArgs", refusal.arguments());
			model.addAttribute("refusalReasons", refusal.violations());
		}
		return "staff/item-form";
	}

}
