package org.govhall.supervision.dashboards;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The dashboard tables as an Excel workbook (.xlsx, Apache POI): one sheet per table, a
 * header row in the requester's language, numbers as numbers, rates as percentages and
 * dates as dates, so that the sheet can be summed and filtered.
 */
@Component
class DashboardWorkbook {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	static final String XLSX_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final MessageSource messages;

	DashboardWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	/** A column of figures: its header key, and how a row's figures give its value. */
	private record Column(String key, Format format, Function<DashboardFigures, @Nullable Object> value) {
	}

	private enum Format {

		COUNT, PERCENT, DECIMAL

	}

	private static final List<Column> FIGURES = List.of(
			new Column("dashboard.col.received", Format.COUNT, DashboardFigures::received),
			new Column("dashboard.col.completed", Format.COUNT, DashboardFigures::completed),
			new Column("dashboard.col.onTime", Format.COUNT, DashboardFigures::onTime),
			new Column("dashboard.col.onTimeRate", Format.PERCENT, DashboardFigures::onTimeRate),
			new Column("dashboard.col.early", Format.COUNT, DashboardFigures::early),
			new Column("dashboard.col.earlyRate", Format.PERCENT, DashboardFigures::earlyRate),
			new Column("dashboard.col.instant", Format.COUNT, DashboardFigures::instant),
			new Column("dashboard.col.instantShare", Format.PERCENT, DashboardFigures::instantShare),
			new Column("dashboard.col.online", Format.COUNT, DashboardFigures::online),
			new Column("dashboard.col.onlineShare", Format.PERCENT, DashboardFigures::onlineShare),
			new Column("dashboard.col.averageVisits", Format.DECIMAL, DashboardFigures::averageVisits),
			new Column("dashboard.col.averageActualDays", Format.DECIMAL, DashboardFigures::averageActualDays),
			new Column("dashboard.col.averagePromisedDays", Format.DECIMAL, DashboardFigures::averagePromisedDays),
			new Column("dashboard.col.averageStatutoryDays", Format.DECIMAL, DashboardFigures::averageStatutoryDays),
			new Column("dashboard.col.compressionRatio", Format.PERCENT, DashboardFigures::compressionRatio),
			new Column("dashboard.col.overdue", Format.COUNT, DashboardFigures::overdue),
			new Column("dashboard.col.overdueCompleted", Format.COUNT, DashboardFigures::overdueCompleted),
			new Column("dashboard.col.overdueOpen", Format.COUNT, DashboardFigures::overdueOpen),
			new Column("dashboard.col.cards", Format.COUNT, DashboardFigures::cards),
			new Column("dashboard.col.redCards", Format.COUNT, DashboardFigures::redCards));

	/**
	 * The report's tables that the sheets name (all of them when {@code sheets} is
	 * empty), as a workbook.
	 */
	byte[] report(DashboardReport report, List<DashboardSheet> sheets, Locale locale) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Styles styles = new Styles(workbook);
			boolean all = sheets.isEmpty();
			DashboardReport.Level level = report.level();
			boolean regions = level == DashboardReport.Level.REGION && !report.regions().isEmpty();
			if ((all && regions) || sheets.contains(DashboardSheet.REGIONS)) {
				rows(workbook, styles, DashboardSheet.REGIONS, report.regions(), report.total(), locale);
			}
			if ((all && level == DashboardReport.Level.REGION) || sheets.contains(DashboardSheet.DEPARTMENTS)) {
				rows(workbook, styles, DashboardSheet.DEPARTMENTS, report.departments(),
						regions ? null : report.total(), locale);
			}
			if ((all && level == DashboardReport.Level.DEPARTMENT) || sheets.contains(DashboardSheet.ITEMS)) {
				rows(workbook, styles, DashboardSheet.ITEMS, report.items(), report.total(), locale);
			}
			if ((all && level == DashboardReport.Level.ITEM) || sheets.contains(DashboardSheet.CASES)) {
				cases(workbook, styles, report.cases(), locale);
			}
			return bytes(workbook);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The trend as a workbook of one sheet, a row per month. */
	byte[] trend(DashboardTrend trend, Locale locale) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Styles styles = new Styles(workbook);
			Sheet sheet = sheet(workbook, DashboardSheet.TREND, locale);
			Row header = sheet.createRow(0);
			text(header, 0, message("dashboard.col.month", locale), styles.header);
			for (int i = 0; i < FIGURES.size(); i++) {
				text(header, i + 1, message(FIGURES.get(i).key(), locale), styles.header);
			}
			int r = 1;
			for (DashboardTrend.Month month : trend.months()) {
				Row row = sheet.createRow(r++);
				text(row, 0, month.month().toString(), null);
				figures(row, 1, month.figures(), styles);
			}
			finish(sheet, FIGURES.size() + 1, 10);
			return bytes(workbook);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void rows(Workbook workbook, Styles styles, DashboardSheet kind, List<DashboardRow> rows,
			@Nullable DashboardRow total, Locale locale) {
		Sheet sheet = sheet(workbook, kind, locale);
		Row header = sheet.createRow(0);
		text(header, 0, message("dashboard.col.name", locale), styles.header);
		text(header, 1, message("dashboard.col.code", locale), styles.header);
		for (int i = 0; i < FIGURES.size(); i++) {
			text(header, i + 2, message(FIGURES.get(i).key(), locale), styles.header);
		}
		int r = 1;
		for (DashboardRow row : rows) {
			Row line = sheet.createRow(r++);
			text(line, 0, row.name(), null);
			text(line, 1, row.code(), null);
			figures(line, 2, row.figures(), styles);
		}
		if (total != null) {
			Row line = sheet.createRow(r);
			text(line, 0, message("dashboard.total", locale) + " · " + total.name(), styles.header);
			text(line, 1, total.code(), styles.header);
			figures(line, 2, total.figures(), styles);
		}
		finish(sheet, FIGURES.size() + 2, 30);
	}

	private void cases(Workbook workbook, Styles styles, List<DashboardCase> cases, Locale locale) {
		Sheet sheet = sheet(workbook, DashboardSheet.CASES, locale);
		String[] headers = { "dashboard.case.number", "dashboard.case.state", "dashboard.case.channel",
				"dashboard.case.mode", "dashboard.case.department", "dashboard.case.receivedOn",
				"dashboard.case.decidedOn", "dashboard.case.closedOn", "dashboard.case.actualDays",
				"dashboard.case.promisedDays", "dashboard.case.statutoryDays", "dashboard.case.onTime",
				"dashboard.case.early", "dashboard.case.visits", "dashboard.case.warning", "dashboard.case.overdue",
				"dashboard.case.carded" };
		Row header = sheet.createRow(0);
		for (int i = 0; i < headers.length; i++) {
			text(header, i, message(headers[i], locale), styles.header);
		}
		int r = 1;
		for (DashboardCase c : cases) {
			Row row = sheet.createRow(r++);
			text(row, 0, c.caseNumber(), null);
			text(row, 1, message("CaseState." + c.state().name(), locale), null);
			text(row, 2, message("dashboard.channel." + c.channel(), locale), null);
			text(row, 3, message("ProcessingMode." + c.processingMode(), locale), null);
			text(row, 4, c.departmentCode(), null);
			date(row, 5, c.receivedOn(), styles);
			date(row, 6, c.decidedOn(), styles);
			date(row, 7, c.closedOn(), styles);
			number(row, 8, c.actualDays(), styles.count);
			number(row, 9, c.promisedDays(), styles.count);
			number(row, 10, c.statutoryDays(), styles.count);
			yesNo(row, 11, c.onTime(), locale);
			yesNo(row, 12, c.early(), locale);
			number(row, 13, c.visits(), styles.count);
			text(row, 14, message("Warning." + c.warning().name(), locale), null);
			yesNo(row, 15, c.overdue(), locale);
			yesNo(row, 16, c.carded(), locale);
		}
		finish(sheet, headers.length, 14);
		sheet.setColumnWidth(0, 26 * 256);
	}

	private void figures(Row row, int first, DashboardFigures figures, Styles styles) {
		for (int i = 0; i < FIGURES.size(); i++) {
			Column column = FIGURES.get(i);
			CellStyle style = switch (column.format()) {
				case COUNT -> styles.count;
				case PERCENT -> styles.percent;
				case DECIMAL -> styles.decimal;
			};
			number(row, first + i, column.value().apply(figures), style);
		}
	}

	private Sheet sheet(Workbook workbook, DashboardSheet kind, Locale locale) {
		return workbook.createSheet(message("dashboard.sheet." + kind.name(), locale));
	}

	private static void finish(Sheet sheet, int columns, int firstWidth) {
		sheet.createFreezePane(1, 1);
		sheet.setColumnWidth(0, firstWidth * 256);
		for (int i = 1; i < columns; i++) {
			sheet.setColumnWidth(i, 14 * 256);
		}
	}

	private static void text(Row row, int column, String value, @Nullable CellStyle style) {
		var cell = row.createCell(column);
		cell.setCellValue(value);
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	/**
	 * A number, or an empty cell where the figure could not be taken (nothing to take it
	 * over).
	 */
	private static void number(Row row, int column, @Nullable Object value, CellStyle style) {
		var cell = row.createCell(column);
		cell.setCellStyle(style);
		if (value instanceof BigDecimal d) {
			cell.setCellValue(d.doubleValue());
		}
		else if (value instanceof Number n) {
			cell.setCellValue(n.longValue());
		}
	}

	private static void date(Row row, int column, @Nullable LocalDate value, Styles styles) {
		var cell = row.createCell(column);
		if (value != null) {
			cell.setCellValue(value);
			cell.setCellStyle(styles.date);
		}
	}

	private void yesNo(Row row, int column, @Nullable Boolean value, Locale locale) {
		if (value != null) {
			text(row, column, message(value ? "dashboard.yes" : "dashboard.no", locale), null);
		}
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static byte[] bytes(Workbook workbook) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(out);
		return out.toByteArray();
	}

	/**
	 * The cell styles of a workbook (a workbook may hold only a limited number, so they
	 * are made once).
	 */
	private static final class Styles {

		final CellStyle header;

		final CellStyle count;

		final CellStyle percent;

		final CellStyle decimal;

		final CellStyle date;

		Styles(Workbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			header = workbook.createCellStyle();
			header.setFont(bold);
			header.setWrapText(true);
			var formats = workbook.createDataFormat();
			count = workbook.createCellStyle();
			count.setDataFormat(formats.getFormat("0"));
			percent = workbook.createCellStyle();
			percent.setDataFormat(formats.getFormat("0.0%"));
			decimal = workbook.createCellStyle();
			decimal.setDataFormat(formats.getFormat("0.00"));
			date = workbook.createCellStyle();
			date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
		}

	}

}
