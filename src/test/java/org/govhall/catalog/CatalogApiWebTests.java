package org.govhall.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.govhall.directory.DepartmentKind;
import org.govhall.directory.DepartmentView;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.RegionLevel;
import org.govhall.directory.RegionView;
import org.govhall.directory.Role;
import org.govhall.directory.Users;
import org.govhall.shared.GovHallException.FieldViolation;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.RuleViolationException;
import org.govhall.system.WebEdge;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog API alone (web slice), the catalog behind it mocked: search parameters,
 * every refusal as a problem in the requester's language (400 for bad input, 401 without
 * sign-in, 404, 409 for a concurrent change, 422 with each broken publishing rule), and
 * what reaches the catalog.
 */
@WebMvcTest(controllers = CatalogApi.class)
@Import(WebEdge.class)
@MockitoBean(types = { Directory.class, UserDetailsService.class })
class CatalogApiWebTests {

	static final GovHallUser DEPARTMENT_ADMIN = Users.staff(11, "deptadmin", "660100", 3L, Role.DEPARTMENT_ADMIN);

	static final GovHallUser LEGAL = Users.staff(12, "legal", "660100", 4L, Role.LEGAL_REVIEWER);

	static final String CODE = "660100-SCJG-XK-001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@MockitoBean
	Catalog catalog;

	static ItemGuide draftGuide(String code, ItemDraft content) {
		return new ItemGuide(code, ItemStatus.ACTIVE, null, null, null, 1, VersionState.DRAFT, null, null,
				new DepartmentView(3, CatalogFixtures.CITY_MARKET_REGULATION, "示范市市场监督管理局", "Market Regulation Bureau",
						"660100", DepartmentKind.GOVERNMENT, null, null, null, null),
				new RegionView("660100", "示范市", "Demo City", RegionLevel.CITY, "660000"), content, List.of(), List.of(),
				null, null, null, List.of());
	}

	@Test
	void searchHandsTheCriteriaToTheCatalogAndRefusesUnknownValues() throws Exception {
		given(catalog.search(any())).willReturn(new ItemPage(List.of(), 0, 1, 50));
		mvc.perform(get("/api/v1/items").param("q", " 食品经营 ")
			.param("type", "ADMINISTRATIVE_LICENSE")
			.param("page", "1")
			.param("size", "500")).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
		ArgumentCaptor<ItemQuery> query = ArgumentCaptor.forClass(ItemQuery.class);
		verify(catalog).search(query.capture());
		assertThat(query.getValue())
			.isEqualTo(new ItemQuery("食品经营", null, null, ItemType.ADMINISTRATIVE_LICENSE, null, null, null, 1, 100));

		mvc.perform(get("/api/v1/items").param("type", "LICENCE"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("参数“type”的格式不正确。"));
		mvc.perform(get("/api/v1/items").param("q", "字".repeat(101)).header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Bad request"))
			.andExpect(jsonPath("$.errors[0].field").value("q"));
		mvc.perform(get("/api/v1/items").param("page", "first")).andExpect(status().isBadRequest());
	}

	@Test
	void anUnknownItemIs404InEitherLanguage() throws Exception {
		given(catalog.guide(anyString())).willAnswer(a -> {
			throw new NotFoundException("error.item.notFound", a.getArgument(0, String.class));
		});
		mvc.perform(get("/api/v1/items/NOPE-1"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("未找到"))
			.andExpect(jsonPath("$.detail").value("事项 NOPE-1 不存在或尚未公布。"))
			.andExpect(jsonPath("$.instance").value("/api/v1/items/NOPE-1"));
		mvc.perform(get("/api/v1/items/NOPE-1").header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("Item NOPE-1 does not exist or is not published."));
	}

	@Test
	void guidesArePublicButDraftsAndWritesNeedASignIn() throws Exception {
		given(catalog.guide(CODE)).willReturn(draftGuide(CODE, CatalogFixtures.licensingItemWith20WorkingDayLimit()));
		mvc.perform(get("/api/v1/items/" + CODE)).andExpect(status().isOk()).andExpect(jsonPath("$.code").value(CODE));
		mvc.perform(get("/api/v1/items/" + CODE + "/draft"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("urn:govhall:problem:unauthenticated"));
		mvc.perform(post("/api/v1/items/" + CODE + "/draft/submit")).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/v1/items").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnauthorized());
		verify(catalog).guide(CODE);
		verifyNoMoreInteractions(catalog);
	}

	@Test
	void aNewItemIsCreatedForTheSignedInAdministratorWithItsDraftsAddress() throws Exception {
		ItemDraft content = CatalogFixtures.licensingItemWith20WorkingDayLimit();
		given(catalog.createItem(eq(CODE), eq(CatalogFixtures.CITY_MARKET_REGULATION), any(), any()))
			.willAnswer(a -> draftGuide(CODE, a.getArgument(2)));
		String body = json
			.writeValueAsString(new CatalogApi.NewItem(CODE, CatalogFixtures.CITY_MARKET_REGULATION, content));
		mvc.perform(post("/api/v1/items").with(user(DEPARTMENT_ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/items/" + CODE + "/draft"))
			.andExpect(jsonPath("$.state").value("DRAFT"));
		ArgumentCaptor<ItemDraft> bound = ArgumentCaptor.forClass(ItemDraft.class);
		verify(catalog).createItem(eq(CODE), eq(CatalogFixtures.CITY_MARKET_REGULATION), bound.capture(),
				eq(DEPARTMENT_ADMIN));
		assertThat(bound.getValue()).as("the JSON binds to the same draft").isEqualTo(content);
	}

	@Test
	void anInvalidNewItemIs400ListingEveryFieldAndNeverReachesTheCatalog() throws Exception {
		mvc.perform(post("/api/v1/items").with(user(DEPARTMENT_ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\" \",\"departmentCode\":\"" + "X".repeat(33) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:govhall:problem:invalid-input"))
			.andExpect(jsonPath("$.detail").value("提交的内容有 3 处不符合要求，请逐项修改。"))
			.andExpect(jsonPath("$.errors", hasSize(3)))
			.andExpect(jsonPath("$.errors[?(@.field == 'code')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'departmentCode')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'content')]").exists());
		mvc.perform(post("/api/v1/items").with(user(DEPARTMENT_ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:govhall:problem:malformed-body"));
		mvc.perform(post("/api/v1/items/" + CODE + "/end").with(user(DEPARTMENT_ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"ABOLISHED\",\"on\":\"2026-10-01\",\"document\":\"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("document"));
		mvc.perform(post("/api/v1/items/" + CODE + "/draft/return").with(user(LEGAL))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"" + "改".repeat(2001) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		verifyNoInteractions(catalog);
	}

	@Test
	void aSubmissionBreakingPublishingRulesIs422WithEachRuleInTheRequestersLanguage() throws Exception {
		given(catalog.submit(CODE, DEPARTMENT_ADMIN)).willThrow(new RuleViolationException("publish-refused",
				"error.publish.refused", List.of(new FieldViolation("legalBases", "rule.legalBasis.required")), 1));
		mvc.perform(post("/api/v1/items/" + CODE + "/draft/submit").with(user(DEPARTMENT_ADMIN)))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.type").value("urn:govhall:problem:publish-refused"))
			.andExpect(jsonPath("$.title").value("不符合规则"))
			.andExpect(jsonPath("$.detail").value("不能公布：有 1 项不符合公布规则。"))
			.andExpect(jsonPath("$.errors[0].field").value("legalBases"))
			.andExpect(jsonPath("$.errors[0].code").value("rule.legalBasis.required"))
			.andExpect(jsonPath("$.errors[0].message").value("至少需要一项法律依据（没有法定依据的事项不得列入清单）。"));
		mvc.perform(post("/api/v1/items/" + CODE + "/draft/submit").with(user(DEPARTMENT_ADMIN))
			.header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.title").value("Refused by a rule"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("At least one legal basis is required (no item without a legal basis)."));
	}

	@Test
	void anApprovalThatLostARaceIs409ConcurrentChange() throws Exception {
		given(catalog.approve(CODE, LEGAL)).willThrow(new OptimisticLockingFailureException("version 3 is stale"));
		mvc.perform(post("/api/v1/items/" + CODE + "/draft/approve").with(user(LEGAL)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:govhall:problem:concurrent-change"))
			.andExpect(jsonPath("$.title").value("操作冲突"))
			.andExpect(jsonPath("$.detail").value("该记录已被他人修改，请刷新后重试。"))
			.andExpect(content().string(not(containsString("stale"))));
		mvc.perform(post("/api/v1/items/" + CODE + "/draft/approve").with(user(LEGAL)).header("Accept-Language", "en"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Someone else changed this record; please reload and try again."));
	}

}
