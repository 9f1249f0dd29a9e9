package org.govhall.documents;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.govhall.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verification of issued documents for machines: the same facts as the public page,
 * without a login.
 */
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
		return documents.verify(number)
			.map(DocumentFacts::of)
			.orElseThrow(() -> new NotFoundException("error.document.notFound"));
	}

	/**
	 * An issued document as the public may see it: no storage id, no premises, and the
	 * holder's name and identity number masked for a person.
	 */
	record DocumentFacts(String number, DocumentKind kind, String caseNumber, String issuer, LocalDate issuedOn,
			String title, String sha256, Instant createdAt, String holder, @Nullable String holderNumber,
			@Nullable String item, @Nullable String certificateNo, @Nullable String scope,
			@Nullable LocalDate validUntil, VerifiedDocument.Validity validity, @Nullable LocalDate revokedOn) {

		static DocumentFacts of(VerifiedDocument v) {
			IssuedDocument d = v.document();
			return new DocumentFacts(d.number(), d.kind(), d.caseNumber(), d.issuer(), d.issuedOn(), d.title(),
					d.sha256(), d.createdAt(), v.holder(), v.holderNumber(), v.item(), v.certificateNo(), v.scope(),
					v.validUntil(), v.validity(), v.revokedOn());
		}

	}

}
