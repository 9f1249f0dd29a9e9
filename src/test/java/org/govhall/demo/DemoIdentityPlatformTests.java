package org.govhall.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How GovHall starts the demo identity platform beside itself (ADR 0024): from the jar,
 * or from a class path.
 */
class DemoIdentityPlatformTests {

	@Test
	void fromTheJarThePlatformRunsThroughSpringBootsPropertiesLauncher() {
		assertThat(DemoIdentityPlatform.command("/usr/bin/java", "target/govhall-0.1.0-SNAPSHOT.jar", true,
				List.of("--server.port=9000")))
			.containsExactly("/usr/bin/java", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
					"target/govhall-0.1.0-SNAPSHOT.jar",
					"-Dloader.main=demo.identityplatform.IdentityPlatformApplication",
					"org.springframework.boot.loader.launch.PropertiesLauncher", "--server.port=9000");
	}

	@Test
	void fromAClassPathItsMainClassRunsDirectly() {
		String classPath = "target/classes" + File.pathSeparator + "lib/a.jar";
		assertThat(DemoIdentityPlatform.command("java", classPath, false, List.of())).containsExactly("java",
				"-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath,
				"demo.identityplatform.IdentityPlatformApplication");
	}

	@Test
	void onlyAJarWithItsClassesUnderBootInfIsSpringBootsExecutableJar(@TempDir Path dir) throws IOException {
		Path boot = dir.resolve("boot.jar");
		Path extracted = dir.resolve("govhall.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(boot))) {
			out.putNextEntry(new JarEntry("BOOT-INF/classes/"));
		}
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(extracted))) {
			out.putNextEntry(new JarEntry("org/govhall/"));
		}
		assertThat(DemoIdentityPlatform.bootJar(boot.toString())).isTrue();
		assertThat(DemoIdentityPlatform.bootJar(extracted.toString())).as("README command 1's extracted jar").isFalse();
		assertThat(DemoIdentityPlatform.bootJar(dir.resolve("missing.jar").toString())).isFalse();
		assertThat(DemoIdentityPlatform.bootJar(boot + File.pathSeparator + extracted)).isFalse();
	}

}
