package org.govhall.system;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat answers an encoded slash ({@code %2F}) in a path with its own HTML error page
 * before the application sees the request. Passed through, the request reaches Spring
 * Security's firewall, which refuses it with 400 and the error path answers with problem
 * details like every other error. What Tomcat still refuses itself (a NUL or broken
 * percent-encoding in the path, characters HTTP does not allow in the request target) its
 * error report valve answers: with problem details in the requester's language for the
 * API and other non-browser clients, with its short page without server details for
 * browsers.
 */
@Configuration(proxyBeanMethods = false)
class ServerSettings {

	@Bean
	TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
		return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
	}

	@Bean
	ProblemReports problemReports(Problems problems, LocaleResolver locales) {
		return new ProblemReports(problems, locales);
	}

	/**
	 * Runs after Spring Boot's own customizer, so that its HTML error report valve is
	 * there to be replaced.
	 */
	static final class ProblemReports
			implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		private final Problems problems;

		private final LocaleResolver locales;

		ProblemReports(Problems problems, LocaleResolver locales) {
			this.problems = problems;
			this.locales = locales;
		}

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				StandardHost host = (StandardHost) context.getParent();
				for (Valve v : host.getPipeline().getValves()) {
					if (v instanceof ErrorReportValve) {
						host.getPipeline().removeValve(v);
					}
				}
				host.getPipeline().addValve(new ProblemReportValve(problems, locales));
				// else the host adds Tomcat's default valve at start, which shows the
				// exception and server version
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	/**
	 * Tomcat's error report for requests refused before the application: problem details
	 * unless for a browser.
	 */
	static final class ProblemReportValve extends ErrorReportValve {

		private final Problems problems;

		private final LocaleResolver locales;

		private final JsonMapper json = JsonMapper.builder().build();

		ProblemReportValve(Problems problems, LocaleResolver locales) {
			this.problems = problems;
			this.locales = locales;
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, @Nullable Throwable failure) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || forBrowser(request)) {
				super.report(request, response, failure);
				return;
			}
			AtomicBoolean io = new AtomicBoolean(false);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, io);
			if (!io.get() || !response.setErrorReported()) {
				return;
			}
			try {
				SecuritySettings.write(json, response,
						problems.problem(status, status >= 500 ? "internal" : "invalid-input",
								status >= 500 ? "error.internal" : "error.request.unreadable", new Object[0], List.of(),
								request, locales.resolveLocale(request)));
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone, or the response could not be written: nothing more
				// to tell it
			}
		}

		/**
		 * A page request from a browser, as {@link ErrorHandling#wantsHtml} decides; a
		 * request whose target could not be read has no known path and no headers, and is
		 * answered as the API is.
		 */
		private static boolean forBrowser(Request request) {
			String uri = request.getRequestURI();
			String accept = request.getHeader("Accept");
			return uri != null && !uri.isEmpty() && !uri.startsWith("/api/") && accept != null
					&& accept.contains("text/html");
		}

	}

}
