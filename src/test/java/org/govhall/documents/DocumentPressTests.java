package org.govhall.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.govhall.documents.DocumentDraft.Section;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The documents drawn straight with PDFBox (ADR 0033), without the application: the text
 * as text, in reading order; the tags a screen reader walks (headings, paragraphs, the
 * licence's table with its header cells, the QR code as a figure with its alternative
 * text); the language, title and PDF/UA identification; the QR code leading to the
 * verification page; lines broken where Chinese typesetting breaks them; long documents
 * on several pages, each numbered "第 n 页 共 m 页".
 */
class DocumentPressTests {

	static final String URL = "https://zwfw.example.gov.cn/verify/BZ-2026-000001-7KQX5M9PT3WZ2H";

	static Typesetter typesetter;

	@BeforeAll
	static void font() {
		typesetter = new Typesetter((Path) null);
	}

	@AfterAll
	static void close() throws IOException {
		typesetter.destroy();
	}

	@Test
	void aLetterIsTaggedTextInReadingOrderWithItsQrCodeAsAFigure() throws Exception {
		try (PDDocument pdf = onePage(DocumentFixtures.correctionNotice("BJ-2026-PRESS-01"),
				"BZ-2026-000001-7KQX5M9PT3WZ2H")) {
			String text = text(pdf);
			assertThat(text).containsSubsequence(DocumentFixtures.ISSUER, "补正材料通知书",
					"文书编号：BZ-2026-000001-7KQX5M9PT3WZ2H", "办件编号：BJ-2026-PRESS-01", "日期：2026年11月27日", "张小明：",
					"您于2026年11月25日提交", "一、需要补正的材料", "1.营业执照复印件（加盖公章）；", "二、补正期限", "（印章）", "2026年11月27日");
			assertThat(text).contains("第1页共1页", "扫码核验Scantoverify");
			assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
			assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
			assertThat(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
			assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("补正材料通知书");
			assertThat(new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), "UTF-8"))
				.contains("<pdfuaid:part>1</pdfuaid:part>", "补正材料通知书");
			List<PDStructureElement> tags = tags(pdf);
			assertThat(tags).extracting(PDStructureElement::getStructureType)
				.startsWith("Document", "P", "H1", "P", "P", "P")
				.contains("H2", "Figure")
				.doesNotContain("Table");
			PDStructureElement figure = tags.stream()
				.filter(t -> t.getStructureType().equals("Figure"))
				.findFirst()
				.orElseThrow();
			assertThat(figure.getAlternateDescription()).isEqualTo(DocumentPress.QR_ALT);
			assertThat(decode(pdf, 0)).isEqualTo(URL);
		}
	}

	@Test
	void aCertificateIsALicenceWithItsFactsInATableWithHeaderCellsOnOnePage() throws Exception {
		try (PDDocument pdf = onePage(DocumentFixtures.foodLicence("BJ-2026-PRESS-02"),
				"ZZ-2026-000002-7KQX5M9PT3WZ2H")) {
			assertThat(text(pdf)).contains("食品经营许可证", "持证主体张小明", "有效期限自2026年11月27日至2031年11月26日");
			List<PDStructureElement> tags = tags(pdf);
			assertThat(tags).extracting(PDStructureElement::getStructureType).contains("Table", "TR", "TH", "TD");
			assertThat(tags.stream().filter(t -> t.getStructureType().equals("TH"))).hasSize(9);
			assertThat(decode(pdf, 0)).isEqualTo(URL);
		}
	}

	@Test
	void aLongDocumentRunsOnToMorePagesEachNumberedAndEachWithItsQrCode() throws Exception {
		List<String> paragraphs = new ArrayList<>();
		for (int i = 1; i <= 40; i++) {
			paragraphs.add(i + ". 申请人提交的《建设工程规划许可申请表》第" + i + "项内容与附图不一致，请核对后重新填写，并由法定代表人签字、加盖公章。");
		}
		DocumentDraft draft = new DocumentDraft(DocumentKind.CORRECTION_NOTICE, "BJ-2026-PRESS-03", "示范置业有限公司",
				DocumentFixtures.ISSUER, DocumentFixtures.ISSUED_ON, "补正材料通知书",
				List.of(new Section("需要补正的内容", paragraphs)));
		try (PDDocument pdf = Loader.loadPDF(typesetter.print(draft, "BZ-2026-000003-7KQX5M9PT3WZ2H", URL))) {
			int pages = pdf.getNumberOfPages();
			assertThat(pages).isGreaterThan(1);
			PDFTextStripper stripper = new PDFTextStripper();
			for (int p = 1; p <= pages; p++) {
				stripper.setStartPage(p);
				stripper.setEndPage(p);
				assertThat(stripper.getText(pdf).replaceAll("\\s+", "")).contains("第" + p + "页共" + pages + "页");
			}
			stripper.setStartPage(1);
			stripper.setEndPage(pages);
			String all = stripper.getText(pdf).replaceAll("\\s+", "");
			for (String paragraph : paragraphs) {
				assertThat(all).as("every paragraph, whole").contains(paragraph.replaceAll("\\s+", ""));
			}
			assertThat(decode(pdf, pages - 1)).isEqualTo(URL);
		}
	}

	@Test
	void linesBreakBetweenChineseCharactersButNeverBeforeAClosingMarkOrInsideALatinWord() throws IOException {
		try (PDDocument pdf = new PDDocument()) {
			DocumentPress.Style style = DocumentPress.Style.of(12, 1.75f, new float[] { 0, 0, 0 }, 0,
					DocumentPress.Align.LEFT);
			// eleven characters' room for a sentence whose twelfth character is a comma
			List<String> lines = typesetter.wrap("申请人提交的申请材料齐全，符合法定形式。", 11 * 12f + 1, style);
			assertThat(lines).allSatisfy(line -> assertThat(line).doesNotStartWith("，").doesNotStartWith("。"));
			assertThat(String.join("", lines)).isEqualTo("申请人提交的申请材料齐全，符合法定形式。");
			List<String> latin = typesetter.wrap("请访问 https://zwfw.example.gov.cn/verify 核验 verification page", 120,
					style);
			assertThat(String.join("", latin).replace(" ", ""))
				.isEqualTo("请访问https://zwfw.example.gov.cn/verify核验verificationpage");
			assertThat(latin).anySatisfy(line -> assertThat(line).contains("verification"));
		}
	}

	/**
	 * Decodes the QR code of a page rendered at 150 dpi, keeping the rendering as
	 * {@code target/screenshots/document-<title>-<page>.png} for a person to look at.
	 */
	private static String decode(PDDocument pdf, int page) throws Exception {
		BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(page, 150);
		Path shots = Files.createDirectories(Path.of("target", "screenshots"));
		ImageIO.write(image, "png",
				shots
					.resolve("document-" + pdf.getDocumentInformation().getSubject().substring(0, 14) + "-" + (page + 1)
							+ ".png")
					.toFile());
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		BinaryBitmap bitmap = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
	}

	/** The document drawn, which must fit one page. */
	private static PDDocument onePage(DocumentDraft draft, String number) throws IOException {
		PDDocument pdf = Loader.loadPDF(typesetter.print(draft, number, URL));
		assertThat(pdf.getNumberOfPages()).as("on one page").isEqualTo(1);
		return pdf;
	}

	private static String text(PDDocument pdf) throws IOException {
		return new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
	}

	private static List<PDStructureElement> tags(PDDocument pdf) {
		List<PDStructureElement> tags = new ArrayList<>();
		walk(pdf.getDocumentCatalog().getStructureTreeRoot(), tags);
		return tags;
	}

	private static void walk(PDStructureNode node, List<PDStructureElement> into) {
		for (Object kid : node.getKids()) {
			if (kid instanceof PDStructureElement element) {
				into.add(element);
				walk(element, into);
			}
		}
	}

}
