package govhall.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives one complete case over GovHall's REST API with java.net.http and HTTP Basic, as the demo accounts would:
 * the applicant uploads the application form and applies online, the window clerk accepts, the reviewers of the two
 * co-departments give their opinions, the lead reviewer recommends, the approver decides and the clerk delivers.
 * Any status other than the expected 2xx, or an unexpected state, fails the run with the response body.
 */
final class HttpCases {

	static final String ITEM = "660100-XK-05001";

	static final String FORM = "建设工程规划许可申请表";

	/** The other material an online application must hand in (issue 10: incomplete ones are refused). */
	static final String DESIGN = "建设工程设计方案（总平面图、建筑单体方案、技术经济指标）";

	static final String PASSWORD = "govhall-demo";

	static final byte[] PDF = "%PDF-1.4\n%bench material\n1 0 obj\n<<>>\nendobj\n"
		.getBytes(StandardCharsets.ISO_8859_1);

	private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern FILE_ID = Pattern.compile("\"fileId\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"");

	private final HttpClient http;

	private final String base;

	HttpCases(HttpClient http, String base) {
		this.http = http;
		this.base = base;
	}

	static HttpClient client() {
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
	}

	/** Runs one case; {@code timed} wraps each exchange (the driver's recorder, or a counter in the profile). */
	void runCase(Timed timed) throws Exception {
		String upload = timed.step(Driver.UPLOAD, () -> upload("applicant"));
		String fileId = find(FILE_ID, upload, "fileId");
		String submitted = timed.step(Driver.SUBMIT, () -> post("/api/v1/cases", "applicant",
				"{\"itemCode\":\"" + ITEM + "\",\"materials\":[{\"material\":\"" + FORM + "\",\"fileId\":\"" + fileId
						+ "\"},{\"material\":\"" + DESIGN + "\",\"fileId\":\"" + fileId + "\"}]}",
				201));
		expectState(submitted, "RECEIVED");
		String n = find(NUMBER, submitted, "number");
		String c = "/api/v1/cases/" + n;
		expectState(timed.step(Driver.ACCEPT, () -> post(c + "/acceptance", "clerk", null, 200)), "ACCEPTED");
		expectState(timed.step(Driver.OPINION_1,
				() -> post(c + "/opinions", "reviewer-zj", "{\"verdict\":\"AGREE\"}", 200)), "ACCEPTED");
		expectState(timed.step(Driver.OPINION_2,
				() -> post(c + "/opinions", "reviewer-hb", "{\"verdict\":\"AGREE\"}", 200)), "ACCEPTED");
		expectState(timed.step(Driver.REVIEW, () -> post(c + "/review", "reviewer-gh",
				"{\"recommendation\":\"APPROVED\",\"comments\":\"符合规划条件\"}", 200)), "REVIEWED");
		expectState(timed.step(Driver.DECIDE,
				() -> post(c + "/decision", "approver-gh", "{\"outcome\":\"APPROVED\",\"scope\":\"新建综合楼一栋\"}", 200)), "DECIDED");
		expectState(timed.step(Driver.DELIVER,
				() -> post(c + "/delivery", "clerk", "{\"method\":\"WINDOW\"}", 200)), "DELIVERED");
	}

	/** Times a step (or counts what it costs). */
	interface Timed {

		String step(int step, Callable<String> action) throws Exception;

	}

	String upload(String user) throws IOException, InterruptedException {
		String boundary = "bench" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"form.pdf\""
				+ "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + PDF.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(PDF, 0, body, head.length, PDF.length);
		System.arraycopy(tail, 0, body, head.length + PDF.length, tail.length);
		return send(request("/api/v1/cases/files", user).POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary), 201);
	}

	String post(String path, String user, String json, int expected) throws IOException, InterruptedException {
		HttpRequest.Builder b = request(path, user).header("Content-Type", "application/json")
			.POST(json == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		return send(b, expected);
	}

	String get(String path, String user, String accept, int expected) throws IOException, InterruptedException {
		return send(request(path, user).setHeader("Accept", accept).GET(), expected);
	}

	private HttpRequest.Builder request(String path, String user) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json");
		if (user != null) {
			b.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return b;
	}

	private String send(HttpRequest.Builder b, int expected) throws IOException, InterruptedException {
		HttpRequest request = b.build();
		HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (r.statusCode() != expected) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + r.statusCode()
					+ " (expected " + expected + "): " + r.body());
		}
		return r.body();
	}

	static String find(Pattern p, String body, String what) {
		Matcher m = p.matcher(body);
		if (!m.find()) {
			throw new IllegalStateException("no " + what + " in " + body);
		}
		return m.group(1);
	}

	static void expectState(String body, String state) {
		String actual = find(STATE, body, "state");
		if (!actual.equals(state)) {
			throw new IllegalStateException("expected state " + state + " but was " + actual + ": " + body);
		}
	}

}
