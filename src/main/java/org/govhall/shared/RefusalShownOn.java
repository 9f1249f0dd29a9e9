package org.govhall.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a page controller's handler method: a {@link GovHallException} it throws is a
 * refusal shown on a page, not an error page (ADR 0028). The page answers as the form's
 * own result would: a redirect (302) to {@link #value()}, with the refusal in flash
 * attributes, which the page shows in the requester's language. The handler just lets the
 * refusal through; only what it did is flashed on success ({@code done}). One mechanism
 * serves every page ({@code system/PageRefusals}).
 *
 * <p>
 * {@link Style#REFUSAL}, the default, flashes {@code refusal} (the message key),
 * {@code refusalArgs} (its arguments, an enum as its label {@code Type.NAME} in the
 * requester's language) and {@code refusalReasons} (the fields at fault), shown by the
 * fragment {@code staff/refusal :: refusal}. {@link Style#PROBLEMS} flashes
 * {@code problems}, the same in words: the message, then {@code field: message} for each
 * field at fault.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RefusalShownOn {

	/**
	 * The page to go back to: a path, with the request's path variables (or else its
	 * parameters) in braces, e.g. {@code /staff/items/{code}} or
	 * {@code /staff/take-up?county={county}}.
	 */
	String value();

	/**
	 * Statuses answered as on every other page (the error page) instead: by default 403
	 * and 404.
	 */
	int[] except() default { 403, 404 };

	/** Message keys answered as on every other page, whatever their status. */
	String[] exceptKeys() default {};

	/** How the page lists the refusal. */
	Style style() default Style.REFUSAL;

	/** How a page lists a refusal. */
	enum Style {

		/** {@code refusal}, {@code refusalArgs} and {@code refusalReasons}. */
		REFUSAL,

		/** {@code problems}: the messages in words. */
		PROBLEMS

	}

}
