package org.govhall.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.govhall.shared.GovHallException;
import org.govhall.shared.GovHallException.FieldViolation;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.MessageSource;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into RFC 9457 problem details in the requester's language: JSON for
 * the API and other non-HTML clients, the error page for browsers. Unexpected failures
 * are logged once and answered without internals. A database that cannot be reached
 * (down, restarting, no connection within HikariCP's connection timeout) is 503 with
 * {@code Retry-After}, logged as one line: the request may be repeated, submissions with
 * the same Idempotency-Key (docs/OPERATIONS.md).
 */
@ControllerAdvice
class ErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	/**
	 * Seconds a client should wait before repeating a request refused because the
	 * database was unreachable.
	 */
	static final String DATABASE_RETRY_AFTER = "5";

	private final Problems problems;

	private final MessageSource messages;

	private final PageRefusals pageRefusals;

	ErrorHandling(Problems problems, MessageSource messages) {
		this.problems = problems;
		this.messages = messages;
		this.pageRefusals = new PageRefusals(messages);
	}

	/**
	 * A refusal: back to the page that shows it ({@link PageRefusals}), else problem
	 * details or the error page.
	 */
	@ExceptionHandler(GovHallException.class)
	Object govHall(GovHallException ex, @Nullable HandlerMethod handler, HttpServletRequest req,
			HttpServletResponse res, Locale locale) {
		ModelAndView back = pageRefusals.backToPage(ex, handler, req, locale);
		if (back != null) {
			return back;
		}
		return answer(ex.status(), ex.type(), ex.messageKey(), ex.arguments(), ex.violations(), req, res, locale);
	}

	@ExceptionHandler(BindException.class)
	Object invalid(BindException ex, HttpServletRequest req, HttpServletResponse res, Locale locale) {
		List<FieldViolation> violations = new ArrayList<>();
		for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
			violations.add(new FieldViolation(fe.getField(), "error.field.invalid", messages.getMessage(fe, locale)));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(ge -> violations
				.add(new FieldViolation(ge.getObjectName(), "error.field.invalid", messages.getMessage(ge, locale))));
		return answer(400, "invalid-input", "error.validation", new Object[] { violations.size() }, violations, req,
				res, locale);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	Object invalidParameters(HandlerMethodValidationException ex, HttpServletRequest req, HttpServletResponse res,
			Locale locale) {
		List<FieldViolation> violations = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach(r -> r.getResolvableErrors()
				.forEach(e -> violations.add(new FieldViolation(
						r.getMethodParameter().getParameterName() == null ? "parameter"
								: r.getMethodParameter().getParameterName(),
						"error.field.invalid", messages.getMessage(e, locale)))));
		return answer(400, "invalid-input", "error.validation", new Object[] { violations.size() }, violations, req,
				res, locale);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException ex, HttpServletRequest req, HttpServletResponse res,
			Locale locale) {
		// a value GovHall's own reader refused (a date out of range): answered as that
		// refusal, naming the field
		for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
			if (t instanceof GovHallException g) {
				return govHall(g, null, req, res, locale);
			}
		}
		return answer(400, "malformed-body", "error.body.malformed", new Object[0], List.of(), req, res, locale);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest req, HttpServletResponse res,
			Locale locale) {
		return answer(400, "invalid-input", "error.parameter.type", new Object[] { ex.getName() },
				List.of(new FieldViolation(ex.getName(), "error.parameter.type", ex.getName())), req, res, locale);
	}

	/**
	 * A path value that converts to nothing (a blank role, say): the client's mistake,
	 * 400 naming the variable.
	 */
	@ExceptionHandler(MissingPathVariableException.class)
	Object missingPathValue(MissingPathVariableException ex, HttpServletRequest req, HttpServletResponse res,
			Locale locale) {
		if (!ex.isMissingAfterConversion()) {
			return unexpected(ex, req, res, locale);
		}
		return answer(400, "invalid-input", "error.parameter.type", new Object[] { ex.getVariableName() },
				List.of(new FieldViolation(ex.getVariableName(), "error.parameter.type", ex.getVariableName())), req,
				res, locale);
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MissingServletRequestPartException.class })
	Object missing(Exception ex, HttpServletRequest req, HttpServletResponse res, Locale locale) {
		String name = ex instanceof MissingServletRequestParameterException m ? m.getParameterName()
				: ((MissingServletRequestPartException) ex).getRequestPartName();
		return answer(400, "invalid-input", "error.parameter.missing", new Object[] { name },
				List.of(new FieldViolation(name, "error.parameter.missing", name)), req, res, locale);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest req, HttpServletResponse res,
			Locale locale) {
		return answer(415, "unsupported-media-type", "error.mediaType", new Object[0], List.of(), req, res, locale);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	Object notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest req, HttpServletResponse res,
			Locale locale) {
		return answer(406, "not-acceptable", "error.notAcceptable", new Object[0], List.of(), req, res, locale);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object method(HttpRequestMethodNotSupportedException ex, HttpServletRequest req, HttpServletResponse res,
			Locale locale) {
		return answer(405, "method-not-allowed", "error.method", new Object[] { ex.getMethod() }, List.of(), req, res,
				locale);
	}

	/**
	 * A path nothing maps (no page, no endpoint, no asset: ADR 0036), or an asset path
	 * without its file.
	 */
	@ExceptionHandler({ NoHandlerFoundException.class, NoResourceFoundException.class })
	Object noResource(Exception ex, HttpServletRequest req, HttpServletResponse res, Locale locale) {
		return answer(404, "not-found", "error.page.notFound", new Object[0], List.of(), req, res, locale);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest req, HttpServletResponse res, Locale locale) {
		return answer(413, "too-large", "error.upload.tooLarge", new Object[0], List.of(), req, res, locale);
	}

	/**
	 * A request the container could not read ({@link UnreadableRequest}); too large an
	 * upload is {@link #tooLarge}.
	 */
	@ExceptionHandler({ MultipartException.class, InvalidFileNameException.class, InvalidParameterException.class })
	Object unreadable(RuntimeException ex, HttpServletRequest req, HttpServletResponse res, Locale locale) {
		UnreadableRequest u = Objects.requireNonNull(UnreadableRequest.of(ex));
		return answer(u.status(), u.type(), u.key(), new Object[0], List.of(), req, res, locale);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	Object concurrent(OptimisticLockingFailureException ex, HttpServletRequest req, HttpServletResponse res,
			Locale locale) {
		return answer(409, "concurrent-change", "error.concurrentChange", new Object[0], List.of(), req, res, locale);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	Object integrity(DataIntegrityViolationException ex, HttpServletRequest req, HttpServletResponse res,
			Locale locale) {
		log.info("integrity violation on {}: {}", req.getRequestURI(), ex.getMostSpecificCause().getMessage());
		return answer(409, "conflict", "error.integrity", new Object[0], List.of(), req, res, locale);
	}

	/**
	 * Form fields that name no property, or an index past the binder's limit (e.g.
	 * {@code materials[9999]}).
	 */
	@ExceptionHandler(InvalidPropertyException.class)
	Object badProperty(InvalidPropertyException ex, HttpServletRequest req, HttpServletResponse res, Locale locale) {
		return answer(400, "invalid-input", "error.parameter.type", new Object[] { ex.getPropertyName() },
				List.of(new FieldViolation(ex.getPropertyName(), "error.parameter.type", ex.getPropertyName())), req,
				res, locale);
	}

	/** Spring Data JDBC wraps what the database refused; answer by its cause. */
	@ExceptionHandler(DbActionExecutionException.class)
	Object dbAction(DbActionExecutionException ex, HttpServletRequest req, HttpServletResponse res, Locale locale) {
		if (ex.getCause() instanceof OptimisticLockingFailureException lock) {
			return concurrent(lock, req, res, locale);
		}
		if (ex.getCause() instanceof DataIntegrityViolationException integrity) {
			return integrity(integrity, req, res, locale);
		}
		return unexpected(ex, req, res, locale);
	}

	@ExceptionHandler(AccessDeniedException.class)
	Object denied(AccessDeniedException ex, HttpServletRequest req, HttpServletResponse res, Locale locale) {
		return answer(403, "forbidden", "error.forbidden.role", new Object[0], List.of(), req, res, locale);
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotGetJdbcConnectionException.class,
			CannotCreateTransactionException.class, TransientDataAccessResourceException.class })
	Object databaseUnavailable(Exception ex, HttpServletRequest req, HttpServletResponse res, Locale locale) {
		log.warn("database unavailable on {} {}: {}", req.getMethod(), req.getRequestURI(), rootMessage(ex));
		res.setHeader(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER);
		return answer(503, "database-unavailable", "error.databaseUnavailable", new Object[0], List.of(), req, res,
				locale);
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception ex, HttpServletRequest req, HttpServletResponse res, Locale locale) {
		if (isDatabaseUnavailable(ex)) {
			// e.g. a commit whose connection broke (TransactionSystemException), or a
			// wrapped connection failure
			return databaseUnavailable(ex, req, res, locale);
		}
		log.error("unexpected failure on {} {}", req.getMethod(), req.getRequestURI(), ex);
		return answer(500, "internal", "error.internal", new Object[0], List.of(), req, res, locale);
	}

	private Object answer(int status, String slug, String key, Object[] args, List<FieldViolation> violations,
			HttpServletRequest req, HttpServletResponse res, Locale locale) {
		// on the error path that a filter's failure leads to, the problem names the
		// request that failed
		ProblemDetail problem = problems.problem(status, slug, key, args, violations,
				new ErrorPages.OriginalRequest(req), locale);
		if (wantsHtml(req)) {
			ModelAndView mav = new ModelAndView("error");
			mav.addObject("problem", problem);
			mav.setStatus(HttpStatusCode.valueOf(status));
			return mav;
		}
		return ResponseEntity.status(status)
			.header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/**
	 * Whether a failure, or any of its causes, says that the database could not be
	 * reached: no connection (HikariCP timed out, connection refused), a connection
	 * broken or closed by a restarting server (SQLState class 08, 57P admin/crash
	 * shutdown or "cannot connect now"), or the server out of resources (class 53). A
	 * failed rollback that replaced such a failure counts as it.
	 */
	static boolean isDatabaseUnavailable(@Nullable Throwable ex) {
		int depth = 0;
		for (Throwable t = ex; t != null && depth < 16; t = t.getCause(), depth++) {
			if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
					|| t instanceof TransientDataAccessResourceException || t instanceof SQLTransientConnectionException
					|| t instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (t instanceof TransactionSystemException tse && tse.getApplicationException() != null
					&& tse.getApplicationException() != ex && isDatabaseUnavailable(tse.getApplicationException())) {
				// the rollback after the failure failed too ("Connection is closed") and
				// took its place
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
					&& sql.getMessage().contains("Connection is closed")) {
				// HikariCP's proxy of a connection the server ended: the rollback after a
				// failed commit says only this
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
					return true;
				}
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		int depth = 0;
		while (root.getCause() != null && root.getCause() != root && depth++ < 16) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	static boolean wantsHtml(HttpServletRequest req) {
		if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
			return false;
		}
		String accept = req.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains("text/html");
	}

}
