package org.govhall.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.govhall.documents.DocumentDraft.Section;
import org.govhall.shared.GovHallException.FieldViolation;
import org.govhall.shared.InvalidInputException;
import java.util.function.IntPredicate;

import org.jspecify.annotations.Nullable;

/**
 * What a draft must satisfy before it gets a number: every field filled, lengths that fit
 * the table and one A4 page or a few, no control characters (they have no place in a
 * notice, and XML cannot carry most of them), and only characters the document font can
 * print (one it lacks comes out as "#", silently; ADR 0021).
 */
final class DraftRules {

	static final int CASE_NUMBER_MAX = 64;

	static final int RECIPIENT_MAX = 200;

	static final int ISSUER_MAX = 100;

	static final int TITLE_MAX = 100;

	static final int HOLDER_NUMBER_MAX = 32;

	static final int ITEM_MAX = 200;

	static final int SCOPE_MAX = 500;

	static final int PREMISES_MAX = 200;

	static final int HEADING_MAX = 100;

	static final int PARAGRAPH_MAX = 2000;

	static final int SECTIONS_MAX = 30;

	static final int PARAGRAPHS_MAX = 50;

	static final int TEXT_MAX = 20_000;

	private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

	private DraftRules() {
	}

	/**
	 * Refuses the draft with every violation at once, as a 400 naming the fields.
	 * @param printable whether the document font has a glyph for a code point
	 */
	static void check(DocumentDraft draft, IntPredicate printable) {
		List<FieldViolation> violations = new ArrayList<>();
		Checker checker = new Checker(violations, printable);
		checker.run(draft);
		if (!violations.isEmpty()) {
			throw new InvalidInputException("invalid-document", "error.document.invalid", violations,
					violations.size());
		}
	}

	/**
	 * The characters of {@code text} that {@code printable} refuses, each once, in order;
	 * empty when none.
	 */
	static String unprintable(String text, IntPredicate printable) {
		StringBuilder out = new StringBuilder();
		text.codePoints().filter(c -> !printable.test(c)).distinct().limit(10).forEach(c -> {
			if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
					|| Character.getType(c) == Character.SURROGATE || Character.isWhitespace(c)) {
				out.append(out.isEmpty() ? "" : " ").append(String.format("U+%04X", c));
			}
			else {
				out.append(out.isEmpty() ? "" : " ").appendCodePoint(c);
			}
		});
		return out.toString();
	}

	private record Checker(List<FieldViolation> violations, IntPredicate printable) {

		void run(DocumentDraft draft) {
			if (draft.kind() == null) {
				violations.add(new FieldViolation("kind", "error.document.required"));
			}
			line(violations, "caseNumber", draft.caseNumber(), CASE_NUMBER_MAX);
			line(violations, "recipient", draft.recipient(), RECIPIENT_MAX);
			line(violations, "issuer", draft.issuer(), ISSUER_MAX);
			line(violations, "title", draft.title(), TITLE_MAX);
			LocalDate issuedOn = draft.issuedOn();
			if (issuedOn == null) {
				violations.add(new FieldViolation("issuedOn", "error.document.required"));
			}
			else if (issuedOn.isBefore(EARLIEST) || issuedOn.isAfter(LATEST)) {
				violations.add(new FieldViolation("issuedOn", "error.document.issuedOn"));
			}
			body(violations, draft.sections());
			if (draft.particulars() != null) {
				particulars(violations, draft.particulars());
			}
		}

		private void body(List<FieldViolation> violations, List<Section> sections) {
			if (sections.isEmpty() || sections.size() > SECTIONS_MAX) {
				violations.add(new FieldViolation("sections", "error.document.sections", SECTIONS_MAX));
				return;
			}
			int total = 0;
			for (int s = 0; s < sections.size(); s++) {
				String field = "sections[" + s + "]";
				Section section = sections.get(s);
				if (section == null) {
					violations.add(new FieldViolation(field, "error.document.required"));
					continue;
				}
				if (!section.heading().isEmpty()) {
					line(violations, field + ".heading", section.heading(), HEADING_MAX);
				}
				List<String> paragraphs = section.paragraphs();
				if ((paragraphs.isEmpty() && section.heading().isBlank()) || paragraphs.size() > PARAGRAPHS_MAX) {
					violations
						.add(new FieldViolation(field + ".paragraphs", "error.document.paragraphs", PARAGRAPHS_MAX));
				}
				for (int p = 0; p < paragraphs.size(); p++) {
					String paragraph = paragraphs.get(p);
					text(violations, field + ".paragraphs[" + p + "]", paragraph, PARAGRAPH_MAX, true);
					total += paragraph == null ? 0 : paragraph.length();
				}
				total += section.heading().length();
			}
			if (total > TEXT_MAX) {
				violations.add(new FieldViolation("sections", "error.document.tooMuchText", TEXT_MAX));
			}
		}

		private void particulars(List<FieldViolation> violations, DocumentDraft.Particulars p) {
			line(violations, "particulars.holder", p.holder(), RECIPIENT_MAX);
			line(violations, "particulars.holderNumber", p.holderNumber(), HOLDER_NUMBER_MAX);
			line(violations, "particulars.item", p.item(), ITEM_MAX);
			optional(violations, "particulars.certificateNo", p.certificateNo(), CASE_NUMBER_MAX, false);
			optional(violations, "particulars.scope", p.scope(), SCOPE_MAX, true);
			optional(violations, "particulars.premises", p.premises(), PREMISES_MAX, false);
		}

		private void optional(List<FieldViolation> violations, String field, @Nullable String value, int max,
				boolean lineBreaks) {
			if (value != null) {
				text(violations, field, value, max, lineBreaks);
			}
		}

		private void line(List<FieldViolation> violations, String field, String value, int max) {
			text(violations, field, value, max, false);
		}

		private void text(List<FieldViolation> violations, String field, String value, int max, boolean lineBreaks) {
			if (value == null || value.isBlank()) {
				violations.add(new FieldViolation(field, "error.document.required"));
			}
			else if (value.length() > max) {
				violations.add(new FieldViolation(field, "error.document.tooLong", max));
			}
			else if (hasControlCharacters(value, lineBreaks)) {
				violations.add(new FieldViolation(field, "error.document.controlCharacters"));
			}
			else if (!unprintable(value, printable).isEmpty()) {
				violations.add(new FieldViolation(field, "error.document.unprintable", unprintable(value, printable)));
			}
		}

	}

	private static boolean hasControlCharacters(String value, boolean lineBreaks) {
		return value.codePoints()
			.anyMatch(c -> (Character.isISOControl(c) && !(lineBreaks && c == '\n'))
					|| Character.getType(c) == Character.SURROGATE || c == 0xFFFE || c == 0xFFFF);
	}

}
