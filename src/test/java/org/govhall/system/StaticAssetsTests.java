package org.govhall.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.govhall.support.GovHallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Fast to load (issue 10, item 14; ADR 0015), over real HTTP so that Tomcat's compression
 * is seen: the pages link our CSS and JS by content-hash URLs and htmx by its version,
 * those assets come back gzip-compressed with a year of public caching and without a
 * cookie, and the pages themselves are never cached.
 */
@GovHallTest
class StaticAssetsTests {

	private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars)/[^\"]+)\"");

	/** 食品经营许可 of 示范市市场监督管理局, a demo item. */
	private static final String FOOD = "660100-XK-02001";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void thePagesLinkTheirAssetsByContentHashAndTheAssetsComeCompressedAndCachedForAYear() throws Exception {
		HttpResponse<byte[]> home = get("/?lang=zh-CN", true);
		assertThat(home.statusCode()).isEqualTo(200);
		List<String> assets = ASSET.matcher(body(home)).results().map(m -> m.group(1)).toList();
		assertThat(assets).hasSize(3)
			.anyMatch(a -> a.matches("/css/govhall-[0-9a-f]{32}\\.css"))
			.anyMatch(a -> a.matches("/js/govhall-[0-9a-f]{32}\\.js"))
			.anyMatch(a -> a.matches("/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js"));

		for (String asset : assets) {
			HttpResponse<byte[]> r = get(asset + "?lang=en&elder=on", true);
			assertThat(r.statusCode()).as(asset).isEqualTo(200);
			byte[] plain = body(r).getBytes(StandardCharsets.UTF_8);
			// below 1 KB compression is not worth its bytes
			// (server.compression.min-response-size)
			assertThat(r.headers().firstValue("Content-Encoding")).as(asset)
				.isEqualTo(plain.length < 1024 ? Optional.empty() : Optional.of("gzip"));
			assertThat(r.headers().firstValue("Cache-Control")).as(asset).hasValue("max-age=31536000, public");
			// a response cached publicly for a year carries nobody's preferences
			assertThat(r.headers().allValues("Set-Cookie")).as(asset).isEmpty();
			if (plain.length >= 1024) {
				assertThat(r.body().length).as(asset).isLessThan(plain.length / 2);
			}
		}

		// the hash in the URL is the file's content: a changed file gets a new URL, so a
		// year of caching is safe
		for (String file : List.of("css/govhall.css", "js/govhall.js")) {
			String hash = md5(getClass().getResourceAsStream("/static/" + file));
			String versioned = file.replaceFirst("\\.(css|js)$", "-" + hash + ".$1");
			assertThat(assets).contains("/" + versioned);
		}

		// a client that does not accept gzip gets the plain file
		HttpResponse<byte[]> plain = get(assets.get(0), false);
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(new String(plain.body(), StandardCharsets.UTF_8)).contains("GovHall");
	}

	@Test
	void pagesAreCompressedButNeverCachedAndOnlyTheDashboardLoadsECharts() throws Exception {
		for (String page : List.of("/", "/items?q=%E9%A3%9F%E5%93%81", "/items/" + FOOD, "/login")) {
			HttpResponse<byte[]> r = get(page, true);
			assertThat(r.statusCode()).as(page).isEqualTo(200);
			assertThat(r.headers().firstValue("Content-Encoding")).as(page).hasValue("gzip");
			assertThat(r.headers().firstValue("Cache-Control")).as(page)
				.hasValueSatisfying(c -> assertThat(c).contains("no-store").doesNotContain("max-age=31536000"));
			assertThat(body(r)).as(page).doesNotContain("echarts", "dashboard");
		}
	}

	@Autowired
	ResourceUrlProvider assets;

	/**
	 * ADR 0036: only /css, /js and the two webjars the pages load are served as files, so
	 * that a page's other links are never looked up in the class path as it is rendered.
	 */
	@Test
	void onlyTheAssetsOfThePagesAreServedAsFilesAndOtherLinksAreNotLookedUp() throws Exception {
		assertThat(assets.getHandlerMap().keySet()).contains("/css/**", "/js/**", "/webjars/**").doesNotContain("/**");
		// a page's link to a case or a staff page is not a file: the chain is not asked
		assertThat(assets.getForLookupPath("/cases/660100-2026-0000001")).isNull();
		assertThat(assets.getForLookupPath("/staff/cases")).isNull();
		assertThat(assets.getForLookupPath("/css/govhall.css")).matches("/css/govhall-[0-9a-f]{32}\\.css");
		assertThat(assets.getForLookupPath("/webjars/echarts/dist/echarts.min.js"))
			.matches("/webjars/echarts/[0-9.]+/dist/echarts\\.min\\.js");
		// what Boot's handler of every path served from the class path is not served
		// any more: other webjars (Swagger UI's own stays under /swagger-ui/), files
		// beside
		// the assets
		for (String path : List.of("/webjars/swagger-ui/swagger-initializer.js", "/webjars/swagger-ui/index.html",
				"/static/css/govhall.css", "/application.properties", "/webjars/htmx.org/../swagger-ui/index.html")) {
			assertThat(get(path, false).statusCode()).as(path).isIn(400, 404);
		}
		assertThat(get("/swagger-ui/index.html", false).statusCode()).isEqualTo(200);
		// and Swagger UI opens GovHall's API, not the Petstore its bundled initializer
		// names
		String initializer = body(get("/swagger-ui/swagger-initializer.js", false));
		assertThat(initializer).contains("/v3/api-docs/swagger-config").doesNotContain("petstore");
	}

	private HttpResponse<byte[]> get(String path, boolean gzip) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (gzip) {
			request.header("Accept-Encoding", "gzip");
		}
		return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** The body as text, unzipped when it came compressed. */
	private static String body(HttpResponse<byte[]> r) throws IOException {
		boolean gzip = r.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent();
		try (InputStream in = gzip ? new GZIPInputStream(new ByteArrayInputStream(r.body()))
				: new ByteArrayInputStream(r.body())) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String md5(InputStream in) throws Exception {
		try (in) {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(in.readAllBytes()));
		}
	}

}
