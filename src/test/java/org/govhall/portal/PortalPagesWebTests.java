package org.govhall.portal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.govhall.catalog.Catalog;
import org.govhall.catalog.DelegationTakeUp;
import org.govhall.catalog.ItemPage;
import org.govhall.catalog.ItemQuery;
import org.govhall.catalog.ItemType;
import org.govhall.directory.Directory;
import org.govhall.shared.NotFoundException;
import org.govhall.system.WebEdge;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public portal's pages alone (web slice), the catalog and directory behind them
 * mocked: the search form binds what it is given (cut to its limit), a search from htmx
 * gets only the results, the login page tells how long to wait and nothing else, and a
 * bad or unknown address is an HTML page in the visitor's language, never a 500.
 */
@WebMvcTest(controllers = PortalPages.class)
@Import(WebEdge.class)
@MockitoBean(types = { Directory.class, UserDetailsService.class, DelegationTakeUp.class })
class PortalPagesWebTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Catalog catalog;

	@Test
	void theSearchBindsItsCriteriaCutToTheLimitAndHtmxGetsOnlyTheResults() throws Exception {
		given(catalog.search(any())).willReturn(new ItemPage(List.of(), 0, 2, 20));
		mvc.perform(
				get("/items").param("q", "食".repeat(150)).param("type", "ADMINISTRATIVE_LICENSE").param("page", "2"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("<html")))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")));
		verify(catalog).search(
				new ItemQuery("食".repeat(100), null, null, ItemType.ADMINISTRATIVE_LICENSE, null, null, null, 2, 20));
		mvc.perform(get("/items").param("q", "营业执照").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void theLoginPageTellsHowLongToWaitAndIgnoresAnythingButSeconds() throws Exception {
		mvc.perform(get("/login").param("wait", "30"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("尝试次数过多，请 30 秒后再试。")));
		mvc.perform(get("/login").param("wait", "30").header("Accept-Language", "en"))
			.andExpect(content().string(containsString("please try again in 30 seconds")));
		for (String wait : List.of("abc", "999999", "<script>")) {
			mvc.perform(get("/login").param("wait", wait))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("尝试次数过多"))))
				.andExpect(content().string(not(containsString("<script>"))));
		}
		verifyNoInteractions(catalog);
	}

	@Test
	void anUnknownItemIsA404PageInTheVisitorsLanguage() throws Exception {
		given(catalog.guide(anyString())).willAnswer(a -> {
			throw new NotFoundException("error.item.notFound", a.getArgument(0, String.class));
		});
		mvc.perform(get("/items/NOPE-1").accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("事项 NOPE-1 不存在或尚未公布。")));
		mvc.perform(get("/items/NOPE-1").accept(MediaType.TEXT_HTML).header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Item NOPE-1 does not exist or is not published.")));
	}

	@Test
	void aMalformedSearchIsA400PageNeverA500() throws Exception {
		mvc.perform(get("/items").param("type", "LICENCE").accept(MediaType.TEXT_HTML))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
		mvc.perform(get("/items/X/versions/latest").accept(MediaType.TEXT_HTML)).andExpect(status().isBadRequest());
		verifyNoInteractions(catalog);
	}

	@Test
	void aFormPostWithoutItsCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/logout")).andExpect(status().isForbidden());
	}

}
