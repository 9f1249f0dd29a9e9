package org.govhall.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.govhall.shared.GovHallException;
import org.govhall.shared.GovHallException.FieldViolation;
import org.govhall.shared.RefusalShownOn;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriUtils;

/**
 * The one way a page shows a refusal (ADR 0028): a {@link GovHallException} thrown by a
 * handler method marked {@link RefusalShownOn} goes back to that page as a redirect, with
 * the refusal flashed for it to show in the requester's language. {@link ErrorHandling}
 * asks here first; every other failure is answered as before.
 */
final class PageRefusals {

	/** A variable in the page's address, {@code {name}}. */
	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	private final MessageSource messages;

	PageRefusals(MessageSource messages) {
		this.messages = messages;
	}

	/** The redirect back to the page, or null when the refusal is not shown on a page. */
	@Nullable ModelAndView backToPage(GovHallException ex, @Nullable HandlerMethod handler, HttpServletRequest request,
			Locale locale) {
		RefusalShownOn on = handler == null ? null : handler.getMethodAnnotation(RefusalShownOn.class);
		if (on == null || Arrays.stream(on.except()).anyMatch(s -> s == ex.status())
				|| Arrays.asList(on.exceptKeys()).contains(ex.messageKey())) {
			return null;
		}
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		Object[] args = labelled(ex.arguments(), locale);
		switch (on.style()) {
			case REFUSAL -> {
				flash.put("refusal", ex.messageKey());
				flash.put("refusalArgs", args);
				flash.put("refusalReasons", reasons(ex, locale));
			}
			case PROBLEMS -> {
				List<String> problems = new ArrayList<>();
				problems.add(messages.getMessage(ex.messageKey(), args, locale));
				ex.violations()
					.forEach(v -> problems.add(v.field() + ": "
							+ messages.getMessage(v.messageKey(), labelled(v.arguments(), locale), locale)));
				flash.put("problems", problems);
			}
		}
		// a variable that is no path variable is the request's parameter; the view
		// expands the path variables
		// (RedirectView) and saves the flash
		Object pathVariables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String page = VARIABLE.matcher(on.value()).replaceAll(v -> {
			String name = v.group(1);
			String value = request.getParameter(name);
			boolean inPath = pathVariables instanceof Map<?, ?> m && m.containsKey(name);
			return Matcher
				.quoteReplacement(inPath || value == null ? v.group() : UriUtils.encode(value, StandardCharsets.UTF_8));
		});
		return new ModelAndView("redirect:" + page);
	}

	/**
	 * The fields at fault, their arguments as the page shows them; a lone reason that
	 * only repeats the refusal is left out.
	 */
	private List<FieldViolation> reasons(GovHallException ex, Locale locale) {
		List<FieldViolation> all = ex.violations();
		return all.stream()
			.filter(v -> !(all.size() == 1 && v.messageKey().equals(ex.messageKey())))
			.map(v -> new FieldViolation(v.field(), v.messageKey(), labelled(v.arguments(), locale)))
			.toList();
	}

	/**
	 * The arguments as the page shows them, in the requester's language: an enum as its
	 * label, a number as a number (formatted by the message), anything else as its text,
	 * null as nothing.
	 */
	private Object[] labelled(Object[] arguments, Locale locale) {
		return Arrays.stream(arguments)
			.map(a -> a instanceof Enum<?> e ? messages.getMessage(label(e), null, e.name(), locale)
					: a instanceof Number n ? n : a == null ? "" : a.toString())
			.toArray();
	}

	/**
	 * {@code Type.NAME}, or {@code Outer.Type.NAME} for a nested enum: the key of an
	 * enum's label.
	 */
	static String label(Enum<?> e) {
		Class<?> type = e.getDeclaringClass();
		@Nullable Class<?> outer = type.getEnclosingClass();
		return (outer == null ? "" : outer.getSimpleName() + ".") + type.getSimpleName() + "." + e.name();
	}

}
