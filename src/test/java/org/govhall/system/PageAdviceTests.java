package org.govhall.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.govhall.shared.PageController;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page advice runs for pages only (docs/PERFORMANCE.md, issue 14): every advice that
 * adds to the model names {@link PageController}, and every controller is either a
 * {@code @PageController} or a {@code @RestController}, so that no page misses its model
 * and no API call pays for one.
 */
class PageAdviceTests {

	@Test
	void everyModelAdviceIsForPageControllersAndEveryControllerSaysWhichItIs() throws Exception {
		List<String> wrongAdvice = new ArrayList<>();
		List<String> plainControllers = new ArrayList<>();
		int advices = 0;
		int pages = 0;
		for (Class<?> type : scan(Controller.class)) {
			if (type.isAnnotation()) {
				continue;
			}
			if (type.isAnnotationPresent(PageController.class)) {
				pages++;
			}
			else if (!type.isAnnotationPresent(RestController.class)) {
				plainControllers.add(type.getName());
			}
		}
		for (Class<?> type : scan(ControllerAdvice.class)) {
			boolean addsToModel = false;
			for (Method m : type.getDeclaredMethods()) {
				addsToModel |= m.isAnnotationPresent(ModelAttribute.class);
			}
			if (addsToModel) {
				advices++;
				ControllerAdvice advice = type.getAnnotation(ControllerAdvice.class);
				if (advice == null || !List.of(advice.annotations()).equals(List.of(PageController.class))) {
					wrongAdvice.add(type.getName());
				}
			}
		}
		assertThat(pages).as("page controllers found").isGreaterThan(20);
		assertThat(advices).as("model advices found").isGreaterThanOrEqualTo(6);
		assertThat(plainControllers).as("controllers that are neither @PageController nor @RestController").isEmpty();
		assertThat(wrongAdvice).as("model advice that also runs for the API").isEmpty();
	}

	private static List<Class<?>> scan(Class<? extends java.lang.annotation.Annotation> annotation)
			throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter(new AnnotationTypeFilter(annotation, true, false));
		List<Class<?>> types = new ArrayList<>();
		for (BeanDefinition d : scanner.findCandidateComponents("org.govhall")) {
			types.add(Class.forName(d.getBeanClassName()));
		}
		return types;
	}

}
