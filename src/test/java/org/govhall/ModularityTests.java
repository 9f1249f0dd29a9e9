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

	@Test
	void writesDocumentation() {
		new Documenter(modules).writeDocumentation().writeIndividualModulesAsPlantUml();
	}

}
