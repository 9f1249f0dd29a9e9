package org.govhall.system;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Where the static assets are served from (ADR 0015, ADR 0036): our own stylesheets and
 * scripts under {@code /css/**} and {@code /js/**}, linked by the MD5 of their content
 * ({@code /css/govhall-<md5>.css}), and the two webjars the pages load under
 * {@code /webjars/htmx.org/**} and {@code /webjars/echarts/**}, linked by their version;
 * all of them cached for a year. Boot's own handler, which serves
 * {@code classpath:/static/} and three other places from every path ({@code /**}), is off
 * ({@code spring.web.resources.add-mappings=false}): with it, every link a page renders
 * ({@code /cases/…}, {@code /staff/…}) went through the resource chain and was looked up
 * as a file in every jar of the class path.
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets implements WebMvcConfigurer {

	/** A year: the URLs change with what they serve. */
	static final CacheControl CACHED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

	/** The webjars the pages load: htmx on every page, ECharts on the dashboard. */
	static final String[] WEBJARS = { "htmx.org", "echarts" };

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String dir : new String[] { "css", "js" }) {
			registry.addResourceHandler("/" + dir + "/**")
				.addResourceLocations("classpath:/static/" + dir + "/")
				.setCacheControl(CACHED)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		// the webjars the pages load, nothing else of the class path (Swagger UI's files
		// are served by springdoc under /swagger-ui/); the chain adds
		// webjars-locator-lite's resolver after ours, which writes a link without the
		// version (/webjars/htmx.org/dist/htmx.min.js) with it
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(CACHED)
			.resourceChain(true)
			.addResolver(new OnlyTheseWebjars());
	}

	/** Finds nothing outside {@link #WEBJARS}. */
	static final class OnlyTheseWebjars extends AbstractResourceResolver {

		static boolean served(String path) {
			for (String webjar : WEBJARS) {
				if (path.startsWith(webjar + "/")) {
					return true;
				}
			}
			return false;
		}

		@Override
		protected @Nullable Resource resolveResourceInternal(@Nullable HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			return served(requestPath) ? chain.resolveResource(request, requestPath, locations) : null;
		}

		@Override
		protected @Nullable String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
				ResourceResolverChain chain) {
			return served(resourceUrlPath) ? chain.resolveUrlPath(resourceUrlPath, locations) : null;
		}

	}

}
