package org.govhall.cases;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a step's request record whose form the case page derives from the record
 * ({@link StepForm}) instead of a fragment of its own in {@code cases/steps.html}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface GenericForm {

	/**
	 * Whether the form opens with a paragraph of guidance, {@code step.hint.<STEP>}.
	 */
	boolean hint() default false;

	/** Whether its button is a secondary one (a step that ends or sets back the case). */
	boolean secondary() default false;

}
