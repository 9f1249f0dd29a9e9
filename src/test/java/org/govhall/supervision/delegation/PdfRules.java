package org.govhall.supervision.delegation;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;

/**
 * The vertical rules a PDF page draws (table cell borders), read from its graphics: a
 * glyph that a rule cuts through is text running out of its cell across the border.
 */
final class PdfRules extends PDFGraphicsStreamEngine {

	/**
	 * A vertical rule at {@code x} from {@code top} to {@code bottom}, in points from the
	 * page's top left.
	 */
	record Rule(int page, float x, float top, float bottom) {
	}

	private final int pageNo;

	private final float pageHeight;

	private final List<Rule> rules = new ArrayList<>();

	private final List<float[]> pending = new ArrayList<>();

	private Point2D current = new Point2D.Float();

	private PdfRules(PDPage page, int pageNo) {
		super(page);
		this.pageNo = pageNo;
		this.pageHeight = page.getMediaBox().getHeight();
	}

	static List<Rule> of(PDDocument doc) throws IOException {
		List<Rule> all = new ArrayList<>();
		int n = 0;
		for (PDPage page : doc.getPages()) {
			PdfRules engine = new PdfRules(page, ++n);
			engine.processPage(page);
			all.addAll(engine.rules);
		}
		return all;
	}

	/**
	 * Every glyph that a vertical rule cuts through (beyond {@code tolerance} on both
	 * sides), as readable lines.
	 */
	static List<String> crossings(List<PdfTextBoxes.Box> glyphs, List<Rule> rules, float tolerance) {
		List<String> found = new ArrayList<>();
		for (PdfTextBoxes.Box g : glyphs) {
			for (Rule r : rules) {
				if (r.page() == g.page() && r.x() > g.left() + tolerance && r.x() < g.right() - tolerance
						&& Math.min(r.bottom(), g.bottom()) - Math.max(r.top(), g.top()) > tolerance) {
					found.add("page " + g.page() + ": '" + g.text() + "' at " + g.left() + "," + g.top()
							+ " crosses the rule at x=" + r.x());
				}
			}
		}
		return found;
	}

	private void add(float x0, float y0, float x1, float y1) {
		pending.add(new float[] { Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1) });
	}

	private void paint() {
		for (float[] b : pending) {
			float width = b[2] - b[0];
			float height = b[3] - b[1];
			if (width <= 2 && height >= 4) {
				rules.add(new Rule(pageNo, (b[0] + b[2]) / 2, pageHeight - b[3], pageHeight - b[1]));
			}
		}
		pending.clear();
	}

	@Override
	public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
		float minX = (float) Math.min(Math.min(p0.getX(), p1.getX()), Math.min(p2.getX(), p3.getX()));
		float maxX = (float) Math.max(Math.max(p0.getX(), p1.getX()), Math.max(p2.getX(), p3.getX()));
		float minY = (float) Math.min(Math.min(p0.getY(), p1.getY()), Math.min(p2.getY(), p3.getY()));
		float maxY = (float) Math.max(Math.max(p0.getY(), p1.getY()), Math.max(p2.getY(), p3.getY()));
		add(minX, minY, maxX, maxY);
		current = p0;
	}

	@Override
	public void moveTo(float x, float y) {
		current = new Point2D.Float(x, y);
	}

	@Override
	public void lineTo(float x, float y) {
		add((float) current.getX(), (float) current.getY(), x, y);
		current = new Point2D.Float(x, y);
	}

	@Override
	public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
		current = new Point2D.Float(x3, y3);
	}

	@Override
	public Point2D getCurrentPoint() {
		return current;
	}

	@Override
	public void closePath() {
	}

	@Override
	public void endPath() {
		pending.clear();
	}

	@Override
	public void strokePath() {
		paint();
	}

	@Override
	public void fillPath(int windingRule) {
		paint();
	}

	@Override
	public void fillAndStrokePath(int windingRule) {
		paint();
	}

	@Override
	public void drawImage(PDImage pdImage) {
	}

	@Override
	public void clip(int windingRule) {
	}

	@Override
	public void shadingFill(COSName shadingName) {
	}

}
