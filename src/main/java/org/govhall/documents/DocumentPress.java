package org.govhall.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.google.zxing.common.BitMatrix;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.govhall.documents.DocumentDraft.Particulars;
import org.govhall.documents.DocumentDraft.Section;
import org.jspecify.annotations.Nullable;

/**
 * Draws an issued document straight onto A4 pages with PDFBox (ADR 0033), as the XHTML
 * layout drew it before: the issuer as a red letterhead over a red rule, the title, the
 * document and case numbers with the date, the recipient, the sections, the seal, issuer
 * and date on the right half, "第 n 页 共 m 页" and the verification QR code with its caption
 * at the foot of every page; a certificate with particulars as a licence in a double
 * border with its facts in a table.
 * <p>
 * What a reader and a court rely on stays as it was: the text is real text in the
 * embedded subset of the Chinese font; the PDF is tagged for screen readers (PDF/UA: a
 * structure tree of headings, paragraphs, a table with its header cells and the QR code
 * as a figure with its alternative text, the rest marked as artifacts; the language, the
 * title shown, XMP with {@code pdfuaid:part} 1); the QR code leads to the verification
 * page and is drawn as vectors, sharp at any scale. One instance draws one document; it
 * is not shared between threads.
 */
final class DocumentPress {

	static final float MM = 72f / 25.4f;

	private static final PDRectangle PAGE = PDRectangle.A4;

	private static final float TOP = 25 * MM;

	private static final float BOTTOM = 48 * MM;

	private static final float SIDE = 22 * MM;

	private static final float WIDTH = PAGE.getWidth() - 2 * SIDE;

	private static final float[] BLACK = { 0, 0, 0 };

	private static final float[] RED = { 0xc8 / 255f, 0x16 / 255f, 0x1d / 255f };

	private static final float[] DARK_RED = { 0x8a / 255f, 0x1c / 255f, 0x1c / 255f };

	private static final float[] GREY = { 0x55 / 255f, 0x55 / 255f, 0x55 / 255f };

	private static final float[] SHADE = { 0xf4 / 255f, 0xec / 255f, 0xec / 255f };

	private static final List<String> SUBSET_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf",
			"hmtx", "fpgm", "gasp", "OS/2", "name", "post", "cmap");

	static final String QR_ALT = "核验二维码 verification QR code";

	private final PDDocument document;

	/** The font drawn with; none while probing which characters the document prints. */
	private final @Nullable PDType0Font font;

	/** The characters drawn, while probing. */
	private final Set<Integer> printed;

	private final TextMeasure measure;

	private final float ascent;

	private final float descent;

	private final PDStructureElement root;

	/** The structure element of each marked content of a page, by its MCID. */
	private final Map<PDPage, List<PDStructureElement>> marked = new HashMap<>();

	private PDPage page;

	private PDPageContentStream content;

	/** Where the next line's box begins, from the page's bottom. */
	private float y;

	/** The bottom margin of the block above, to collapse with the next one's top. */
	private float pendingMargin;

	/** The left and right edges of the flow (the licence's border takes its room). */
	private float left = SIDE;

	private float right = SIDE + WIDTH;

	private DocumentPress(PDDocument document, @Nullable PDType0Font font, TrueTypeFont ttf, TextMeasure measure,
			Set<Integer> printed) throws IOException {
		this.document = document;
		this.font = font;
		this.printed = printed;
		this.measure = measure;
		float unitsPerEm = ttf.getUnitsPerEm();
		this.ascent = ttf.getHorizontalHeader().getAscender() / unitsPerEm;
		this.descent = -ttf.getHorizontalHeader().getDescender() / unitsPerEm;
		PDStructureTreeRoot tree = new PDStructureTreeRoot();
		document.getDocumentCatalog().setStructureTreeRoot(tree);
		this.root = new PDStructureElement(StandardStructureTypes.DOCUMENT, tree);
		tree.appendKid(root);
	}

	/**
	 * The PDF of {@code draft} numbered {@code number}, its QR code leading to
	 * {@code verificationUrl} (encoded as {@code qr}).
	 */
	static byte[] print(TrueTypeFont ttf, TextMeasure measure, DocumentDraft draft, String number, BitMatrix qr)
			throws IOException {
		// first the characters the document prints: its layout without the font
		Set<Integer> printed = new TreeSet<>();
		try (PDDocument probe = new PDDocument()) {
			new DocumentPress(probe, null, ttf, measure, printed).layout(draft, number, qr);
		}
		TrueTypeFont subset = null;
		try (PDDocument document = new PDDocument()) {
			document.setVersion(1.7f);
			PDType0Font font;
			if (printed.stream().allMatch(cp -> cp <= 0xFFFF)) {
				// the subset of exactly these glyphs, embedded whole: PDFBox would read
				// the
				// widths of every glyph of the font before subsetting it
				subset = subset(ttf, printed);
				font = PDType0Font.load(document, subset, false);
			}
			else {
				// a character beyond the Basic Multilingual Plane: PDFBox's own
				// subsetting,
				// whose character map keeps it
				font = PDType0Font.load(document, ttf, true);
			}
			DocumentPress press = new DocumentPress(document, font, ttf, measure, printed);
			press.layout(draft, number, qr);
			press.finish(draft, number);
			ByteArrayOutputStream out = new ByteArrayOutputStream(48 * 1024);
			document.save(out);
			return out.toByteArray();
		}
		finally {
			if (subset != null) {
				subset.close();
			}
		}
	}

	private void layout(DocumentDraft draft, String number, BitMatrix qr) throws IOException {
		newPage();
		Particulars p = draft.particulars();
		if (draft.kind() == DocumentKind.CERTIFICATE && p != null) {
			licence(draft, p, number);
		}
		else {
			letter(draft, number);
		}
		content.close();
		feet(number, qr);
	}

	/**
	 * The glyphs of {@code codePoints} as a TrueType font of their own, named with a tag
	 * of the set ({@code ABCDEF+NotoSansSC-Regular}) as a subset is.
	 */
	private static TrueTypeFont subset(TrueTypeFont ttf, Set<Integer> codePoints) throws IOException {
		// the tables a PDF's TrueType font needs, and the character map and names to load
		// it by: none of the vertical metrics, substitutions or positioning, which are as
		// large as the font's glyph count
		TTFSubsetter subsetter = new TTFSubsetter(ttf, SUBSET_TABLES);
		subsetter.addAll(codePoints);
		int hash = codePoints.hashCode();
		StringBuilder tag = new StringBuilder(7);
		for (int i = 0; i < 6; i++) {
			tag.append((char) ('A' + Math.floorMod(hash, 26)));
			hash /= 26;
		}
		subsetter.setPrefix(tag.append('+').toString());
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		subsetter.writeToStream(out);
		return new TTFParser().parse(new RandomAccessReadBuffer(out.toByteArray()));
	}

	// ---- the two layouts

	private void letter(DocumentDraft draft, String number) throws IOException {
		Style letterhead = Style.of(24, 1.75f, RED, 2, Align.CENTER);
		block(StandardStructureTypes.P, draft.issuer(), letterhead, 0, 0, 0);
		// the red rule under the letterhead
		space(3 * MM);
		artifact(() -> {
			content.setStrokingColor(RED[0], RED[1], RED[2]);
			content.setLineWidth(2);
			content.moveTo(left, y - 1);
			content.lineTo(right, y - 1);
			content.stroke();
		});
		y -= 2;
		pendingMargin = 8 * MM;
		block(StandardStructureTypes.H1, draft.title(), Style.of(20, 1.4f, BLACK, 0, Align.CENTER), 0, 3 * MM, 0);
		Style numbers = Style.of(10.5f, 1.75f, BLACK, 0, Align.CENTER);
		block(StandardStructureTypes.P, "文书编号：" + number, numbers, 0, 0, 0);
		block(StandardStructureTypes.P,
				"办件编号：" + draft.caseNumber() + "　　日期：" + DocumentLayout.chineseDate(draft.issuedOn()), numbers, 0, 0,
				0);
		block(StandardStructureTypes.P, draft.recipient() + "：", body(), 8 * MM, 2 * MM, 0);
		sections(draft);
		signature(draft, 12 * MM);
	}

	private void licence(DocumentDraft draft, Particulars p, String number) throws IOException {
		// the double border and its padding: 3pt, then 10mm 12mm 8mm 12mm
		float border = 3;
		left = SIDE + border + 12 * MM;
		right = SIDE + WIDTH - border - 12 * MM;
		float boxTop = y;
		PDPage boxPage = page;
		y -= border + 10 * MM;
		block(StandardStructureTypes.H1, draft.title(), Style.of(26, 1.4f, BLACK, 4, Align.CENTER), 2 * MM, 2 * MM, 0);
		block(StandardStructureTypes.P, "核验编号：" + number, Style.of(10.5f, 1.75f, BLACK, 0, Align.CENTER), 0, 6 * MM, 0);
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "持证主体", p.holder() });
		rows.add(new String[] { p.person() ? "公民身份号码" : "统一社会信用代码", p.holderNumber() });
		rows.add(new String[] { "证书编号", p.certificateNo() == null ? "—" : p.certificateNo() });
		rows.add(new String[] { "许可事项", p.item() });
		if (p.scope() != null) {
			// a licence; other results (an approval, an opinion) have no scope, premises
			// or term to print
			rows.add(new String[] { "许可范围", p.scope() });
			rows.add(new String[] { "经营场所", p.premises() == null ? "—" : p.premises() });
			rows.add(new String[] { "有效期限",
					p.validUntil() == null ? "长期" : "自" + DocumentLayout.chineseDate(draft.issuedOn()) + "至"
							+ DocumentLayout.chineseDate(p.validUntil()) });
		}
		rows.add(new String[] { "发证机关", draft.issuer() });
		rows.add(new String[] { "发证日期", DocumentLayout.chineseDate(draft.issuedOn()) });
		table(rows);
		sections(draft);
		signature(draft, 10 * MM);
		y -= 8 * MM + border;
		float bottom = y;
		// a licence longer than a page is framed on its last page from the top margin
		float top = page == boxPage ? boxTop : PAGE.getHeight() - TOP;
		artifact(() -> {
			content.setStrokingColor(DARK_RED[0], DARK_RED[1], DARK_RED[2]);
			content.setLineWidth(1);
			content.addRect(SIDE + 0.5f, bottom + 0.5f, WIDTH - 1, top - bottom - 1);
			content.addRect(SIDE + 2.5f, bottom + 2.5f, WIDTH - 5, top - bottom - 5);
			content.stroke();
		});
	}

	private void sections(DocumentDraft draft) throws IOException {
		for (Section section : draft.sections()) {
			if (!section.heading().isBlank()) {
				block(StandardStructureTypes.H2, section.heading(), Style.of(13, 1.75f, BLACK, 0, Align.LEFT), 4 * MM,
						1 * MM, 0);
			}
			for (String paragraph : section.paragraphs()) {
				block(StandardStructureTypes.P, paragraph, body(), 0, 1 * MM, 2 * 12);
			}
		}
	}

	/** The seal, issuer and date on the right half, kept on one page. */
	private void signature(DocumentDraft draft, float marginTop) throws IOException {
		Style style = body();
		float half = left + (right - left) / 2;
		List<String> lines = List.of("（印章）", draft.issuer(), DocumentLayout.chineseDate(draft.issuedOn()));
		List<List<String>> wrapped = new ArrayList<>();
		float height = 0;
		for (String line : lines) {
			List<String> w = measure.wrap(line, right - half, style, 0);
			wrapped.add(w);
			height += w.size() * style.lineHeight();
		}
		space(marginTop);
		if (y - height < BOTTOM) {
			nextPage();
		}
		float saved = left;
		left = half;
		for (int i = 0; i < lines.size(); i++) {
			Style s = i == 0 ? Style.of(12, 1.75f, RED, 0, Align.CENTER) : style.centered();
			PDStructureElement p = element(StandardStructureTypes.P);
			for (String line : wrapped.get(i)) {
				line(p, line, s, 0);
			}
		}
		left = saved;
	}

	/**
	 * The particulars as a two-column table: header cells shaded, each row on one page.
	 */
	private void table(List<String[]> rows) throws IOException {
		Style style = Style.of(12, 1.5f, BLACK, 0, Align.LEFT);
		float padX = 3 * MM;
		float padY = 2.5f * MM;
		float headerWidth = 34 * MM + 2 * padX;
		PDStructureElement table = element(StandardStructureTypes.TABLE);
		space(0);
		for (String[] row : rows) {
			List<String> label = measure.wrap(row[0], Float.MAX_VALUE, style, 0);
			List<String> value = measure.wrap(row[1], right - left - headerWidth - 2 * padX, style, 0);
			float height = Math.max(label.size(), value.size()) * style.lineHeight() + 2 * padY;
			if (y - height < BOTTOM) {
				nextPage();
			}
			float top = y;
			float bottom = top - height;
			artifact(() -> {
				content.setNonStrokingColor(SHADE[0], SHADE[1], SHADE[2]);
				content.addRect(left, bottom, headerWidth, height);
				content.fill();
				content.setStrokingColor(GREY[0], GREY[1], GREY[2]);
				content.setLineWidth(0.75f);
				content.addRect(left, bottom, headerWidth, height);
				content.addRect(left + headerWidth, bottom, right - left - headerWidth, height);
				content.stroke();
			});
			PDStructureElement tr = new PDStructureElement(StandardStructureTypes.TR, table);
			table.appendKid(tr);
			PDStructureElement th = new PDStructureElement(StandardStructureTypes.TH, tr);
			COSDictionary scope = new COSDictionary();
			scope.setName(COSName.O, "Table");
			scope.setName(COSName.getPDFName("Scope"), "Row");
			th.getCOSObject().setItem(COSName.A, scope);
			tr.appendKid(th);
			PDStructureElement td = new PDStructureElement(StandardStructureTypes.TD, tr);
			tr.appendKid(td);
			float lineTop = top - padY;
			for (String line : label) {
				text(th, line, style, left + padX, lineTop);
				lineTop -= style.lineHeight();
			}
			lineTop = top - padY;
			for (String line : value) {
				text(td, line, style, left + headerWidth + padX, lineTop);
				lineTop -= style.lineHeight();
			}
			y = bottom;
		}
	}

	/** The page number, the QR code and its caption at the foot of every page. */
	private void feet(String number, BitMatrix qr) throws IOException {
		int pages = document.getNumberOfPages();
		Style footer = Style.of(9, 1.2f, BLACK, 0, Align.LEFT);
		Style caption = Style.of(7.5f, 1.3f, BLACK, 0, Align.LEFT);
		String captionText = "扫码核验 Scan to verify · " + number;
		float size = 30 * MM;
		float qrLeft = PAGE.getWidth() - SIDE - size;
		float qrBottom = BOTTOM - size;
		for (int i = 0; i < pages; i++) {
			page = document.getPage(i);
			boolean first = i == 0;
			try (PDPageContentStream cs = new PDPageContentStream(document, page, AppendMode.APPEND, true)) {
				content = cs;
				String folio = "第 " + (i + 1) + " 页 共 " + pages + " 页";
				artifact(() -> draw(folio, footer, SIDE, baseline(BOTTOM, footer)));
				// the QR code and its caption: tagged on the first page, repeated on the
				// others as artifacts
				if (first) {
					PDStructureElement figure = element(StandardStructureTypes.Figure);
					figure.setAlternateDescription(QR_ALT);
					COSDictionary layout = new COSDictionary();
					layout.setName(COSName.O, "Layout");
					COSArray box = new COSArray();
					for (float v : new float[] { qrLeft, qrBottom, qrLeft + size, qrBottom + size }) {
						box.add(new COSFloat(v));
					}
					layout.setItem(COSName.BBOX, box);
					figure.getCOSObject().setItem(COSName.A, layout);
					marked(figure, () -> qr(qr, qrLeft, qrBottom, size));
					PDStructureElement p = element(StandardStructureTypes.P);
					float w = measure.width(captionText, caption);
					marked(p,
							() -> draw(captionText, caption, PAGE.getWidth() - SIDE - w, baseline(qrBottom, caption)));
				}
				else {
					artifact(() -> {
						qr(qr, qrLeft, qrBottom, size);
						draw(captionText, caption, PAGE.getWidth() - SIDE - measure.width(captionText, caption),
								baseline(qrBottom, caption));
					});
				}
			}
		}
	}

	/** The QR code's dark modules as rectangles, a run of a row at a time. */
	private void qr(BitMatrix qr, float x, float yBottom, float size) throws IOException {
		if (font == null) {
			return;
		}
		float module = size / qr.getWidth();
		content.setNonStrokingColor(0f, 0f, 0f);
		runs(qr, false, (row, from, to) -> content.addRect(x + from * module, yBottom + size - (row + 1) * module,
				(to - from) * module, module));
		// the same modules again as runs down each column: two dark modules one above the
		// other then share no edge, which a renderer's anti-aliasing would draw as a pale
		// seam that a scanner can misread (the union is filled once, non-zero winding)
		runs(qr, true, (col, from, to) -> {
			if (to - from > 1) {
				content.addRect(x + col * module, yBottom + size - to * module, module, (to - from) * module);
			}
		});
		content.fill();
	}

	/** A run of dark modules on one line: from its first module to past its last. */
	private interface Run {

		void at(int line, int from, int to) throws IOException;

	}

	/** Every run of dark modules along each row, or with {@code down} each column. */
	private static void runs(BitMatrix qr, boolean down, Run run) throws IOException {
		int lines = down ? qr.getWidth() : qr.getHeight();
		int length = down ? qr.getHeight() : qr.getWidth();
		for (int line = 0; line < lines; line++) {
			int i = 0;
			while (i < length) {
				int start = i;
				while (i < length && (down ? qr.get(line, i) : qr.get(i, line))) {
					i++;
				}
				if (i > start) {
					run.at(line, start, i);
				}
				else {
					i++;
				}
			}
		}
	}

	/** The catalogue's tags, language, title and XMP, and the parent tree. */
	private void finish(DocumentDraft draft, String number) throws IOException {
		PDDocumentCatalog catalog = document.getDocumentCatalog();
		PDMarkInfo markInfo = new PDMarkInfo();
		markInfo.setMarked(true);
		catalog.setMarkInfo(markInfo);
		catalog.setLanguage("zh-CN");
		PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
		preferences.setDisplayDocTitle(true);
		catalog.setViewerPreferences(preferences);
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle(draft.title());
		info.setAuthor(draft.issuer());
		info.setSubject(number);
		info.setProducer("GovHall");
		PDMetadata metadata = new PDMetadata(document);
		metadata.importXMPMetadata(xmp(draft.title(), draft.issuer(), number).getBytes(StandardCharsets.UTF_8));
		catalog.setMetadata(metadata);
		Map<Integer, COSObjectable> parents = new HashMap<>();
		for (int i = 0; i < document.getNumberOfPages(); i++) {
			PDPage each = document.getPage(i);
			each.setStructParents(i);
			each.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
			COSArray elements = new COSArray();
			for (PDStructureElement e : marked.getOrDefault(each, List.of())) {
				elements.add(e);
			}
			parents.put(i, new PDParentTreeValue(elements));
		}
		PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
		parentTree.setNumbers(parents);
		PDStructureTreeRoot tree = catalog.getStructureTreeRoot();
		tree.setParentTree(parentTree);
		tree.setParentTreeNextKey(document.getNumberOfPages());
	}

	private static String xmp(String title, String issuer, String number) {
		return """
				<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
				<x:xmpmeta xmlns:x="adobe:ns:meta/">
				<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
				<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
				 xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
				<dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
				<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
				<dc:description><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:description>
				<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>
				<pdf:Producer>GovHall</pdf:Producer>
				<pdfuaid:part>1</pdfuaid:part>
				</rdf:Description>
				</rdf:RDF>
				</x:xmpmeta>
				<?xpacket end="w"?>
				""".formatted(DocumentLayout.escape(title), DocumentLayout.escape(issuer),
				DocumentLayout.escape(number));
	}

	// ---- the flow of blocks and lines

	/**
	 * A block of text: its margins collapsed with the block above, its lines wrapped to
	 * the flow's width ({@code indent} on its first line; a line break in the text starts
	 * a new line without it), and a page begun where the next line does not fit.
	 */
	private void block(String type, String text, Style style, float marginTop, float marginBottom, float indent)
			throws IOException {
		space(marginTop);
		PDStructureElement element = element(type);
		boolean first = true;
		for (String part : text.split("\n", -1)) {
			List<String> lines = measure.wrap(part, right - left, style, first ? indent : 0);
			for (int i = 0; i < lines.size(); i++) {
				line(element, lines.get(i), style, first && i == 0 ? indent : 0);
			}
			first = false;
		}
		pendingMargin = marginBottom;
	}

	/** Takes the larger of the pending bottom margin and this top margin. */
	private void space(float marginTop) {
		y -= Math.max(pendingMargin, marginTop);
		pendingMargin = 0;
	}

	private void line(PDStructureElement element, String line, Style style, float indent) throws IOException {
		if (y - style.lineHeight() < BOTTOM) {
			nextPage();
		}
		float x = switch (style.align()) {
			case LEFT -> left + indent;
			case CENTER -> left + (right - left - measure.width(line, style)) / 2;
		};
		text(element, line, style, x, y);
		y -= style.lineHeight();
	}

	/**
	 * A line of text whose line box begins at {@code top}, marked as part of
	 * {@code element}.
	 */
	private void text(PDStructureElement element, String line, Style style, float x, float top) throws IOException {
		if (line.isEmpty()) {
			return;
		}
		marked(element, () -> draw(line, style, x, baseline(top, style)));
	}

	/**
	 * The baseline of a line box that begins at {@code top}: the half-leading, then the
	 * ascent.
	 */
	private float baseline(float top, Style style) {
		float contentHeight = (ascent + descent) * style.size();
		return top - (style.lineHeight() - contentHeight) / 2 - ascent * style.size();
	}

	private void draw(String line, Style style, float x, float baseline) throws IOException {
		if (font == null) {
			line.codePoints().forEach(printed::add);
			return;
		}
		content.beginText();
		content.setFont(font, style.size());
		content.setNonStrokingColor(style.color()[0], style.color()[1], style.color()[2]);
		if (style.spacing() != 0) {
			content.setCharacterSpacing(style.spacing());
		}
		content.newLineAtOffset(x, baseline);
		content.showText(line);
		if (style.spacing() != 0) {
			content.setCharacterSpacing(0);
		}
		content.endText();
	}

	private void nextPage() throws IOException {
		content.close();
		newPage();
	}

	private void newPage() throws IOException {
		page = new PDPage(PAGE);
		document.addPage(page);
		content = new PDPageContentStream(document, page, AppendMode.OVERWRITE, true);
		y = PAGE.getHeight() - TOP;
		pendingMargin = 0;
	}

	private PDStructureElement element(String type) {
		PDStructureElement element = new PDStructureElement(type, root);
		root.appendKid(element);
		return element;
	}

	/**
	 * Draws as marked content of {@code element} on this page (an MCID and its
	 * reference).
	 */
	private void marked(PDStructureElement element, Drawing drawing) throws IOException {
		List<PDStructureElement> kids = marked.computeIfAbsent(page, p -> new ArrayList<>());
		int mcid = kids.size();
		kids.add(element);
		COSDictionary properties = new COSDictionary();
		properties.setInt(COSName.MCID, mcid);
		content.beginMarkedContent(COSName.getPDFName(element.getStructureType()), PDPropertyList.create(properties));
		drawing.draw();
		content.endMarkedContent();
		PDMarkedContentReference reference = new PDMarkedContentReference();
		reference.setPage(page);
		reference.setMCID(mcid);
		element.appendKid(reference);
	}

	/** Draws what is no content (rules, borders, page numbers) as an artifact. */
	private void artifact(Drawing drawing) throws IOException {
		content.beginMarkedContent(COSName.ARTIFACT);
		drawing.draw();
		content.endMarkedContent();
	}

	private static Style body() {
		return Style.of(12, 1.75f, BLACK, 0, Align.LEFT);
	}

	enum Align {

		LEFT, CENTER

	}

	/**
	 * Size and line height in points, colour, letter spacing in points, alignment.
	 */
	record Style(float size, float lineHeight, float[] color, float spacing, Align align) {

		/**
		 * A style whose line height is {@code multiple} times its size, as CSS writes it.
		 */
		static Style of(float size, float multiple, float[] color, float spacing, Align align) {
			return new Style(size, size * multiple, color, spacing, align);
		}

		Style centered() {
			return new Style(size, lineHeight, color, spacing, Align.CENTER);
		}

	}

	@FunctionalInterface
	private interface Drawing {

		void draw() throws IOException;

	}

}
