package org.govhall.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.govhall.calendar.DeadlineExplainer;
import org.govhall.cases.CasePageApplication.Kept;
import org.govhall.cases.CaseRecords.CorrectionNotice;
import org.govhall.cases.CaseRecords.MaterialIssue;
import org.govhall.cases.CaseRecords.SubmittedMaterial;
import org.govhall.cases.CaseTerms.RequiredMaterial;
import org.govhall.catalog.SpecialProcedure;
import org.govhall.directory.CaseRouting;
import org.govhall.directory.DepartmentView;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.GovHallException;
import org.govhall.shared.GovHallException.FieldViolation;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.PageController;
import org.govhall.shared.RefusalShownOn;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case pages: the parties' list and the staff work lists, the case with every clock
 * explained and the forms of the steps offered, and the steps those forms take. Each
 * action posts, redirects back to the case and says what happened; a refusal (400, 409,
 * 422) comes back on the page, at the form that was sent with what was typed in it, while
 * 403 and 404 go to the error page. {@link CaseHandling} enforces every rule. The
 * application form and the window's intake are {@link ApplicationPages}; documents, files
 * and the public lookup {@link CaseFilePages}.
 */
@PageController
class CasePages {

	/** A notice's issue as the request record names it, by its place. */
	private static final Pattern ISSUE_FIELD = Pattern.compile("issues\\[(\\d+)](?:\\.problem)?");

	/** The work lists of the staff pages, in the order the tabs show them. */
	static final List<Worklist> STAFF_LISTS = List.of(Worklist.TO_ACCEPT, Worklist.AWAITING_CORRECTION,
			Worklist.TO_REVIEW, Worklist.OPINIONS, Worklist.PROCEDURES, Worklist.TO_DECIDE, Worklist.TO_DELIVER,
			Worklist.FIRST_HANDLED, Worklist.DOCUMENTS_OWED);

	private final CaseHandling handling;

	private final CaseReads reads;

	private final CaseWorklists worklists;

	private final Directory directory;

	private final CaseRouting routing;

	private final DeadlineExplainer explainer;

	private final MessageSource messages;

	private final Clock clock;

	private final CaseMaterials caseMaterials;

	private final CaseHistoryText historyText;

	private final DocumentsOwed owed;

	private final StepRequests requests;

	private final PageUploads uploads;

	CasePages(CaseHandling handling, CaseReads reads, CaseWorklists worklists, Directory directory,
			DeadlineExplainer explainer, MessageSource messages, Clock clock, CaseMaterials caseMaterials,
			CaseHistoryText historyText, CaseRouting routing, DocumentsOwed owed, StepRequests requests,
			PageUploads uploads) {
		this.handling = handling;
		this.reads = reads;
		this.worklists = worklists;
		this.directory = directory;
		this.explainer = explainer;
		this.messages = messages;
		this.clock = clock;
		this.caseMaterials = caseMaterials;
		this.historyText = historyText;
		this.routing = routing;
		this.owed = owed;
		this.requests = requests;
		this.uploads = uploads;
	}

	// ---- lists

	@GetMapping("/cases")
	String myCases(@AuthenticationPrincipal GovHallUser user, Model model) {
		Worklist list;
		if (user.scope().has(Role.APPLICANT)) {
			list = Worklist.MINE;
		}
		else if (user.scope().has(Role.AGENT)) {
			list = Worklist.REPRESENTED;
		}
		else {
			return "redirect:/staff/cases";
		}
		return listPage(model, list, List.of(list), user, false);
	}

	@GetMapping("/staff/cases")
	String workList(@RequestParam(required = false) @Nullable Worklist list, @AuthenticationPrincipal GovHallUser user,
			Model model) {
		PageInputs.requireStaff(user);
		List<Worklist> mine = listsOf(user);
		Worklist chosen = list != null ? list : mine.get(0);
		if (!STAFF_LISTS.contains(chosen)) {
			throw new ForbiddenException("error.forbidden.role");
		}
		return listPage(model, chosen, mine, user, true);
	}

	private String listPage(Model model, Worklist list, List<Worklist> tabs, GovHallUser user, boolean staff) {
		List<CaseSummary> cases = worklists.list(list, user);
		model.addAttribute("list", list);
		model.addAttribute("tabs", tabs);
		Set<String> owing = owed.casesOwing(cases.stream().map(CaseSummary::number).toList());
		model.addAttribute("rows", cases.stream().map(c -> Row.of(c, owing.contains(c.number()))).toList());
		model.addAttribute("staff", staff);
		model.addAttribute("base", staff ? "/staff/cases" : "/cases");
		return "cases/list";
	}

	/**
	 * The work lists a staff member's roles open; everyone who handles cases has the
	 * cases they first handled.
	 */
	static List<Worklist> listsOf(GovHallUser user) {
		Set<Worklist> lists = new LinkedHashSet<>();
		if (user.scope().has(Role.WINDOW_CLERK)) {
			lists.addAll(List.of(Worklist.TO_ACCEPT, Worklist.AWAITING_CORRECTION, Worklist.TO_DELIVER));
		}
		if (user.scope().has(Role.REVIEWER)) {
			lists.addAll(List.of(Worklist.TO_REVIEW, Worklist.OPINIONS, Worklist.PROCEDURES));
		}
		if (user.scope().has(Role.APPROVER)) {
			lists.addAll(List.of(Worklist.PROCEDURES, Worklist.TO_DECIDE));
		}
		lists.add(Worklist.FIRST_HANDLED);
		lists.add(Worklist.DOCUMENTS_OWED);
		return STAFF_LISTS.stream().filter(lists::contains).toList();
	}

	/**
	 * A line of a list with the status its badge shows. A clock that runs into a year
	 * without an official schedule has no due date yet: {@link CaseWorklists} reports it
	 * as on time, the page says the date is pending.
	 */
	record Row(CaseSummary c, CaseClock.@Nullable Status status, boolean documentsOwed) {

		static final Set<CaseState> CLOCKED = EnumSet.of(CaseState.RECEIVED, CaseState.ACCEPTED, CaseState.REVIEWED,
				CaseState.DECIDED);

		/**
		 * @param documentsOwed whether a document of the case is not issued yet (文书未出具)
		 */
		static Row of(CaseSummary c, boolean documentsOwed) {
			if (!CLOCKED.contains(c.state())) {
				return new Row(c, null, documentsOwed);
			}
			if (c.due() == null && !c.suspended()) {
				return new Row(c, CaseClock.Status.AWAITING_CALENDAR, documentsOwed);
			}
			return new Row(c, c.status(), documentsOwed);
		}

	}

	// ---- the case

	@GetMapping("/cases/{number}")
	String partyCase(@PathVariable String number, @AuthenticationPrincipal GovHallUser user, Model model,
			Locale locale) {
		PageInputs.checkNumber(number);
		if (user.isStaff()) {
			return "redirect:/staff/cases/" + number;
		}
		return casePage(number, user, model, locale, false);
	}

	@GetMapping("/staff/cases/{number}")
	String staffCase(@PathVariable String number, @AuthenticationPrincipal GovHallUser user, Model model,
			Locale locale) {
		PageInputs.checkNumber(number);
		PageInputs.requireStaff(user);
		return casePage(number, user, model, locale, true);
	}

	private String casePage(String number, GovHallUser user, Model model, Locale locale, boolean staff) {
		CaseView c = explained(reads.view(number, user), locale);
		String myDepartment = user.scope().departmentId() == null ? null
				: directory.department(user.scope().departmentId()).map(DepartmentView::code).orElse(null);
		boolean lead = staff && covers(user, c.departmentCode());
		model.addAttribute("c", c);
		model.addAttribute("staff", staff);
		model.addAttribute("base", staff ? "/staff/cases" : "/cases");
		CaseStep.Asker asker = new CaseStep.Asker(user, staff, lead, myDepartment);
		List<CaseStep> steps = CaseStep.offeredTo(c, asker);
		model.addAttribute("steps", steps);
		model.addAttribute("kept", RefusedForm.of(model, steps));
		// the chase is a button in the opinions table, not a form among the steps
		model.addAttribute("chaseOffered", steps.contains(CaseStep.CHASE_OPINION));
		model.addAttribute("limits", StepLimits.ALL);
		// what a reviewer waits for, and why an approver who reviewed may not decide:
		// said, not offered
		boolean leadReviewer = lead && user.scope().has(Role.REVIEWER) && c.state() == CaseState.ACCEPTED
				&& !c.suspended();
		model.addAttribute("awaitingOpinions",
				leadReviewer && c.opinions().stream().anyMatch(o -> o.verdict() == null));
		model.addAttribute("reviewerMayNotDecide",
				lead && user.scope().has(Role.APPROVER) && c.state() == CaseState.REVIEWED && !c.suspended()
						&& c.review() != null && c.review().reviewer().equals(user.getUsername()));
		// whom the case may be handed over to: the lead department's window clerks on
		// duty but its holder
		model.addAttribute("handoverClerks",
				!steps.contains(CaseStep.HAND_OVER) ? List.of()
						: routing.clerks(c.departmentCode())
							.stream()
							.filter(k -> k.onDuty() && !k.username().equals(c.firstHandler()))
							.toList());
		model.addAttribute("materialRows", materialRows(c));
		model.addAttribute("historyRows", historyText.rows(c.history(), locale, staff));
		model.addAttribute("actRows", historyText.acts(c.acts(), locale));
		// the parties open their own files; staff those of the cases they handle, review
		// jointly or supervise
		model.addAttribute("mayOpenFiles", !staff || caseMaterials.mayOpen(c, user));
		model.addAttribute("departments",
				directory.departments().stream().collect(Collectors.toMap(DepartmentView::code, Function.identity())));
		model.addAttribute("pendingOpinions", c.opinions()
			.stream()
			.filter(o -> o.verdict() == null)
			.map(o -> directory.department(o.departmentCode()).map(d -> d.name(locale)).orElse(o.departmentCode()))
			.toList());
		model.addAttribute("procedures", SpecialProcedure.values());
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("verdicts", Verdict.values());
		model.addAttribute("deliveryMethods", DeliveryMethod.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "cases/case";
	}

	/**
	 * A required material, what was handed in for it, whether it is still missing, and
	 * what the last notice said.
	 */
	/**
	 * A material of the case page. {@code fromSharing}: not handed in because the hall
	 * obtains it itself (电子证照库, 信息共享), which the clerk must then do; flagged instead of
	 * "missing".
	 */
	record MaterialRow(int index, String name, boolean mandatory, @Nullable String condition,
			List<SubmittedMaterial> submitted, boolean missing, @Nullable String problem, @Nullable String nameEn,
			boolean fromSharing) {

		/** The name in the page's language; {@code name} stays the key the forms send. */
		public String label(Locale locale) {
			return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : name;
		}

	}

	static List<MaterialRow> materialRows(CaseView c) {
		CorrectionNotice last = c.notices().isEmpty() ? null : c.notices().get(c.notices().size() - 1);
		List<MaterialRow> rows = new ArrayList<>();
		List<RequiredMaterial> required = c.requiredMaterials();
		for (int i = 0; i < required.size(); i++) {
			RequiredMaterial m = required.get(i);
			List<SubmittedMaterial> in = c.materials().stream().filter(s -> s.material().equals(m.name())).toList();
			String problem = last == null ? null
					: last.issues()
						.stream()
						.filter(x -> x.material().equals(m.name()))
						.map(MaterialIssue::problem)
						.findFirst()
						.orElse(null);
			rows.add(new MaterialRow(i, m.name(), m.mandatory(), m.condition(), in, m.mustBeHandedIn() && in.isEmpty(),
					problem, m.nameEn(), m.shared() && in.isEmpty()));
		}
		return rows;
	}

	// ---- staff actions

	@RefusalShownOn("/staff/cases/{number}#step-correction-notice")
	@PostMapping("/staff/cases/{number}/correction-notice")
	String notice(@PathVariable String number,
			@RequestParam(name = "issue", required = false) @Nullable List<Integer> issue, HttpServletRequest request,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		// the material of each issue, by the issue's place: the form names its problem
		// "problem<material>"
		List<Integer> materialOf = new ArrayList<>();
		UnaryOperator<String> field = f -> {
			Matcher m = ISSUE_FIELD.matcher(f);
			return m.matches() && Integer.parseInt(m.group(1)) < materialOf.size()
					? "problem" + materialOf.get(Integer.parseInt(m.group(1))) : f.equals("issues") ? "issue" : f;
		};
		return act(number, true, redirect, locale, CaseStep.CORRECTION_NOTICE, request, field, () -> {
			List<RequiredMaterial> required = reads.view(number, user).requiredMaterials();
			List<CaseCommand.Issue> issues = new ArrayList<>();
			for (Integer i : issue == null ? List.<Integer>of() : new LinkedHashSet<>(issue)) {
				if (i == null || i < 0 || i >= required.size()) {
					continue;
				}
				String problem = PageInputs.blankToNull(request.getParameter("problem" + i));
				if (problem == null) {
					throw new InvalidInputException("problem-required", "error.case.problemRequired", "problem" + i,
							required.get(i).name());
				}
				issues.add(new CaseCommand.Issue(required.get(i).name(), problem));
				materialOf.add(i);
			}
			if (issues.isEmpty()) {
				throw new InvalidInputException("issues-required", "error.case.issuesRequired", "issues");
			}
			handling.take(number, requests.checked(new CaseCommand.CorrectionNotice(issues), locale), user);
		});
	}

	/**
	 * Every other staff step of the {@link CaseStep procedure table}: its form bound to
	 * the step's request record, checked by the record's constraints, taken, and back to
	 * the case with what was done or why not.
	 */
	@RefusalShownOn("/staff/cases/{number}#step-{step}")
	@PostMapping("/staff/cases/{number}/{step}")
	String staffStep(@PathVariable String number, @PathVariable String step, HttpServletRequest request,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return formStep(number, step, false, request, user, locale, redirect);
	}

	/** A step's form, from staff ({@code party} false) or from the applicant or agent. */
	private String formStep(String number, String segment, boolean party, HttpServletRequest request, GovHallUser user,
			Locale locale, RedirectAttributes redirect) {
		CaseStep taken = CaseStep.bySegment(segment, party)
			.orElseThrow(() -> new NotFoundException("error.case.stepNotFound", segment));
		return act(number, !party, redirect, locale, taken, request, UnaryOperator.identity(),
				() -> handling.take(number, requests.fromForm(taken, request, locale), user));
	}

	@RefusalShownOn("/staff/cases/{number}")
	@PostMapping("/staff/cases/{number}/opinions/{department}/chase")
	String chase(@PathVariable String number, @PathVariable String department,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return act(number, true, redirect, locale, CaseStep.CHASE_OPINION, null, UnaryOperator.identity(),
				() -> handling.take(number, new CaseCommand.Chase(department), user));
	}

	/**
	 * The routing page's "hand over all": every open case of the department that the
	 * clerk holds, to a clerk on duty; back to the routing page with how many were handed
	 * over (and which were left), or the refusal.
	 */
	@RefusalShownOn(value = "/staff/routing?department={department}", style = RefusalShownOn.Style.PROBLEMS)
	@PostMapping("/staff/cases/handovers")
	String handOverAll(@RequestParam(defaultValue = "") String department, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		String back = "redirect:" + UriComponentsBuilder.fromPath("/staff/routing")
			.queryParam("department", PageInputs.cut(department, 64))
			.build()
			.encode()
			.toUriString();
		// a refusal goes back to the routing page in words (@RefusalShownOn, ADR 0028)
		CaseHandling.BulkHandover done = handling.handOverAll(PageInputs.cut(department, 64), PageInputs.cut(from, 64),
				PageInputs.cut(to, 64), PageInputs.cut(reason, 1000), user);
		redirect.addFlashAttribute("done",
				messages.getMessage("cases.done.handedOverAll",
						new Object[] { done.handedOver().size(),
								directory.principal(done.to()).map(GovHallUser::displayName).orElse(done.to()) },
						locale));
		if (!done.left().isEmpty()) {
			redirect.addFlashAttribute("problems", List.of(messages.getMessage("cases.handedOverAll.left",
					new Object[] { String.join("、", done.left()) }, locale)));
		}
		return back;
	}

	// ---- the parties' actions

	@RefusalShownOn("/cases/{number}#step-corrections")
	@PostMapping("/cases/{number}/corrections")
	String correct(@PathVariable String number, @RequestParam MultiValueMap<String, MultipartFile> files,
			HttpServletRequest request, @AuthenticationPrincipal GovHallUser user, Locale locale,
			RedirectAttributes redirect) {
		return act(number, false, redirect, locale, CaseStep.CORRECT, request, UnaryOperator.identity(), () -> {
			List<RequiredMaterial> required = reads.view(number, user).requiredMaterials();
			// each material's files, read once; a correction that would be refused stores
			// none of them
			List<List<CaseHandling.Upload>> perMaterial = new ArrayList<>();
			for (int i = 0; i < required.size(); i++) {
				perMaterial.add(PageUploads.read(files.get("file" + i)));
			}
			handling.checkCorrection(number, List.of(), user);
			// every file is checked and each refused one named with its material and
			// reason; then none is stored
			List<FieldViolation> refusedFiles = new ArrayList<>();
			for (int i = 0; i < required.size(); i++) {
				uploads.check(perMaterial.get(i), "file" + i, required.get(i).label(locale), refusedFiles, locale);
			}
			if (!refusedFiles.isEmpty()) {
				throw new InvalidInputException("files-refused", "error.case.correctionFilesRefused", refusedFiles,
						refusedFiles.size());
			}
			List<SubmitCase.MaterialFile> handedIn = new ArrayList<>();
			for (int i = 0; i < required.size(); i++) {
				for (Kept k : uploads.store(perMaterial.get(i), user)) {
					handedIn.add(new SubmitCase.MaterialFile(required.get(i).name(), k.fileId()));
				}
			}
			handling.take(number, new CaseCommand.Corrections(handedIn), user);
		});
	}

	/**
	 * A party's step other than the corrections (whose files are read above): the
	 * withdrawal.
	 */
	@RefusalShownOn("/cases/{number}#step-{step}")
	@PostMapping("/cases/{number}/{step}")
	String partyStep(@PathVariable String number, @PathVariable String step, HttpServletRequest request,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return formStep(number, step, true, request, user, locale, redirect);
	}

	/**
	 * Takes a step from its form and goes back to the case saying so. A refusal goes back
	 * to the case page with its reasons (@RefusalShownOn, ADR 0028), at the form, with
	 * what was typed in it kept ({@link RefusedForm}; {@code field} names a field at
	 * fault as the form does); a step without a form of its own ({@code request} null)
	 * keeps nothing.
	 */
	private String act(String number, boolean staff, RedirectAttributes redirect, Locale locale, CaseStep step,
			@Nullable HttpServletRequest request, UnaryOperator<String> field, Runnable action) {
		PageInputs.checkNumber(number);
		try {
			action.run();
		}
		catch (GovHallException ex) {
			if (request != null) {
				RefusedForm.keep(step, request, ex, field);
			}
			throw ex;
		}
		redirect.addFlashAttribute("done", messages.getMessage(step.doneKey(), null, locale));
		return "redirect:" + (staff ? "/staff/cases/" : "/cases/") + number;
	}

	// ---- helpers

	private CaseView explained(CaseView view, Locale locale) {
		return view.explained(c -> c.explained(explainer.explain(c.dueDate(), c.startKey(), locale)));
	}

	private boolean covers(GovHallUser user, String departmentCode) {
		return directory.department(departmentCode)
			.map(d -> directory.covers(user.scope(), d.regionCode(), d.id()))
			.orElse(false);
	}

}
