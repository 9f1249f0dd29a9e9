package org.govhall.cases;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.govhall.calendar.DeadlineExplainer;
import org.govhall.cases.CaseRecords.MaterialIssue;
import org.govhall.catalog.SpecialProcedure;
import org.govhall.directory.GovHallUser;
import org.govhall.shared.NotFoundException;
import org.govhall.storage.StoredFile;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
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

/** Case handling over REST: intake, every step of the procedure, work lists and the public progress lookup. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases", description = "Applications (办件) from intake to delivery")
class CasesApi {

	private final CaseHandling handling;

	private final CaseWorklists worklists;

	private final DeadlineExplainer explainer;

	private final CaseMaterials materials;

	CasesApi(CaseHandling handling, CaseWorklists worklists, DeadlineExplainer explainer, CaseMaterials materials) {
		this.materials = materials;
		this.handling = handling;
		this.worklists = worklists;
		this.explainer = explainer;
	}

	@PostMapping("/cases/files")
	@Operation(summary = "Upload a material (PDF, JPEG or PNG, Word or Excel; checked by content) for a submission")
	ResponseEntity<UploadedFile> upload(@RequestPart("file") MultipartFile file,
			@AuthenticationPrincipal GovHallUser user) throws IOException {
		StoredFile f = handling.upload(file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(),
				file.getBytes(), user);
		return ResponseEntity.status(201).body(new UploadedFile(f.id(), f.name(), f.contentType(), f.size(), f.sha256()));
	}

	@PostMapping("/cases")
	@Operation(summary = "Submit an application: online (applicant), through an agent, or at a window (clerk)")
	ResponseEntity<CaseView> submit(@Valid @RequestBody SubmitCase request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		CaseView view = explained(handling.submit(request, key, user), locale);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + view.number())).body(view);
	}

	@PostMapping("/cases/{number}/authorization-check")
	@Operation(summary = "The clerk records the check of an agent's written power of attorney against its original and "
			+ "the principal's identity document (原件核验); a refusal does not accept the case (不予受理), with the note as "
			+ "its reason")
	CaseView checkAuthorization(@PathVariable String number, @Valid @RequestBody AuthorizationCheck body,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(handling.checkAuthorization(number, body.genuine(), body.note(), user), locale);
	}

	/** The outcome of the check of a written power of attorney, and why it does not hold when it does not. */
	record AuthorizationCheck(boolean genuine, @Nullable @Size(max = 2000) String note) {
	}

	@PostMapping("/cases/intake")
	@Operation(summary = "A walk-in at the window (clerk): received and accepted in one step (收件并受理), refused whole "
			+ "while incomplete; answers with the receipt and the acceptance notice already issued")
	ResponseEntity<IntakeAnswer> intake(@Valid @RequestBody SubmitCase request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		CaseHandling.Intake intake = handling.intake(request, key, user);
		CaseView view = explained(intake.view(), locale);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + view.number()))
			.body(new IntakeAnswer(view, intake.documents()
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
		return explained(handling.view(number, user), locale);
	}

	@GetMapping("/cases")
	@Operation(summary = "A work list, sorted by working days left")
	List<CaseSummary> list(@RequestParam Worklist list, @AuthenticationPrincipal GovHallUser user) {
		return worklists.list(list, user);
	}

	@PostMapping("/cases/{number}/correction-notice")
	@Operation(summary = "Issue the one-time notice naming every missing or defective material (第三十二条)")
	CaseView notice(@PathVariable String number, @Valid @RequestBody CorrectionRequest body,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(handling.requestCorrections(number,
				body.issues().stream().map(i -> new MaterialIssue(i.material().strip(), i.problem().strip())).toList(),
				user), locale);
	}

	@PostMapping("/cases/{number}/corrections")
	@Operation(summary = "Hand in the corrected materials; the acceptance window starts again")
	CaseView correct(@PathVariable String number, @Valid @RequestBody Corrections body,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(handling.correct(number, body.materials(), user), locale);
	}

	@PostMapping("/cases/{number}/acceptance")
	@Operation(summary = "Accept the case (受理)")
	CaseView accept(@PathVariable String number, @AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(handling.accept(number, user), locale);
	}

	@PostMapping("/cases/{number}/refusal")
	@Operation(summary = "Refuse to accept (不予受理), with reasons and, when out of jurisdiction, where to apply")
	CaseView refuse(@PathVariable String number, @Valid @RequestBody RefusalRequest body,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(handling.refuse(number, body.reasons(), body.competentAuthority(), user), locale);
	}

	@PostMapping("/cases/{number}/on-the-spot-decision")
	@Operation(summary = "Accept, grant and deliver an instant item (即办件) on the spot, on the day of receipt (or the "
			+ "first working day after one received on a day off); the case closes. method: WINDOW or ELECTRONIC "
			+ "(default: WINDOW for a window case, else ELECTRONIC)")
	CaseView onTheSpot(@PathVariable String number,
			@Valid @RequestBody(required = false) @Nullable OnTheSpotRequest body,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(handling.decideOnTheSpot(number, body == null ? null : body.licence(),
				body == null ? null : body.method(), user), locale);
	}

	@PostMapping("/cases/{number}/opinions")
	@Operation(summary = "A co-reviewing department's opinion in joint review (联审)")
	CaseView opinion(@PathVariable String number, @Valid @RequestBody OpinionRequest body,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(handling.recordOpinion(number, body.verdict(), body.reasons(), user), locale);
	}

	@PostMapping("/cases/{number}/opinions/{department}/chase")
	@Operation(summary = "The lead department chases (催办) a co-department's awaited opinion, once a day at most")
	CaseView chase(@PathVariable String number, @PathVariable String department,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(handling.chaseOpinion(number, department, user), locale);
	}

	@PostMapping("/cases/{number}/review")
	@Operation(summary = "The lead reviewer's recommendation, once every opinion is in")
	CaseView review(@PathVariable String number, @Valid @RequestBody ReviewRequest body,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(handling.review(number, body.recommendation(), body.comments(), user), locale);
	}

	@PostMapping("/cases/{number}/extension")
	@Operation(summary = "Extend the decision limit once, by an approver, with a reason (第四十二条)")
	CaseView extend(@PathVariable String number, @Valid @RequestBody Reason body,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(handling.extend(number, body.reason(), user), locale);
	}

	@PostMapping("/cases/{number}/suspension")
	@Operation(summary = "Stop the clock for a procedure of 第四十五条 (hearing, testing, expert review…)")
	CaseView suspend(@PathVariable String number, @Valid @RequestBody SuspensionRequest body,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(handling.suspend(number, body.procedure(), body.from(), body.reason(), user), locale);
	}

	@PostMapping("/cases/{number}/resumption")
	@Operation(summary = "End the stop: the clock runs again after the given last day")
	CaseView resume(@PathVariable String number, @Valid @RequestBody Resumption body,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(handling.resume(number, body.lastDay(), user), locale);
	}

	@PostMapping("/cases/{number}/decision")
	@Operation(summary = "Decide: approve with a certificate number, or deny with reasons (第三十八条)")
	CaseView decide(@PathVariable String number, @Valid @RequestBody DecisionRequest body,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(handling.decide(number, body.outcome(), body.reasons(), body.licence(), user), locale);
	}

	@PostMapping("/cases/{number}/certificate-revocation")
	@Operation(summary = "Revoke or cancel the certificate granted (撤销/注销, 第六十九条、第七十条), with the reason; "
			+ "an approver of the deciding department")
	CaseView revokeCertificate(@PathVariable String number, @Valid @RequestBody Reason body,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(handling.revokeCertificate(number, body.reason(), user), locale);
	}

	@PostMapping("/cases/{number}/handover")
	@Operation(summary = "Hand the case over (移交) to another window clerk of the lead department on duty, with the "
			+ "reason: its first handler, or the department's admin or approver")
	CaseView handOver(@PathVariable String number, @Valid @RequestBody HandoverRequest body,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(handling.handOver(number, body.to(), body.reason(), user), locale);
	}

	@PostMapping("/cases/handovers")
	@Operation(summary = "Hand over every open case of the department that a clerk holds (on leave, moved, leaving "
			+ "the hall) to a window clerk of the department on duty, with one reason: the department's admin only. "
			+ "Answers the cases handed over and any left with their holder")
	CaseHandling.BulkHandover handOverAll(@Valid @RequestBody BulkHandoverRequest body,
			@AuthenticationPrincipal GovHallUser user) {
		return handling.handOverAll(body.departmentCode(), body.from(), body.to(), body.reason(), user);
	}

	@PostMapping("/cases/{number}/fees")
	@Operation(summary = "Record a fee collected with its receipt; a fee the item's catalog entry does not list is recorded and flagged to supervision (乱收费)")
	CaseView chargeFee(@PathVariable String number, @Valid @RequestBody FeeRequest body,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(handling.chargeFee(number, body.name(), body.amount(), body.receiptNo(), user), locale);
	}

	@PostMapping("/cases/{number}/delivery")
	@Operation(summary = "Record delivery (送达) of the decision (第四十四条: within 10 working days)")
	CaseView deliver(@PathVariable String number, @Valid @RequestBody DeliveryRequest body,
			@AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(handling.deliver(number, body.method(), user), locale);
	}

	@PostMapping("/cases/{number}/withdrawal")
	@Operation(summary = "Withdraw the application before a decision (applicant or agent)")
	CaseView withdraw(@PathVariable String number, @AuthenticationPrincipal GovHallUser user, Locale locale) {
		return explained(handling.withdraw(number, user), locale);
	}

	@GetMapping("/cases/{number}/documents/{documentNumber}")
	@Operation(summary = "A document of the case (notice, decision, certificate) as PDF")
	ResponseEntity<byte[]> document(@PathVariable String number, @PathVariable String documentNumber,
			@AuthenticationPrincipal GovHallUser user) {
		byte[] pdf = handling.documentPdf(number, documentNumber, user);
		return ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"" + documentNumber + ".pdf\"")
			.body(pdf);
	}

	@GetMapping("/cases/{number}/materials/{fileId}")
	@Operation(summary = "A file handed in with the case: PDF and images inline, others as a download. For the "
			+ "applicant or agent, the lead department's handlers, co-departments during joint review and "
			+ "supervisors; every staff opening is in the audit log")
	ResponseEntity<byte[]> material(@PathVariable String number, @PathVariable String fileId,
			@AuthenticationPrincipal GovHallUser user) {
		return CasePages.materialResponse(materials.open(number, fileId, user));
	}

	@GetMapping("/progress")
	@Operation(summary = "Public progress lookup by case number and query code; nothing personal")
	PublicProgress progress(@RequestParam @Size(max = 32) String number, @RequestParam @Size(max = 8) String code,
			Locale locale) {
		return handling.lookup(number, code)
			.map(p -> p.explained(c -> c.explained(explainer.explain(c.dueDate(), c.startKey(), locale))))
			.orElseThrow(() -> new NotFoundException("error.case.lookupNotFound"));
	}

	private CaseView explained(CaseView view, Locale locale) {
		return view.explained(c -> c.explained(explainer.explain(c.dueDate(), c.startKey(), locale)));
	}

	record UploadedFile(String fileId, String name, String contentType, long size, String sha256) {
	}

	record IssueData(@NotBlank @Size(max = 200) String material, @NotBlank @Size(max = 500) String problem) {
	}

	record CorrectionRequest(@NotEmpty @Size(max = 50) List<@NotNull @Valid IssueData> issues) {
	}

	record Corrections(@NotEmpty @Size(max = 100) List<SubmitCase.@NotNull @Valid MaterialFile> materials) {
	}

	record RefusalRequest(@NotBlank @Size(max = 2000) String reasons, @Nullable @Size(max = 300) String competentAuthority) {
	}

	record OpinionRequest(@NotNull Verdict verdict, @Nullable @Size(max = 2000) String reasons) {
	}

	record ReviewRequest(@NotNull Outcome recommendation, @NotBlank @Size(max = 2000) String comments) {
	}

	record Reason(@NotBlank @Size(max = 1000) String reason) {
	}

	/** To whom (a login) and why a case is handed over. */
	record HandoverRequest(@NotBlank @Size(max = 64) String to, @NotBlank @Size(max = 1000) String reason) {
	}

	record BulkHandoverRequest(@NotBlank @Size(max = 64) String departmentCode, @NotBlank @Size(max = 64) String from,
			@NotBlank @Size(max = 64) String to, @NotBlank @Size(max = 1000) String reason) {
	}

	record SuspensionRequest(@NotNull SpecialProcedure procedure, @Nullable LocalDate from,
			@NotBlank @Size(max = 1000) String reason) {
	}

	record Resumption(@Nullable LocalDate lastDay) {
	}

	/**
	 * A decision; a grant of an item that issues a licence names its scope (许可范围), and where the licence has them
	 * its premises (经营场所) and last day of validity (none: 长期).
	 */
	record DecisionRequest(@NotNull Outcome outcome, @Nullable @Size(max = 2000) String reasons,
			@Nullable @Size(max = LicenceRules.SCOPE_MAX) String scope,
			@Nullable @Size(max = LicenceRules.PREMISES_MAX) String premises, @Nullable LocalDate validUntil) {

		CaseRecords.@Nullable Licence licence() {
			return new LicenceRequest(scope, premises, validUntil).licence();
		}

	}

	/** The licence of an instant item granted on the spot, where the item issues one. */
	record LicenceRequest(@Nullable @Size(max = LicenceRules.SCOPE_MAX) String scope,
			@Nullable @Size(max = LicenceRules.PREMISES_MAX) String premises, @Nullable LocalDate validUntil) {

		CaseRecords.@Nullable Licence licence() {
			return scope == null && premises == null && validUntil == null ? null
					: new CaseRecords.Licence(scope == null ? "" : scope, premises, validUntil);
		}

	}

	/** An instant item granted on the spot: its licence where the item issues one, and how it is handed over. */
	record OnTheSpotRequest(@Nullable @Size(max = LicenceRules.SCOPE_MAX) String scope,
			@Nullable @Size(max = LicenceRules.PREMISES_MAX) String premises, @Nullable LocalDate validUntil,
			@Nullable DeliveryMethod method) {

		CaseRecords.@Nullable Licence licence() {
			return new LicenceRequest(scope, premises, validUntil).licence();
		}

	}

	record FeeRequest(@NotBlank @Size(max = 200) String name,
			@NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) java.math.BigDecimal amount,
			@NotBlank @Size(max = 64) String receiptNo) {
	}

	record DeliveryRequest(@NotNull DeliveryMethod method) {
	}

}
