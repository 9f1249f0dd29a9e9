package org.govhall.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * How GovHall starts the demo identity platform beside itself (ADR 0024): from the jar,
 * or from a class path.
 */
class DemoIdentityPlatformTests {

	@Test
	void fromTheJarThePlatformRunsThroughSpringBootsPropertiesLauncher() {
		assertThat(DemoIdentityPlatform.command("/usr/bin/java", "target/govhall-0.1.0-SNAPSHOT.jar",
				List.of("--server.port=9000")))
			.containsExactly("/usr/bin/java", "-cp", "target/govhall-0.1.0-SNAPSHOT.jar",
					"-Dloader.main=demo.identityplatform.IdentityPlatformApplication",
					"org.springframework.boot.loader.launch.PropertiesLauncher", "--server.port=9000");
	}

	@Test
	void fromAClassPathItsMainClassRunsDirectly() {
		String classPath = "target/classes" + File.pathSeparator + "lib/a.jar";
		assertThat(DemoIdentityPlatform.command("java", classPath, List.of())).containsExactly("java", "-cp", classPath,
				"demo.identityplatform.IdentityPlatformApplication");
	}

}
