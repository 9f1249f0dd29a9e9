package org.govhall.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls GovHall's REST API over real HTTP as an anonymous visitor or a demo account (HTTP
 * Basic).
 */
public final class ApiClient {

	public static final String DEMO_PASSWORD = "govhall-demo";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public ApiClient(int port) {
		this.base = "http://localhost:" + port;
	}

	public Response get(String path, @Nullable String user) {
		return send(request(path, user).GET());
	}

	public Response put(String path, @Nullable String user, @Nullable Object body) {
		return send(request(path, user).PUT(body(body)).header("Content-Type", "application/json"));
	}

	/**
	 * A multipart upload of one file in the part {@code file}, with extra headers (name,
	 * value …) if given.
	 */
	public Response upload(String path, @Nullable String user, String fileName, byte[] content, String... headers) {
		String boundary = "govhall" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		HttpRequest.Builder b = request(path, user).POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary);
		for (int i = 0; i + 1 < headers.length; i += 2) {
			b.header(headers[i], headers[i + 1]);
		}
		return send(b);
	}

	public Response delete(String path, @Nullable String user) {
		return send(request(path, user).DELETE());
	}

	/** A request with extra headers, e.g. Idempotency-Key. */
	public Response post(String path, @Nullable String user, @Nullable Object body, String... headers) {
		HttpRequest.Builder b = request(path, user).POST(body(body)).header("Content-Type", "application/json");
		for (int i = 0; i + 1 < headers.length; i += 2) {
			b.header(headers[i], headers[i + 1]);
		}
		return send(b);
	}

	private HttpRequest.Builder request(String path, @Nullable String user) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
		if (user != null) {
			String token = Base64.getEncoder()
				.encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
			b.header("Authorization", "Basic " + token);
		}
		return b;
	}

	private static HttpRequest.BodyPublisher body(@Nullable Object body) {
		if (body == null) {
			return HttpRequest.BodyPublishers.noBody();
		}
		String text = body instanceof String s ? s : JSON.writeValueAsString(body);
		return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> r = http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
					r.headers().map());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A response: status, content type, body and headers, with the body as JSON on
	 * demand.
	 */
	public record Response(int status, String contentType, String body,
			java.util.Map<String, java.util.List<String>> headers) {

		public Response(int status, String contentType, String body) {
			this(status, contentType, body, java.util.Map.of());
		}

		/** The first value of a header (names are case-insensitive), or null. */
		public @Nullable String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		public JsonNode json() {
			return JSON.readTree(body);
		}

	}

}
