package org.govhall.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * Sends the abuse suite's requests over real HTTP: through {@link HttpClient} for
 * everything a client library can express, and as raw bytes over a socket for what it
 * refuses to send (broken percent-encoding, CR LF in headers, oversized request lines).
 * Each answer is reduced at once to an {@link Outcome} (status, content type, whether a
 * script payload came back as live markup, and an excerpt of the body where something is
 * wrong), so ten thousand answers take little memory. Page sessions sign in through the
 * login form with its CSRF token.
 */
final class HostileHttp {

	private static final Pattern CSRF = Pattern.compile(
			"name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"|name=\"_csrf\" content=\"([^\"]+)\"");

	private static final Pattern SESSION_COOKIE = Pattern.compile("(JSESSIONID|SESSION)=([^;]+)");

	private final int port;

	private final HttpClient http;

	HostileHttp(int port) {
		this.port = port;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.executor(Executors.newFixedThreadPool(4))
			.build();
	}

	int port() {
		return port;
	}

	// ---- requests and what came back

	/**
	 * One hostile request, filed under the endpoint it aims at ({@code METHOD /pattern}
	 * as mapped). A raw request is sent byte for byte over a socket; the others through
	 * the HTTP client.
	 */
	record Shot(String endpoint, String family, String method, String target, List<String> headers, byte[] body,
			byte @Nullable [] raw) {

		String describe() {
			String t = target.length() > 300 ? target.substring(0, 300) + "…(" + target.length() + ")" : target;
			return method + " " + t + " [" + family + "] "
					+ headers.stream().map(h -> h.length() > 120 ? h.substring(0, 120) + "…" : h).toList()
					+ (body.length == 0 ? "" : " body " + body.length + " bytes: " + excerpt(body, 200));
		}

	}

	/**
	 * The answer to a shot, reduced to what the suite checks: the live markup found in
	 * it, if any; whether it echoed a script payload escaped; and an excerpt of the body
	 * when something is wrong.
	 */
	record Outcome(Shot shot, int status, String contentType, @Nullable String liveMarkup, boolean escapedEcho,
			@Nullable String excerpt, long millis) {

		Outcome timed(long ms) {
			return new Outcome(shot, status, contentType, liveMarkup, escapedEcho, excerpt, ms);
		}

	}

	static Shot shot(String endpoint, String family, String method, String target, List<String> headers, byte[] body) {
		return new Shot(endpoint, family, method, target, List.copyOf(headers), body, null);
	}

	static Shot raw(String endpoint, String family, String request) {
		byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
		String firstLine = request.substring(0, Math.max(0, request.indexOf('\r')));
		String[] parts = firstLine.split(" ", 3);
		return new Shot(endpoint, family, parts.length > 0 ? parts[0] : "?", parts.length > 1 ? parts[1] : "?",
				List.of(), new byte[0], bytes);
	}

	/**
	 * Sends every shot with {@code threads} senders and reduces each answer as it comes.
	 */
	List<Outcome> fire(List<Shot> shots, int threads) throws InterruptedException {
		Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		for (Shot s : shots) {
			pool.execute(() -> outcomes.add(send(s)));
		}
		pool.shutdown();
		if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
			pool.shutdownNow();
			throw new AssertionError("the hostile requests did not finish within 10 minutes");
		}
		return new ArrayList<>(outcomes);
	}

	Outcome send(Shot s) {
		long start = System.nanoTime();
		return attempt(s).timed((System.nanoTime() - start) / 1_000_000);
	}

	private Outcome attempt(Shot s) {
		try {
			return s.raw() != null ? sendRaw(s) : sendClient(s);
		}
		catch (IOException | RuntimeException ex) {
			// a refused or reset connection is an answer too, but not one the suite
			// accepts silently
			return new Outcome(s, -1, "", null, false, ex.getClass().getSimpleName() + ": " + ex.getMessage(), 0);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(s, -1, "", null, false, "interrupted", 0);
		}
	}

	private Outcome sendClient(Shot s) throws IOException, InterruptedException {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + s.target()))
			.timeout(Duration.ofSeconds(60))
			.method(s.method(), s.body().length == 0 && !s.method().equals("POST") && !s.method().equals("PUT")
					? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(s.body()));
		for (String h : s.headers()) {
			int colon = h.indexOf(':');
			b.header(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
		}
		HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
		return reduce(s, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
	}

	private Outcome sendRaw(Shot s) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(s.raw());
			out.flush();
			socket.shutdownOutput();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			byte[] bytes = all.toByteArray();
			String text = new String(bytes, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
				return new Outcome(s, 0, "", null, false, "connection closed without an answer: " + excerpt(bytes, 200),
						0);
			}
			int status = Integer.parseInt(text.substring(9, 12));
			String head = end < 0 ? text : text.substring(0, end);
			String type = "";
			for (String line : head.split("\r\n")) {
				if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
					type = line.substring(13).strip();
				}
			}
			byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
			return reduce(s, status, type, body);
		}
	}

	private static Outcome reduce(Shot s, int status, String contentType, byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		String live = null;
		for (String marker : HostilePayloads.LIVE_MARKUP) {
			if (text.contains(marker)) {
				live = marker;
				break;
			}
		}
		boolean echoed = false;
		for (String payload : List.of(HostilePayloads.SCRIPT, HostilePayloads.IMG, HostilePayloads.SVG)) {
			echoed |= text.contains(HtmlUtils.htmlEscape(payload));
		}
		boolean problemJson = contentType.startsWith("application/problem+json");
		boolean suspicious = status >= 500 || status < 100 || live != null
				|| (s.target().startsWith("/api/") && status >= 400 && !problemJson);
		return new Outcome(s, status, contentType, live, echoed, suspicious ? excerpt(body, 1500) : null, 0);
	}

	private static String excerpt(byte[] body, int max) {
		String text = new String(body, 0, Math.min(body.length, max * 4), StandardCharsets.UTF_8);
		return text.length() > max ? text.substring(0, max) + "…" : text;
	}

	// ---- page sessions

	/**
	 * A browser's session: its cookie and the CSRF token its pages carry. Anonymous when
	 * {@code user} is null.
	 */
	record PageSession(@Nullable String user, String cookie, String csrf) {

		String cookieHeader() {
			return "Cookie: " + cookie;
		}

	}

	/**
	 * A fresh anonymous session with its CSRF token, as a visitor gets from the login
	 * page.
	 */
	PageSession visit() throws IOException, InterruptedException {
		HttpResponse<String> login = get("/login", null);
		String cookie = sessionCookie(login).orElseThrow(() -> new AssertionError("no session cookie from /login"));
		return new PageSession(null, cookie, csrf(login.body()));
	}

	/**
	 * Signs in through the login form, as a browser does, and reads the new session's
	 * CSRF token from a page.
	 */
	PageSession signIn(String user, String password) throws IOException, InterruptedException {
		PageSession visitor = visit();
		String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(visitor.csrf());
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", visitor.cookie())
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = r.headers().firstValue("Location").orElse("");
		if (r.statusCode() != 302 || location.contains("error") || location.contains("locked")) {
			throw new AssertionError("login of " + user + " failed: " + r.statusCode() + " " + location);
		}
		String cookie = sessionCookie(r).orElse(visitor.cookie());
		HttpResponse<String> page = get("/messages", cookie);
		if (page.statusCode() != 200) {
			throw new AssertionError(user + " cannot open /messages after signing in: " + page.statusCode());
		}
		return new PageSession(user, cookie, csrf(page.body()));
	}

	/** A GET as a browser sends it, for the set-up and the inertness checks. */
	HttpResponse<String> get(String target, @Nullable String cookie) throws IOException, InterruptedException {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
			.header("Accept", "text/html,application/xhtml+xml");
		if (cookie != null) {
			b.header("Cookie", cookie);
		}
		return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** A form post as a browser sends it, with the session's cookie and CSRF token. */
	HttpResponse<String> postForm(String target, PageSession session, String form)
			throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.header("Cookie", session.cookie())
			.POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(session.csrf())))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static java.util.Optional<String> sessionCookie(HttpResponse<?> r) {
		for (String c : r.headers().allValues("Set-Cookie")) {
			Matcher m = SESSION_COOKIE.matcher(c);
			if (m.lookingAt()) {
				return java.util.Optional.of(m.group(1) + "=" + m.group(2));
			}
		}
		return java.util.Optional.empty();
	}

	static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			throw new AssertionError("no CSRF token on the page");
		}
		for (int i = 1; i <= m.groupCount(); i++) {
			if (m.group(i) != null) {
				return m.group(i);
			}
		}
		throw new AssertionError("no CSRF token on the page");
	}

	// ---- encoding

	/** Form and query encoding (UTF-8). */
	static String enc(String s) {
		return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	/**
	 * One path segment, percent-encoded so that a URI accepts it: everything but
	 * unreserved characters.
	 */
	static String segment(String s) {
		StringBuilder b = new StringBuilder();
		for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
			int c = x & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				b.append((char) c);
			}
			else {
				b.append('%').append(String.format("%02X", c));
			}
		}
		return b.toString();
	}

	static String basic(String user, String password) {
		return "Authorization: Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
