package org.govhall.system;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.govhall.shared.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors raised outside the controllers (a refused CSRF token, a filter) reach the
 * container's error path; they are answered as problem details too, never with a stack
 * trace. An unreachable database is 503 here as in {@link ErrorHandling}.
 */
@PageController
class ErrorPages implements ErrorController {

	/**
	 * The refusal of Spring Security's firewall (an encoded {@code ..} or slash, a
	 * semicolon, a character it does not allow), kept on the request: the error path
	 * answers it as the {@link UnreadableRequest} it is, without the container logging it
	 * as an uncaught failure.
	 */
	static final String REJECTED = ErrorPages.class.getName() + ".rejected";

	/** The firewall's refusal: 400 through the error path, its cause kept. */
	static final RequestRejectedHandler MARK_REJECTED = (request, response, ex) -> {
		request.setAttribute(REJECTED, ex);
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	};

	private final Problems problems;

	ErrorPages(Problems problems) {
		this.problems = problems;
	}

	/**
	 * The error page for browsers; a failed API request gets problem details whatever its
	 * Accept header says.
	 */
	@RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
	Object page(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		if (!ErrorHandling.wantsHtml(new OriginalRequest(request))) {
			return json(request, response, locale);
		}
		int status = status(request, response);
		ModelAndView mav = new ModelAndView("error");
		mav.addObject("problem", problem(request, status, locale));
		mav.setStatus(HttpStatus.valueOf(status));
		return mav;
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> json(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		int status = status(request, response);
		return ResponseEntity.status(status)
			.header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(request, status, locale));
	}

	private ProblemDetail problem(HttpServletRequest request, int status, Locale locale) {
		if (status == 503 && databaseUnavailable(request)) {
			return problems.problem(503, "database-unavailable", "error.databaseUnavailable", new Object[0], List.of(),
					new OriginalRequest(request), locale);
		}
		UnreadableRequest unreadable = unreadable(request);
		if (unreadable != null) {
			return problems.problem(unreadable.status(), unreadable.type(), unreadable.key(), new Object[0], List.of(),
					new OriginalRequest(request), locale);
		}
		String key = switch (status) {
			case 401 -> "error.unauthenticated";
			case 403 -> "error.forbidden.role";
			case 404 -> "error.page.notFound";
			case 405 -> "error.method";
			case 413 -> "error.upload.tooLarge";
			default -> status >= 500 ? "error.internal" : "error.request.invalid";
		};
		String slug = switch (status) {
			case 401 -> "unauthenticated";
			case 403 -> "forbidden";
			case 404 -> "not-found";
			default -> status >= 500 ? "internal" : "invalid-input";
		};
		return problems.problem(status, slug, key, new Object[] { request.getMethod() }, List.of(),
				new OriginalRequest(request), locale);
	}

	/**
	 * The failure's status; a failure that says the database could not be reached (raised
	 * in a filter, outside the controllers that {@link ErrorHandling} covers) is 503 with
	 * {@code Retry-After}; parameters or a multipart form that a filter could not read
	 * are 400 (413 for a form past its size limit). The error path requested directly,
	 * without a failure, is 404.
	 */
	private static int status(HttpServletRequest request, HttpServletResponse response) {
		if (databaseUnavailable(request)) {
			response.setHeader(HttpHeaders.RETRY_AFTER, ErrorHandling.DATABASE_RETRY_AFTER);
			return 503;
		}
		// parameters or a multipart form that a filter could not read (the CSRF check
		// reads the form first)
		UnreadableRequest unreadable = unreadable(request);
		if (unreadable != null) {
			return unreadable.status();
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code == null) {
			// not the container's error dispatch but a request for /error itself: there
			// is no such page
			return 404;
		}
		int status = code instanceof Integer i ? i : 500;
		return status < 400 ? 500 : status;
	}

	private static boolean databaseUnavailable(HttpServletRequest request) {
		return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t
				&& ErrorHandling.isDatabaseUnavailable(t);
	}

	/** The failed request's own path, for the problem's {@code instance}. */
	static final class OriginalRequest extends HttpServletRequestWrapper {

		OriginalRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getRequestURI() {
			Object uri = getRequest().getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
			return uri instanceof String s ? s : super.getRequestURI();
		}

	}

	/**
	 * The failure a filter or the firewall left on the request, if it is one of those.
	 */
	private static @Nullable UnreadableRequest unreadable(HttpServletRequest request) {
		Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		return UnreadableRequest.of(failure != null ? failure : request.getAttribute(REJECTED));
	}

}
