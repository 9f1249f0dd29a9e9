package org.govhall.system;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.govhall.shared.GovHallException.FieldViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Builds RFC 9457 problem details with a stable type per error kind and title, detail and
 * field messages from the zh-CN/en bundles in the requester's language.
 */
@Component
class Problems {

	static final String TYPE_PREFIX = "urn:govhall:problem:";

	private final MessageSource messages;

	Problems(MessageSource messages) {
		this.messages = messages;
	}

	ProblemDetail problem(int status, String slug, String messageKey, Object[] args, List<FieldViolation> violations,
			HttpServletRequest request, Locale locale) {
		ProblemDetail p = ProblemDetail.forStatus(status);
		p.setType(URI.create(TYPE_PREFIX + slug));
		p.setTitle(message("problem.title." + status, new Object[0], locale,
				HttpStatus.valueOf(status).getReasonPhrase()));
		p.setDetail(message(messageKey, args, locale, messageKey));
		p.setInstance(instance(request.getRequestURI()));
		if (!violations.isEmpty()) {
			List<Map<String, Object>> errors = new ArrayList<>();
			for (FieldViolation v : violations) {
				Map<String, Object> e = new LinkedHashMap<>();
				e.put("field", v.field());
				e.put("code", v.messageKey());
				e.put("message", message(v.messageKey(), v.arguments(), locale, v.messageKey()));
				errors.add(e);
			}
			p.setProperty("errors", errors);
		}
		return p;
	}

	/**
	 * The request's path as the problem's {@code instance}; none when the server could
	 * not read the request target, and encoded when it holds characters a URI may not
	 * (the server refuses those before any controller runs).
	 */
	private static @Nullable URI instance(@Nullable String path) {
		if (path == null || path.isEmpty()) {
			return null;
		}
		try {
			return URI.create(path);
		}
		catch (IllegalArgumentException ex) {
			return URI.create(UriUtils.encodePath(path, StandardCharsets.UTF_8));
		}
	}

	/**
	 * Enum arguments (a state, a kind) are named by their labels, e.g. CaseState.ACCEPTED
	 * → 已受理.
	 */
	private Object[] labels(Object[] args, Locale locale) {
		Object[] out = args.clone();
		for (int i = 0; i < out.length; i++) {
			if (out[i] instanceof Enum<?> e) {
				out[i] = messages.getMessage(labelPrefix(e.getDeclaringClass()) + e.name(), null, e.name(), locale);
			}
		}
		return out;
	}

	/**
	 * {@code CaseState.}, and for a nested enum its enclosing types too:
	 * {@code Card.Status.}, as the bundles name them.
	 */
	private static String labelPrefix(Class<?> type) {
		String name = type.getName().substring(type.getPackageName().length() + 1);
		return name.replace('$', '.') + ".";
	}

	String message(String key, Object[] args, Locale locale, String fallback) {
		try {
			return messages.getMessage(key, labels(args, locale), locale);
		}
		catch (NoSuchMessageException ex) {
			return fallback;
		}
	}

}
