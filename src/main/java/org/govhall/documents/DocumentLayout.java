package org.govhall.documents;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.govhall.documents.DocumentDraft.Section;

/**
 * The XHTML of a document, laid out like an official notice (GB/T 9704 in spirit): the
 * issuer as a red letterhead, the title, number and date, the recipient, the body, the
 * seal and date, and the verification QR code in the bottom-right corner of every page. A
 * certificate with particulars is laid out as a licence instead: a bordered page with its
 * facts in a table. Every piece of text is escaped; nothing the caller wrote becomes
 * markup.
 */
final class DocumentLayout {

	/** The font family that {@link Typesetter} registers the Chinese font under. */
	static final String FONT_FAMILY = "govhall-cjk";

	private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");

	private static final String STYLE = """
			@page {
			  size: A4;
			  margin: 25mm 22mm 48mm 22mm;
			  @bottom-left { content: "第 " counter(page) " 页 共 " counter(pages) " 页";
			    font-family: '%1$s'; font-size: 9pt; vertical-align: top; }
			  @bottom-right { content: element(verification); vertical-align: top; }
			}
			body { font-family: '%1$s'; font-size: 12pt; line-height: 1.75; color: #000; }
			.letterhead { color: #c8161d; font-size: 24pt; text-align: center; letter-spacing: 2pt; margin: 0; }
			.rule { border-top: 2pt solid #c8161d; margin: 3mm 0 8mm 0; }
			h1 { font-size: 20pt; font-weight: normal; text-align: center; margin: 0 0 3mm 0; line-height: 1.4; }
			.numbers { text-align: center; font-size: 10.5pt; margin: 0; }
			.recipient { margin: 8mm 0 2mm 0; }
			h2 { font-size: 13pt; font-weight: normal; margin: 4mm 0 1mm 0; }
			.paragraph { text-indent: 2em; margin: 0 0 1mm 0; }
			.signature { margin: 12mm 0 0 50%%; text-align: center; page-break-inside: avoid; }
			.signature p { margin: 0; }
			.seal { color: #c8161d; }
			.verification { position: running(verification); width: 80mm; margin-left: auto; text-align: right; }
			.verification img { width: 30mm; height: 30mm; image-rendering: pixelated; }
			.verification p { font-size: 7.5pt; line-height: 1.3; margin: 0; white-space: nowrap; }
			""".formatted(FONT_FAMILY);

	private DocumentLayout() {
	}

	/** A licence: a bordered page with the facts in a table, instead of a letter. */
	private static final String LICENCE_STYLE = """
			.licence { border: 3pt double #8a1c1c; padding: 10mm 12mm 8mm 12mm; }
			.licence h1 { font-size: 26pt; letter-spacing: 4pt; margin: 2mm 0 2mm 0; }
			.licence .numbers { margin-bottom: 6mm; }
			table.fields { width: 100%; border-collapse: collapse; }
			table.fields th, table.fields td { border: 0.75pt solid #555; padding: 2.5mm 3mm; vertical-align: top;
			  text-align: left; font-size: 12pt; line-height: 1.5; }
			table.fields th { width: 34mm; font-weight: normal; background: #f4ecec; white-space: nowrap; }
			.licence .signature { margin-top: 10mm; }
			""";

	static String xhtml(DocumentDraft draft, String number, String qrDataUri) {
		DocumentDraft.Particulars p = draft.particulars();
		if (draft.kind() == DocumentKind.CERTIFICATE && p != null) {
			return licence(draft, p, number, qrDataUri);
		}
		StringBuilder html = head(draft, number, qrDataUri, "");
		html.append("<p class=\"letterhead\">")
			.append(escape(draft.issuer()))
			.append("</p>\n")
			.append("<div class=\"rule\"></div>\n")
			.append("<h1>")
			.append(escape(draft.title()))
			.append("</h1>\n")
			.append("<p class=\"numbers\">文书编号：")
			.append(escape(number))
			.append("</p>\n")
			.append("<p class=\"numbers\">办件编号：")
			.append(escape(draft.caseNumber()))
			.append("　　日期：")
			.append(chineseDate(draft.issuedOn()))
			.append("</p>\n")
			.append("<p class=\"recipient\">")
			.append(escape(draft.recipient()))
			.append("：</p>\n");

		sections(html, draft);
		signature(html, draft);
		return html.append("</body>\n</html>\n").toString();
	}

	private static void sections(StringBuilder html, DocumentDraft draft) {
		for (Section section : draft.sections()) {
			if (!section.heading().isBlank()) {
				html.append("<h2>").append(escape(section.heading())).append("</h2>\n");
			}
			for (String paragraph : section.paragraphs()) {
				html.append("<p class=\"paragraph\">")
					.append(escape(paragraph).replace("\n", "<br/>"))
					.append("</p>\n");
			}
		}
	}

	private static void signature(StringBuilder html, DocumentDraft draft) {
		html.append("<div class=\"signature\">")
			.append("<p class=\"seal\">（印章）</p>")
			.append("<p>")
			.append(escape(draft.issuer()))
			.append("</p>")
			.append("<p>")
			.append(chineseDate(draft.issuedOn()))
			.append("</p>")
			.append("</div>\n");
	}

	/**
	 * The XML prologue, the head with the styles, and the running QR code that every page
	 * shows.
	 */
	private static StringBuilder head(DocumentDraft draft, String number, String qrDataUri, String extraStyle) {
		StringBuilder html = new StringBuilder(4096);
		html.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\">\n<head>\n")
			.append("<meta charset=\"UTF-8\"/>\n")
			.append("<title>")
			.append(escape(draft.title()))
			.append("</title>\n")
			.append("<meta name=\"author\" content=\"")
			.append(escape(draft.issuer()))
			.append("\"/>\n")
			.append("<meta name=\"subject\" content=\"")
			.append(escape(number))
			.append("\"/>\n")
			.append("<style>\n")
			.append(STYLE)
			.append(extraStyle)
			.append("</style>\n</head>\n<body>\n");

		// a running element must come before the content of the pages it appears on
		html.append("<div class=\"verification\">")
			.append("<img src=\"")
			.append(escape(qrDataUri))
			.append("\" alt=\"核验二维码 verification QR code\"/>")
			.append("<p>扫码核验 Scan to verify · ")
			.append(escape(number))
			.append("</p></div>\n");

		return html;
	}

	/**
	 * The certificate as a licence: the result's name as its title, the holder, the
	 * holder's number (masked for a person), the licence number, item, scope, premises,
	 * term, issuer and date in a bordered table, any notes below, and the QR code that
	 * leads to its verification page.
	 */
	private static String licence(DocumentDraft draft, DocumentDraft.Particulars p, String number, String qrDataUri) {
		StringBuilder html = head(draft, number, qrDataUri, LICENCE_STYLE);
		html.append("<div class=\"licence\">\n")
			.append("<h1>")
			.append(escape(draft.title()))
			.append("</h1>\n")
			.append("<p class=\"numbers\">核验编号：")
			.append(escape(number))
			.append("</p>\n")
			.append("<table class=\"fields\">\n");
		row(html, "持证主体", p.holder());
		row(html, p.person() ? "公民身份号码" : "统一社会信用代码", p.holderNumber());
		row(html, "证书编号", p.certificateNo() == null ? "—" : p.certificateNo());
		row(html, "许可事项", p.item());
		if (p.scope() != null) {
			// a licence; other results (an approval, an opinion) have no scope, premises
			// or term to print
			row(html, "许可范围", p.scope());
			row(html, "经营场所", p.premises() == null ? "—" : p.premises());
			row(html, "有效期限", p.validUntil() == null ? "长期"
					: "自" + chineseDate(draft.issuedOn()) + "至" + chineseDate(p.validUntil()));
		}
		row(html, "发证机关", draft.issuer());
		row(html, "发证日期", chineseDate(draft.issuedOn()));
		html.append("</table>\n");
		sections(html, draft);
		signature(html, draft);
		return html.append("</div>\n</body>\n</html>\n").toString();
	}

	private static void row(StringBuilder html, String label, String value) {
		html.append("<tr><th>")
			.append(escape(label))
			.append("</th><td>")
			.append(escape(value).replace("\n", "<br/>"))
			.append("</td></tr>\n");
	}

	static String chineseDate(LocalDate date) {
		return CHINESE_DATE.format(date);
	}

	/** XML text and attribute escaping; characters XML 1.0 cannot carry are dropped. */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		text.codePoints().forEach(c -> {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> {
					if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
							|| (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000) {
						out.appendCodePoint(c);
					}
				}
			}
		});
		return out.toString();
	}

}
