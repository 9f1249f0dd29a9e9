package org.govhall.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import org.govhall.shared.GovHallException;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A step's form that was sent and refused, as the case page shows it again: at that form,
 * with what was typed in it and the fields at fault marked ({@code aria-invalid}, and
 * {@code aria-describedby} naming the refusal), the page anchored to it
 * ({@code #step-<segment>}). The step's handler keeps the form in the flash before the
 * refusal goes back to the page (ADR 0028); {@code cases/steps.html} reads it as
 * {@code ${kept}}: {@code kept.value(s, 'reasons', '')}, {@code kept.chosen(s, 'issue',
 * m.index, m.missing)}, {@code kept.invalid(s, 'reasons')},
 * {@code kept.describedBy(s, 'reasons', 'a-hint-id')}.
 *
 * @param step the refused step's name, when its form is on the page; none otherwise (the
 * refusal is then shown at the top of the page)
 * @param values the form's parameters as they were sent, bounded
 * @param fields the fields at fault, by their names in the form
 */
record RefusedForm(@Nullable String step, Map<String, List<String>> values, List<String> fields) {

	/** The id of the refusal's box, which the fields at fault name. */
	static final String REFUSAL_ID = "refusal";

	static final String STEP = "refusedStep";

	static final String VALUES = "refusedValues";

	static final String FIELDS = "refusedFields";

	/** The parameters kept at most, and the characters of all their values. */
	private static final int MAX_PARAMETERS = 60;

	private static final int MAX_CHARACTERS = 64 * 1024;

	/** The parameters that are no field of a form. */
	private static final List<String> NOT_FIELDS = List.of("_csrf", "elder", "lang");

	static final RefusedForm NONE = new RefusedForm(null, Map.of(), List.of());

	/**
	 * Keeps the form of {@code step} in the flash for the page the refusal goes back to,
	 * each field at fault named as the form names it ({@code field} maps the request
	 * record's names to the form's). 403 and 404 go to the error page and keep nothing.
	 */
	static void keep(CaseStep step, HttpServletRequest request, GovHallException ex, UnaryOperator<String> field) {
		if (ex.status() == 403 || ex.status() == 404) {
			return;
		}
		LinkedHashMap<String, ArrayList<String>> values = new LinkedHashMap<>();
		int characters = 0;
		for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
			if (values.size() >= MAX_PARAMETERS || NOT_FIELDS.contains(p.getKey()) || p.getKey().length() > 100) {
				continue;
			}
			ArrayList<String> list = new ArrayList<>();
			for (String v : p.getValue()) {
				String value = v == null ? "" : v;
				if (characters + value.length() > MAX_CHARACTERS) {
					value = value.substring(0, Math.max(0, MAX_CHARACTERS - characters));
				}
				characters += value.length();
				list.add(value);
			}
			values.put(p.getKey(), list);
		}
		ArrayList<String> fields = new ArrayList<>();
		ex.violations().stream().map(v -> field.apply(v.field())).distinct().forEach(fields::add);
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put(STEP, step.name());
		flash.put(VALUES, values);
		flash.put(FIELDS, fields);
	}

	/**
	 * The refused form the flash brought to the case page, if its step's form is among
	 * those {@code offered} on it.
	 */
	@SuppressWarnings("unchecked")
	static RefusedForm of(Model model, Collection<CaseStep> offered) {
		Object step = model.getAttribute(STEP);
		if (!(step instanceof String name) || offered.stream().noneMatch(s -> s.name().equals(name))) {
			return NONE;
		}
		Object values = model.getAttribute(VALUES);
		Object fields = model.getAttribute(FIELDS);
		return new RefusedForm(name, values instanceof Map<?, ?> m ? (Map<String, List<String>>) m : Map.of(),
				fields instanceof List<?> l ? (List<String>) l : List.of());
	}

	/** Whether the refusal is shown at a step's form rather than at the top. */
	public boolean atForm() {
		return step != null;
	}

	/** Whether {@code s} is the step whose form was refused. */
	public boolean refused(CaseStep s) {
		return s.name().equals(step);
	}

	/**
	 * What the field of {@code s}'s form shows: as sent when its form was refused
	 * (nothing when it was not sent), else {@code otherwise}.
	 */
	public @Nullable String value(CaseStep s, String field, @Nullable Object otherwise) {
		if (!refused(s)) {
			return otherwise == null ? null : otherwise.toString();
		}
		List<String> sent = values.get(field);
		return sent == null || sent.isEmpty() ? "" : sent.get(0);
	}

	/**
	 * Whether the box or option {@code option} of the field is ticked or chosen: as sent
	 * when the form was refused, else {@code otherwise}.
	 */
	public boolean chosen(CaseStep s, String field, @Nullable Object option, boolean otherwise) {
		if (!refused(s)) {
			return otherwise;
		}
		List<String> sent = values.get(field);
		return sent != null && option != null && sent.contains(option.toString());
	}

	/** {@code "true"} for a field at fault of the refused form, else nothing. */
	public @Nullable String invalid(CaseStep s, String field) {
		return refused(s) && fields.contains(field) ? "true" : null;
	}

	/**
	 * The ids that describe the field: the refusal's for a field at fault, then
	 * {@code hint} (its own hint, or none).
	 */
	public @Nullable String describedBy(CaseStep s, String field, @Nullable String hint) {
		if (invalid(s, field) == null) {
			return hint;
		}
		return hint == null ? REFUSAL_ID : REFUSAL_ID + " " + hint;
	}

}
