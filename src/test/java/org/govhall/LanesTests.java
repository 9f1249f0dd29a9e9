package org.govhall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.govhall.support.ContextLocks;
import org.govhall.support.Lanes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Every test class of the slow groups holds one of the two lanes they run in at once
 * ({@link Lanes}): a class without one would run beside anything, on the same database or
 * the same clock.
 */
class LanesTests {

	@Test
	void everySlowTestClassHoldsALane() throws Exception {
		Set<String> slow = slowGroups();
		assertThat(slow).contains("postgres", "browser", "crash");
		List<String> classes = new ArrayList<>();
		List<String> withoutLane = new ArrayList<>();
		for (Class<?> type : testClasses()) {
			if (!tags(type).stream().anyMatch(slow::contains)) {
				continue;
			}
			classes.add(type.getName());
			List<String> lanes = AnnotationSupport.findRepeatableAnnotations(outermost(type), ResourceLock.class)
				.stream()
				.map(ResourceLock::value)
				.filter(v -> v.equals(Lanes.IN_PROCESS) || v.equals(Lanes.SERVICES))
				.toList();
			if (lanes.size() != 1) {
				withoutLane.add(type.getName() + " " + lanes);
			}
		}
		assertThat(classes).as("the slow test classes").hasSizeGreaterThan(20);
		assertThat(withoutLane).as("slow test classes without exactly one lane").isEmpty();
	}

	/**
	 * {@code mvn test} runs two classes at a time in one JVM: the classes that share a
	 * Spring context (its clock, database and mocks) must hold its lock
	 * ({@link ContextLocks}), so that they run one after another.
	 */
	@Test
	void everyClassOnASharedContextHoldsItsLock() throws Exception {
		Map<String, List<Class<?>>> byContext = new TreeMap<>();
		for (Class<?> type : testClasses()) {
			if (Modifier.isAbstract(type.getModifiers()) || type.getEnclosingClass() != null) {
				continue;
			}
			ContextLocks.lockOf(type)
				.ifPresent(lock -> byContext.computeIfAbsent(lock, k -> new ArrayList<>()).add(type));
		}
		assertThat(byContext).as("the Spring contexts of the test classes").hasSizeGreaterThan(10);
		List<String> unlocked = new ArrayList<>();
		for (List<Class<?>> sharing : byContext.values()) {
			if (sharing.size() < 2) {
				continue;
			}
			for (Class<?> type : sharing) {
				boolean holds = AnnotationSupport.findRepeatableAnnotations(type, ResourceLock.class)
					.stream()
					.anyMatch(l -> List.of(l.providers()).contains(ContextLocks.class));
				if (!holds) {
					unlocked.add(type.getName());
				}
			}
		}
		assertThat(unlocked).as("classes on a shared Spring context without its lock").isEmpty();
	}

	/** The compiled test classes ({@code *Tests}), not initialised. */
	private List<Class<?>> testClasses() throws IOException, ClassNotFoundException {
		Path root = Path.of("target/test-classes");
		List<Class<?>> classes = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith("Tests.class")).toList()) {
				String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
				classes.add(Class.forName(name, false, getClass().getClassLoader()));
			}
		}
		return classes;
	}

	/** The tags of a class, its nested classes' included. */
	private static List<String> tags(Class<?> type) {
		List<String> tags = new ArrayList<>(
				AnnotationSupport.findRepeatableAnnotations(type, Tag.class).stream().map(Tag::value).toList());
		for (Class<?> nested : type.getDeclaredClasses()) {
			tags.addAll(tags(nested));
		}
		if (type.getEnclosingClass() != null) {
			tags.addAll(AnnotationSupport.findRepeatableAnnotations(type.getEnclosingClass(), Tag.class)
				.stream()
				.map(Tag::value)
				.toList());
		}
		return tags;
	}

	private static Class<?> outermost(Class<?> type) {
		return type.getEnclosingClass() == null ? type : outermost(type.getEnclosingClass());
	}

	private static Set<String> slowGroups() throws IOException {
		Matcher m = Pattern.compile("<slow.groups>([^<]+)</slow.groups>").matcher(Files.readString(Path.of("pom.xml")));
		assertThat(m.find()).as("slow.groups in pom.xml").isTrue();
		return Set.of(m.group(1).split(","));
	}

}
