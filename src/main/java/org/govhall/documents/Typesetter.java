package org.govhall.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns XHTML into PDF with the Chinese font embedded (subset), so that the text is real, extractable text. The
 * 16 MB font collection is parsed once, on first use, and shared; PDFBox reads glyphs from it while subsetting, so
 * renders take turns.
 */
@Component
class Typesetter implements DisposableBean {

	static final String DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

	/** WQY Zen Hei has TrueType outlines; Noto CJK's CFF outlines cannot be embedded by PDFBox (stack notes trap 11). */
	static final String FONT_NAME = "WenQuanYiZenHei";

	private final Path fontFile;

	private @Nullable TrueTypeCollection collection;

	private @Nullable TrueTypeFont font;

	Typesetter(@Value("${govhall.documents.font:" + DEFAULT_FONT + "}") Path fontFile) {
		if (!Files.isReadable(fontFile)) {
			throw new IllegalStateException("GovHall documents need the Chinese font WenQuanYi Zen Hei at " + fontFile
					+ ", and it is missing. Install the Debian package fonts-wqy-zenhei (scripts/setup-machine.sh) "
					+ "or point govhall.documents.font at the .ttc file. There is no fallback: a document without "
					+ "Chinese glyphs would be unreadable.");
		}
		this.fontFile = fontFile;
		XRLog.setLoggerImpl(new TypesetterLog());
	}

	synchronized byte[] typeset(String xhtml) {
		try (PDDocument document = new PDDocument()) {
			PDType0Font pdfFont = PDType0Font.load(document, font(), true);
			ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
			new PdfRendererBuilder().usePDDocument(document)
				.useFont(new PDFontSupplier(pdfFont), DocumentLayout.FONT_FAMILY)
				.withProducer("GovHall")
				// tagged PDF/UA for screen readers; it also leaves out the standard-14 fonts, which cannot be embedded
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
			TrueTypeCollection ttc = new TrueTypeCollection(fontFile.toFile());
			loaded = ttc.getFontByName(FONT_NAME);
			if (loaded == null) {
				ttc.close();
				throw new IllegalStateException(fontFile + " has no font named " + FONT_NAME
						+ "; GovHall documents need WenQuanYi Zen Hei (package fonts-wqy-zenhei)");
			}
			collection = ttc;
			font = loaded;
		}
		return loaded;
	}

	@Override
	public synchronized void destroy() throws IOException {
		if (collection != null) {
			collection.close();
		}
		collection = null;
		font = null;
	}

}
