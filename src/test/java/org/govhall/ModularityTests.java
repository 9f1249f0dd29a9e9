package org.govhall;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	/** Analysed once for both tests (JUnit makes an instance per test). */
	static final ApplicationModules modules = ApplicationModules.of(GovHallApplication.class);

	@Test
	void verifiesModularStructure() {
		modules.verify();
	}

	/**
	 * The overview and per-module diagrams, the module canvases and the aggregating document; writeDocumentation()
	 * already writes the per-module diagrams, so they are not written a second time.
	 */
	@Test
	void writesDocumentation() {
		new Documenter(modules).writeDocumentation();
	}

}
