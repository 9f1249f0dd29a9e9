package org.govhall.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns XHTML into PDF with the Chinese font embedded (subset), so that the text is real,
 * extractable text.
 * <p>
 * The font ships inside the application: Noto Sans SC Regular (SIL Open Font License 1.1,
 * licence in {@code licenses/NotoSansSC-OFL.txt}), unpacked at build time from the Maven
 * Central package {@code com.helger.font:ph-fonts-noto-sans-sc}, so documents work on a
 * machine without any system font. {@code govhall.documents.font} may name a TrueType
 * font file or collection of the machine instead (e.g. Debian's
 * {@code /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc}); it needs TrueType outlines,
 * since PDFBox cannot embed CFF ones (stack notes trap 11). The font is parsed once, on
 * first use, and shared; PDFBox reads glyphs from it while subsetting, so renders take
 * turns.
 */
@Component
class Typesetter implements DisposableBean {

	/** The font inside the jar. */
	static final String BUNDLED_FONT = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

	/**
	 * In a collection (.ttc) this face is preferred when present; otherwise the first
	 * face with TrueType outlines.
	 */
	static final String PREFERRED_FACE = "WenQuanYiZenHei";

	private final @Nullable Path fontFile;

	private @Nullable TrueTypeCollection collection;

	private @Nullable TrueTypeFont font;

	private volatile org.apache.fontbox.ttf.@Nullable CmapLookup cmap;

	/**
	 * The widths of the characters drawn so far, shared by every document (under the
	 * lock).
	 */
	private @Nullable TextMeasure measure;

	@Autowired
	Typesetter(DocumentsSettings settings) {
		this(settings.documents().font());
	}

	/** With {@code fontFile} null or blank, the bundled Noto Sans SC. */
	Typesetter(@Nullable Path fontFile) {
		if (fontFile != null && !fontFile.toString().isBlank()) {
			if (!Files.isReadable(fontFile)) {
				throw new IllegalStateException("govhall.documents.font names " + fontFile
						+ ", which cannot be read. Point it at a TrueType font (.ttf or .ttc with TrueType outlines, "
						+ "e.g. /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc from the Debian package "
						+ "fonts-wqy-zenhei), or leave it unset to use the Noto Sans SC font inside GovHall. There "
						+ "is no silent fallback: a document without Chinese glyphs would be unreadable.");
			}
			this.fontFile = fontFile;
		}
		else {
			if (Typesetter.class.getClassLoader().getResource(BUNDLED_FONT) == null) {
				throw new IllegalStateException("The Chinese font " + BUNDLED_FONT + " is missing from the class "
						+ "path; build GovHall with Maven (the build unpacks it from ph-fonts-noto-sans-sc) or set "
						+ "govhall.documents.font to a TrueType font file.");
			}
			this.fontFile = null;
		}
		XRLog.setLoggerImpl(new TypesetterLog());
	}

	/** Where the font comes from, for the startup log and the tests. */
	String fontSource() {
		return fontFile == null ? "classpath:" + BUNDLED_FONT : fontFile.toString();
	}

	/**
	 * Whether the font has a glyph for the code point; a line break needs none (it
	 * becomes a {@code <br/>
	 * }). A character without one would come out as "#" in the PDF, silently (measured:
	 * emoji, CJK Extension B such as 𠮷, Thai, Arabic, zero-width and bidi controls), so
	 * documents are checked against this before they are issued.
	 */
	boolean printable(int codePoint) {
		if (codePoint == '\n') {
			return true;
		}
		return cmap().getGlyphId(codePoint) != 0;
	}

	private CmapLookup cmap() {
		CmapLookup lookup = cmap;
		if (lookup == null) {
			synchronized (this) {
				try {
					lookup = font().getUnicodeCmapLookup();
				}
				catch (IOException ex) {
					throw new UncheckedIOException("cannot read the document font's character map", ex);
				}
				cmap = lookup;
			}
		}
		return lookup;
	}

	/**
	 * The PDF of an issued document, drawn straight with PDFBox ({@link DocumentPress},
	 * ADR 0033), its QR code leading to {@code verificationUrl}.
	 */
	synchronized byte[] print(DocumentDraft draft, String number, String verificationUrl) {
		try {
			return DocumentPress.print(font(), measure(), draft, number, VerificationCode.matrix(verificationUrl));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot print document " + number, ex);
		}
	}

	/**
	 * The lines {@code text} breaks into within {@code width} points, as documents break
	 * them.
	 */
	synchronized List<String> wrap(String text, float width, DocumentPress.Style style) {
		try {
			return measure().wrap(text, width, style, 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the document font", ex);
		}
	}

	private TextMeasure measure() throws IOException {
		if (measure == null) {
			measure = new TextMeasure(font(), cmap());
		}
		return measure;
	}

	/** The PDF of the XHTML of a report, laid out by openhtmltopdf. */
	synchronized byte[] typeset(String xhtml) {
		try (PDDocument document = new PDDocument()) {
			PDType0Font pdfFont = PDType0Font.load(document, font(), true);
			ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
			new PdfRendererBuilder().usePDDocument(document)
				.useFont(new PDFontSupplier(pdfFont), DocumentLayout.FONT_FAMILY)
				.withProducer("GovHall")
				// tagged PDF/UA for screen readers; it also leaves out the standard-14
				// fonts, which cannot be embedded
				.usePdfUaAccessibility(true)
				.withHtmlContent(xhtml, null)
				.toStream(pdf)
				.run();
			return pdf.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot typeset a document", ex);
		}
	}

	private TrueTypeFont font() throws IOException {
		TrueTypeFont loaded = font;
		if (loaded == null) {
			loaded = fontFile == null ? bundled() : fromFile(fontFile);
			font = loaded;
		}
		return loaded;
	}

	private static TrueTypeFont bundled() throws IOException {
		try (InputStream in = Typesetter.class.getClassLoader().getResourceAsStream(BUNDLED_FONT)) {
			if (in == null) {
				throw new IllegalStateException(BUNDLED_FONT + " is missing from the class path");
			}
			return new TTFParser().parse(new RandomAccessReadBuffer(in));
		}
	}

	private TrueTypeFont fromFile(Path file) throws IOException {
		if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
			return new TTFParser().parse(new RandomAccessReadBuffer(Files.readAllBytes(file)));
		}
		TrueTypeCollection ttc = new TrueTypeCollection(file.toFile());
		TrueTypeFont chosen = ttc.getFontByName(PREFERRED_FACE);
		if (chosen == null) {
			List<TrueTypeFont> faces = new ArrayList<>();
			ttc.processAllFonts(faces::add);
			chosen = faces.stream().filter(Typesetter::hasTrueTypeOutlines).findFirst().orElse(null);
		}
		if (chosen == null) {
			ttc.close();
			throw new IllegalStateException(file + " has no face with TrueType outlines; PDFBox cannot embed CFF "
					+ "outlines. Use a TrueType font such as wqy-zenhei.ttc, or leave govhall.documents.font unset.");
		}
		collection = ttc;
		return chosen;
	}

	private static boolean hasTrueTypeOutlines(TrueTypeFont face) {
		try {
			return face.getGlyph() != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public synchronized void destroy() throws IOException {
		if (collection != null) {
			collection.close();
		}
		else if (font != null) {
			font.close();
		}
		collection = null;
		font = null;
		cmap = null;
		measure = null;
	}

}
