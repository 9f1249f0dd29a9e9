package org.govhall.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of HTML pages. The page advice (the shared page model, the banners, the
 * unread count, the links) applies to these only: {@code @ControllerAdvice(annotations =
 * Controller.class)} also matched every {@code @RestController}, and ran seven
 * {@code @ModelAttribute} methods on each API call for nothing (docs/PERFORMANCE.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

	@AliasFor(annotation = Controller.class)
	String value() default "";

}
