package org.govhall.system;

import static org.govhall.system.RequestShapes.badValues;
import static org.govhall.system.RequestShapes.bodyType;
import static org.govhall.system.RequestShapes.formFields;
import static org.govhall.system.RequestShapes.hasRequired;
import static org.govhall.system.RequestShapes.json;
import static org.govhall.system.RequestShapes.multipart;
import static org.govhall.system.RequestShapes.params;
import static org.govhall.system.RequestShapes.sizedField;
import static org.govhall.system.RequestShapes.template;
import static org.govhall.system.RequestShapes.wrongValues;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.govhall.system.HostileHttp.PageSession;
import org.govhall.system.HostileHttp.Shot;
import org.jspecify.annotations.Nullable;
import org.springframework.web.method.HandlerMethod;

/**
 * The abuse suite's plan: for every mapped endpoint, hostile requests of every family
 * that fits it. A request that could be valid goes only where it must be refused: to a
 * case, card or notice whose state forbids the step, to a user outside the step's role or
 * scope, with a broken CSRF token, or with a field no valid request has. The measured run
 * must therefore store and change nothing.
 */
final class HostileRequests {

	/** A mapped endpoint: method (ANY when unrestricted), path pattern and handler. */
	record Endpoint(String method, String pattern, HandlerMethod handler) {

		String key() {
			return method + " " + pattern;
		}

		boolean api() {
			return pattern.startsWith("/api/");
		}

		boolean writes() {
			return method.equals("POST") || method.equals("PUT");
		}

	}

	/**
	 * Who acts on an endpoint and on what. {@code refusing}: every well-formed request of
	 * this user on these path values is refused (by state, scope or role), so
	 * valid-looking hostile content may go there too; otherwise only requests that no
	 * valid request resembles do.
	 */
	record Actor(@Nullable String user, Map<String, String> vars, boolean refusing) {
	}

	private static final Pattern VAR = Pattern.compile("\\{([^}/]+)}");

	/**
	 * Hostile path values; each is percent-encoded into its segment (raw ".." segments
	 * are a family of their own).
	 */
	static final List<String> PATH_VALUES = List.of("../../etc/passwd", "..%2f..%2f", "' OR 1=1 --",
			"1; DROP TABLE cases_case", "%27", HostilePayloads.SCRIPT, HostilePayloads.IMG, "-1", "0",
			"99999999999999999999", "abc", "X".repeat(3_000), "\u202Efdp.exe", "事项😀", " ", "nul\u0000", "line\r\nx",
			"..", "%%", "660100-XK-02001/../../x");

	/**
	 * Query values sent to every parameter a handler declares (and to the language and
	 * elderly-mode switches).
	 */
	static final List<String> QUERY_VALUES = List.of(HostilePayloads.SCRIPT, HostilePayloads.IMG, HostilePayloads.SVG,
			"javascript:alert(1)", "' OR 1=1 --", "%27", "../../etc/passwd", "2026-13-45", "-1", "2147483648",
			"NO_SUCH_VALUE", "", "\u202Efdp", "长".repeat(600), "A".repeat(6_000), "\u0000");

	/**
	 * What an anonymous visitor sends to the same endpoints: fewer, the signed-in users
	 * reach more code.
	 */
	static final List<String> ANONYMOUS_QUERY_VALUES = List.of(HostilePayloads.SCRIPT, HostilePayloads.IMG,
			"' OR 1=1 --", "2026-13-45", "-1", "A".repeat(6_000));

	static final List<String> ODD_METHODS = List.of("PATCH", "DELETE", "TRACE", "OPTIONS", "HEAD", "FOO");

	static final List<String> ACCEPTS = List.of("application/xml", "text/csv", "*/*;q=abc",
			"text/html;q=0, application/json;q=0, */*;q=0", "x/y/z");

	/**
	 * Content types no JSON endpoint reads. (A Unicode charset other than the body's is
	 * not among them: the JSON reader detects UTF-8, -16 and -32 from the bytes, as RFC
	 * 8259 allows, so such a body is read as sent.)
	 */
	static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
			"application/x-www-form-urlencoded", "multipart/form-data", "application/json;charset=NO-SUCH-CHARSET",
			"image/png", "none");

	private final AbuseFixture f;

	private final Shots shots = new Shots();

	HostileRequests(AbuseFixture fixture) {
		this.f = fixture;
	}

	List<Shot> plan(List<Endpoint> endpoints) {
		for (Endpoint e : endpoints) {
			Actor actor = actor(e);
			Actor intruder = intruder(e);
			paths(e, actor);
			if (e.method().equals("GET") || e.method().equals("ANY")) {
				queries(e, actor, heavy(e) ? ANONYMOUS_QUERY_VALUES : QUERY_VALUES);
				queries(e, new Actor(null, actor.vars(), true), ANONYMOUS_QUERY_VALUES);
				numbersAndDates(e, actor);
				accepts(e, actor);
			}
			methods(e, actor);
			if (e.api()) {
				credentials(e, actor);
			}
			if (e.writes() && e.api()) {
				bodies(e, actor.refusing() ? actor : intruder, actor);
			}
			if (e.writes() && !e.api()) {
				csrf(e, actor, intruder);
				forms(e, actor.refusing() ? actor : intruder, actor);
			}
			if (!List.of("/login", "/register").contains(e.pattern())) {
				intruders(e, intruder);
			}
		}
		new HostileSpecials(f, shots).plan();
		new HostileProbes(f, shots).plan();
		raw(endpoints);
		return shots.all();
	}

	/**
	 * Answers that cost the server a document each (PDF, workbook, the OpenAPI
	 * description) and render no HTML: the shorter list of query values will do.
	 */
	private static boolean heavy(Endpoint e) {
		return e.pattern().endsWith(".pdf") || e.pattern().endsWith("/export") || e.pattern().startsWith("/v3/")
				|| e.pattern().contains("/documents/");
	}

	// ---- who acts on what

	/**
	 * The user whose role the endpoint is for, on the fixture's objects, and whether all
	 * they could send is refused.
	 */
	Actor actor(Endpoint e) {
		String p = e.pattern();
		Map<String, String> vars = realVars(p);
		if (p.matches("(/api/v1)?(/staff)?/cases/\\{number}/.+") && !p.contains("/documents/")) {
			String action = p.substring(p.lastIndexOf('/') + 1);
			return switch (action) {
				case "correction-notice", "acceptance", "refusal", "on-the-spot-decision", "fees" ->
					actor("clerk", vars, "number", f.caseE2);
				case "opinions", "review" -> actor("reviewer", vars, "number", f.caseW);
				case "extension", "suspension", "resumption", "decision", "certificate-revocation" ->
					actor("approver", vars, "number", f.caseA);
				case "delivery" -> actor("clerk", vars, "number", f.caseA);
				case "corrections", "withdrawal" -> actor(AbuseFixture.EVIL, vars, "number", f.caseE2);
				default -> new Actor("admin", vars, false);
			};
		}
		if (p.contains("/cases/{number}/documents/")) {
			vars.put("number", f.caseE2);
			return new Actor(p.startsWith("/staff") ? "clerk" : AbuseFixture.EVIL, vars, true);
		}
		if (p.matches("/api/v1/cases/\\{number}|/cases/\\{number}")) {
			vars.put("number", f.caseE2);
			return new Actor(AbuseFixture.EVIL, vars, true);
		}
		if (p.startsWith("/staff/cases")) {
			return new Actor("clerk", vars, true);
		}
		if (p.equals("/api/v1/cases") || p.equals("/api/v1/cases/files") || p.startsWith("/cases")) {
			return new Actor("applicant", vars, false);
		}
		if (p.contains("/supervision/cards/{number}/answer")) {
			return actor("deptadmin", vars, "number", f.answeredCard);
		}
		if (p.contains("/supervision/cards/{number}/review")) {
			return actor("supervisor", vars, "number", f.openCard);
		}
		if (p.contains("/supervision/notices/{number}/response")) {
			return actor("deptadmin", vars, "number", f.closedNotice);
		}
		if (p.contains("/supervision/notices/{number}/close")) {
			return actor("supervisor", vars, "number", f.openNotice);
		}
		if (p.contains("/supervision")) {
			return new Actor("supervisor", vars, !e.writes());
		}
		if (p.matches("(/api/v1/items|/staff/items)/\\{code}/(draft/approve|draft/return|approve|return)")) {
			return new Actor("legal", vars, true); // the draft is not in review
		}
		if (p.matches("(/api/v1/items|/staff/items)/\\{code}/drafts")) {
			return new Actor("deptadmin", vars, true); // a draft exists already
		}
		if (p.matches("(/api/v1/items|/staff/items)/\\{code}/end")) {
			return new Actor("admin", vars, false);
		}
		if (p.startsWith("/api/v1/items") || p.startsWith("/staff/items")) {
			return new Actor("deptadmin", vars, !e.writes());
		}
		if (p.startsWith("/api/v1/notifications") || p.startsWith("/messages")) {
			vars.put("id", Long.toString(f.evilMessage)); // another user's message
			return new Actor("applicant", vars, true);
		}
		if (p.equals("/register") || p.equals("/api/v1/applicants") || p.equals("/login")) {
			return new Actor(null, vars, false);
		}
		if (p.startsWith("/api/") || p.startsWith("/staff")) {
			return new Actor("admin", vars, !e.writes());
		}
		return new Actor("applicant", vars, !e.writes());
	}

	private static Actor actor(String user, Map<String, String> vars, String name, String value) {
		vars.put(name, value);
		return new Actor(user, vars, true);
	}

	/**
	 * A user outside the endpoint's role or scope, on the same objects: every request of
	 * theirs is refused.
	 */
	Actor intruder(Endpoint e) {
		String p = e.pattern();
		Map<String, String> vars = new LinkedHashMap<>(actor(e).vars());
		if (p.contains("/cases/{number}")) {
			vars.put("number", f.caseA);
			boolean staff = p.startsWith("/staff") || p.contains("/supervision") || p
				.matches(".*/(correction-notice|acceptance|refusal|on-the-spot-decision|fees|opinions|review|extension|"
						+ "suspension|resumption|decision|delivery)");
			return new Actor(staff ? "reviewer-gh" : "enterprise", vars, true);
		}
		if (p.contains("/supervision")) {
			return new Actor("clerk", vars, true);
		}
		if (p.startsWith("/api/v1/items") || p.startsWith("/staff/items")) {
			return new Actor("deptadmin-qc", vars, true);
		}
		if (p.startsWith("/api/v1/calendar") || p.startsWith("/staff/calendar") || p.startsWith("/staff/audit")
				|| p.startsWith("/api/v1/audit")) {
			return new Actor("admin-bs", vars, true);
		}
		if (p.startsWith("/api/v1/notifications") || p.startsWith("/messages")) {
			vars.put("id", Long.toString(f.applicantMessage));
			return new Actor(AbuseFixture.EVIL, vars, true);
		}
		if (p.startsWith("/cases") || p.startsWith("/api/v1/cases")) {
			return new Actor("supervisor", vars, true); // staff who may not apply
		}
		return new Actor("applicant", vars, true);
	}

	/** Path values that name the fixture's objects. */
	Map<String, String> realVars(String pattern) {
		Map<String, String> vars = new LinkedHashMap<>();
		Matcher m = VAR.matcher(pattern);
		while (m.find()) {
			String name = m.group(1);
			vars.put(name, switch (name) {
				case "number" -> pattern.contains("/cards/") ? f.openCard
						: pattern.contains("/notices/") ? f.openNotice
								: pattern.contains("/verify/") || pattern.contains("/documents/{number}") ? f.document
										: f.caseA;
				case "documentNumber" -> f.document;
				case "code" -> pattern.contains("/regions/") ? "660100"
						: pattern.contains("/departments/") ? "660100-SCJG" : AbuseFixture.FOOD;
				case "versionNo" -> "1";
				case "fileId" -> UUID.nameUUIDFromBytes(pattern.getBytes(StandardCharsets.UTF_8)).toString();
				case "index" -> "0";
				case "id" -> pattern.contains("/halls/") ? Long.toString(f.hallId) : Long.toString(f.evilMessage);
				case "year" -> "2026";
				case "county" -> "660221";
				default -> "x";
			});
		}
		return vars;
	}

	static String fill(String pattern, Map<String, String> vars) {
		Matcher m = VAR.matcher(pattern);
		StringBuilder b = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(b, Matcher.quoteReplacement(HostileHttp.segment(vars.getOrDefault(m.group(1), "x"))));
		}
		m.appendTail(b);
		return b.toString();
	}

	// ---- families

	/**
	 * Hostile path variables, each in every variable of the pattern; and raw ".."
	 * segments.
	 */
	private void paths(Endpoint e, Actor actor) {
		if (!e.pattern().contains("{")) {
			return;
		}
		String method = e.method().equals("ANY") ? "GET" : e.method();
		for (String v : PATH_VALUES) {
			Map<String, String> vars = new LinkedHashMap<>();
			actor.vars().keySet().forEach(k -> vars.put(k, v));
			String target = fill(e.pattern(), vars);
			send(e, "path", method, target, actor, body(e), e.api() && e.writes());
		}
		String traversal = e.pattern().replaceAll("\\{[^}]+}", "..");
		send(e, "path", method, traversal + "/../../etc/passwd", actor, body(e), e.api() && e.writes());
	}

	/**
	 * Hostile values in every declared query parameter, duplicated parameters, and the
	 * page switches.
	 */
	private void queries(Endpoint e, Actor actor, List<String> values) {
		List<String> names = new ArrayList<>(params(e.handler()).keySet());
		if (!e.api()) {
			names.add("lang");
			names.add("elder");
		}
		names.add("x");
		String base = fill(e.pattern(), actor.vars());
		for (String v : values) {
			StringBuilder q = new StringBuilder();
			// a long value goes to one parameter only, so that the request line stays
			// within the server's limit
			for (String n : v.length() > 500 ? names.subList(0, 1) : names) {
				q.append(q.length() == 0 ? "?" : "&").append(HostileHttp.enc(n)).append('=').append(HostileHttp.enc(v));
			}
			send(e, "query", "GET", base + q, actor, new byte[0], false);
		}
		StringBuilder dup = new StringBuilder();
		for (String n : names) {
			dup.append(dup.length() == 0 ? "?" : "&")
				.append(n)
				.append("=1&")
				.append(n)
				.append("=2&")
				.append(n)
				.append("=&")
				.append(n)
				.append("[]=x&")
				.append(n)
				.append(".x=y");
		}
		send(e, "duplicated params", "GET", base + dup, actor, new byte[0], false);
	}

	/**
	 * Negative and overflowing page numbers and sizes, impossible dates, ten thousand
	 * years.
	 */
	private void numbersAndDates(Endpoint e, Actor actor) {
		String base = fill(e.pattern(), actor.vars());
		send(e, "numbers", "GET", base + "?page=-1&size=-1&year=abc&days=-1&all=maybe", actor, new byte[0], false);
		send(e, "numbers", "GET", base + "?page=2147483647&size=2147483647&days=2147483647", actor, new byte[0], false);
		send(e, "dates", "GET", base + "?from=0001-01-01&to=9999-12-31&county=660221", actor, new byte[0], false);
		send(e, "dates", "GET", base + "?from=9999-12-31&to=0001-01-01&region=660100", actor, new byte[0], false);
		send(e, "dates", "GET", base + "?from=2026-13-45&to=2026-02-30&page=0", actor, new byte[0], false);
	}

	/** Methods the endpoint does not take, and some no server takes. */
	private void methods(Endpoint e, Actor actor) {
		String target = fill(e.pattern(), actor.vars());
		List<String> methods = new ArrayList<>(ODD_METHODS);
		if (!e.method().equals("GET")) {
			methods.add("GET");
		}
		if (e.method().equals("GET")) {
			methods.add("PUT");
		}
		for (String m : methods) {
			// no handler takes these methods, except PUT, whose handlers all need a body
			// that is not sent
			send(e, "method", m, target, actor, new byte[0], false);
		}
		Actor intruder = intruder(e);
		send(e, "method", "PATCH", fill(e.pattern(), intruder.vars()), intruder, new byte[0], false);
	}

	/** Accept headers the endpoint cannot answer in. */
	private void accepts(Endpoint e, Actor actor) {
		String target = fill(e.pattern(), actor.vars());
		for (String a : ACCEPTS) {
			List<String> headers = new ArrayList<>(auth(e, actor));
			if (!a.isEmpty()) {
				headers.add("Accept: " + a);
			}
			shots.add(HostileHttp.shot(e.key(), "accept", "GET", target, headers, new byte[0]));
		}
	}

	/** Missing, unknown and malformed credentials on the API. */
	private void credentials(Endpoint e, Actor actor) {
		String target = fill(e.pattern(), actor.vars());
		String method = e.method().equals("ANY") ? "GET" : e.method();
		byte[] body = body(e);
		// an unknown user costs the server a password check each (BCrypt), so a third of
		// the endpoints get one
		List<List<String>> variants = List.of(List.of(),
				shots.turn() % 3 == 0
						? List.of(HostileHttp.basic("mallory' OR 1=1 --", "x")) : List.of("Authorization: Basic"),
				List.of("Authorization: Basic !!!not-base64!!!"),
				List.of("Authorization: Basic "
						+ java.util.Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8))),
				List.of("Authorization: Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9."),
				List.of("Authorization: Basic " + "A".repeat(6_000)),
				List.of("Authorization: Digest username=\"admin\""));
		for (List<String> v : variants) {
			List<String> headers = new ArrayList<>(v);
			headers.add("Accept: application/json");
			headers.add("Content-Type: application/json");
			shots.add(HostileHttp.shot(e.key(), "credentials", method, target, headers, body));
		}
	}

	/**
	 * JSON bodies: broken, of the wrong shape, wrong field types, nulls, huge fields and
	 * bodies, wrong content types. {@code content} receives the well-formed ones (only
	 * refusing actors); {@code structural} the rest.
	 */
	private void bodies(Endpoint e, Actor content, Actor structural) {
		Class<?> type = bodyType(e.handler());
		String target = fill(e.pattern(), structural.vars());
		boolean bodyless = type == null;
		Actor broken = bodyless && !structural.refusing() ? content : structural;
		String brokenTarget = fill(e.pattern(), broken.vars());
		for (String b : HostilePayloads.brokenJson()) {
			if (type != null && type.getRecordComponents() != null && type.getRecordComponents().length == 1
					&& !broken.refusing() && !b.startsWith("{") && !b.startsWith("[") && !b.isEmpty()) {
				continue; // a bare scalar may bind to a one-field record: only for
							// refusing actors
			}
			send(e, "broken json", e.method(), brokenTarget, broken, b.getBytes(StandardCharsets.UTF_8), true);
		}
		send(e, "bad utf-8", e.method(), brokenTarget, broken, HostilePayloads.invalidUtf8Json(), true);
		if (type == null || !type.isRecord()) {
			return;
		}
		Map<String, Object> template = template(type);
		for (RecordComponent c : type.getRecordComponents()) {
			for (Object wrong : wrongValues(c, false)) {
				Map<String, Object> body = new LinkedHashMap<>(template);
				body.put(c.getName(), wrong);
				send(e, "wrong type", e.method(), target, structural, json(body), true);
			}
			if (content.refusing()) {
				for (Object coercible : wrongValues(c, true)) {
					Map<String, Object> body = new LinkedHashMap<>(template);
					body.put(c.getName(), coercible);
					send(e, "coercible type", e.method(), fill(e.pattern(), content.vars()), content, json(body), true);
				}
			}
		}
		Map<String, Object> nulls = new LinkedHashMap<>();
		template.keySet().forEach(k -> nulls.put(k, null));
		if (hasRequired(type)) {
			send(e, "null everywhere", e.method(), target, structural, json(nulls), true);
		}
		send(e, "array for object", e.method(), target, structural, json(List.of(template)), true);
		String sized = sizedField(type);
		if (sized != null) {
			Map<String, Object> huge = new LinkedHashMap<>(template);
			huge.put(sized, HostilePayloads.huge(100_000));
			send(e, "huge field", e.method(), target, structural, json(huge), true);
			huge.put(sized, HostilePayloads.huge(3_000_000));
			send(e, "huge body", e.method(), target, structural, json(huge), true);
		}
		for (String ct : CONTENT_TYPES) {
			List<String> headers = new ArrayList<>(auth(e, structural));
			if (!ct.equals("none")) {
				headers.add("Content-Type: " + ct);
			}
			headers.add("Accept: application/json");
			shots.add(HostileHttp.shot(e.key(), "content type", e.method(), target, headers, json(template)));
		}
		if (content.refusing()) {
			for (String s : List.of(HostilePayloads.SCRIPT, HostilePayloads.IMG, "' OR 1=1 --", "\u202Efdp.exe")) {
				send(e, "refused content", e.method(), fill(e.pattern(), content.vars()), content,
						json(template(type, s)), true);
			}
		}
	}

	/**
	 * Form posts without a token, with a forged one, with another session's, and without
	 * a session.
	 */
	private void csrf(Endpoint e, Actor actor, Actor intruder) {
		String target = fill(e.pattern(), actor.vars());
		PageSession mine = actor.user() == null ? f.visitor : f.session(actor.user());
		PageSession other = f.session(intruder.user() == null ? "applicant" : intruder.user());
		for (String s : List.of(HostilePayloads.SCRIPT, "' OR 1=1 --", HostilePayloads.huge(100_000))) {
			String form = form(e, s, null);
			shots.postForm(e.key(), "csrf missing", target, mine.cookieHeader(), form);
			shots.postForm(e.key(), "csrf forged", target, mine.cookieHeader(), form + "&_csrf=" + HostileHttp.enc(s));
			shots.postForm(e.key(), "csrf of another session", target, mine.cookieHeader(),
					form + "&_csrf=" + HostileHttp.enc(other.csrf()));
			shots.postForm(e.key(), "csrf without session", target, null,
					form + "&_csrf=" + HostileHttp.enc(mine.csrf()));
		}
		List<String> headers = new ArrayList<>(List.of(mine.cookieHeader(), "X-CSRF-TOKEN: forged",
				"Content-Type: application/x-www-form-urlencoded", "Accept: text/html"));
		shots.add(HostileHttp.shot(e.key(), "csrf header forged", "POST", target, headers,
				form(e, HostilePayloads.SVG, null).getBytes(StandardCharsets.UTF_8)));
		shots.add(HostileHttp.shot(e.key(), "csrf multipart", "POST", target,
				List.of(mine.cookieHeader(), "Content-Type: multipart/form-data; boundary=b", "Accept: text/html"),
				multipart("b", Map.of("_csrf", "forged"), "file", "../../etc/passwd", HostilePayloads.PDF)));
	}

	/**
	 * Posts with a valid token: each typed field in turn given a value its type refuses,
	 * every text field a hostile string, required fields left out; text-only forms go to
	 * refusing actors only.
	 */
	private void forms(Endpoint e, Actor content, Actor owner) {
		Map<String, Class<?>> fields = formFields(e.handler());
		for (Map.Entry<String, Class<?>> typed : fields.entrySet()) {
			if (typed.getValue() == String.class) {
				continue;
			}
			for (String bad : badValues(typed.getValue())) {
				for (String s : List.of(HostilePayloads.SCRIPT, HostilePayloads.IMG)) {
					String form = form(e, s, Map.of(typed.getKey(), bad));
					postWithToken(e, "bad " + typed.getValue().getSimpleName(), owner, form);
				}
			}
		}
		if (content.refusing()) {
			for (String s : List.of(HostilePayloads.SCRIPT, HostilePayloads.IMG, HostilePayloads.SVG, "' OR 1=1 --",
					HostilePayloads.huge(100_000), "")) {
				postWithToken(e, "refused content", content, form(e, s, null));
			}
			postWithToken(e, "missing fields", content, "");
			postWithToken(e, "duplicated fields", content, form(e, "a", null) + "&" + form(e, "b", null));
		}
	}

	/**
	 * Other users' objects: another applicant's case, another department's card, another
	 * user's message.
	 */
	private void intruders(Endpoint e, Actor intruder) {
		String target = fill(e.pattern(), intruder.vars());
		String method = e.method().equals("ANY") ? "GET" : e.method();
		for (String s : List.of(HostilePayloads.SCRIPT, "' OR 1=1 --")) {
			if (e.api()) {
				Class<?> type = bodyType(e.handler());
				byte[] body = type != null && type.isRecord() ? json(template(type, s)) : new byte[0];
				send(e, "other user's object", method, target, intruder, body, true);
			}
			else if (e.writes()) {
				postWithToken(e, "other user's object", intruder, form(e, s, null));
			}
			else {
				send(e, "other user's object", method, target + "?lang=" + HostileHttp.enc(s), intruder, new byte[0],
						false);
			}
		}
	}

	/**
	 * Requests no client library sends: broken encodings, control bytes, oversized lines
	 * and headers, smuggling.
	 */
	private void raw(List<Endpoint> endpoints) {
		for (int i = 0; i < endpoints.size(); i += 4) {
			Endpoint e = endpoints.get(i);
			String path = fill(e.pattern(), realVars(e.pattern()));
			String method = e.method().equals("ANY") ? "GET" : e.method();
			// only reads are signed in: a write with a broken body must not reach a
			// handler that ignores bodies
			String auth = e.api() && method.equals("GET") ? HostileHttp.basic("admin", AbuseFixture.PASSWORD) + "\r\n"
					: "";
			String host = "Host: localhost\r\nConnection: close\r\n" + auth;
			List<String> requests = List.of(method + " " + path + "/%zz%g0 HTTP/1.1\r\n" + host + "\r\n",
					method + " " + path + "?q=%%%%&lang=%E0%A4%A HTTP/1.1\r\n" + host + "\r\n",
					method + " " + path + "/\u0000 HTTP/1.1\r\n" + host + "\r\n",
					method + " " + path + "?q=" + "A".repeat(12_000) + " HTTP/1.1\r\n" + host + "\r\n",
					method + " " + path + " HTTP/1.1\r\n" + host + "X-Big: " + "B".repeat(20_000) + "\r\n\r\n",
					method + " " + path + " HTTP/1.1\r\n" + host + "X-Test: \u00ff\u0001\u007f\r\n\r\n",
					method + " " + path + " HTTP/1.1\r\nConnection: close\r\n\r\n",
					"POST " + path + " HTTP/1.1\r\n" + host
							+ "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\":",
					"POST " + path + " HTTP/1.1\r\n" + host
							+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
					"POST " + path + " HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nContent-Length: 2\r\n"
							+ "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
					"POST " + path + " HTTP/1.1\r\n" + host
							+ "Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 7\r\n\r\n{}",
					"G\u00c9T " + path + " HTTP/1.1\r\n" + host + "\r\n", method + " " + path + "?q="
							+ HostileHttp.enc(HostilePayloads.SCRIPT) + "\tHTTP/1.1\r\n" + host + "\r\n");
			for (String r : requests) {
				shots.add(HostileHttp.raw(e.key(), "raw protocol", r));
			}
		}
	}

	// ---- building requests

	private void send(Endpoint e, String family, String method, String target, Actor actor, byte[] body, boolean json) {
		if (e.api()) {
			shots.api(e.key(), family, method, target, actor.user(), body, json);
		}
		else if (method.equals("POST") || method.equals("PUT")) {
			PageSession s = actor.user() == null ? f.visitor : f.session(actor.user());
			shots.postWithToken(e.key(), family, target, s, new String(body, StandardCharsets.UTF_8));
		}
		else {
			List<String> headers = new ArrayList<>(List.of("Accept: text/html"));
			if (actor.user() != null) {
				headers.add(f.session(actor.user()).cookieHeader());
			}
			shots.add(HostileHttp.shot(e.key(), family, method, target, headers, body));
		}
	}

	private void postWithToken(Endpoint e, String family, Actor actor, String form) {
		PageSession s = actor.user() == null ? f.visitor : f.session(actor.user());
		shots.postWithToken(e.key(), family, fill(e.pattern(), actor.vars()), s, form);
	}

	private List<String> auth(Endpoint e, Actor actor) {
		if (actor.user() == null) {
			return List.of();
		}
		return List.of(e.api() ? HostileHttp.basic(actor.user(), AbuseFixture.PASSWORD)
				: f.session(actor.user()).cookieHeader());
	}

	/** A body for the endpoint's request type with hostile text, or none. */
	private static byte[] body(Endpoint e) {
		Class<?> type = bodyType(e.handler());
		if (e.api()) {
			return type != null && type.isRecord() ? json(template(type)) : new byte[0];
		}
		return e.writes() ? form(e, HostilePayloads.SCRIPT, null).getBytes(StandardCharsets.UTF_8) : new byte[0];
	}

	private static String form(Endpoint e, String hostile, @Nullable Map<String, String> overrides) {
		return RequestShapes.form(e.handler(), hostile, overrides);
	}

}
