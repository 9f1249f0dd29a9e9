package org.govhall.demo;

import org.springframework.context.ApplicationContext;

/**
 * For the tests' shared contexts: the training clock of a context back to no offset, if
 * the context has one.
 */
public final class DemoClocks {

	private DemoClocks() {
	}

	public static void reset(ApplicationContext context) {
		context.getBeanProvider(DemoClock.class).ifAvailable(DemoClock::reset);
	}

}
