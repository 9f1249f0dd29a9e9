package org.govhall.cases;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a field of a step's request record needs on its form beyond what its type and its
 * constraints say ({@link StepForm}): a text area's rows, an input type the Java type
 * does not give, what it holds before anything is entered, the days a date may fall
 * between, the words its choices are said in, and whether a hint is shown with it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface FormField {

	/** The rows of a text area; 0 for a one-line input. */
	int rows() default 0;

	/** An input type where the record's type does not say it ({@code time}). */
	String type() default "";

	/** What the field holds before anything is entered, where no day is. */
	String initial() default "";

	/** The day the field holds before anything is entered. */
	StepForm.Day initialDay() default StepForm.Day.NONE;

	/** The first day a date may be. */
	StepForm.Day min() default StepForm.Day.NONE;

	/** The last day a date may be. */
	StepForm.Day max() default StepForm.Day.NONE;

	/** The message key prefix of a choice's words ({@code cases.outcome.} + the code). */
	String choices() default "step.value.";

	/**
	 * Whether the form requires the field where the record lets the API leave it out (a
	 * box to tick).
	 */
	boolean required() default false;

	/**
	 * Whether a hint is shown with it: {@code step.hint.<STEP>.<field>}, named by the
	 * field's {@code aria-describedby}.
	 */
	boolean hint() default false;

	/**
	 * Whether the field is drawn by a fragment of its own, {@code <STEP>_<field>} in
	 * {@code cases/steps.html}, where it needs more than the record says (choices marked
	 * for the case, suggestions); its label key stays {@code step.field.<STEP>.<field>}.
	 */
	boolean drawn() default false;

	/** Whether the browser should not offer what was typed before (a login name). */
	boolean noAutocomplete() default false;

}
