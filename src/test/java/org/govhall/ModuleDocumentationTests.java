package org.govhall;

import java.nio.file.Files;
import java.nio.file.Path;

import org.govhall.support.Lanes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.modulith.docs.Documenter;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated module documentation (ADR 0001): the overview and per-module diagrams,
 * the module canvases and the aggregating document, in
 * {@code target/spring-modulith-docs}. It is documentation, not a check of behaviour, and
 * a twentieth of the CPU time of the fast layers, so {@code mvn verify} writes it (group
 * {@value #TAG}) and {@code mvn test} does not. Each diagram is written once, and the
 * module metadata not at all.
 */
@Tag(ModuleDocumentationTests.TAG)
@ResourceLock(Lanes.IN_PROCESS)
class ModuleDocumentationTests {

	static final String TAG = "docs";

	@Test
	void writesTheDiagramsAndCanvasesOfEveryModule() throws Exception {
		Path docs = Path.of("target", "spring-modulith-docs");
		FileSystemUtils.deleteRecursively(docs);
		Path metadata = Path.of("target", "classes", "META-INF", "spring-modulith", "application-modules.json");
		Files.deleteIfExists(metadata);
		// what writeDocumentation() writes but the module metadata: that goes into
		// target/classes after mvn package built the jar, which would make the build look
		// newer than the jar the crash tests start (resilience/ChildGovHall.notPackaged)
		new Documenter(ModularityTests.modules).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases()
			.writeAggregatingDocument();
		assertThat(metadata).doesNotExist();
		assertThat(docs.resolve("all-docs.adoc")).exists();
		assertThat(docs.resolve("module-cases.puml")).exists();
		assertThat(docs.resolve("module-supervision.dashboards.adoc")).exists();
	}

}
