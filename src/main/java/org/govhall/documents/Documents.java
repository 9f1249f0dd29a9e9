package org.govhall.documents;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

import org.govhall.documents.DocumentDraft.Particulars;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.govhall.storage.Storage;
import org.govhall.storage.StoredFile;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues documents: checks the draft, gives it a number that cannot be guessed, typesets
 * it as a PDF with a QR code that leads to its public verification page, and keeps the
 * PDF in storage with its SHA-256 on record.
 */
@Service
public class Documents {

	private static final String COLUMNS = "number, kind, case_number, issuer, issued_on, title, sha256, file_id, created_at";

	private static final String PARTICULARS = "recipient, holder_person, holder_number, item_name, certificate_no, "
			+ "scope, valid_until, revoked_on";

	private final JdbcClient jdbc;

	private final Storage storage;

	private final Typesetter typesetter;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final String publicUrl;

	private final SecureRandom random = new SecureRandom();

	private final MeterRegistry meters;

	/**
	 * The CPU time of drawing one document, by kind (the benchmark's profile reads its
	 * median).
	 */
	private final Map<DocumentKind, Timer> renderCpu = new ConcurrentHashMap<>();

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	Documents(JdbcClient jdbc, Storage storage, Typesetter typesetter, PlatformTransactionManager transactions,
			Clock clock, DocumentsSettings settings, MeterRegistry meters) {
		this.meters = meters;
		this.jdbc = jdbc;
		this.storage = storage;
		this.typesetter = typesetter;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
	}

	/**
	 * Numbers, typesets and stores the document. The PDF is typeset outside the
	 * transaction, so that a queue of renders holds no database connection; the file and
	 * its record are then written together.
	 * @throws org.govhall.shared.InvalidInputException when a field is missing, too long
	 * or holds control characters
	 */
	public IssuedDocument issue(DocumentDraft draft) {
		return issue(draft, null);
	}

	/**
	 * Issues the document unless one was issued under the same key (for example a case's
	 * first acceptance notice): the database's unique key decides, so two nodes or a
	 * listener and a request racing issue it once, and both get the one that was
	 * recorded.
	 */
	public IssuedDocument issueOnce(String key, DocumentDraft draft) {
		Optional<IssuedDocument> earlier = byKey(key);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		return issue(draft, key);
	}

	/** The document issued under this key ({@link #issueOnce}), if any. */
	public Optional<IssuedDocument> issuedUnder(String key) {
		return byKey(key);
	}

	private Optional<IssuedDocument> byKey(String key) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM documents_document WHERE issue_key = :key")
			.param("key", key)
			.query(Documents::document)
			.optional();
	}

	/**
	 * Checks the draft as {@link #issue} would before numbering it, and issues nothing: a
	 * step that owes the document calls it before it commits, so that a document that
	 * could not be issued is refused at the step (ADR 0021).
	 * @throws org.govhall.shared.InvalidInputException when a field is missing, too long,
	 * holds control characters or characters the document font cannot print
	 */
	public void check(DocumentDraft draft) {
		DraftRules.check(draft, typesetter::printable);
	}

	/**
	 * The characters of the text that the document font cannot print (each once, at most
	 * 10, a control or format character by its code point, e.g. U+202E), empty when it
	 * can print them all. A line break counts as printable.
	 */
	public String unprintable(String text) {
		return DraftRules.unprintable(text, typesetter::printable);
	}

	private IssuedDocument issue(DocumentDraft draft, @Nullable String key) {
		check(draft);
		long sequence = jdbc.sql("SELECT nextval('documents_number_seq')").query(Long.class).single();
		String number = DocumentNumber.next(draft.kind(), draft.issuedOn().getYear(), sequence, random);
		long cpu = THREADS.getCurrentThreadCpuTime();
		byte[] pdf = typesetter.print(draft, number, verificationUrl(number));
		renderCpu
			.computeIfAbsent(draft.kind(),
					kind -> Timer.builder("govhall.documents.render.cpu")
						.description("CPU time of drawing one issued document")
						.tag("kind", kind.name())
						.publishPercentiles(0.5, 0.99)
						.register(meters))
			.record(THREADS.getCurrentThreadCpuTime() - cpu, TimeUnit.NANOSECONDS);
		String sha256 = sha256(pdf);
		Particulars p = draft.particulars();
		IssuedDocument issued = transaction.execute(status -> {
			StoredFile file = storage.store(number + ".pdf", pdf);
			IssuedDocument document = new IssuedDocument(number, draft.kind(), draft.caseNumber(), draft.issuer(),
					draft.issuedOn(), draft.title(), sha256, file.id(), clock.instant().truncatedTo(ChronoUnit.MICROS));
			int rows = jdbc.sql("""
					INSERT INTO documents_document (number, kind, case_number, recipient, issuer, issued_on, title,
					                                sha256, file_id, created_at, holder_person, holder_number,
					                                item_name, certificate_no, scope, premises, valid_until, issue_key)
					VALUES (:number, :kind, :caseNumber, :recipient, :issuer, :issuedOn, :title, :sha256, :fileId, :at,
					        :person, :holderNumber, :item, :certificateNo, :scope, :premises, :validUntil, :issueKey)
					ON CONFLICT DO NOTHING
					""")
				.param("issueKey", key, Types.VARCHAR)
				.param("number", number)
				.param("kind", draft.kind().name())
				.param("caseNumber", draft.caseNumber())
				.param("recipient", draft.recipient())
				.param("issuer", draft.issuer())
				.param("issuedOn", draft.issuedOn())
				.param("title", draft.title())
				.param("sha256", sha256)
				.param("fileId", file.id())
				.param("at", Timestamp.from(document.createdAt()))
				.param("person", p == null ? null : p.person())
				.param("holderNumber", p == null ? null : p.holderNumber())
				.param("item", p == null ? null : p.item())
				.param("certificateNo", p == null ? null : p.certificateNo())
				.param("scope", p == null ? null : p.scope())
				.param("premises", p == null ? null : p.premises())
				.param("validUntil", p == null ? null : p.validUntil())
				.update();
			// a document of the same key was recorded first: that one stands (without an
			// exception, which would
			// spoil a caller's surrounding transaction); the file stored for this one
			// stays unreferenced
			return rows == 1 ? document : byKey(key).orElseThrow();
		});
		if (issued == null) {
			throw new IllegalStateException("document " + number + " was not recorded");
		}
		return issued;
	}

	/**
	 * The document with this number; a malformed number finds nothing. Case and
	 * surrounding spaces are forgiven.
	 */
	public Optional<IssuedDocument> find(String number) {
		return DocumentNumber.parse(number)
			.flatMap(n -> jdbc.sql("SELECT " + COLUMNS + " FROM documents_document WHERE number = :number")
				.param("number", n)
				.query(Documents::document)
				.optional());
	}

	/**
	 * The document with this number as the public may see it, with its validity on the
	 * injected clock's today; a malformed number finds nothing.
	 */
	public Optional<VerifiedDocument> verify(String number) {
		LocalDate today = LocalDate.now(clock);
		return DocumentNumber.parse(number)
			.flatMap(n -> jdbc
				.sql("SELECT " + COLUMNS + ", " + PARTICULARS + " FROM documents_document WHERE number = :number")
				.param("number", n)
				.query((rs, row) -> VerifiedDocument.of(document(rs, row), rs, today))
				.optional());
	}

	/**
	 * Marks the certificates of a case revoked or cancelled as of {@code on} (撤销/注销), in
	 * the caller's transaction; one revoked before keeps its date.
	 * @return how many certificates were marked
	 */
	public int revokeCertificates(String caseNumber, LocalDate on) {
		return jdbc.sql("""
				UPDATE documents_document SET revoked_on = :on
				WHERE case_number = :caseNumber AND kind = 'CERTIFICATE' AND revoked_on IS NULL
				""").param("on", on).param("caseNumber", caseNumber).update();
	}

	/** The documents of a case, oldest first. */
	public List<IssuedDocument> forCase(String caseNumber) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM documents_document WHERE case_number = :caseNumber ORDER BY created_at, number")
			.param("caseNumber", caseNumber)
			.query(Documents::document)
			.list();
	}

	/**
	 * The PDF exactly as issued.
	 * @throws IllegalStateException when the stored file is gone or no longer matches its
	 * SHA-256
	 */
	public byte[] pdf(IssuedDocument document) {
		StoredFile file = storage.find(document.fileId())
			.orElseThrow(() -> new IllegalStateException("the PDF of document " + document.number() + " is missing"));
		byte[] pdf = storage.read(file);
		if (!sha256(pdf).equals(document.sha256())) {
			throw new IllegalStateException("the PDF of document " + document.number() + " does not match its SHA-256");
		}
		return pdf;
	}

	/**
	 * Typesets a printable report that is not an issued document: no number, no QR code,
	 * no record and nothing stored, just the PDF of the XHTML given, with the same
	 * typesetter and embedded Chinese font as the documents. The XHTML must be
	 * well-formed and its text must use the font family
	 * {@value DocumentLayout#FONT_FAMILY}, the family the Chinese font is registered
	 * under; without it the Chinese text would come out as missing glyphs, so such a
	 * report is refused.
	 * @throws IllegalArgumentException when the XHTML never names the font family
	 */
	public byte[] renderReport(String xhtml) {
		if (!xhtml.contains(DocumentLayout.FONT_FAMILY)) {
			throw new IllegalArgumentException(
					"a report must set font-family '" + DocumentLayout.FONT_FAMILY + "' for its Chinese text");
		}
		return typesetter.typeset(xhtml);
	}

	/** Where the QR code of a document leads: its public verification page. */
	String verificationUrl(String number) {
		return publicUrl + "/verify/" + number;
	}

	private static IssuedDocument document(ResultSet rs, int row) throws SQLException {
		return new IssuedDocument(rs.getString("number"), DocumentKind.valueOf(rs.getString("kind")),
				rs.getString("case_number"), rs.getString("issuer"), rs.getObject("issued_on", LocalDate.class),
				rs.getString("title"), rs.getString("sha256"), rs.getString("file_id"),
				rs.getTimestamp("created_at").toInstant());
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
