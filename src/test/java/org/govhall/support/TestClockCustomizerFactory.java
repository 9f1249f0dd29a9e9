package org.govhall.support;

import java.util.List;

import org.govhall.demo.DemoClocks;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Puts a {@link MovableClock.Moving} in place of the application's system clock (the bean
 * named {@code clock}) in every Spring test context, and sets it back to
 * {@link MovableClock#suiteToday()} before each test class. Registered in
 * {@code META-INF/spring.factories} of the test resources, so no test can run on the real
 * date by forgetting it.
 */
public final class TestClockCustomizerFactory implements ContextCustomizerFactory {

	/** The name of the clock bean in {@code system/ClockConfiguration}. */
	static final String CLOCK_BEAN = "clock";

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new Customizer();
	}

	private static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.addBeanFactoryPostProcessor(new ReplaceClock());
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

	/**
	 * Runs after the configuration classes have registered their beans, before any bean
	 * is made.
	 */
	private static final class ReplaceClock implements BeanDefinitionRegistryPostProcessor {

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
		}

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
			BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
			if (!registry.containsBeanDefinition(CLOCK_BEAN)) {
				// a context without the application (a plain slice): nothing asks for the
				// clock
				return;
			}
			registry.removeBeanDefinition(CLOCK_BEAN);
			RootBeanDefinition moving = new RootBeanDefinition(MovableClock.Moving.class,
					() -> new MovableClock.Moving(MovableClock.suiteToday()));
			registry.registerBeanDefinition(CLOCK_BEAN, moving);
		}

	}

	/**
	 * Sets the clock of the test's context back to the suite's "today" before each test
	 * class, and the training clock (in demo mode) back to no offset.
	 */
	public static final class ResetBeforeEachClass implements TestExecutionListener, Ordered {

		@Override
		public void beforeTestClass(TestContext testContext) {
			if (!testContext.hasApplicationContext()) {
				return;
			}
			testContext.getApplicationContext()
				.getBeanProvider(MovableClock.Moving.class)
				.ifAvailable(MovableClock.Moving::reset);
			// and the demo training clock on top of it back to no offset, after a class
			// that moved it
			DemoClocks.reset(testContext.getApplicationContext());
		}

		@Override
		public int getOrder() {
			// after the dependency-injection listener (2000), so the context exists
			return 2500;
		}

	}

}
