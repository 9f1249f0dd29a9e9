package org.govhall.demo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.stereotype.Component;

/**
 * In demo mode, starts the demo identity platform (demo.identityplatform, ADR 0024) as a
 * child process on port 9000, with the same Java and class path (from the executable jar
 * through Spring Boot's PropertiesLauncher, or from the extracted one), and stops it when
 * GovHall stops. {@code GOVHALL_DEMO_PLATFORM=false} leaves it out (run it yourself, or
 * not at all); the tests never start it this way
 * (src/test/resources/config/application.properties).
 */
@Component
@ConditionalOnProperty(name = "govhall.demo.enabled", havingValue = "true")
@ConditionalOnBooleanProperty(name = "govhall.identity.demo-platform.enabled", matchIfMissing = true)
// only beside a web server: people sign in through it (the benchmark's in-process context
// has none)
@ConditionalOnWebApplication
class DemoIdentityPlatform implements SmartLifecycle {

	static final String MAIN = "demo.identityplatform.IdentityPlatformApplication";

	private static final Logger log = LoggerFactory.getLogger(DemoIdentityPlatform.class);

	private final DemoSettings settings;

	private final ServerProperties server;

	private volatile @Nullable Process process;

	DemoIdentityPlatform(DemoSettings settings, ServerProperties server) {
		this.settings = settings;
		this.server = server;
	}

	/**
	 * The JVM options of the platform: a small demo service beside GovHall, so a small
	 * heap, the serial collector and the quick compiler.
	 */
	static final List<String> JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

	/**
	 * The command that runs the platform beside this JVM: from Spring Boot's executable
	 * jar through its PropertiesLauncher, or from the class path it was started with (the
	 * extracted jar of README command 1, whose manifest names its libraries, or the
	 * classes of the source tree).
	 */
	static List<String> command(String java, String classPath, boolean bootJar, List<String> args) {
		List<String> command = new ArrayList<>(List.of(java));
		command.addAll(JVM_OPTIONS);
		if (bootJar) {
			command.addAll(List.of("-cp", classPath, "-Dloader.main=" + MAIN,
					"org.springframework.boot.loader.launch.PropertiesLauncher"));
		}
		else {
			command.addAll(List.of("-cp", classPath, MAIN));
		}
		command.addAll(args);
		return command;
	}

	/**
	 * Whether the class path is one Spring Boot executable jar (its classes under
	 * BOOT-INF).
	 */
	static boolean bootJar(String classPath) {
		if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
			return false;
		}
		try (JarFile jar = new JarFile(classPath)) {
			return jar.getEntry("BOOT-INF/classes/") != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void start() {
		if (!settings.identity().issuer().isBlank()) {
			return; // a real platform is configured: the demo one is not needed
		}
		int port = settings.identity().demoPlatform().port();
		String govhallPort = server.getPort() == null ? "8080" : server.getPort().toString();
		String publicUrl = settings.publicUrl() != null ? settings.publicUrl() : "http://localhost:" + govhallPort;
		String callback = "/login/oauth2/code/platform";
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classPath = System.getProperty("java.class.path");
		List<String> command = command(java, classPath, bootJar(classPath),
				List.of("--server.port=" + port, "--identity-platform.redirect-uris=http://localhost:" + govhallPort
						+ callback + ",http://127.0.0.1:" + govhallPort + callback + "," + publicUrl + callback));
		try {
			process = new ProcessBuilder(command).inheritIO().start();
			log.info("Demo identity platform starting at http://localhost:{} (process {})", port, process.pid());
		}
		catch (IOException ex) {
			log.warn("The demo identity platform could not start: {}", ex.getMessage());
		}
	}

	@Override
	public void stop() {
		Process p = process;
		if (p != null) {
			p.destroy();
			try {
				if (!p.waitFor(10, TimeUnit.SECONDS)) {
					p.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				p.destroyForcibly();
			}
			process = null;
		}
	}

	@Override
	public boolean isRunning() {
		Process p = process;
		return p != null && p.isAlive();
	}

}
