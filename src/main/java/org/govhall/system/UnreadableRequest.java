package org.govhall.system;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.multipart.MultipartException;

/**
 * A request the container could not read, as the problem it is answered with: a multipart
 * body without or with a broken boundary, a part cut short or a file name with a NUL
 * byte, or a request that is not multipart where a file part is expected (400
 * {@code malformed-multipart}); query or form parameters with broken percent-encoding,
 * too many of them or a multipart part whose headers are too long (400
 * {@code invalid-input}); a form past its size limit (413 {@code too-large}). The failure
 * is raised wherever the request is first read: in a controller ({@link ErrorHandling})
 * or in a filter such as the CSRF check, whose failure reaches the error path
 * ({@link ErrorPages}); both answer from here. A path Spring Security's firewall refuses
 * (an encoded {@code ..} or slash, a semicolon) is 400 {@code invalid-input}.
 */
record UnreadableRequest(int status, String type, String key) {

	static @Nullable UnreadableRequest of(@Nullable Object failure) {
		if (failure instanceof InvalidParameterException ex) {
			return ex.getErrorCode() == 413 ? new UnreadableRequest(413, "too-large", "error.request.tooLarge")
					: new UnreadableRequest(400, "invalid-input", "error.parameter.unreadable");
		}
		if (failure instanceof InvalidFileNameException || failure instanceof MultipartException) {
			return new UnreadableRequest(400, "malformed-multipart", "error.multipart.malformed");
		}
		if (failure instanceof RequestRejectedException) {
			return new UnreadableRequest(400, "invalid-input", "error.request.rejected");
		}
		return null;
	}

}
