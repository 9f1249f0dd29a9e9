package org.govhall.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at /v3/api-docs: reads are public, writes use HTTP Basic with a
 * GovHall account.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI govHallApi() {
		return new OpenAPI()
			.info(new Info().title("GovHall API")
				.version("v1")
				.description("The public service hall's catalog (权力清单/办事指南) and organization directory. "
						+ "Reads are public; writes need HTTP Basic with a staff account and are checked against "
						+ "the account's role and scope. Errors are RFC 9457 problem details in the language of "
						+ "Accept-Language (zh-CN by default, en).")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

}
