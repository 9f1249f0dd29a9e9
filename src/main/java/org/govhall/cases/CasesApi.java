package org.govhall.cases;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.govhall.calendar.DeadlineExplainer;
import org.govhall.directory.GovHallUser;
import org.govhall.shared.NotFoundException;
import org.govhall.storage.StoredFile;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Case handling over REST: intake, every step of the procedure, work lists and the public
 * progress lookup.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases", description = "Applications (办件) from intake to delivery")
class CasesApi {

	private final CaseHandling handling;

	private final CaseReads reads;

	private final CaseIntake receiving;

	private final CaseWorklists worklists;

	private final DeadlineExplainer explainer;

	private final CaseMaterials materials;

	private final StepRequests requests;

	CasesApi(CaseHandling handling, CaseReads reads, CaseIntake receiving, CaseWorklists worklists,
			DeadlineExplainer explainer, CaseMaterials materials, StepRequests requests) {
		this.requests = requests;
		this.materials = materials;
		this.handling = handling;
		this.reads = reads;
		this.receiving = receiving;
		this.worklists = worklists;
		this.explainer = explainer;
	}

	@PostMapping("/cases/files")
	@Operation(summary = "Upload a material (PDF, JPEG or PNG, Word or Excel; checked by content) for a submission")
	ResponseEntity<UploadedFile> upload(@RequestPart("file") MultipartFile file,
			@AuthenticationPrincipal GovHallUser user) throws IOException {
		StoredFile f = receiving.upload(file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(),
				file.getBytes(), user);
		return ResponseEntity.status(201)
			.body(new UploadedFile(f.id(), f.name(), f.contentType(), f.size(), f.sha256()));
	}

	@PostMapping("/cases")
	@Operation(summary = "Submit an application: online (applicant), through an agent, or at a window (clerk)")
	ResponseEntity<CaseView> submit(@Valid @RequestBody SubmitCase request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		CaseView view = explained(receiving.submit(request, key, user), locale);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + view.number())).body(view);
	}

	@PostMapping("/cases/intake")
	@Operation(summary = "A walk-in at the window (clerk): received and accepted in one step (收件并受理), refused whole "
			+ "while incomplete; answers with the receipt and the acceptance notice already issued")
	ResponseEntity<IntakeAnswer> intake(@Valid @RequestBody SubmitCase request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		CaseIntake.Intake intake = receiving.intake(request, key, user);
		CaseView view = explained(intake.view(), locale);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + view.number()))
			.body(new IntakeAnswer(view,
					intake.documents()
						.stream()
						.map(d -> new IntakeAnswer.Printed(d.kind().name(), d.number(),
								"/api/v1/cases/" + view.number() + "/documents/" + d.number()))
						.toList()));
	}

	/** The case taken in, and the documents to hand over at once. */
	record IntakeAnswer(CaseView caseView, List<Printed> documents) {

		record Printed(String kind, String number, String pdf) {
		}

	}

	@GetMapping("/cases/{number}")
	@Operation(summary = "A case with its clocks, materials, notices, opinions, decision and history")
	CaseView view(@PathVariable String number, @AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(reads.view(number, user), locale);
	}

	@GetMapping("/cases")
	@Operation(summary = "A work list, sorted by working days left")
	List<CaseSummary> list(@RequestParam Worklist list, @AuthenticationPrincipal GovHallUser user) {
		return worklists.list(list, user);
	}

	@PostMapping("/cases/{number}/{step}")
	@Operation(summary = "Take a step of the procedure table (办件程序表) on a case; {step} is the step's path segment, the "
			+ "body its request record (see CaseCommand); the steps, who takes them and from which states are listed at "
			+ "GET /api/v1/case-steps",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
					mediaType = "application/json",
					schema = @Schema(oneOf = { CaseCommand.CorrectionNotice.class, CaseCommand.Corrections.class,
							CaseCommand.AuthorizationCheck.class, CaseCommand.Acceptance.class,
							CaseCommand.OnTheSpot.class, CaseCommand.Refusal.class, CaseCommand.Opinion.class,
							CaseCommand.Review.class, CaseCommand.Suspension.class, CaseCommand.Resumption.class,
							CaseCommand.Extension.class, CaseCommand.Decision.class, CaseCommand.Revocation.class,
							CaseCommand.Handover.class, CaseCommand.Fee.class, CaseCommand.Delivery.class,
							CaseCommand.Withdrawal.class }))))
	CaseView step(@PathVariable String number, @PathVariable String step, HttpServletRequest request,
			@AuthenticationPrincipal GovHallUser user, Locale locale)
			throws BindException, HttpMediaTypeNotSupportedException {
		CaseStep taken = CaseStep.bySegment(step, false)
			.or(() -> CaseStep.bySegment(step, true))
			.orElseThrow(() -> new NotFoundException("error.case.stepNotFound", step));
		return explained(handling.take(number, requests.fromJson(taken, request), user), locale);
	}

	@GetMapping("/case-steps")
	@Operation(summary = "The procedure table: every step of a case with its path segment, who takes it (LEAD, "
			+ "CO_DEPARTMENT or PARTY) in which roles, the states it starts from and leads to, and its article of "
			+ "行政许可法")
	List<StepRow> steps() {
		return Arrays.stream(CaseStep.values())
			.map(s -> new StepRow(s.name(), s.segment(), s.who().name(), s.roles().stream().map(Enum::name).toList(),
					s.from().stream().map(Enum::name).sorted().toList(), s.to().map(Enum::name).orElse(null),
					s.article()))
			.toList();
	}

	/** A row of the procedure table as the API lists it. */
	record StepRow(String step, String segment, String who, List<String> roles, List<String> from, @Nullable String to,
			String article) {
	}

	@PostMapping("/cases/{number}/opinions/{department}/chase")
	@Operation(summary = "The lead department chases (催办) a co-department's awaited opinion, once a day at most")
	CaseView chase(@PathVariable String number, @PathVariable String department,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(handling.take(number, new CaseCommand.Chase(department), user), locale);
	}

	@PostMapping("/cases/handovers")
	@Operation(summary = "Hand over every open case of the department that a clerk holds (on leave, moved, leaving "
			+ "the hall) to a window clerk of the department on duty, with one reason: the department's admin only. "
			+ "Answers the cases handed over and any left with their holder")
	CaseHandling.BulkHandover handOverAll(@Valid @RequestBody BulkHandoverRequest body,
			@AuthenticationPrincipal GovHallUser user) {
		return handling.handOverAll(body.departmentCode(), body.from(), body.to(), body.reason(), user);
	}

	@GetMapping("/cases/{number}/documents/{documentNumber}")
	@Operation(summary = "A document of the case (notice, decision, certificate) as PDF")
	ResponseEntity<byte[]> document(@PathVariable String number, @PathVariable String documentNumber,
			@AuthenticationPrincipal GovHallUser user) {
		byte[] pdf = reads.documentPdf(number, documentNumber, user);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"" + documentNumber + ".pdf\"")
			.body(pdf);
	}

	@GetMapping("/cases/{number}/materials/{fileId}")
	@Operation(summary = "A file handed in with the case: PDF and images inline, others as a download. For the "
			+ "applicant or agent, the lead department's handlers, co-departments during joint review and "
			+ "supervisors; every staff opening is in the audit log")
	ResponseEntity<byte[]> material(@PathVariable String number, @PathVariable String fileId,
			@AuthenticationPrincipal GovHallUser user) {
		return CaseFilePages.materialResponse(materials.open(number, fileId, user));
	}

	@GetMapping("/progress")
	@Operation(summary = "Public progress lookup by case number and query code; nothing personal")
	PublicProgress progress(@RequestParam @Size(max = 32) String number, @RequestParam @Size(max = 8) String code,
			Locale locale) {
		return reads.lookup(number, code)
			.map(p -> p.explained(c -> c.explained(explainer.explain(c.dueDate(), c.startKey(), locale))))
			.orElseThrow(() -> new NotFoundException("error.case.lookupNotFound"));
	}

	private CaseView explained(CaseView view, Locale locale) {
		return view.explained(c -> c.explained(explainer.explain(c.dueDate(), c.startKey(), locale)));
	}

	record UploadedFile(String fileId, String name, String contentType, long size, String sha256) {
	}

	record BulkHandoverRequest(@NotBlank @Size(max = 64) String departmentCode, @NotBlank @Size(max = 64) String from,
			@NotBlank @Size(max = 64) String to, @NotBlank @Size(max = 1000) String reason) {
	}

}
