package org.govhall.documents;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.govhall.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Verification of issued documents for machines: the same facts as the public page, without a login. */
@RestController
@RequestMapping("/api/v1/documents")
@Tag(name = "Documents", description = "Verify documents (文书) issued by GovHall")
class DocumentsApi {

	private final Documents documents;

	DocumentsApi(Documents documents) {
		this.documents = documents;
	}

	@GetMapping("/{number}")
	@Operation(summary = "The facts of an issued document and the SHA-256 of its PDF")
	DocumentFacts document(@PathVariable String number) {
		return documents.find(number)
			.map(DocumentFacts::of)
			.orElseThrow(() -> new NotFoundException("error.document.notFound"));
	}

	/** An issued document as the public may see it: no storage id, no recipient. */
	record DocumentFacts(String number, DocumentKind kind, String caseNumber, String issuer, LocalDate issuedOn,
			String title, String sha256, Instant createdAt) {

		static DocumentFacts of(IssuedDocument d) {
			return new DocumentFacts(d.number(), d.kind(), d.caseNumber(), d.issuer(), d.issuedOn(), d.title(),
					d.sha256(), d.createdAt());
		}

	}

}
