package org.govhall.resilience;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP to a child GovHall as the demo accounts (HTTP Basic), with timeouts: a
 * request that gets no answer (the JVM was killed, the connection reset, nothing within
 * the timeout) is an {@link Answer} with status 0 and the error, never an exception, so
 * load threads keep going and every outcome is counted.
 */
final class Traffic {

	static final String PASSWORD = "govhall-demo";

	/** 食品经营许可 of 示范市市场监督管理局, and its one mandatory material. */
	static final String FOOD = "660100-XK-02001";

	static final String FOOD_FORM = "食品经营许可申请书";

	static final String FOOD_LAYOUT = "与食品经营相适应的主要设备设施布局、操作流程等文件";

	static final String FOOD_RULES = "食品安全自查、从业人员健康管理、进货查验记录等保证食品安全的规章制度";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final Duration timeout;

	private final HttpClient http;

	Traffic(String base, Duration timeout) {
		this.base = base;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
	}

	/**
	 * One answer: status 0 when none came; timing in nanoseconds of
	 * {@link System#nanoTime()}.
	 */
	record Answer(int status, String contentType, String body, Map<String, List<String>> headers,
			@Nullable String error, long startedNanos, long endedNanos) {

		boolean answered() {
			return status > 0;
		}

		boolean ok() {
			return status >= 200 && status < 300;
		}

		long millis() {
			return (endedNanos - startedNanos) / 1_000_000;
		}

		@Nullable String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		JsonNode json() {
			return JSON.readTree(body);
		}

		@Override
		public String toString() {
			return status == 0 ? "no answer after " + millis() + " ms (" + error + ")" : status + " " + contentType
					+ " after " + millis() + " ms: " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
		}

	}

	Answer get(String path, @Nullable String user, String accept, String... headers) {
		HttpRequest.Builder b = request(path, user, accept).GET();
		for (int i = 0; i + 1 < headers.length; i += 2) {
			b.header(headers[i], headers[i + 1]);
		}
		return send(b);
	}

	/**
	 * A login form as a browser holds it: the session cookie and the CSRF token of that
	 * session.
	 */
	record LoginForm(String cookie, String csrf) {
	}

	/** Opens the login page as a browser does. */
	LoginForm loginForm() {
		Answer form = get("/login", null, "text/html");
		String cookie = sessionCookie(form);
		Matcher input = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>").matcher(form.body());
		if (form.status() != 200 || cookie == null || !input.find()) {
			throw new AssertionError("no login form with a CSRF token: " + form);
		}
		Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
		if (!value.find()) {
			throw new AssertionError("no CSRF token value in " + input.group());
		}
		return new LoginForm(cookie, value.group(1));
	}

	/** Submits the login form with the demo password. */
	Answer submitLogin(LoginForm form, String user) {
		String body = "username=" + enc(user) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(form.csrf());
		return send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.timeout(timeout)
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", form.cookie())
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Signs in through the login form and answers the {@code Cookie} header of the
	 * signed-in session. The cookie is {@code Secure}, so it is carried by hand over
	 * plain HTTP.
	 */
	String signIn(String user) {
		Answer login = submitLogin(loginForm(), user);
		String location = login.header("Location");
		String signedIn = sessionCookie(login);
		if (login.status() != 302 || location == null || !location.endsWith("/staff") || signedIn == null) {
			throw new AssertionError("sign-in as " + user + " answered " + login + " → " + location);
		}
		return signedIn;
	}

	private static @Nullable String sessionCookie(Answer a) {
		return a.headers()
			.entrySet()
			.stream()
			.filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
			.flatMap(e -> e.getValue().stream())
			.filter(c -> c.startsWith("SESSION=") || c.startsWith("JSESSIONID="))
			.map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
			.findFirst()
			.orElse(null);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	Answer postJson(String path, @Nullable String user, @Nullable Object body, String... headers) {
		HttpRequest.Builder b = request(path, user, "application/json")
			.POST(body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
			.header("Content-Type", "application/json");
		for (int i = 0; i + 1 < headers.length; i += 2) {
			b.header(headers[i], headers[i + 1]);
		}
		return send(b);
	}

	/** A multipart upload of one PDF in the part {@code file}. */
	Answer upload(String user, byte[] pdf) {
		String boundary = "govhall" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"申请书.pdf\""
				+ "\r\nContent-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + pdf.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(pdf, 0, body, head.length, pdf.length);
		System.arraycopy(tail, 0, body, head.length + pdf.length, tail.length);
		return send(request("/api/v1/cases/files", user, "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary));
	}

	/** The body of a submission of {@link #FOOD} with one uploaded file. */
	static Map<String, Object> foodApplication(String fileId) {
		// one scanned file for the three materials an application must hand in (营业执照
		// comes from the e-certificate
		// store), so every submission still takes one upload
		return Map.of("itemCode", FOOD, "materials", List.of(Map.of("material", FOOD_FORM, "fileId", fileId),
				Map.of("material", FOOD_LAYOUT, "fileId", fileId), Map.of("material", FOOD_RULES, "fileId", fileId)));
	}

	/**
	 * A small valid PDF, different for every call (so every file has its own SHA-256).
	 */
	static byte[] pdf(String marker) {
		return ("%PDF-1.4\n%" + marker + "\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
			.getBytes(StandardCharsets.ISO_8859_1);
	}

	private HttpRequest.Builder request(String path, @Nullable String user, String accept) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(timeout)
			.header("Accept", accept);
		if (user != null) {
			b.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return b;
	}

	private Answer send(HttpRequest.Builder request) {
		long start = System.nanoTime();
		try {
			HttpResponse<String> r = http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
					r.headers().map(), null, start, System.nanoTime());
		}
		catch (IOException ex) {
			return new Answer(0, "", "", Map.of(), ex.getClass().getSimpleName() + ": " + ex.getMessage(), start,
					System.nanoTime());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(0, "", "", Map.of(), "interrupted", start, System.nanoTime());
		}
	}

}
