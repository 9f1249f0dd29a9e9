package org.govhall.supervision;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.govhall.cases.OwedDocument;
import org.govhall.directory.GovHallUser;
import org.govhall.shared.Plain;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Electronic supervision over REST: warnings, case timelines, irregularities, cards,
 * notices and accountability.
 */
@RestController
@RequestMapping("/api/v1/supervision")
@Tag(name = "Supervision", description = "Electronic supervision (电子监察): warnings, irregularities, cards (黄牌/红牌), "
		+ "supervision notices (督办) and accountability (问责)")
class SupervisionApi {

	private final Supervision supervision;

	SupervisionApi(Supervision supervision) {
		this.supervision = supervision;
	}

	/** The warning levels the API accepts. */
	enum WarningFilter {

		RED, YELLOW, ALL;

		Supervision.Filter filter() {
			return switch (this) {
				case RED -> Supervision.Filter.RED;
				case YELLOW -> Supervision.Filter.YELLOW;
				case ALL -> Supervision.Filter.ALL_OPEN;
			};
		}

	}

	@GetMapping("/cases")
	@Operation(summary = "Open cases in the user's scope: overdue (RED), almost due (YELLOW) or ALL, red first. "
			+ "Supervisors see their region and below, department heads their department, other officials their own cases")
	List<SupervisedCase> cases(@RequestParam(defaultValue = "ALL") WarningFilter warning,
			@AuthenticationPrincipal GovHallUser user) {
		return supervision.workbench(user, warning.filter());
	}

	@GetMapping("/cases/{number}")
	@Operation(summary = "A case drilled down: every step and who held the case for how long, joint-review "
			+ "sub-deadlines, irregularities, cards, notices and accountability")
	CaseTimeline timeline(@PathVariable String number, @AuthenticationPrincipal GovHallUser user) {
		return supervision.timeline(number, user);
	}

	@GetMapping("/documents-owed")
	@Operation(summary = "Documents the cases in the user's scope owe and have not issued yet (文书未出具), oldest "
			+ "first, with the failed attempts so far; each is retried until it is issued")
	List<OwedDocument> documentsOwed(@AuthenticationPrincipal GovHallUser user) {
		return supervision.documentsOwed(user);
	}

	@GetMapping("/irregularities")
	@Operation(summary = "Irregularities found by the rules (each with its legal basis and severity), newest first")
	List<Irregularity> irregularities(@AuthenticationPrincipal GovHallUser user) {
		return supervision.irregularities(user);
	}

	@GetMapping("/cards")
	@Operation(summary = "Yellow and red cards in the user's scope; open ones only unless all=true")
	List<Card> cards(@RequestParam(defaultValue = "false") boolean all, @AuthenticationPrincipal GovHallUser user) {
		return supervision.cards(user, all);
	}

	/** A card with its history and the accountability recorded against it. */
	record CardDetail(Card card, List<SupervisionHistory.Entry> history, List<Accountability> accountabilities) {
	}

	@GetMapping("/cards/{number}")
	@Operation(summary = "A card with its history and accountability")
	CardDetail card(@PathVariable String number, @AuthenticationPrincipal GovHallUser user) {
		Card c = supervision.card(number, user);
		return new CardDetail(c, supervision.history(number), supervision.accountabilities(number, user));
	}

	record CardAnswer(@NotBlank @Size(max = 4000) String explanation,
			@NotBlank @Size(max = 4000) String rectification) {
	}

	@PostMapping("/cards/{number}/answer")
	@Operation(summary = "The department head's written explanation and rectification (情况说明和整改措施)")
	Card answer(@PathVariable String number, @Valid @RequestBody CardAnswer body,
			@AuthenticationPrincipal GovHallUser user) {
		return supervision.answerCard(number, body.explanation(), body.rectification(), user);
	}

	record CardReview(@NotNull Boolean accept, @Nullable @Size(max = 1000) String comment) {
	}

	@PostMapping("/cards/{number}/review")
	@Operation(summary = "A supervisor in charge accepts the answer (closing the card) or returns it with a reason")
	Card review(@PathVariable String number, @Valid @RequestBody CardReview body,
			@AuthenticationPrincipal GovHallUser user) {
		return supervision.reviewCard(number, body.accept(), body.comment() == null ? "" : body.comment(), user);
	}

	record AccountabilityRequest(@NotBlank @Size(max = 100) @Plain String person,
			@NotNull Accountability.Measure measure, @NotBlank @Size(max = 1000) String basis) {
	}

	@PostMapping("/cards/{number}/accountability")
	@Operation(summary = "Record accountability (问责) against a card")
	ResponseEntity<Accountability> holdForCard(@PathVariable String number,
			@Valid @RequestBody AccountabilityRequest body, @AuthenticationPrincipal GovHallUser user) {
		return ResponseEntity.status(201)
			.body(supervision.holdAccountable(number, null, body.person(), body.measure(), body.basis(), user));
	}

	@PostMapping("/cases/{number}/accountability")
	@Operation(summary = "Record accountability (问责) against a case")
	ResponseEntity<Accountability> holdForCase(@PathVariable String number,
			@Valid @RequestBody AccountabilityRequest body, @AuthenticationPrincipal GovHallUser user) {
		return ResponseEntity.status(201)
			.body(supervision.holdAccountable(null, number, body.person(), body.measure(), body.basis(), user));
	}

	record NoticeRequest(@NotBlank @Size(max = 2000) String demand, @NotNull @Min(1) @Max(30) Integer responseDays) {
	}

	@PostMapping("/cases/{number}/notices")
	@Operation(summary = "Issue a supervision notice (督办) on a case, with a response deadline in working days")
	ResponseEntity<Notice> issueNotice(@PathVariable String number, @Valid @RequestBody NoticeRequest body,
			@AuthenticationPrincipal GovHallUser user) {
		return ResponseEntity.status(201)
			.body(supervision.issueNotice(number, body.demand(), body.responseDays(), user));
	}

	@GetMapping("/notices")
	@Operation(summary = "Supervision notices in the user's scope, open ones first")
	List<Notice> notices(@AuthenticationPrincipal GovHallUser user) {
		return supervision.notices(user);
	}

	@GetMapping("/notices/{number}")
	@Operation(summary = "A supervision notice")
	Notice notice(@PathVariable String number, @AuthenticationPrincipal GovHallUser user) {
		return supervision.notice(number, user);
	}

	record NoticeResponse(@NotBlank @Size(max = 4000) String response) {
	}

	@PostMapping("/notices/{number}/response")
	@Operation(summary = "The department head's response to a supervision notice")
	Notice respond(@PathVariable String number, @Valid @RequestBody NoticeResponse body,
			@AuthenticationPrincipal GovHallUser user) {
		return supervision.respondToNotice(number, body.response(), user);
	}

	record NoticeClose(@Nullable @Size(max = 1000) String comment) {
	}

	@PostMapping("/notices/{number}/close")
	@Operation(summary = "A supervisor closes a responded notice")
	Notice close(@PathVariable String number, @Valid @RequestBody NoticeClose body,
			@AuthenticationPrincipal GovHallUser user) {
		return supervision.closeNotice(number, body.comment() == null ? "" : body.comment(), user);
	}

}
