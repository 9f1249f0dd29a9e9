package org.govhall.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.govhall.agency.Authorisations;
import org.govhall.cases.CasePageApplication.Kept;
import org.govhall.catalog.Catalog;
import org.govhall.catalog.ItemGuide;
import org.govhall.directory.ApplicantIdentity;
import org.govhall.catalog.ItemQuery;
import org.govhall.catalog.ItemSummary;
import org.govhall.catalog.ItemStatus;
import org.govhall.catalog.Material;
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
import org.govhall.shared.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The application form: applying online (applicant), through an agent (under a confirmed
 * authorisation or a written power of attorney) or at the window (a clerk's 收件, 收件并受理 or
 * 当场办结), with the summary before submitting and its one-time token; and the window's
 * intake of a walk-in (窗口收件): the person by number, the item, then that item's form. A
 * refusal re-renders the form with what was typed and the files already uploaded kept;
 * 403 and 404 go to the error page. {@link CaseIntake} enforces every rule.
 */
@PageController
class ApplicationPages {

	private static final Pattern TOKEN = Pattern.compile("[0-9A-Za-z-]{1,100}");

	private final CaseIntake receiving;

	private final Catalog catalog;

	private final Directory directory;

	private final MessageSource messages;

	private final Validator validator;

	private final CasePageTokens tokens;

	private final Clock clock;

	private final WindowApplicants applicants;

	private final Authorisations authorisations;

	private final PageUploads uploads;

	ApplicationPages(CaseIntake receiving, Catalog catalog, Directory directory, MessageSource messages,
			Validator validator, CasePageTokens tokens, Clock clock, WindowApplicants applicants,
			Authorisations authorisations, PageUploads uploads) {
		this.receiving = receiving;
		this.catalog = catalog;
		this.directory = directory;
		this.messages = messages;
		this.validator = validator;
		this.tokens = tokens;
		this.clock = clock;
		this.applicants = applicants;
		this.authorisations = authorisations;
		this.uploads = uploads;
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
				chosen.put(i, PageUploads.kept(request, "keep" + i));
			}
			CasePageApplication form = new CasePageApplication(
					TOKEN.matcher(token).matches() ? token : UUID.randomUUID().toString(), applicantKind, applicantName,
					applicantNumber, phone, authDocumentName, authValidUntil, chosen,
					PageUploads.kept(request, "authKeep").stream().findFirst().orElse(null), originals(request, guide));
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
				List<Kept> list = uploads.stored(files.get("file" + i), "file" + i, materials.get(i).name(locale), user,
						refusedFiles, locale);
				if (list.isEmpty()) {
					list = PageUploads.kept(request, "keep" + i);
				}
				kept.put(i, list);
				for (Kept k : list) {
					handedIn.add(new SubmitCase.MaterialFile(materials.get(i).nameZh(), k.fileId()));
				}
			}
			if (agent) {
				List<Kept> scan = uploads.stored(files.get("authFile"), "authFile",
						messages.getMessage("cases.field.authorization.documentFileId", null, "授权委托书", locale), user,
						refusedFiles, locale);
				authFile = scan.isEmpty() ? PageUploads.kept(request, "authKeep").stream().findFirst().orElse(null)
						: scan.get(0);
			}
			Optional<FieldViolation> overQuota = refusedFiles.stream()
				.filter(v -> PageUploads.OVER_QUOTA.equals(v.messageKey()))
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
			refusal(model, refusal, locale);
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

	/**
	 * A refusal for the form shown again; enum arguments (a case's state) are named in
	 * the reader's words.
	 */
	private void refusal(Model target, GovHallException ex, Locale locale) {
		Object[] args = Arrays.stream(ex.arguments())
			.map(a -> a instanceof Enum<?> e ? messages
				.getMessage(e.getDeclaringClass().getSimpleName() + "." + e.name(), null, e.name(), locale)
					: a instanceof Number n ? n : a == null ? "" : a.toString())
			.toArray();
		target.addAttribute("refusal", ex.messageKey());
		target.addAttribute("refusalArgs", args);
		target.addAttribute("refusalReasons",
				ex.violations()
					.stream()
					.filter(v -> !(ex.violations().size() == 1 && v.messageKey().equals(ex.messageKey())))
					.map(v -> new FieldViolation(v.field(), v.messageKey(),
							Arrays.stream(v.arguments()).map(a -> a == null ? "" : a.toString()).toArray()))
					.toList());
	}

	private static String casePath(GovHallUser user, String number) {
		return (user.isStaff() ? "/staff/cases/" : "/cases/") + number;
	}

}
