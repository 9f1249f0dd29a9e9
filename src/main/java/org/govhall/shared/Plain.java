package org.govhall.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A name of printable text only ({@link PlainText}): a control or bidi character is
 * refused with 400 at the field.
 */
@Documented
@Constraint(validatedBy = Plain.Validator.class)
@Target({ ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
		ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Plain {

	String message() default "{error.text.controlCharacters}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks a string with {@link PlainText#isPlain}. */
	class Validator implements ConstraintValidator<Plain, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return PlainText.isPlain(value);
		}

	}

}
