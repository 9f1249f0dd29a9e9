package org.govhall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * GovHall: one public service hall (政务大厅) for a province, its cities and counties. Each
 * module reads its settings through one {@code @ConfigurationProperties} record of its
 * own, found by the scan (ADR 0028).
 */
@SpringBootApplication(excludeName = {
		// the authorization server is the demo identity platform's
		// (demo.identityplatform, its own process), not
		// GovHall's: GovHall is only its client (ADR 0024)
		"org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration" })
@Modulithic(systemName = "GovHall", sharedModules = "shared")
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class GovHallApplication {

	public static void main(String[] args) {
		SpringApplication.run(GovHallApplication.class, args);
	}

}
