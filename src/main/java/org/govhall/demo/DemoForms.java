package org.govhall.demo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.govhall.documents.Documents;
import org.springframework.web.util.HtmlUtils;

/**
 * The blank forms (空白表格) and filled-in samples (填写样例) that the demo province attaches to
 * some materials, from {@code demo/forms.json}: a real A4 PDF with the item's and the
 * department's name and the form's fields, typeset like the documents (embedded Chinese
 * font), the sample with fictional data and marked as a sample.
 */
class DemoForms {

	/**
	 * One form: the material it belongs to, a note for the applicant, and its fields with
	 * sample values.
	 */
	record Form(String material, String note, List<Field> fields) {
	}

	record Field(String label, String sample) {
	}

	private static final String STYLE = """
			@page { size: A4; margin: 20mm 20mm 20mm 20mm;
			  @bottom-center { content: "%1$s"; font-family: 'govhall-cjk'; font-size: 8pt; color: #555; } }
			body { font-family: 'govhall-cjk'; font-size: 11pt; line-height: 1.6; color: #000; }
			h1 { font-size: 18pt; font-weight: normal; text-align: center; margin: 0 0 2mm 0; }
			.kind { text-align: center; font-size: 12pt; margin: 0 0 6mm 0; color: %2$s; }
			.about { margin: 0 0 4mm 0; }
			table { width: 100%%; border-collapse: collapse; table-layout: fixed; }
			th, td { border: 0.6pt solid #000; padding: 2.5mm 2.5mm; vertical-align: top; text-align: left; }
			th { width: 32%%; font-weight: normal; background: #f2f2f2; }
			td { height: 9mm; color: #1a3c8f; }
			.note { margin: 5mm 0 0 0; font-size: 10pt; }
			.signature { margin: 12mm 0 0 45%%; }
			.signature p { margin: 0 0 4mm 0; }
			""";

	private final Documents documents;

	/**
	 * The forms, generic blank forms and result samples, each typeset once per JVM: every
	 * demo context of a test run shares them (typesetting them again was a tenth of the
	 * CPU time of each test context's start).
	 */
	private static final Map<String, byte[]> RENDERED = new ConcurrentHashMap<>();

	private static final Map<String, byte[]> GENERIC = new ConcurrentHashMap<>();

	private static final Map<String, byte[]> SAMPLES = new ConcurrentHashMap<>();

	/**
	 * The fields of a form that {@code demo/forms.json} does not describe: what every
	 * application form asks.
	 */
	private static final List<Field> GENERIC_FIELDS = List.of(new Field("申请人（单位）名称", ""), new Field("证件类型及号码", ""),
			new Field("联系电话", ""), new Field("通讯地址", ""), new Field("申请事项", ""), new Field("申请内容及理由", ""));

	DemoForms(Documents documents) {
		this.documents = documents;
	}

	/**
	 * The PDF of the form, blank or as a sample; the same form for the same item and
	 * department is typeset once.
	 */
	byte[] pdf(Form form, String itemName, String departmentName, boolean sample) {
		return RENDERED.computeIfAbsent(form.material() + '|' + itemName + '|' + departmentName + '|' + sample,
				k -> documents.renderReport(xhtml(form, itemName, departmentName, sample)));
	}

	/**
	 * A blank form (空白表格) for a material that has a template name but no form in
	 * {@code demo/forms.json}: the material's name as title and the fields every
	 * application form asks, so that no template is a name without a file.
	 */
	byte[] genericBlankPdf(String material) {
		return GENERIC.computeIfAbsent(material,
				m -> documents
					.renderReport(xhtml(new Form(m, "请使用黑色墨水笔或签字笔填写，字迹清楚；内容较多的可另附页。", GENERIC_FIELDS), "", "", false)
						.replace("<p class=\"about\">申请事项：<br/>受理部门：</p>", "")));
	}

	static String fileName(Form form, boolean sample) {
		return form.material() + (sample ? "（填写样例）.pdf" : "（空白表格）.pdf");
	}

	static String xhtml(Form form, String itemName, String departmentName, boolean sample) {
		StringBuilder rows = new StringBuilder();
		for (Field f : form.fields()) {
			rows.append("<tr><th>")
				.append(esc(f.label()))
				.append("</th><td>")
				.append(sample ? esc(f.sample()) : "")
				.append("</td></tr>\n");
		}
		String footer = sample ? "填写样例，所填信息均为虚构，仅供参考" : "示范省政务服务网 · 空白表格";
		return """
				<!DOCTYPE html>
				<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
				<head><meta charset="UTF-8"/><title>%1$s</title><meta name="subject" content="%1$s %3$s"/><style>%2$s</style></head>
				<body>
				<h1>%1$s</h1>
				<p class="kind">%3$s</p>
				<p class="about">申请事项：%4$s<br/>受理部门：%5$s</p>
				<table>
				%6$s</table>
				<p class="note">填写说明：%7$s</p>
				<div class="signature"><p>申请人（签字或者盖章）：%8$s</p><p>日期：%9$s</p></div>
				</body>
				</html>
				"""
			.formatted(esc(form.material()), STYLE.formatted(footer, sample ? "#c8161d" : "#000"),
					sample ? "（填写样例）" : "（空白表格）", esc(itemName), esc(departmentName), rows, esc(form.note()),
					sample ? esc(form.fields().get(0).sample()) : "", sample ? "2026年12月1日" : "　　年　　月　　日");
	}

	/**
	 * A specimen of the licence an item issues (结果样本): the result's name, the issuing
	 * department and fictional particulars, stamped 样本 so that no one takes it for a real
	 * licence.
	 */
	byte[] resultSamplePdf(String itemName, String resultName, String departmentName) {
		return SAMPLES.computeIfAbsent(itemName + '|' + resultName + '|' + departmentName,
				k -> documents.renderReport(resultSampleXhtml(itemName, resultName, departmentName)));
	}

	static String resultSampleFileName(String resultName) {
		return resultName + "（样本）.pdf";
	}

	static String resultSampleXhtml(String itemName, String resultName, String departmentName) {
		String rows = """
				<tr><th>编号</th><td>样本-0000001</td></tr>
				<tr><th>持证主体</th><td>示范市城关区样例有限公司（虚构）</td></tr>
				<tr><th>许可事项</th><td>%1$s</td></tr>
				<tr><th>有效期</th><td>自 2026年12月1日 至 2031年11月30日</td></tr>
				<tr><th>发证机关</th><td>%2$s</td></tr>
				""".formatted(esc(itemName), esc(departmentName));
		return """
				<!DOCTYPE html>
				<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
				<head><meta charset="UTF-8"/><title>%1$s（样本）</title><meta name="subject" content="%1$s（样本）"/><style>%2$s</style></head>
				<body>
				<h1>%1$s</h1>
				<p class="kind">（样本）</p>
				<table>
				%3$s</table>
				<p class="note">本文件为结果样本，所载信息均为虚构，仅供申请人了解证件式样，不具有法律效力。</p>
				</body>
				</html>
				"""
			.formatted(esc(resultName), STYLE.formatted("结果样本，仅供参考，不作为有效证件", "#c8161d"), rows);
	}

	private static String esc(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
