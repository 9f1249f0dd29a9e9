package org.govhall.cases;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A step's form derived from its request record ({@link GenericForm}): one field per
 * component, in the record's order; its kind from the component's type (text, date,
 * number, choice, box), required and limited by the record's constraints (so a limit is
 * written once, where the API checks it), and labelled by the step's words:
 * <ul>
 * <li>{@code step.form.<STEP>}: the form's title; {@code step.hint.<STEP>}: its guidance
 * where {@link GenericForm#hint()};</li>
 * <li>{@code step.field.<STEP>.<field>}: a field's label, also the name a refusal gives
 * it; {@code step.hint.<STEP>.<field>}: its hint where {@link FormField#hint()};</li>
 * <li>{@code step.submit.<STEP>}: the button; {@code step.confirm.<STEP>}: the question
 * asked first where the step is {@link CaseStep#confirmed() confirmed}, with the case
 * number.</li>
 * </ul>
 * Element ids are {@code <segment>-form}, {@code <segment>-<field>} and
 * {@code <segment>-submit}. {@code cases/steps.html :: generic} draws it.
 */
record StepForm(CaseStep step, boolean hint, boolean secondary, List<Field> fields) {

	private static final Map<CaseStep, StepForm> ALL = read();

	/**
	 * The derived form of {@code step}, or none where the step has a fragment of its own.
	 */
	static Optional<StepForm> of(CaseStep step) {
		return Optional.ofNullable(ALL.get(step));
	}

	public String id() {
		return step.segment() + "-form";
	}

	public String submitId() {
		return step.segment() + "-submit";
	}

	public String legendKey() {
		return "step.form." + step.name();
	}

	public String hintKey() {
		return "step.hint." + step.name();
	}

	public String submitKey() {
		return "step.submit." + step.name();
	}

	public String confirmKey() {
		return "step.confirm." + step.name();
	}

	/** Every message key the form says, for the bundles' check. */
	List<String> keys() {
		List<String> keys = new ArrayList<>(List.of(legendKey(), submitKey()));
		if (hint) {
			keys.add(hintKey());
		}
		if (step.confirmed()) {
			keys.add(confirmKey());
		}
		for (Field f : fields) {
			keys.add(f.labelKey());
			if (f.hintKey() != null) {
				keys.add(f.hintKey());
			}
			if (f.fragment() == null) {
				f.choices().forEach(choice -> keys.add(f.choiceKeys() + choice));
			}
		}
		return keys;
	}

	/**
	 * What a form says about the case it is on before it is used
	 * ({@link CaseView#formNote}): a message key and its arguments.
	 */
	record Note(String key, List<Object> args) {

		public Object[] arguments() {
			return args.toArray();
		}

	}

	/** A day a date field's bounds or first value may be. */
	enum Day {

		NONE, TODAY, ACCEPTED;

		@Nullable LocalDate on(CaseView c, LocalDate today) {
			return switch (this) {
				case NONE -> null;
				case TODAY -> today;
				case ACCEPTED -> c.acceptedOn();
			};
		}

	}

	enum Kind {

		TEXT, TEXTAREA, DATE, TIME, NUMBER, SELECT, CHECKBOX;

		/** Whether the field is an {@code input} of {@link #type()}. */
		public boolean input() {
			return this == TEXT || this == DATE || this == TIME || this == NUMBER;
		}

		public String type() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * A field of the form.
	 *
	 * @param choices the codes of a choice, in the enum's order
	 * @param choiceKeys the message key prefix of a choice's words
	 * @param fragment the fragment that draws the field, where it is drawn by one of its
	 * own ({@link FormField#drawn()})
	 */
	record Field(String name, String id, Kind kind, String labelKey, boolean required, @Nullable Integer maxLength,
			@Nullable String min, @Nullable String max, @Nullable String step, int rows, @Nullable String hintKey,
			List<String> choices, String choiceKeys, @Nullable String fragment, @Nullable FormField form) {

		public @Nullable String hintId() {
			return hintKey == null ? null : id + "-hint";
		}

		/** What the field holds before anything is entered. */
		public @Nullable String initial(CaseView c, LocalDate today) {
			if (form == null) {
				return null;
			}
			LocalDate day = form.initialDay().on(c, today);
			return day != null ? day.toString() : form.initial().isEmpty() ? null : form.initial();
		}

		public @Nullable LocalDate firstDay(CaseView c, LocalDate today) {
			return form == null ? null : form.min().on(c, today);
		}

		public @Nullable LocalDate lastDay(CaseView c, LocalDate today) {
			return form == null ? null : form.max().on(c, today);
		}

		public boolean noAutocomplete() {
			return form != null && form.noAutocomplete();
		}

	}

	private static Map<CaseStep, StepForm> read() {
		Map<CaseStep, StepForm> forms = new EnumMap<>(CaseStep.class);
		for (CaseStep step : CaseStep.values()) {
			GenericForm generic = step.request().getAnnotation(GenericForm.class);
			if (generic != null) {
				if (step.who() == CaseStep.Who.PARTY) {
					throw new IllegalStateException(step + ": the derived forms are staff forms");
				}
				List<Field> fields = Arrays.stream(step.request().getRecordComponents())
					.map(rc -> field(step, rc))
					.toList();
				forms.put(step, new StepForm(step, generic.hint(), generic.secondary(), fields));
			}
		}
		return forms;
	}

	private static Field field(CaseStep step, RecordComponent rc) {
		FormField form = rc.getAnnotation(FormField.class);
		Class<?> type = rc.getType();
		String name = rc.getName();
		Kind kind;
		if (type == Boolean.class || type == boolean.class) {
			kind = Kind.CHECKBOX;
		}
		else if (type == LocalDate.class) {
			kind = Kind.DATE;
		}
		else if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == BigDecimal.class) {
			kind = Kind.NUMBER;
		}
		else if (type.isEnum()) {
			kind = Kind.SELECT;
		}
		else if (type == String.class) {
			kind = form != null && form.type().equals("time") ? Kind.TIME
					: form != null && form.rows() > 0 ? Kind.TEXTAREA : Kind.TEXT;
		}
		else {
			throw new IllegalStateException(step + "." + name + ": a " + type.getSimpleName()
					+ " has no field on a derived form; give the step a fragment of its own");
		}
		boolean required = has(rc, NotNull.class) || has(rc, NotBlank.class) || has(rc, NotEmpty.class)
				|| form != null && form.required();
		Size size = annotation(rc, Size.class);
		Min min = annotation(rc, Min.class);
		Max max = annotation(rc, Max.class);
		DecimalMin decimalMin = annotation(rc, DecimalMin.class);
		Digits digits = annotation(rc, Digits.class);
		List<String> choices = type.isEnum()
				? Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList() : List.of();
		boolean hint = form != null && form.hint();
		return new Field(name, step.segment() + "-" + name, kind, "step.field." + step.name() + "." + name, required,
				size == null ? null : size.max(),
				min != null ? String.valueOf(min.value()) : decimalMin != null ? decimalMin.value() : null,
				max == null ? null : String.valueOf(max.value()),
				digits == null || digits.fraction() == 0 ? null
						: BigDecimal.ONE.movePointLeft(digits.fraction()).toPlainString(),
				form == null ? 0 : form.rows(), hint ? "step.hint." + step.name() + "." + name : null, choices,
				form == null ? "step.value." : form.choices(),
				form != null && form.drawn() ? step.name() + "_" + name : null, form);
	}

	private static boolean has(RecordComponent rc, Class<? extends Annotation> type) {
		return annotation(rc, type) != null;
	}

	/**
	 * A constraint of a record component, on its accessor (where Bean Validation reads
	 * it) or on the component; {@link StepLimits} reads the lengths the same way.
	 */
	static <A extends Annotation> @Nullable A annotation(RecordComponent rc, Class<A> type) {
		A on = rc.getAccessor().getAnnotation(type);
		return on != null ? on : rc.getAnnotation(type);
	}

}
