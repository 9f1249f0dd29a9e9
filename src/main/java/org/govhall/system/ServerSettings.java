package org.govhall.system;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat answers an encoded slash ({@code %2F}) in a path with its own HTML error page before the application sees
 * the request. Passed through, the request reaches Spring Security's firewall, which refuses it with 400 and the
 * error path answers with problem details like every other error.
 */
@Configuration(proxyBeanMethods = false)
class ServerSettings {

	@Bean
	TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
		return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
	}

}
