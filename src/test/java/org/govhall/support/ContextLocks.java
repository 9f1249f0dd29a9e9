package org.govhall.support;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.parallel.ResourceLocksProvider;

import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * One lock per Spring context (ADR 0007): the test classes that share a context (its
 * clock, its database, its mocks) run one after another, while a class on another
 * context, or on none, may run beside them. {@code mvn test} runs the fast layers in one
 * JVM with two classes at a time, so that the shared application starts once instead of
 * once per JVM.
 * <p>
 * The lock's name is the context's cache key, as Spring's test context cache computes it:
 * the classes that get the same context get the same lock. The meta-annotations that
 * start a context ({@link GovHallTest}, {@link TightLimitsTest},
 * {@link BehindTheProxyTest}, the repository and module slices) declare this provider,
 * and {@code LanesTests} checks that every class on a context shared with another holds
 * it.
 */
public final class ContextLocks implements ResourceLocksProvider {

	@Override
	public Set<Lock> provideForClass(Class<?> testClass) {
		return lockOf(testClass).map(name -> Set.of(new Lock(name))).orElse(Set.of());
	}

	/** The name of the lock of the class's Spring context, if it has one. */
	public static Optional<String> lockOf(Class<?> testClass) {
		if (!MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).isPresent(BootstrapWith.class)) {
			return Optional.empty();
		}
		MergedContextConfiguration key = BootstrapUtils.resolveTestContextBootstrapper(testClass)
			.buildMergedContextConfiguration();
		return Optional.of("spring-context-" + Integer.toHexString(key.hashCode()));
	}

}
