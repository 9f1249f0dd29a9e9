package org.govhall.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 request per connection from a chosen local address (127.0.0.x on
 * loopback), over plain TCP or TLS. {@code java.net.http} cannot choose the local address
 * on Java 17, and a test of a proxy needs clients at different addresses. No compression
 * is asked for; a chunked body is decoded.
 */
final class RawHttp {

	record Response(int status, Map<String, List<String>> headers, String body) {

		Optional<String> header(String name) {
			List<String> values = headers.get(name);
			return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
		}

		List<String> all(String name) {
			return headers.getOrDefault(name, List.of());
		}

	}

	private final @Nullable SSLContext tls;

	/** Plain HTTP. */
	RawHttp() {
		this.tls = null;
	}

	/** TLS, trusting the certificates in this store (and no others). */
	RawHttp(KeyStore trusted) throws Exception {
		TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		tmf.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, tmf.getTrustManagers(), null);
		this.tls = context;
	}

	Response get(String from, int port, String path, String... headers) throws IOException {
		return send(from, port, "GET", path, null, headers);
	}

	/**
	 * Sends one request from {@code from} to 127.0.0.1:{@code port}; {@code headers} are
	 * name, value pairs (a name may come twice). {@code Host} is 127.0.0.1:port.
	 */
	Response send(String from, int port, String method, String path, @Nullable String body, String... headers)
			throws IOException {
		Socket plain = new Socket();
		plain.bind(new InetSocketAddress(from, 0));
		plain.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
		plain.setSoTimeout(30_000);
		Socket socket = plain;
		if (tls != null) {
			SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, "127.0.0.1", port, true);
			secure.startHandshake();
			socket = secure;
		}
		try (Socket s = socket) {
			StringBuilder request = new StringBuilder(method).append(' ')
				.append(path)
				.append(" HTTP/1.1\r\n")
				.append("Host: 127.0.0.1:")
				.append(port)
				.append("\r\n")
				.append("Connection: close\r\n");
			for (int i = 0; i + 1 < headers.length; i += 2) {
				request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
			}
			byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
			if (body != null) {
				request.append("Content-Length: ").append(content.length).append("\r\n");
			}
			request.append("\r\n");
			OutputStream out = s.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.write(content);
			out.flush();
			return parse(s.getInputStream().readAllBytes());
		}
	}

	static Response parse(byte[] raw) {
		int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
		if (end < 0) {
			throw new IllegalStateException("no complete response: " + new String(raw, StandardCharsets.ISO_8859_1));
		}
		String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
				.add(lines[i].substring(colon + 1).trim());
		}
		byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
		if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
			body = dechunk(body);
		}
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
		while (at < body.length) {
			int lineEnd = indexOf(body, crlf, at);
			String size = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
			int length = Integer.parseInt(size, 16);
			if (length == 0) {
				break;
			}
			out.write(body, lineEnd + 2, length);
			at = lineEnd + 2 + length + 2;
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] data, byte[] pattern, int from) {
		outer: for (int i = from; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
