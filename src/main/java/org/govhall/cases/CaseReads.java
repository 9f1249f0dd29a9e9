package org.govhall.cases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.govhall.calendar.HolidaySchedules;
import org.govhall.directory.GovHallUser;
import org.govhall.documents.DocumentKind;
import org.govhall.documents.Documents;
import org.govhall.documents.IssuedDocument;
import org.govhall.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Reading cases: a case as its reader may see it (the parties in full, staff with the
 * applicant's number masked), the documents a window prints at once, one document, and
 * the public progress lookup by number and query code.
 */
@Service
public class CaseReads {

	private final Cases cases;

	private final CaseAccess access;

	private final Documents documents;

	private final DocumentsOwed owed;

	private final HolidaySchedules calendar;

	private final Clock clock;

	/** Yellow when this many working days or fewer remain. */
	private final int warningDays;

	CaseReads(Cases cases, CaseAccess access, Documents documents, DocumentsOwed owed, HolidaySchedules calendar,
			Clock clock, CasesSettings settings) {
		this.warningDays = settings.warningDays();
		this.cases = cases;
		this.access = access;
		this.documents = documents;
		this.owed = owed;
		this.calendar = calendar;
		this.clock = clock;
	}

	public CaseView view(String number, GovHallUser user) {
		Cases.WithHistory loaded = cases.findWithHistory(number)
			.orElseThrow(() -> new NotFoundException("error.case.notFound", number));
		Case c = loaded.c();
		CaseAccess.Visibility visibility = access.visibility(c, user);
		if (visibility == CaseAccess.Visibility.NONE) {
			throw new NotFoundException("error.case.notFound", number);
		}
		return CaseView.of(c, loaded.history(), documents.forCase(c.number()), owed.forCase(c.number()),
				calendar.calendar(), Now.from(clock).today(), visibility == CaseAccess.Visibility.PARTY, warningDays);
	}

	/** The kinds handed to an applicant at the window, in the order they are printed. */
	private static final List<DocumentKind> WINDOW_PRINT = List.of(DocumentKind.RECEIPT, DocumentKind.ACCEPTANCE_NOTICE,
			DocumentKind.CORRECTION_NOTICE, DocumentKind.REFUSAL_DECISION, DocumentKind.APPROVAL_DECISION,
			DocumentKind.CERTIFICATE, DocumentKind.SERVICE_CERTIFICATE, DocumentKind.PAYMENT_DECISION,
			DocumentKind.FILING_RECEIPT, DocumentKind.DECISION);

	/**
	 * The documents a window hands over, as one PDF to print in one go: the receipt, then
	 * the acceptance notice, the one-time notice or the refusal the case holds, then its
	 * decision (and certificate) once decided, as an instant item finished on the spot
	 * is. 404 when it holds none of them.
	 */
	public byte[] windowPrint(String number, GovHallUser user) {
		view(number, user);
		List<IssuedDocument> docs = documents.forCase(number)
			.stream()
			.filter(d -> WINDOW_PRINT.contains(d.kind()))
			.sorted(Comparator.comparingInt((IssuedDocument d) -> WINDOW_PRINT.indexOf(d.kind())))
			.toList();
		if (docs.isEmpty()) {
			throw new NotFoundException("error.document.notFound", number);
		}
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDFMergerUtility merger = new PDFMergerUtility();
			for (IssuedDocument d : docs) {
				merger.addSource(new RandomAccessReadBuffer(documents.pdf(d)));
			}
			merger.setDestinationStream(out);
			merger.mergeDocuments(IOUtils.createMemoryOnlyStreamCache());
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException("the documents of case " + number + " could not be put together", ex);
		}
	}

	public byte[] documentPdf(String number, String documentNumber, GovHallUser user) {
		view(number, user);
		IssuedDocument doc = documents.find(documentNumber)
			.filter(d -> d.caseNumber().equals(number))
			.orElseThrow(() -> new NotFoundException("error.document.notFound", documentNumber));
		return documents.pdf(doc);
	}

	/**
	 * The public progress lookup: by case number and query code, without login. A wrong
	 * code answers exactly like a wrong number, and nothing personal is shown.
	 */
	public Optional<PublicProgress> lookup(String number, String queryCode) {
		if (number == null || queryCode == null || number.length() > 32 || queryCode.length() > 8) {
			return Optional.empty();
		}
		return cases.findByNumber(number.strip())
			.filter(c -> MessageDigest.isEqual(c.queryCode().getBytes(StandardCharsets.UTF_8),
					queryCode.strip().toUpperCase().getBytes(StandardCharsets.UTF_8)))
			.map(c -> PublicProgress.of(c, calendar.calendar(), Now.from(clock).today(), warningDays, clock.getZone()));
	}

}
