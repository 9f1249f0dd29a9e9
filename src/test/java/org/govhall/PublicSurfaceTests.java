package org.govhall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * ADR 0029: a module's type is public only when code outside its package uses it (another
 * module, a nested module or its parent, a test of another package); everything else is
 * package-private. Checked for the packages that follow the rule so far, the classes of
 * the main and the test code together.
 */
class PublicSurfaceTests {

	/** The packages held to the rule. */
	static final List<String> PACKAGES = List.of("org.govhall.supervision", "org.govhall.supervision.dashboards",
			"org.govhall.supervision.delegation");

	/** Public types nothing in this build uses outside their package, and who does. */
	static final Map<String, String> USED_OUTSIDE_THE_BUILD = Map.of("org.govhall.supervision.dashboards.Dashboards",
			"bench/SupervisionScaleBench times the dashboards through it");

	@Test
	void aTypeIsPublicOnlyWhenAnotherPackageUsesIt() {
		JavaClasses classes = importWithoutLibraries();
		List<String> unused = classes.stream()
			.filter(c -> PACKAGES.contains(c.getPackageName()) && c.isTopLevelClass()
					&& c.getModifiers().contains(JavaModifier.PUBLIC) && !isTest(c))
			.filter(c -> c.getDirectDependenciesToSelf()
				.stream()
				.allMatch(d -> d.getOriginClass().getPackageName().equals(c.getPackageName())))
			.map(JavaClass::getName)
			.sorted()
			.toList();
		assertThat(unused).as("public types no other package uses: make them package-private")
			.containsExactlyInAnyOrderElementsOf(USED_OUTSIDE_THE_BUILD.keySet());
	}

	/**
	 * GovHall's own classes, main and test; what they use from libraries is not read (it
	 * is not needed here).
	 */
	private static JavaClasses importWithoutLibraries() {
		ArchConfiguration configuration = ArchConfiguration.get();
		boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
		configuration.setResolveMissingDependenciesFromClassPath(false);
		try {
			return new ClassFileImporter().importPackages("org.govhall");
		}
		finally {
			configuration.setResolveMissingDependenciesFromClassPath(resolve);
		}
	}

	private static boolean isTest(JavaClass c) {
		return c.getSource().map(s -> s.getUri().toString().contains("/test-classes/")).orElse(false);
	}

}
