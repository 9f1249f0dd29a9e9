package org.govhall.supervision.delegation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The PDF read as an image of text: every glyph's box on its page, from PDFBox's text
 * positions. Two boxes that overlap mean text printed over text, e.g. a code too wide for
 * its table column running into the next cell.
 */
final class PdfTextBoxes extends PDFTextStripper {

	/** A glyph's box in points, y growing downwards, on a page counted from 1. */
	record Box(int page, String text, float left, float top, float right, float bottom) {

		/**
		 * Whether the two boxes share more than {@code tolerance} points in both
		 * directions.
		 */
		boolean overlaps(Box o, float tolerance) {
			return page == o.page && Math.min(right, o.right) - Math.max(left, o.left) > tolerance
					&& Math.min(bottom, o.bottom) - Math.max(top, o.top) > tolerance;
		}

	}

	private final List<Box> boxes = new ArrayList<>();

	private PdfTextBoxes() {
		setSortByPosition(true);
	}

	static List<Box> of(PDDocument doc) throws IOException {
		PdfTextBoxes stripper = new PdfTextBoxes();
		stripper.getText(doc);
		return stripper.boxes;
	}

	/**
	 * Every pair of glyphs that overlap by more than the tolerance, as readable lines.
	 */
	static List<String> overlaps(List<Box> boxes, float tolerance) {
		List<String> found = new ArrayList<>();
		for (int i = 0; i < boxes.size(); i++) {
			for (int j = i + 1; j < boxes.size(); j++) {
				Box a = boxes.get(i);
				Box b = boxes.get(j);
				if (a.overlaps(b, tolerance)) {
					found.add("page " + a.page() + ": '" + a.text() + "' at " + a.left() + "," + a.top() + " over '"
							+ b.text() + "' at " + b.left() + "," + b.top());
				}
			}
		}
		return found;
	}

	@Override
	protected void writeString(String text, List<TextPosition> positions) throws IOException {
		for (TextPosition p : positions) {
			if (p.getUnicode() == null || p.getUnicode().isBlank()) {
				continue;
			}
			// the glyph's advance and the font size: the cell of the glyph, not its ink
			float height = p.getFontSizeInPt() > 0 ? p.getFontSizeInPt() : p.getHeightDir();
			boxes.add(new Box(getCurrentPageNo(), p.getUnicode(), p.getXDirAdj(), p.getYDirAdj() - height * 0.8f,
					p.getXDirAdj() + p.getWidthDirAdj(), p.getYDirAdj()));
		}
	}

}
