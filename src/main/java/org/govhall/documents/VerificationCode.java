package org.govhall.documents;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** The QR code printed on every document: the modules of its verification address. */
final class VerificationCode {

	/**
	 * Quiet zone in modules, as the standard asks: the caption is printed right below the
	 * code, and with 2 modules about one page in a hundred did not decode from a 150 dpi
	 * rendering (DocumentsTests).
	 */
	private static final int MARGIN = 4;

	private VerificationCode() {
	}

	/** The modules of the QR code of {@code url}, with its quiet zone. */
	static BitMatrix matrix(String url) {
		try {
			return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.ERROR_CORRECTION,
					ErrorCorrectionLevel.M, EncodeHintType.MARGIN, MARGIN, EncodeHintType.CHARACTER_SET, "UTF-8"));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("cannot encode " + url + " as a QR code", ex);
		}
	}

}
