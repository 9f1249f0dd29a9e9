package org.govhall.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govhall.system.HostileHttp.PageSession;
import org.govhall.system.HostileHttp.Shot;
import org.jspecify.annotations.Nullable;

/**
 * The abuse suite's requests as they are planned: API calls as a demo user or anonymous,
 * form posts of a page session with or without its CSRF token, multipart forms. Requests
 * alternate between Chinese and English.
 */
final class Shots {

	private final List<Shot> all = new ArrayList<>();

	private int turn;

	List<Shot> all() {
		return all;
	}

	void add(Shot s) {
		all.add(s);
	}

	/** Counts up with every call, for families that alternate. */
	int turn() {
		return turn++;
	}

	private String language() {
		return "Accept-Language: " + (turn++ % 2 == 0 ? "zh-CN" : "en");
	}

	/**
	 * An API call by a demo user over HTTP Basic, or anonymous; with a JSON content type
	 * when {@code json}.
	 */
	void api(String endpoint, String family, String method, String target, @Nullable String user, byte[] body,
			boolean json) {
		List<String> headers = new ArrayList<>();
		if (user != null) {
			headers.add(HostileHttp.basic(user, AbuseFixture.PASSWORD));
		}
		headers.add("Accept: application/json");
		headers.add(language());
		if (json) {
			headers.add("Content-Type: application/json");
		}
		all.add(HostileHttp.shot(endpoint, family, method, target, headers, body));
	}

	/** A page session's form post with the session's CSRF token. */
	void postWithToken(String endpoint, String family, String target, PageSession s, String form) {
		String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + HostileHttp.enc(s.csrf());
		all.add(HostileHttp.shot(
				endpoint, family, "POST", target, List.of(s.cookieHeader(),
						"Content-Type: application/x-www-form-urlencoded", "Accept: text/html", language()),
				body.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A form post exactly as given: with a session cookie or none, and whatever token the
	 * form carries.
	 */
	void postForm(String endpoint, String family, String target, @Nullable String cookie, String form) {
		List<String> headers = new ArrayList<>(
				List.of("Content-Type: application/x-www-form-urlencoded", "Accept: text/html"));
		if (cookie != null) {
			headers.add(cookie);
		}
		all.add(HostileHttp.shot(endpoint, family, "POST", target, headers, form.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A page session's multipart form with its CSRF token: text fields, then (field, file
	 * name, bytes) triples.
	 */
	void multipartPage(String endpoint, String family, String target, PageSession s, Map<String, String> fields,
			Object... files) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		withToken.put("_csrf", s.csrf());
		all.add(HostileHttp.shot(
				endpoint, family, "POST", target, List.of(s.cookieHeader(),
						"Content-Type: multipart/form-data; boundary=govhallabuse", "Accept: text/html"),
				RequestShapes.multipart("govhallabuse", withToken, files)));
	}

}
