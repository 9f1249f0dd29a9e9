package org.govhall.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.govhall.agency.Authorisations;
import org.govhall.calendar.DeadlineExplainer;
import org.govhall.cases.CasePageApplication.Kept;
import org.govhall.cases.CaseRecords.CorrectionNotice;
import org.govhall.cases.CaseRecords.MaterialIssue;
import org.govhall.cases.CaseRecords.SubmittedMaterial;
import org.govhall.cases.CaseTerms.RequiredMaterial;
import org.govhall.catalog.Catalog;
import org.govhall.catalog.ItemGuide;
import org.govhall.directory.ApplicantIdentity;
import org.govhall.catalog.ItemQuery;
import org.govhall.catalog.ItemSummary;
import org.govhall.catalog.ItemStatus;
import org.govhall.catalog.Material;
import org.govhall.catalog.SpecialProcedure;
import org.govhall.directory.CaseRouting;
import org.govhall.directory.DepartmentView;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.IdentityKind;
import org.govhall.directory.Role;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.DateBounds;
import org.govhall.shared.GovHallException;
import org.govhall.shared.GovHallException.FieldViolation;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.RefusalShownOn;
import org.govhall.storage.StoredFile;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case pages: the online application form (applicant, agent, window clerk), the
 * parties' list and the staff work lists, the case with every clock explained and the
 * forms of the next steps, its documents as PDF, and the public progress lookup. Each
 * action posts, redirects back to the case and says what happened; a refusal (400, 409,
 * 422) comes back on the page, while 403 and 404 go to the error page.
 * {@link CaseHandling} enforces every rule.
 */
@Controller
class CasePages {

	/** The work lists of the staff pages, in the order the tabs show them. */
	static final List<Worklist> STAFF_LISTS = List.of(Worklist.TO_ACCEPT, Worklist.AWAITING_CORRECTION,
			Worklist.TO_REVIEW, Worklist.OPINIONS, Worklist.PROCEDURES, Worklist.TO_DECIDE, Worklist.TO_DELIVER,
			Worklist.FIRST_HANDLED, Worklist.DOCUMENTS_OWED);

	private static final Pattern FILE_ID = Pattern.compile("[0-9a-f-]{36}");

	private static final Pattern TOKEN = Pattern.compile("[0-9A-Za-z-]{1,100}");

	private static final int MAX_FILES = 100;

	private final CaseHandling handling;

	private final CaseReads reads;

	private final CaseIntake receiving;

	private final CaseWorklists worklists;

	private final Catalog catalog;

	private final Directory directory;

	private final CaseRouting routing;

	private final DeadlineExplainer explainer;

	private final MessageSource messages;

	private final Validator validator;

	private final CasePageTokens tokens;

	private final Clock clock;

	private final CaseMaterials caseMaterials;

	private final CaseHistoryText historyText;

	private final WindowApplicants applicants;

	private final DocumentsOwed owed;

	private final Authorisations authorisations;

	private final StepRequests requests;

	CasePages(CaseHandling handling, CaseReads reads, CaseIntake receiving, CaseWorklists worklists, Catalog catalog,
			Directory directory, DeadlineExplainer explainer, MessageSource messages, Validator validator,
			CasePageTokens tokens, Clock clock, CaseMaterials caseMaterials, CaseHistoryText historyText,
			WindowApplicants applicants, CaseRouting routing, DocumentsOwed owed, Authorisations authorisations,
			StepRequests requests) {
		this.requests = requests;
		this.authorisations = authorisations;
		this.owed = owed;
		this.routing = routing;
		this.applicants = applicants;
		this.caseMaterials = caseMaterials;
		this.historyText = historyText;
		this.handling = handling;
		this.reads = reads;
		this.receiving = receiving;
		this.worklists = worklists;
		this.catalog = catalog;
		this.directory = directory;
		this.explainer = explainer;
		this.messages = messages;
		this.validator = validator;
		this.tokens = tokens;
		this.clock = clock;
	}

	// ---- applying online, through an agent, or at the window

	@GetMapping("/cases/new")
	String applicationForm(@RequestParam("item") String itemCode, @AuthenticationPrincipal GovHallUser user,
			Model model, Locale locale) {
		ItemGuide guide = applicable(itemCode);
		requireApplicant(user);
		CaseIntake.requireApplicable(guide, user.scope().has(Role.WINDOW_CLERK) ? Channel.WINDOW : Channel.ONLINE,
				LocalDate.now(clock));
		return applicationPage(model, guide, CasePageApplication.blank(UUID.randomUUID().toString()), user, null,
				locale);
	}

	@PostMapping("/cases/new")
	String apply(@RequestParam("item") String itemCode, @RequestParam(defaultValue = "") String token,
			@RequestParam(required = false) @Nullable IdentityKind applicantKind,
			@RequestParam(required = false) @Nullable String applicantName,
			@RequestParam(required = false) @Nullable String applicantNumber,
			@RequestParam(required = false) @Nullable String phone,
			@RequestParam(required = false) @Nullable String authDocumentName,
			@RequestParam(required = false) @Nullable String authValidUntil,
			@RequestParam(required = false) @Nullable Long authorisationId,
			@RequestParam(defaultValue = "submit") String step, @RequestParam(required = false) @Nullable String scope,
			@RequestParam(required = false) @Nullable String premises,
			@RequestParam(required = false) @Nullable LocalDate validUntil,
			@RequestParam(name = "method", required = false) @Nullable DeliveryMethod deliveryMethod,
			@RequestParam MultiValueMap<String, MultipartFile> files, HttpServletRequest request,
			@AuthenticationPrincipal GovHallUser user, Model model, Locale locale, RedirectAttributes redirect) {
		ItemGuide guide = applicable(itemCode);
		requireApplicant(user);
		if ("edit".equals(step)) {
			// back from the summary to the form, with everything chosen and typed
			Map<Integer, List<Kept>> chosen = new LinkedHashMap<>();
			for (int i = 0; i < guide.content().materials().size(); i++) {
				chosen.put(i, keptFiles(request, "keep" + i));
			}
			CasePageApplication form = new CasePageApplication(
					TOKEN.matcher(token).matches() ? token : UUID.randomUUID().toString(), applicantKind, applicantName,
					applicantNumber, phone, authDocumentName, authValidUntil, chosen,
					keptFiles(request, "authKeep").stream().findFirst().orElse(null), originals(request, guide));
			return applicationPage(model, guide, form, user, null, locale);
		}
		String oneTime = TOKEN.matcher(token).matches() ? token : UUID.randomUUID().toString();
		String claim = user.getUsername() + ":" + oneTime;
		Optional<String> earlier = tokens.claim(claim);
		if (earlier.isPresent()) {
			redirect.addFlashAttribute("done", messages.getMessage("cases.done.submitted", null, locale));
			return "redirect:" + casePath(user, earlier.get());
		}
		boolean window = user.scope().has(Role.WINDOW_CLERK);
		boolean agent = !window && user.scope().has(Role.AGENT);
		List<Material> materials = guide.content().materials();
		// at the window, the materials whose originals the clerk checked and handed back
		// (原件核验)
		Set<Integer> originals = window ? originals(request, guide) : Set.of();
		Map<Integer, List<Kept>> kept = new LinkedHashMap<>();
		Kept authFile = null;
		boolean done = false;
		try {
			List<SubmitCase.MaterialFile> handedIn = new ArrayList<>();
			// every file is tried: a refused one is named with its material and reason,
			// the good ones are kept
			List<FieldViolation> refusedFiles = new ArrayList<>();
			for (int i = 0; i < materials.size(); i++) {
				List<Kept> list = uploads(files.get("file" + i), "file" + i, materials.get(i).name(locale), user,
						refusedFiles, locale);
				if (list.isEmpty()) {
					list = keptFiles(request, "keep" + i);
				}
				kept.put(i, list);
				for (Kept k : list) {
					handedIn.add(new SubmitCase.MaterialFile(materials.get(i).nameZh(), k.fileId()));
				}
			}
			if (agent) {
				List<Kept> scan = uploads(files.get("authFile"), "authFile",
						messages.getMessage("cases.field.authorization.documentFileId", null, "授权委托书", locale), user,
						refusedFiles, locale);
				authFile = scan.isEmpty() ? keptFiles(request, "authKeep").stream().findFirst().orElse(null)
						: scan.get(0);
			}
			Optional<FieldViolation> overQuota = refusedFiles.stream()
				.filter(v -> OVER_QUOTA.equals(v.messageKey()))
				.findFirst();
			if (overQuota.isPresent()) {
				// the day's limit said once, with tomorrow as the way on, not once per
				// file with "choose them again"
				throw new InvalidInputException("upload-quota", "error.case.filesOverQuota", refusedFiles,
						refusedFiles.size(), overQuota.get().arguments()[2], overQuota.get().arguments()[3]);
			}
			if (!refusedFiles.isEmpty()) {
				throw new InvalidInputException("files-refused", "error.case.filesRefused", refusedFiles,
						refusedFiles.size());
			}
			SubmitCase.ApplicantData applicant = window || agent
					? applicantData(applicantKind, applicantName, applicantNumber) : null;
			// an agent files under an authorisation the principal confirmed, or with a
			// written power of attorney
			Long underAuthorisation = agent ? authorisationId : null;
			SubmitCase.AuthorizationData authorization = agent && underAuthorisation == null
					? authorizationData(authDocumentName, authValidUntil, authFile) : null;
			SubmitCase submission = new SubmitCase(guide.code(), applicant, PageInputs.blankToNull(phone),
					authorization, handedIn, originals.stream().sorted().map(i -> materials.get(i).nameZh()).toList(),
					PageInputs.blankToNull(request.getParameter("addressRegion")), underAuthorisation);
			validate(submission, locale);
			if (window && ("intake".equals(step) || "onTheSpot".equals(step))) {
				// 收件并受理: received and accepted in one step, the receipt and the notice
				// ready to print; or, for an
				// instant item, 当场办结: received, granted and handed over, with the
				// decision to print as well
				CaseIntake.Intake intake = "intake".equals(step) ? receiving.intake(submission, oneTime, user)
						: receiving.intakeOnTheSpot(submission, oneTime,
								LicenceRules.entered(scope, premises, validUntil), deliveryMethod, user);
				tokens.succeeded(claim, intake.view().number());
				done = true;
				redirect.addFlashAttribute("done",
						messages.getMessage(
								!intake.allIssued() ? "cases.done.documentsOwed"
										: "intake".equals(step) ? "cases.done.intake" : "cases.done.onTheSpot",
								null, locale));
				return "redirect:/staff/cases/" + intake.view().number() + "#h-documents";
			}
			if ("review".equals(step)) {
				// the summary before submitting: item, materials, limits; an incomplete
				// application is named here
				if (!window) {
					Case.requireComplete(CaseIntake.terms(guide),
							handedIn.stream().map(SubmitCase.MaterialFile::material).toList(), "materials-missing",
							"error.case.materialsMissing");
				}
				CasePageApplication form = new CasePageApplication(oneTime, applicantKind, applicantName,
						applicantNumber, phone, authDocumentName, authValidUntil, kept, authFile, originals);
				applicationPage(model, guide, form, user, null, locale);
				return "cases/review";
			}
			CaseView c = receiving.submit(submission, oneTime, user);
			tokens.succeeded(claim, c.number());
			done = true;
			redirect.addFlashAttribute("done", messages.getMessage("cases.done.submitted", null, locale));
			return "redirect:" + casePath(user, c.number());
		}
		catch (GovHallException ex) {
			if (ex.status() == 403 || ex.status() == 404) {
				throw ex;
			}
			CasePageApplication form = new CasePageApplication(oneTime, applicantKind, applicantName, applicantNumber,
					phone, authDocumentName, authValidUntil, kept, authFile, originals);
			return applicationPage(model, guide, form, user, ex, locale);
		}
		finally {
			if (!done) {
				tokens.failed(claim);
			}
		}
	}

	/**
	 * The indices of the materials ticked {@code original<i>} on the form, among the
	 * item's materials.
	 */
	private static Set<Integer> originals(HttpServletRequest request, ItemGuide guide) {
		Set<Integer> ticked = new TreeSet<>();
		for (int i = 0; i < guide.content().materials().size(); i++) {
			if (request.getParameter("original" + i) != null) {
				ticked.add(i);
			}
		}
		return ticked;
	}

	// ---- window intake of a walk-in (窗口收件): the person by number, the item, then the
	// form of that item

	/**
	 * The intake page; asked by htmx (after the number or the item changed), only the
	 * part that follows them.
	 */
	@GetMapping("/staff/intake")
	String intake(@RequestParam(required = false) @Nullable String applicantNumber,
			@RequestParam(required = false) @Nullable String item,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			@AuthenticationPrincipal GovHallUser user, Model model, Locale locale) {
		intakeModel(applicantNumber, item, user, model, locale);
		return "true".equals(htmx) ? "cases/intake :: result" : "cases/intake";
	}

	private void intakeModel(@Nullable String applicantNumber, @Nullable String item, GovHallUser user, Model model,
			Locale locale) {
		if (!user.scope().has(Role.WINDOW_CLERK)) {
			throw new ForbiddenException("error.forbidden.role");
		}
		String number = PageInputs.blankToNull(applicantNumber) == null ? null
				: PageInputs.cut(PageInputs.strip(applicantNumber).toUpperCase(Locale.ROOT), 18);
		Optional<IdentityKind> kind = number == null ? Optional.empty() : WindowApplicants.kindOf(number);
		Optional<ApplicantIdentity> found = kind.isEmpty() ? Optional.empty() : applicants.find(number, user);
		model.addAttribute("applicantNumber", number);
		model.addAttribute("numberValid", kind.isPresent());
		model.addAttribute("found", found.orElse(null));
		model.addAttribute("items",
				catalog
					.search(new ItemQuery(null, null, user.scope().regionCode(), null, null, null, null, 0,
							ItemQuery.MAX_PAGE_SIZE))
					.items()
					.stream()
					.filter(ItemSummary::onApplication)
					.filter(i -> directory.department(i.departmentCode())
						.map(d -> directory.covers(user.scope(), d.regionCode(), d.id()))
						.orElse(false))
					.sorted(Comparator.comparing((ItemSummary i) -> i.departmentName(locale))
						.thenComparing(i -> i.name(locale)))
					.toList());
		String code = PageInputs.blankToNull(item) == null || item.length() > 36 ? null : item.strip();
		model.addAttribute("item", code);
		if (code != null) {
			ItemGuide guide = applicable(code);
			CasePageApplication form = new CasePageApplication(UUID.randomUUID().toString(),
					kind.orElse(IdentityKind.RESIDENT_ID), found.map(ApplicantIdentity::legalName).orElse(null), number,
					null, null, null, Map.of(), null, Set.of());
			applicationPage(model, guide, form, user, null, locale);
		}
	}

	private String applicationPage(Model model, ItemGuide guide, CasePageApplication form, GovHallUser user,
			@Nullable GovHallException refusal, Locale locale) {
		model.addAttribute("guide", guide);
		model.addAttribute("materials", guide.content().materials());
		model.addAttribute("form", form);
		model.addAttribute("window", user.scope().has(Role.WINDOW_CLERK));
		boolean agent = !user.scope().has(Role.WINDOW_CLERK) && user.scope().has(Role.AGENT);
		model.addAttribute("agent", agent);
		model.addAttribute("authorisationChoices", agent ? authorisations.usableFor(user, guide.code()) : List.of());
		model.addAttribute("identityKinds", IdentityKind.values());
		model.addAttribute("today", LocalDate.now(clock));
		CaseTerms terms = CaseIntake.terms(guide);
		model.addAttribute("instant", terms.instant());
		model.addAttribute("asksLicence", terms.asksLicence());
		if (refusal != null) {
			refusal(model::addAttribute, refusal, locale);
		}
		return "cases/new";
	}

	/**
	 * The published, current guide of an item that is still in force: only those take
	 * applications.
	 */
	private ItemGuide applicable(String itemCode) {
		ItemGuide guide = itemCode.length() > 36 ? null : catalog.findGuide(itemCode).orElse(null);
		if (guide == null || guide.status() != ItemStatus.ACTIVE || !guide.isCurrent()) {
			throw new NotFoundException("error.item.notFound", itemCode.length() > 36 ? "" : itemCode);
		}
		return guide;
	}

	private static void requireApplicant(GovHallUser user) {
		if (!user.scope().hasAny(Role.APPLICANT, Role.AGENT, Role.WINDOW_CLERK)) {
			throw new ForbiddenException("error.forbidden.role");
		}
	}

	private List<Kept> uploads(@Nullable List<MultipartFile> parts, GovHallUser user) {
		return store(read(parts), user);
	}

	/**
	 * A file not taken because the uploader's quota for the day is used up (its
	 * arguments: material, file, quota).
	 */
	private static final String OVER_QUOTA = "error.case.fileOverQuota";

	/**
	 * Stores each file of a form field on its own: a file the store refuses (its type,
	 * size or emptiness) is added to {@code refused}, named with its material and the
	 * reason, and the others are kept.
	 */
	private List<Kept> uploads(@Nullable List<MultipartFile> parts, String field, String material, GovHallUser user,
			List<FieldViolation> refused, Locale locale) {
		List<Kept> list = new ArrayList<>();
		for (CaseHandling.Upload u : read(parts)) {
			try {
				StoredFile f = receiving.upload(u.name(), u.content(), user);
				list.add(new Kept(f.id(), f.name()));
			}
			catch (GovHallException ex) {
				if (ex.status() == 403 || ex.status() == 404) {
					throw ex;
				}
				if ("upload-quota".equals(ex.type())) {
					refused.add(new FieldViolation(field, OVER_QUOTA, material, shortName(u.name()), ex.arguments()[0],
							ex.arguments()[1]));
					continue;
				}
				String reason = messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale);
				refused.add(new FieldViolation(field, "error.case.fileRefused", material, shortName(u.name()), reason));
			}
		}
		return list;
	}

	private List<Kept> store(List<CaseHandling.Upload> files, GovHallUser user) {
		List<Kept> list = new ArrayList<>();
		for (CaseHandling.Upload u : files) {
			StoredFile f = receiving.upload(u.name(), u.content(), user);
			list.add(new Kept(f.id(), f.name()));
		}
		return list;
	}

	private static String shortName(String name) {
		return name.length() > 100 ? name.substring(0, 100) + "…" : name;
	}

	/**
	 * The files of a form field, without the empty file inputs a browser sends, at most
	 * {@link #MAX_FILES}.
	 */
	private static List<CaseHandling.Upload> read(@Nullable List<MultipartFile> parts) {
		List<CaseHandling.Upload> list = new ArrayList<>();
		if (parts == null) {
			return list;
		}
		for (MultipartFile part : parts) {
			if (part.isEmpty() && (part.getOriginalFilename() == null || part.getOriginalFilename().isBlank())) {
				continue;
			}
			if (list.size() >= MAX_FILES) {
				break;
			}
			String name = part.getOriginalFilename() == null || part.getOriginalFilename().isBlank() ? "file"
					: part.getOriginalFilename();
			try {
				list.add(new CaseHandling.Upload(name, part.getBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return list;
	}

	/**
	 * Files uploaded by an earlier, refused attempt; {@link CaseHandling} checks that
	 * they are the user's own.
	 */
	private static List<Kept> keptFiles(HttpServletRequest request, String name) {
		String[] ids = request.getParameterValues(name);
		String[] names = request.getParameterValues(name + "Name");
		List<Kept> list = new ArrayList<>();
		if (ids == null) {
			return list;
		}
		for (int i = 0; i < ids.length && i < MAX_FILES; i++) {
			if (FILE_ID.matcher(ids[i]).matches()) {
				String n = names != null && i < names.length && !names[i].isBlank() ? names[i] : ids[i];
				list.add(new Kept(ids[i], n.length() > 200 ? n.substring(0, 200) : n));
			}
		}
		return list;
	}

	private static SubmitCase.@Nullable ApplicantData applicantData(@Nullable IdentityKind kind, @Nullable String name,
			@Nullable String number) {
		if (PageInputs.blankToNull(name) == null && PageInputs.blankToNull(number) == null) {
			return null;
		}
		return new SubmitCase.ApplicantData(kind == null ? IdentityKind.RESIDENT_ID : kind, PageInputs.strip(name),
				PageInputs.strip(number).toUpperCase(Locale.ROOT));
	}

	private static SubmitCase.@Nullable AuthorizationData authorizationData(@Nullable String documentName,
			@Nullable String validUntil, @Nullable Kept scan) {
		if (PageInputs.blankToNull(documentName) == null && PageInputs.blankToNull(validUntil) == null
				&& scan == null) {
			return null;
		}
		LocalDate until = null;
		if (PageInputs.blankToNull(validUntil) != null) {
			try {
				until = DateBounds.require("authValidUntil", LocalDate.parse(validUntil.strip()));
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInputException("invalid-date", "error.case.authorizationDate", "authValidUntil");
			}
		}
		return new SubmitCase.AuthorizationData(PageInputs.strip(documentName), scan == null ? null : scan.fileId(),
				until);
	}

	/**
	 * The same bean validation the API applies with {@code @Valid}, each violation named
	 * by its form label.
	 */
	private void validate(SubmitCase submission, Locale locale) {
		Set<ConstraintViolation<SubmitCase>> violations = validator.validate(submission);
		if (violations.isEmpty()) {
			return;
		}
		List<FieldViolation> list = new ArrayList<>();
		for (ConstraintViolation<SubmitCase> v : violations) {
			String path = v.getPropertyPath().toString().replaceAll("\\[\\d*\\]", "");
			String label = messages.getMessage("cases.field." + path, null, path, locale);
			list.add(new FieldViolation(path, "error.field.invalid", label + "：" + v.getMessage()));
		}
		list.sort((a, b) -> a.field().compareTo(b.field()));
		throw new InvalidInputException("invalid-input", "error.validation", list, list.size());
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
		model.addAttribute("offered", steps.stream().map(CaseStep::name).collect(Collectors.toSet()));
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

	@RefusalShownOn("/staff/cases/{number}")
	@PostMapping("/staff/cases/{number}/correction-notice")
	String notice(@PathVariable String number,
			@RequestParam(name = "issue", required = false) @Nullable List<Integer> issue, HttpServletRequest request,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return act(number, true, redirect, locale, CaseStep.CORRECTION_NOTICE.doneKey(), () -> {
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
	@RefusalShownOn("/staff/cases/{number}")
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
		return act(number, !party, redirect, locale, taken.doneKey(),
				() -> handling.take(number, requests.fromForm(taken, request, locale), user));
	}

	@RefusalShownOn("/staff/cases/{number}")
	@PostMapping("/staff/cases/{number}/opinions/{department}/chase")
	String chase(@PathVariable String number, @PathVariable String department,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return act(number, true, redirect, locale, CaseStep.CHASE_OPINION.doneKey(),
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

	@RefusalShownOn("/cases/{number}")
	@PostMapping("/cases/{number}/corrections")
	String correct(@PathVariable String number, @RequestParam MultiValueMap<String, MultipartFile> files,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return act(number, false, redirect, locale, CaseStep.CORRECT.doneKey(), () -> {
			List<RequiredMaterial> required = reads.view(number, user).requiredMaterials();
			// each material's files, read once; a correction that would be refused stores
			// none of them
			List<List<CaseHandling.Upload>> perMaterial = new ArrayList<>();
			for (int i = 0; i < required.size(); i++) {
				perMaterial.add(read(files.get("file" + i)));
			}
			handling.checkCorrection(number, List.of(), user);
			// every file is checked and each refused one named with its material and
			// reason; then none is stored
			List<FieldViolation> refusedFiles = new ArrayList<>();
			for (int i = 0; i < required.size(); i++) {
				for (CaseHandling.Upload u : perMaterial.get(i)) {
					try {
						handling.checkUpload(u);
					}
					catch (GovHallException ex) {
						refusedFiles.add(new FieldViolation("file" + i, "error.case.fileRefused",
								required.get(i).label(locale), shortName(u.name()),
								messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale)));
					}
				}
			}
			if (!refusedFiles.isEmpty()) {
				throw new InvalidInputException("files-refused", "error.case.correctionFilesRefused", refusedFiles,
						refusedFiles.size());
			}
			List<SubmitCase.MaterialFile> handedIn = new ArrayList<>();
			for (int i = 0; i < required.size(); i++) {
				for (Kept k : store(perMaterial.get(i), user)) {
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
	@RefusalShownOn("/cases/{number}")
	@PostMapping("/cases/{number}/{step}")
	String partyStep(@PathVariable String number, @PathVariable String step, HttpServletRequest request,
			@AuthenticationPrincipal GovHallUser user, Locale locale, RedirectAttributes redirect) {
		return formStep(number, step, true, request, user, locale, redirect);
	}

	private String act(String number, boolean staff, RedirectAttributes redirect, Locale locale, String doneKey,
			Runnable action) {
		PageInputs.checkNumber(number);
		// a refusal goes back to the case page with its reasons (@RefusalShownOn, ADR
		// 0028)
		action.run();
		redirect.addFlashAttribute("done", messages.getMessage(doneKey, null, locale));
		return "redirect:" + (staff ? "/staff/cases/" : "/cases/") + number;
	}

	private interface Attributes {

		void put(String name, @Nullable Object value);

	}

	/**
	 * A refusal for the page; enum arguments (a case's state) are named in the reader's
	 * words.
	 */
	private void refusal(Attributes target, GovHallException ex, Locale locale) {
		Object[] args = Arrays.stream(ex.arguments())
			.map(a -> a instanceof Enum<?> e ? messages
				.getMessage(e.getDeclaringClass().getSimpleName() + "." + e.name(), null, e.name(), locale)
					: a instanceof Number n ? n : a == null ? "" : a.toString())
			.toArray();
		target.put("refusal", ex.messageKey());
		target.put("refusalArgs", args);
		target.put("refusalReasons",
				ex.violations()
					.stream()
					.filter(v -> !(ex.violations().size() == 1 && v.messageKey().equals(ex.messageKey())))
					.map(v -> new FieldViolation(v.field(), v.messageKey(),
							Arrays.stream(v.arguments()).map(a -> a == null ? "" : a.toString()).toArray()))
					.toList());
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

	private static String casePath(GovHallUser user, String number) {
		return (user.isStaff() ? "/staff/cases/" : "/cases/") + number;
	}

	private static <T> T required(@Nullable T value, String field) {
		if (value == null) {
			throw new InvalidInputException("choice-required", "error.case.choiceRequired", field);
		}
		return value;
	}

}
