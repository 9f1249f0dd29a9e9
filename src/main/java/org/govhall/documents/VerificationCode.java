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
	 * Quiet zone in modules. The standard asks for 4; the white page around the code
	 * supplies the rest.
	 */
	private static final int MARGIN = 2;

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
