package org.govhall.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The access-control matrix as {@code src/test/resources/access-control-matrix.md} writes
 * it down: one Markdown table row per endpoint and sample request, one column per caller,
 * each cell the outcome that caller must get.
 */
final class AccessControlMatrix {

	static final String FILE = "/access-control-matrix.md";

	/**
	 * The callers, in the table's column order: anonymous first, then the demo accounts.
	 */
	static final List<String> CALLERS = List.of("anonymous", "applicant", "enterprise", "agent", "clerk", "reviewer",
			"approver", "reviewer-gh", "reviewer-zj", "deptadmin", "deptadmin-qc", "legal", "supervisor", "admin",
			"admin-bs");

	static final String ANONYMOUS = "anonymous";

	private AccessControlMatrix() {
	}

	/**
	 * One row: an endpoint (method and path pattern), the request that samples it, and
	 * the outcome per caller.
	 */
	record Row(String method, String pattern, String sample, List<Outcome> outcomes, String note) {

		String endpoint() {
			return method + " " + pattern;
		}

		/**
		 * The sample request, e.g. {@code POST /api/v1/cases/{case}/acceptance}; request
		 * bodies are looked up by it.
		 */
		String request() {
			return (method.equals("*") ? "GET" : method) + " " + sample;
		}

		boolean mutating() {
			return !method.equals("GET") && !method.equals("*");
		}

		Outcome expected(String caller) {
			return outcomes.get(CALLERS.indexOf(caller));
		}

	}

	/** What a caller gets: the vocabulary of the table's cells. */
	enum Outcome {

		/** 2xx: the caller is served. */
		OK("ok"),
		/** 3xx, other than the login prompt. */
		REDIRECT("redirect"),
		/**
		 * For a change: access passed; it was done (2xx/3xx) or refused on its merits
		 * (400, 409, 422).
		 */
		PASS("pass"),
		/**
		 * 2xx: the form comes back showing the refusal, for a choice on the form the
		 * caller may not make.
		 */
		REFUSED("refused"),
		/**
		 * 3xx to {@code /login}: the login prompt of a page that needs a signed-in user.
		 */
		LOGIN("login"),
		/** 401: the API needs credentials. */
		UNAUTHENTICATED("401"),
		/** 403: signed in, but not allowed. */
		FORBIDDEN("403"),
		/** 404: out of the caller's sight, answered as if it did not exist. */
		NOT_FOUND("404");

		private final String cell;

		Outcome(String cell) {
			this.cell = cell;
		}

		static Outcome of(String cell) {
			return Arrays.stream(values())
				.filter(o -> o.cell.equals(cell))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("unknown outcome '" + cell + "' in " + FILE));
		}

		/** Refusals must leave everything as it was. */
		boolean refusal() {
			return this == REFUSED || this == LOGIN || this == UNAUTHENTICATED || this == FORBIDDEN
					|| this == NOT_FOUND;
		}

		boolean admits(Answer answer) {
			int s = answer.status();
			boolean redirect = s >= 300 && s < 400;
			return switch (this) {
				case OK -> s >= 200 && s < 300;
				case REDIRECT -> redirect && !answer.toLogin();
				case PASS ->
					(s >= 200 && s < 300) || (redirect && !answer.toLogin()) || s == 400 || s == 409 || s == 422;
				case REFUSED -> s >= 200 && s < 300 && answer.showsRefusal();
				case LOGIN -> redirect && answer.toLogin();
				case UNAUTHENTICATED -> s == 401;
				case FORBIDDEN -> s == 403;
				case NOT_FOUND -> s == 404;
			};
		}

		@Override
		public String toString() {
			return cell;
		}

	}

	/**
	 * The status of an answer, where it redirects to, whether the page shows a refusal
	 * ({@code id="refusal"}), the mapping that handled it (if the request got that far),
	 * and the exception nothing answered, if one escaped.
	 */
	record Answer(int status, @Nullable String location, boolean showsRefusal, @Nullable String handledBy,
			@Nullable String thrown) {

		/**
		 * Whether it sends the caller to sign in ({@code /login?error} and the like are
		 * answers of the login page).
		 */
		boolean toLogin() {
			return location != null && location.replaceFirst("^https?://[^/]+", "").equals("/login");
		}

		@Override
		public String toString() {
			return status + (location == null ? "" : " → " + location) + (showsRefusal ? " showing a refusal" : "")
					+ (thrown == null ? "" : " (" + thrown + ")");
		}

	}

	static List<Row> read() {
		try (InputStream in = AccessControlMatrix.class.getResourceAsStream(FILE)) {
			if (in == null) {
				throw new IllegalStateException(FILE + " is missing");
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The rows of every table of the Markdown text whose header starts with
	 * {@code method}; other text is skipped.
	 */
	static List<Row> parse(String markdown) {
		List<Row> rows = new ArrayList<>();
		int number = 0;
		boolean matrix = false;
		for (String line : markdown.split("\\R")) {
			number++;
			if (!line.startsWith("|")) {
				matrix = false;
				continue;
			}
			List<String> cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|", -1))
				.map(String::strip)
				.map(c -> c.replace("`", ""))
				.toList();
			if (cells.get(0).equals("method")) {
				if (!cells.subList(3, cells.size() - 1).equals(CALLERS)) {
					throw new IllegalStateException(
							FILE + " line " + number + ": the callers' columns must be " + CALLERS);
				}
				matrix = true;
				continue;
			}
			if (!matrix || cells.get(0).startsWith("-")) {
				continue;
			}
			if (cells.size() != 3 + CALLERS.size() + 1) {
				throw new IllegalStateException(FILE + " line " + number + ": " + cells.size() + " cells, expected "
						+ (3 + CALLERS.size() + 1));
			}
			rows.add(new Row(cells.get(0), cells.get(1), cells.get(2),
					cells.subList(3, 3 + CALLERS.size()).stream().map(Outcome::of).toList(),
					cells.get(3 + CALLERS.size())));
		}
		return rows;
	}

}
