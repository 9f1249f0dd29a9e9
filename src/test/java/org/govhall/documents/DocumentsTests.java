package org.govhall.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.govhall.documents.DocumentDraft.Section;
import org.govhall.shared.InvalidInputException;
import org.govhall.storage.Storage;
import org.govhall.support.GovHallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issuing a document: its number, the PDF's Chinese text, font and QR code, and what is
 * stored.
 */
@GovHallTest
class DocumentsTests {

	@Autowired
	Documents documents;

	@Autowired
	Storage storage;

	@Autowired
	JdbcClient jdbc;

	@Test
	void issuesACorrectionNoticeWhosePdfCarriesTheChineseTextAsText() throws IOException {
		IssuedDocument doc = documents.issue(DocumentFixtures.correctionNotice("BJ-2026-TEXT-01"));

		try (PDDocument pdf = Loader.loadPDF(documents.pdf(doc))) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("补正材料通知书", "BJ-2026-TEXT-01", doc.number(), DocumentFixtures.ISSUER,
					DocumentFixtures.RECIPIENT, "营业执照复印件", "（印章）", "2026年11月27日", "扫码核验 Scan to verify");
		}
		assertThat(doc.kind()).isEqualTo(DocumentKind.CORRECTION_NOTICE);
		assertThat(doc.title()).isEqualTo("补正材料通知书");
		assertThat(doc.issuedOn()).isEqualTo(DocumentFixtures.ISSUED_ON);
	}

	@Test
	void laysACertificateOutAsALicenceWithItsFactsInATableInsteadOfALetter() throws IOException {
		IssuedDocument doc = documents.issue(DocumentFixtures.foodLicence("BJ-2026-LICENCE-01"));

		try (PDDocument pdf = Loader.loadPDF(documents.pdf(doc))) {
			assertThat(structureTypes(pdf)).contains("Table", "TH", "TD");
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
			assertThat(text).contains("食品经营许可证", "持证主体张小明", "公民身份号码660102********0012", "证书编号660100-SCJG-2026-000007",
					"许可事项食品经营许可", "许可范围预包装食品销售；热食类食品制售", "经营场所示范市城关区人民路88号", "有效期限自2026年11月27日至2031年11月26日",
					"发证机关" + DocumentFixtures.ISSUER, "发证日期2026年11月27日", doc.number());
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
		}
		// a notice stays a letter: a letterhead paragraph and a title, no table
		IssuedDocument letter = documents.issue(DocumentFixtures.correctionNotice("BJ-2026-LETTER-01"));
		try (PDDocument pdf = Loader.loadPDF(documents.pdf(letter))) {
			assertThat(structureTypes(pdf)).startsWith("P", "H1").doesNotContain("Table");
		}
	}

	private static List<String> structureTypes(PDDocument pdf) {
		List<String> types = new ArrayList<>();
		for (Object kid : pdf.getDocumentCatalog().getStructureTreeRoot().getKids()) {
			if (kid instanceof PDStructureElement document) {
				collect(document, types);
			}
		}
		return types;
	}

	private static void collect(PDStructureElement parent, List<String> types) {
		for (Object kid : parent.getKids()) {
			if (kid instanceof PDStructureElement element) {
				types.add(element.getStructureType());
				collect(element, types);
			}
		}
	}

	@Test
	void aKeyedDocumentIsIssuedOnceEvenWhenTwoIssueItAtTheSameTime() throws Exception {
		String key = "BJ-2026-ONCE-01:RECEIPT:1";
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
			java.util.List<java.util.concurrent.Future<IssuedDocument>> both = new java.util.ArrayList<>();
			for (int i = 0; i < 2; i++) {
				both.add(pool.submit(() -> {
					go.await();
					return documents.issueOnce(key, DocumentFixtures.correctionNotice("BJ-2026-ONCE-01"));
				}));
			}
			go.countDown();
			String first = both.get(0).get().number();
			assertThat(both.get(1).get().number()).isEqualTo(first);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(documents.forCase("BJ-2026-ONCE-01")).hasSize(1);
		assertThat(documents.issueOnce(key, DocumentFixtures.correctionNotice("BJ-2026-ONCE-01")).number())
			.isEqualTo(documents.forCase("BJ-2026-ONCE-01").get(0).number());
		assertThat(documents.issue(DocumentFixtures.correctionNotice("BJ-2026-ONCE-01")).number())
			.as("without a key every call issues")
			.isNotEqualTo(documents.forCase("BJ-2026-ONCE-01").get(0).number());
	}

	@Test
	void masksAPersonsNameButKeepsItsFirstAndLastCharacters() {
		assertThat(VerifiedDocument.maskName("张小明")).isEqualTo("张*明");
		assertThat(VerifiedDocument.maskName("欧阳娜娜")).isEqualTo("欧**娜");
		assertThat(VerifiedDocument.maskName("张三")).isEqualTo("张*");
		assertThat(VerifiedDocument.maskName("李")).isEqualTo("*");
	}

	@Test
	void embedsTheBundledChineseFontAsAType0FontInATaggedPdf() throws IOException {
		IssuedDocument doc = documents.issue(DocumentFixtures.correctionNotice("BJ-2026-FONT-01"));

		try (PDDocument pdf = Loader.loadPDF(documents.pdf(doc))) {
			assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged for screen readers").isTrue();
			assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("补正材料通知书");
			assertThat(pdf.getDocumentInformation().getAuthor()).isEqualTo(DocumentFixtures.ISSUER);
			PDResources resources = pdf.getPage(0).getResources();
			List<PDFont> fonts = new ArrayList<>();
			for (COSName name : resources.getFontNames()) {
				fonts.add(resources.getFont(name));
			}
			assertThat(fonts).anySatisfy(font -> {
				assertThat(font).isInstanceOf(PDType0Font.class);
				assertThat(font.getName()).contains("NotoSansSC");
				assertThat(font.isEmbedded()).isTrue();
			});
		}
	}

	@Test
	void printsAQrCodeThatLeadsToTheVerificationPage() throws Exception {
		IssuedDocument doc = documents.issue(DocumentFixtures.correctionNotice("BJ-2026-QR-01"));

		try (PDDocument pdf = Loader.loadPDF(documents.pdf(doc))) {
			BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 150);
			int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
			BinaryBitmap bitmap = new BinaryBitmap(
					new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));

			String decoded = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
				.getText();

			assertThat(decoded).isEqualTo("https://zwfw.example.gov.cn/verify/" + doc.number());
		}
	}

	@Test
	void findsAnIssuedDocumentByItsNumberAndByItsCase() {
		IssuedDocument doc = documents.issue(DocumentFixtures.correctionNotice("BJ-2026-FIND-01"));

		assertThat(documents.find(doc.number())).contains(doc);
		assertThat(documents.find(" " + doc.number().toLowerCase() + " ")).contains(doc);
		assertThat(documents.forCase("BJ-2026-FIND-01")).containsExactly(doc);
		assertThat(documents.forCase("BJ-2026-NONE")).isEmpty();
	}

	@Test
	void recordsTheSha256OfTheStoredPdf() {
		IssuedDocument doc = documents.issue(DocumentFixtures.correctionNotice("BJ-2026-SHA-01"));

		byte[] stored = storage.read(storage.find(doc.fileId()).orElseThrow());

		assertThat(stored).startsWith("%PDF-".getBytes());
		assertThat(doc.sha256()).hasSize(64).isEqualTo(Documents.sha256(stored));
		assertThat(documents.pdf(doc)).isEqualTo(stored);
		assertThat(storage.find(doc.fileId()).orElseThrow().contentType()).isEqualTo("application/pdf");
	}

	@Test
	void givesEveryDocumentADifferentNumberThatCannotBeGuessed() {
		IssuedDocument first = documents.issue(DocumentFixtures.correctionNotice("BJ-2026-NUM-01"));
		IssuedDocument second = documents.issue(DocumentFixtures.correctionNotice("BJ-2026-NUM-01"));

		assertThat(first.number()).isNotEqualTo(second.number());
		assertThat(List.of(first.number(), second.number()))
			.allMatch(n -> n.matches("BZ-2026-[0-9]{6}-[" + DocumentNumber.ALPHABET + "]{14}"));
		assertThat(documents.forCase("BJ-2026-NUM-01")).containsExactly(first, second);
	}

	@Test
	void refusesABlankTitleAndStoresNothing() {
		long documentsBefore = count("documents_document");
		long filesBefore = count("storage_file");

		assertThatThrownBy(() -> documents.issue(DocumentFixtures.correctionNotice("BJ-2026-BLANK-01", "  ")))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.violations()).extracting(v -> v.field()).containsExactly("title");
			});

		assertThat(count("documents_document")).isEqualTo(documentsBefore);
		assertThat(count("storage_file")).isEqualTo(filesBefore);
		assertThat(documents.forCase("BJ-2026-BLANK-01")).isEmpty();
	}

	@Test
	void namesEveryFieldThatIsMissingTooLongOrHoldsControlCharacters() {
		DocumentDraft draft = new DocumentDraft(DocumentKind.ACCEPTANCE_NOTICE, "BJ\u0000", "", "机".repeat(101),
				DocumentFixtures.ISSUED_ON, "受理通知书", List.of(new Section("", List.of()), new Section("一、", "正文", " ")));

		assertThatThrownBy(() -> documents.issue(draft)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.violations()).extracting(v -> v.field() + " " + v.messageKey())
					.containsExactly("caseNumber error.document.controlCharacters", "recipient error.document.required",
							"issuer error.document.tooLong", "sections[0].paragraphs error.document.paragraphs",
							"sections[1].paragraphs[1] error.document.required"));
	}

	/**
	 * A character the font has no glyph for would print as "#" without any error
	 * (measured; ADR 0021): refused instead, naming it, before anything is numbered or
	 * stored; a control or format character is named by its code.
	 */
	@Test
	void refusesCharactersTheFontCannotPrintNamingThem() {
		long documentsBefore = count("documents_document");
		DocumentDraft draft = new DocumentDraft(DocumentKind.REFUSAL_DECISION, "BJ-2026-GLYPH-01", "\uD842\uDFB7野家",
				DocumentFixtures.ISSUER, DocumentFixtures.ISSUED_ON, "不予受理决定书",
				List.of(new Section("", "材料不全\uD83D\uDE00", "第一条\n第二条")));

		assertThatThrownBy(() -> documents.issue(draft)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.violations())
					.extracting(v -> v.field() + " " + v.messageKey() + " " + List.of(v.arguments()))
					.containsExactly("recipient error.document.unprintable [\uD842\uDFB7]",
							"sections[0].paragraphs[0] error.document.unprintable [\uD83D\uDE00]"));
		assertThatThrownBy(() -> documents.check(draft)).isInstanceOf(InvalidInputException.class);
		assertThat(count("documents_document")).isEqualTo(documentsBefore);

		assertThat(documents.unprintable("张三，第一条\n（一）、“二”；ＡＢＣ abc 123 ¥ ㎡ ①")).isEmpty();
		assertThat(documents.unprintable("张\u202E三\u200B😀😀")).isEqualTo("U+202E U+200B 😀");
	}

	@Test
	void printsMarkupInTheTextAsTextInsteadOfObeyingIt() throws IOException {
		DocumentDraft draft = new DocumentDraft(DocumentKind.REFUSAL_DECISION, "BJ-2026-XSS-01", "<b>李四</b> & \"王五\"",
				DocumentFixtures.ISSUER, DocumentFixtures.ISSUED_ON, "不予受理决定书",
				List.of(new Section("一、理由</h2><script>x()</script>", "申请事项不属于本机关职权范围 <img src=x/>。")));

		IssuedDocument doc = documents.issue(draft);

		try (PDDocument pdf = Loader.loadPDF(documents.pdf(doc))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("<b>李四</b> & \"王五\"",
					"一、理由</h2><script>x()</script>", "<img src=x/>");
		}
		assertThat(doc.number()).startsWith("BSL-2026-");
	}

	@Test
	void typesetsInAFractionOfASecondOnceTheFontIsParsed() throws IOException {
		Typesetter typesetter = new Typesetter((Path) null);
		DocumentDraft draft = DocumentFixtures.correctionNotice("BJ-2026-TIME-01");
		try {
			List<Long> millis = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				long start = System.nanoTime();
				assertThat(typesetter.print(draft, "BZ-2026-000001-7KQX",
						"http://localhost:8080/verify/BZ-2026-000001-7KQX"))
					.isNotEmpty();
				millis.add((System.nanoTime() - start) / 1_000_000);
			}
			System.out.printf("[documents] render times: first (parses the font) %d ms, then %s ms%n", millis.get(0),
					millis.subList(1, millis.size()));

			long start = System.nanoTime();
			documents.issue(DocumentFixtures.correctionNotice("BJ-2026-TIME-01"));
			System.out.printf("[documents] issue (number, render, store, record): %d ms%n",
					(System.nanoTime() - start) / 1_000_000);
		}
		finally {
			typesetter.destroy();
		}
	}

	@Test
	void refusesToStartWithAConfiguredFontThatIsMissing() {
		assertThatThrownBy(() -> new Typesetter(Path.of("/nonexistent/wqy-zenhei.ttc")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("/nonexistent/wqy-zenhei.ttc")
			.hasMessageContaining("leave it unset");
	}

	@Test
	void embedsTheBundledFontWithoutAnySystemFont() throws IOException {
		Typesetter typesetter = new Typesetter((Path) null);
		try {
			assertThat(typesetter.fontSource()).isEqualTo("classpath:" + Typesetter.BUNDLED_FONT);
			assertEmbedsChinese(typesetter, "NotoSansSC");
		}
		finally {
			typesetter.destroy();
		}
	}

	@Test
	void takesAFontFileOfTheMachineWhenOneIsConfigured(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
		Path ttf = dir.resolve("copy.ttf");
		try (var in = Typesetter.class.getClassLoader().getResourceAsStream(Typesetter.BUNDLED_FONT)) {
			java.nio.file.Files.copy(in, ttf);
		}
		Typesetter typesetter = new Typesetter(ttf);
		try {
			assertThat(typesetter.fontSource()).isEqualTo(ttf.toString());
			assertEmbedsChinese(typesetter, "NotoSansSC");
		}
		finally {
			typesetter.destroy();
		}
	}

	@Test
	void takesTheTrueTypeFaceOfASystemFontCollection() throws IOException {
		// scripts/setup-machine.sh installs it for the browser tests' screenshots
		Path wqy = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
		assertThat(wqy).as("README command 2 installs fonts-wqy-zenhei").isReadable();
		Typesetter typesetter = new Typesetter(wqy);
		try {
			assertEmbedsChinese(typesetter, "WenQuanYiZenHei");
		}
		finally {
			typesetter.destroy();
		}
	}

	private static void assertEmbedsChinese(Typesetter typesetter, String fontName) throws IOException {
		try (PDDocument pdf = Loader.loadPDF(typesetter.print(DocumentFixtures.correctionNotice("BJ-2026-FONT-01"),
				"BZ-2026-000001-7KQX", "http://localhost:8080/verify/BZ-2026-000001-7KQX"))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("补正");
			List<String> fonts = new ArrayList<>();
			for (var name : pdf.getPage(0).getResources().getFontNames()) {
				var font = pdf.getPage(0).getResources().getFont(name);
				fonts.add(font.getName() + (font.isEmbedded() ? " embedded" : ""));
			}
			assertThat(fonts).anyMatch(f -> f.contains(fontName) && f.endsWith(" embedded"));
		}
	}

	private long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

}
