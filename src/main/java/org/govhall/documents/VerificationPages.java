package org.govhall.documents;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.govhall.shared.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public verification pages (文书核验) that a document's QR code leads to: anyone can see
 * whether a number was issued here, whether it holds today (valid, expired, revoked), and
 * compare the facts and the PDF's SHA-256 with the paper in their hands. A person's name
 * and identity number are shown masked; the premises not at all.
 */
@PageController
class VerificationPages {

	/** How much of an unknown number the not-found page repeats back. */
	private static final int ECHO_MAX = 40;

	private final Documents documents;

	VerificationPages(Documents documents) {
		this.documents = documents;
	}

	@GetMapping("/verify")
	ModelAndView form(@RequestParam(required = false) @Nullable String number, HttpServletResponse response) {
		if (number == null || number.isBlank()) {
			return new ModelAndView("verify");
		}
		Optional<String> wellFormed = DocumentNumber.parse(number);
		if (wellFormed.isEmpty()) {
			return notFound(number, response);
		}
		// only [A-Z0-9-] remains, so the redirect needs no encoding
		return new ModelAndView("redirect:/verify/" + wellFormed.get());
	}

	@GetMapping("/verify/{number}")
	ModelAndView document(@PathVariable String number, HttpServletResponse response) {
		noIndex(response);
		return documents.verify(number)
			.map(v -> new ModelAndView("verify-document").addObject("doc", v.document())
				.addObject("v", v)
				.addObject("kindKey", v.document().kind().messageKey()))
			.orElseGet(() -> notFound(number, response));
	}

	private static ModelAndView notFound(String number, HttpServletResponse response) {
		noIndex(response);
		String echo = number.strip();
		ModelAndView page = new ModelAndView("verify-missing").addObject("number",
				echo.length() > ECHO_MAX ? echo.substring(0, ECHO_MAX) + "…" : echo);
		page.setStatus(HttpStatus.NOT_FOUND);
		return page;
	}

	/**
	 * Verification pages name cases; they are for the holder of the paper, not for search
	 * engines.
	 */
	private static void noIndex(HttpServletResponse response) {
		response.setHeader("X-Robots-Tag", "noindex, nofollow");
	}

}
