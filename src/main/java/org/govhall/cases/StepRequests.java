package org.govhall.cases;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;

import org.govhall.shared.GovHallException;
import org.govhall.shared.GovHallException.FieldViolation;
import org.govhall.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.ResolvableType;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.ServletRequestDataBinder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a step's request record ({@link CaseStep#request()}) from a JSON body or from a
 * case page's form, and checks it against the record's constraints: the one place a
 * step's fields are read, so that the API and the pages refuse the same input in the same
 * words.
 */
@Component
class StepRequests {

	private final JsonMapper json;

	private final SpringValidatorAdapter validator;

	private final FormattingConversionService conversion;

	private final MessageSource messages;

	/**
	 * Binds forms with the web layer's conversions; without a web layer (the benchmark's
	 * in-process context) the default ones, which the API's JSON does not need.
	 */
	StepRequests(JsonMapper json, Validator validator,
			@Qualifier("mvcConversionService") ObjectProvider<FormattingConversionService> conversion,
			MessageSource messages) {
		this.json = json;
		this.validator = new SpringValidatorAdapter(validator);
		this.conversion = conversion.getIfAvailable(DefaultFormattingConversionService::new);
		this.messages = messages;
	}

	/**
	 * The most a step's JSON body may hold: more than the longest body the records'
	 * limits allow, a one-time notice of 50 issues with a material of 200 and a problem
	 * of 500 characters, each character written as a six-byte escape (about 212 000
	 * bytes).
	 */
	static final int MAX_BODY = 256 * 1024;

	/**
	 * The request of {@code step} from the request's JSON body (an empty body reads as
	 * {@code {}}): 413 for a body over {@link #MAX_BODY} (not read past it), 415 for
	 * another media type, 400 for JSON that does not read, 400 naming each field that
	 * breaks a constraint.
	 */
	CaseCommand fromJson(CaseStep step, HttpServletRequest request)
			throws BindException, HttpMediaTypeNotSupportedException {
		byte[] body = body(request);
		byte[] content = body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body;
		// a body the container read as parts before us (multipart) arrives empty, but was
		// sent
		boolean sent = body.length > 0 || request.getContentLengthLong() > 0;
		if (sent && request.getContentType() != null) {
			MediaType type = MediaType.parseMediaType(request.getContentType());
			if (!MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.getSubtype().endsWith("+json")) {
				throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON));
			}
		}
		CaseCommand command;
		try {
			command = json.readValue(content, step.request());
		}
		catch (JacksonException ex) {
			throw new HttpMessageNotReadableException(
					"the body of " + step + " does not read: " + ex.getOriginalMessage(), ex,
					new ServletServerHttpRequest(request));
		}
		if (command == null) {
			throw new HttpMessageNotReadableException("the body of " + step + " is null",
					new ServletServerHttpRequest(request));
		}
		validate(command, step);
		return command;
	}

	/**
	 * The body, read up to {@link #MAX_BODY}: a longer one, said by its length or found
	 * while reading, is refused (413) without being read further.
	 */
	private static byte[] body(HttpServletRequest request) {
		if (request.getContentLengthLong() > MAX_BODY) {
			throw new BodyTooLarge();
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BODY + 1);
		}
		catch (IOException ex) {
			throw new HttpMessageNotReadableException("the body could not be read", ex,
					new ServletServerHttpRequest(request));
		}
		if (body.length > MAX_BODY) {
			throw new BodyTooLarge();
		}
		return body;
	}

	/**
	 * A step's body over {@link #MAX_BODY} (413 {@code too-large}), in the requester's
	 * language with the limit.
	 */
	static final class BodyTooLarge extends GovHallException {

		BodyTooLarge() {
			super("too-large", "error.step.bodyTooLarge", List.of(), MAX_BODY / 1024);
		}

		@Override
		public int status() {
			return 413;
		}

	}

	/**
	 * The request of {@code step} from a form's parameters, converted as every form
	 * parameter is; 400 as above.
	 */
	CaseCommand fromForm(CaseStep step, HttpServletRequest request) throws BindException {
		ServletRequestDataBinder binder = new ServletRequestDataBinder(null, objectName(step));
		binder.setTargetType(ResolvableType.forClass(step.request()));
		binder.setConversionService(conversion);
		binder.construct(request);
		if (binder.getBindingResult().hasErrors() || binder.getTarget() == null) {
			throw new BindException(binder.getBindingResult());
		}
		CaseCommand command = (CaseCommand) binder.getTarget();
		validate(command, step);
		return command;
	}

	/**
	 * A page's form as the step's request, or the refusal the case page shows (400)
	 * naming each field.
	 */
	CaseCommand fromForm(CaseStep step, HttpServletRequest request, Locale locale) {
		try {
			return fromForm(step, request);
		}
		catch (BindException ex) {
			throw refusal(step, ex, locale);
		}
	}

	/**
	 * A request a page put together itself, checked by the record's constraints like any
	 * other.
	 */
	<C extends CaseCommand> C checked(C command, Locale locale) {
		try {
			validate(command, CaseStep.of(command));
			return command;
		}
		catch (BindException ex) {
			throw refusal(CaseStep.of(command), ex, locale);
		}
	}

	private void validate(CaseCommand command, CaseStep step) throws BindException {
		BindingResult result = new DirectFieldBindingResult(command, objectName(step));
		validator.validate(command, result);
		if (result.hasErrors()) {
			throw new BindException(result);
		}
	}

	private static String objectName(CaseStep step) {
		return step.request().getSimpleName();
	}

	/**
	 * The label each field of a step's form is shown with (by step and field, as
	 * {@link StepLimits} names them), so that a refusal names the field in the reader's
	 * words and not as the record calls it.
	 */
	private static final Map<String, String> LABELS = Map.ofEntries(
			Map.entry("CORRECTION_NOTICE.issues.problem", "cases.notice.problem"),
			Map.entry("AUTHORIZATION_CHECK.note", "cases.authorization.note"),
			Map.entry("DECIDE_ON_THE_SPOT.scope", "cases.licence.scope"),
			Map.entry("DECIDE_ON_THE_SPOT.premises", "cases.licence.premises"),
			Map.entry("DECIDE_ON_THE_SPOT.validUntil", "cases.licence.validUntil"),
			Map.entry("DECIDE_ON_THE_SPOT.method", "cases.deliver.method"),
			Map.entry("DECIDE.outcome", "cases.decide.outcome"), Map.entry("DECIDE.reasons", "cases.decide.reasons"),
			Map.entry("DECIDE.scope", "cases.licence.scope"), Map.entry("DECIDE.premises", "cases.licence.premises"),
			Map.entry("DECIDE.validUntil", "cases.licence.validUntil"), Map.entry("HAND_OVER.to", "cases.handover.to"),
			Map.entry("HAND_OVER.reason", "cases.handover.reason"));

	/**
	 * A form's fields that do not hold as the refusal a case page shows, each naming its
	 * field by the form's label: a required text or choice left out in the words the page
	 * always used, a value of the wrong form, a text over its limit with the limit and
	 * its length, any other constraint in the validator's words.
	 */
	InvalidInputException refusal(CaseStep step, BindException ex, Locale locale) {
		List<FieldViolation> each = new ArrayList<>();
		for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
			String code = fe.getCode() == null ? "" : fe.getCode();
			String label = label(step, fe.getField(), locale);
			Object[] args = fe.getArguments();
			each.add(switch (code) {
				case "NotBlank", "NotEmpty" -> new FieldViolation(fe.getField(), "error.case.textRequired");
				case "NotNull" -> new FieldViolation(fe.getField(), "error.case.choiceRequired", label);
				case "typeMismatch" -> new FieldViolation(fe.getField(), "error.step.format", label);
				case "Size" -> fe.getRejectedValue() instanceof CharSequence text && args != null && args.length > 1
						? new FieldViolation(fe.getField(), "error.step.tooLong", label, String.valueOf(args[1]),
								String.valueOf(text.codePoints().count()))
						: new FieldViolation(fe.getField(), "error.step.invalid", label,
								messages.getMessage(fe, locale));
				default ->
					new FieldViolation(fe.getField(), "error.step.invalid", label, messages.getMessage(fe, locale));
			});
		}
		if (each.size() == 1) {
			FieldViolation only = each.get(0);
			return new InvalidInputException("invalid-input", only.messageKey(), each, only.arguments());
		}
		return new InvalidInputException("invalid-input", "error.validation", each, each.size());
	}

	/**
	 * The label of a form's field ({@code issues[2].problem} as {@code issues.problem}),
	 * or its name when it has none.
	 */
	private String label(CaseStep step, String field, Locale locale) {
		String name = field.replaceAll("\\[\\d+]", "");
		// labels are step.field.<STEP>.<field> (ADR 0030, StepForm) but those of the
		// forms of their
		// own, listed above
		String key = LABELS.getOrDefault(step.name() + "." + name, "step.field." + step.name() + "." + name);
		return messages.getMessage(key, null, field, locale);
	}

}
