package org.govhall.cases;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;

/**
 * The length limits of the steps' request records, for the forms' {@code maxlength}:
 * {@code limits['REFUSE.reasons']} is the {@link Size#max()} of
 * {@link CaseCommand.Refusal#reasons()}. Read from the records, so that a limit is
 * written once, where the API and the pages both check it.
 */
final class StepLimits {

	/**
	 * Every limit of every step, by {@code STEP.field}; nested records' fields by
	 * {@code STEP.field.inner}.
	 */
	static final Map<String, Integer> ALL = read();

	private StepLimits() {
	}

	private static Map<String, Integer> read() {
		Map<String, Integer> limits = new HashMap<>();
		for (CaseStep step : CaseStep.values()) {
			collect(step.name(), step.request(), limits);
		}
		return Map.copyOf(limits);
	}

	private static void collect(String prefix, Class<?> type, Map<String, Integer> limits) {
		if (!type.isRecord()) {
			return;
		}
		for (RecordComponent rc : type.getRecordComponents()) {
			String key = prefix + "." + rc.getName();
			Size size = StepForm.annotation(rc, Size.class);
			if (size != null && !List.class.isAssignableFrom(rc.getType())) {
				limits.put(key, size.max());
			}
			if (rc.getType().isRecord()) {
				collect(key, rc.getType(), limits);
			}
		}
		// the elements of a list of records (a notice's issues)
		for (RecordComponent rc : type.getRecordComponents()) {
			if (List.class.isAssignableFrom(rc.getType()) && rc.getGenericType() instanceof ParameterizedType p
					&& p.getActualTypeArguments()[0] instanceof Class<?> element) {
				collect(prefix + "." + rc.getName(), element, limits);
			}
		}
	}

}
