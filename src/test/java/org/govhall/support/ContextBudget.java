package org.govhall.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Keeps the suite within its budget of Spring application contexts (ADR 0007: at most
 * {@value #DEFAULT_LIMIT}). Every context a test JVM starts is counted here by its
 * configuration (the key of Spring's context cache, so a context started again after
 * {@code @DirtiesContext} counts once); the context beyond the budget fails to start,
 * naming the configurations already started, so a new test with its own odd properties
 * fails instead of slowing the suite down. Each start is also written to
 * {@code target/test-contexts/<pid>.txt} (the key, then the test class), which
 * {@code scripts/test-summary.sh} counts across all the test JVMs of a run. Registered in
 * {@code META-INF/spring.factories} of the test resources.
 */
public final class ContextBudget implements ContextCustomizerFactory {

	/**
	 * The budget of distinct application contexts; {@code -Dgovhall.test.max-contexts=…}
	 * changes it for one run.
	 */
	static final int DEFAULT_LIMIT = 8;

	/**
	 * The budget of distinct slices (a web layer, a repository, one module), each a small
	 * context that starts in a second or two; {@code -Dgovhall.test.max-slices=…} changes
	 * it for one run.
	 */
	static final int DEFAULT_SLICE_LIMIT = 24;

	private static final Map<MergedContextConfiguration, String> started = new LinkedHashMap<>();

	private static final Map<MergedContextConfiguration, String> slices = new LinkedHashMap<>();

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new Counter();
	}

	static synchronized void count(MergedContextConfiguration config) {
		if (isSlice(config.getTestClass())) {
			countSlice(config);
			return;
		}
		if (started.containsKey(config)) {
			return;
		}
		int limit = Integer.getInteger("govhall.test.max-contexts", DEFAULT_LIMIT);
		if (started.size() >= limit) {
			throw new IllegalStateException("Test class " + config.getTestClass().getName() + " needs a Spring context "
					+ "of its own, beyond the budget of " + limit + " (ADR 0007). Use one of the shared test "
					+ "configurations (support/GovHallTest and its kin) instead of properties of its own. Started:\n"
					+ String.join("\n", started.values()));
		}
		String key = key(config);
		started.put(config, key + "\t" + config.getTestClass().getName());
		record("app " + key, config.getTestClass());
	}

	/**
	 * A slice of the application: a web layer, repositories, or one module started alone.
	 */
	static boolean isSlice(Class<?> testClass) {
		MergedAnnotations annotations = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY);
		return annotations.isPresent(WebMvcTest.class) || annotations.isPresent(DataJdbcTest.class)
				|| annotations.isPresent(ApplicationModuleTest.class);
	}

	private static void countSlice(MergedContextConfiguration config) {
		if (slices.containsKey(config)) {
			return;
		}
		int limit = Integer.getInteger("govhall.test.max-slices", DEFAULT_SLICE_LIMIT);
		if (slices.size() >= limit) {
			throw new IllegalStateException("Test class " + config.getTestClass().getName() + " starts a slice of its "
					+ "own, beyond the budget of " + limit
					+ " slices (ADR 0007). Share a slice configuration. Started:\n"
					+ String.join("\n", slices.values()));
		}
		String key = key(config);
		slices.put(config, key + "\t" + config.getTestClass().getName());
		record("slice " + key, config.getTestClass());
	}

	/**
	 * The configuration without the identities of objects, so that the same one reads the
	 * same in every JVM.
	 */
	static String key(MergedContextConfiguration config) {
		// a customizer's own words, without identity hashes, and its lists sorted (a set
		// prints in any order)
		TreeSet<String> customizers = config.getContextCustomizers()
			.stream()
			.map(c -> c.getClass().getSimpleName() + Arrays
				.stream(("" + c).replaceAll("@[0-9a-f]+", "").replace(c.getClass().getName(), "").split("[,\\[\\]]"))
				.map(String::trim)
				.filter(t -> !t.isEmpty())
				.sorted()
				.collect(Collectors.joining(",", "{", "}")))
			.collect(Collectors.toCollection(TreeSet::new));
		return "profiles=" + Arrays.toString(config.getActiveProfiles()) + " classes="
				+ Arrays.stream(config.getClasses()).map(Class::getSimpleName).toList() + " properties="
				+ new TreeSet<>(Arrays.asList(config.getPropertySourceProperties())) + " locations="
				+ Arrays.toString(config.getPropertySourceLocations()) + " customizers=" + customizers;
	}

	private static void record(String key, Class<?> testClass) {
		try {
			Path dir = Path.of("target", "test-contexts");
			Files.createDirectories(dir);
			Files.writeString(dir.resolve(ProcessHandle.current().pid() + ".txt"),
					key + "\t" + testClass.getName() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final class Counter implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			count(config);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Counter;
		}

		@Override
		public int hashCode() {
			return Objects.hash(Counter.class);
		}

	}

}
