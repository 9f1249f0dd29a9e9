package org.govhall.cases;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.govhall.calendar.DeadlineExplainer;
import org.govhall.directory.GovHallUser;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a case page opens beside the page: its documents (one, or the window's print of
 * them all), the files handed in with it, and the public progress lookup by number and
 * query code, without login.
 */
@PageController
class CaseFilePages {

	private final CaseReads reads;

	private final CaseMaterials caseMaterials;

	private final DeadlineExplainer explainer;

	CaseFilePages(CaseReads reads, CaseMaterials caseMaterials, DeadlineExplainer explainer) {
		this.reads = reads;
		this.caseMaterials = caseMaterials;
		this.explainer = explainer;
	}

	// ---- documents

	@GetMapping("/cases/{number}/documents/{documentNumber}")
	ResponseEntity<byte[]> partyDocument(@PathVariable String number, @PathVariable String documentNumber,
			@AuthenticationPrincipal GovHallUser user) {
		return pdf(number, documentNumber, user);
	}

	@GetMapping("/staff/cases/{number}/documents/{documentNumber}")
	ResponseEntity<byte[]> staffDocument(@PathVariable String number, @PathVariable String documentNumber,
			@AuthenticationPrincipal GovHallUser user) {
		PageInputs.requireStaff(user);
		return pdf(number, documentNumber, user);
	}

	/**
	 * The window's documents of a case (receipt, acceptance notice …) as one PDF, to
	 * print in one go.
	 */
	@GetMapping("/staff/cases/{number}/print")
	ResponseEntity<byte[]> windowPrint(@PathVariable String number, @AuthenticationPrincipal GovHallUser user) {
		PageInputs.requireStaff(user);
		PageInputs.checkNumber(number);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"" + number + "-window.pdf\"")
			.header("Cache-Control", "private, no-store")
			.body(reads.windowPrint(number, user));
	}

	private ResponseEntity<byte[]> pdf(String number, String documentNumber, GovHallUser user) {
		PageInputs.checkNumber(number);
		if (!PageInputs.DOCUMENT_NUMBER.matcher(documentNumber).matches()) {
			throw new NotFoundException("error.document.notFound", "");
		}
		byte[] pdf = reads.documentPdf(number, documentNumber, user);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"" + documentNumber + ".pdf\"")
			.header("Cache-Control", "private, no-store")
			.body(pdf);
	}

	// ---- the files handed in with the case

	@GetMapping("/cases/{number}/materials/{fileId}")
	ResponseEntity<byte[]> partyMaterial(@PathVariable String number, @PathVariable String fileId,
			@AuthenticationPrincipal GovHallUser user) {
		PageInputs.checkNumber(number);
		return materialResponse(caseMaterials.open(number, fileId, user));
	}

	@GetMapping("/staff/cases/{number}/materials/{fileId}")
	ResponseEntity<byte[]> staffMaterial(@PathVariable String number, @PathVariable String fileId,
			@AuthenticationPrincipal GovHallUser user) {
		PageInputs.checkNumber(number);
		PageInputs.requireStaff(user);
		return materialResponse(caseMaterials.open(number, fileId, user));
	}

	/**
	 * PDF and images inline (the browser shows them), anything else as a download; never
	 * cached.
	 */
	static ResponseEntity<byte[]> materialResponse(CaseMaterials.MaterialFile file) {
		ContentDisposition disposition = (file.inline() ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(file.name(), StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header("Content-Disposition", disposition.toString())
			.header("Cache-Control", "private, no-store")
			.body(file.content());
	}

	// ---- public progress (no login)

	@GetMapping("/progress")
	ModelAndView progress(@RequestParam(required = false) @Nullable String number,
			@RequestParam(required = false) @Nullable String code, Locale locale) {
		ModelAndView page = new ModelAndView("progress");
		String n = number == null ? "" : PageInputs.cut(number.strip(), 32);
		String q = code == null ? "" : PageInputs.cut(code.strip(), 8);
		page.addObject("number", n);
		page.addObject("code", q);
		if (n.isEmpty() && q.isEmpty()) {
			return page;
		}
		Optional<PublicProgress> found = reads.lookup(n, q)
			.map(p -> p.explained(k -> k.explained(explainer.explain(k.dueDate(), k.startKey(), locale))));
		if (found.isEmpty()) {
			page.addObject("notFound", true);
			page.setStatus(HttpStatus.NOT_FOUND);
			return page;
		}
		page.addObject("p", found.get());
		return page;
	}

}
