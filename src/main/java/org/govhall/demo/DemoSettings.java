package org.govhall.demo;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the {@code demo} module (ADR 0028): its own under {@code govhall.demo},
 * and the identity platform and public address the demo identity platform is started for.
 * Whether demo mode is on ({@code govhall.demo.enabled},
 * {@code govhall.demo.training-clock}) is read by the conditions of its beans.
 *
 * @param demo demo mode
 * @param identity the identity platform
 * @param publicUrl the public address of the hall (GOVHALL_PUBLIC_URL), one of the demo
 * platform's redirect addresses; unset: {@code http://localhost:<server.port>}
 */
@ConfigurationProperties("govhall")
record DemoSettings(@DefaultValue Demo demo, @DefaultValue Identity identity, @Nullable String publicUrl) {

	/**
	 * Demo mode.
	 *
	 * @param enabled whether demo mode is on ({@code GOVHALL_DEMO}); read here so that
	 * the environment variable, which also names {@code govhall.demo} itself, binds as
	 * this record's children rather than as its value
	 * @param today the day the training clock starts on (a training class, a test node);
	 * unset: the real today
	 */
	record Demo(@DefaultValue("false") boolean enabled, @Nullable LocalDate today) {
	}

	/**
	 * The identity platform.
	 *
	 * @param issuer a real platform's issuer URL; set, the demo platform is not started
	 * @param demoPlatform the demo platform
	 */
	record Identity(@DefaultValue("") String issuer, @DefaultValue DemoPlatform demoPlatform) {
	}

	/**
	 * The demo identity platform.
	 *
	 * @param port its port on localhost
	 */
	record DemoPlatform(@DefaultValue("9000") int port) {
	}

}
