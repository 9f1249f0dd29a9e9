package org.govhall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	/** Analysed once for both tests (JUnit makes an instance per test). */
	static final ApplicationModules modules = ApplicationModules.of(GovHallApplication.class);

	@Test
	void verifiesModularStructure() {
		modules.verify();
	}

	/**
	 * ADR 0029: dashboards and delegation are modules of their own inside supervision,
	 * not packages of it.
	 */
	@Test
	void supervisionNestsDashboardsAndDelegation() {
		ApplicationModule supervision = modules.getModuleByName("supervision").orElseThrow();
		for (String nested : new String[] { "supervision.dashboards", "supervision.delegation" }) {
			ApplicationModule module = modules.getModuleByName(nested).orElseThrow();
			assertThat(modules.getParentOf(module)).contains(supervision);
		}
	}

}
