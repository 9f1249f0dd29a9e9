package org.govhall.demo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * child process on port 9000, with the same Java and class path (from the jar through
 * Spring Boot's PropertiesLauncher), and stops it when GovHall stops.
 * {@code GOVHALL_DEMO_PLATFORM=false} leaves it out (run it yourself, or not at all); the
 * tests never start it this way (src/test/resources/config/application.properties).
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
	 * The command that runs the platform beside this JVM: from the jar, or from the class
	 * path it was started with.
	 */
	static List<String> command(String java, String classPath, List<String> args) {
		List<String> command = new ArrayList<>(List.of(java));
		boolean jar = !classPath.contains(File.pathSeparator) && classPath.endsWith(".jar");
		if (jar) {
			command.addAll(List.of("-cp", classPath, "-Dloader.main=" + MAIN,
					"org.springframework.boot.loader.launch.PropertiesLauncher"));
		}
		else {
			command.addAll(List.of("-cp", classPath, MAIN));
		}
		command.addAll(args);
		return command;
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
		List<String> command = command(java, System.getProperty("java.class.path"),
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
