package org.govhall.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govhall.support.GovHallTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govhall.catalog.CatalogFixtures.CITY_MARKET_REGULATION;
import static org.govhall.catalog.CatalogFixtures.licensingItem;
import static org.govhall.catalog.CatalogFixtures.licensingItemWith20WorkingDayLimit;

/**
 * The catalog's REST API over real HTTP, as a department administrator, a legal reviewer,
 * system administrators and the public use it: search, guides, the draft–review–publish
 * lifecycle, versions, ending an item, scope and input errors. Runs once per database (H2
 * and PostgreSQL) on the demo directory.
 */
@GovHallTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CatalogApiJourneyTests {

	static final String PASSWORD = "govhall-demo";

	/** 食品经营许可 of 示范市市场监督管理局 (660100), delegated to 东湖县 (660121). */
	static final String FOOD = "T-FOOD-LICENCE";

	/** 营业执照遗失补领, a public service of 北山市市场监督管理局 (660200). */
	static final String REISSUE = "T-LICENCE-REISSUE";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@BeforeAll
	void publishSearchFixtures() throws Exception {
		ItemDraft food = licensingItem().nameZh("食品经营许可（测试）")
			.nameEn("Food business licence (test)")
			.aliases("餐饮许可证")
			.keywordsEn("restaurant, catering")
			.lifeEvents(LifeEvent.BUSINESS_START, LifeEvent.FOOD_AND_DRUGS)
			.delegatedTo(CatalogFixtures.DONGHU_COUNTY)
			.build();
		expect(post("/api/v1/items", "deptadmin", newItem(FOOD, CITY_MARKET_REGULATION, food)), 201);
		expect(post("/api/v1/items/" + FOOD + "/draft/submit", "deptadmin", null), 200);
		expect(post("/api/v1/items/" + FOOD + "/draft/approve", "legal", null), 200);

		ItemDraft reissue = licensingItem().nameZh("营业执照遗失补领（测试）")
			.nameEn("Reissue of a lost business licence (test)")
			.aliases(null)
			.keywordsEn("replacement")
			.itemType(ItemType.PUBLIC_SERVICE)
			.lifeEvents(LifeEvent.OPERATING_PERMITS)
			.statutoryLimit(null)
			.instant()
			.build();
		expect(post("/api/v1/items", "admin", newItem(REISSUE, "660200-SCJG", reissue)), 201);
		expect(post("/api/v1/items/" + REISSUE + "/draft/submit", "admin", null), 200);
		expect(post("/api/v1/items/" + REISSUE + "/draft/approve", "legal", null), 200);
	}

	// ---- public search and guides

	@Test
	void findsItemsByAChineseSubstringOfTheirNameOrAlias() throws Exception {
		assertThat(codes(search("q=" + enc("执照")))).contains(REISSUE).doesNotContain(FOOD);
		assertThat(codes(search("q=" + enc("许可")))).contains(FOOD).doesNotContain(REISSUE);
		assertThat(codes(search("q=" + enc("餐饮")))).contains(FOOD).doesNotContain(REISSUE);
		assertThat(codes(search("q=" + enc("营业执照 补领")))).contains(REISSUE);
		assertThat(codes(search("q=" + enc("营业执照 餐饮")))).doesNotContain(REISSUE, FOOD);
	}

	@Test
	void findsItemsByAnEnglishTermInAnyCase() throws Exception {
		assertThat(codes(search("q=RESTAURANT"))).contains(FOOD).doesNotContain(REISSUE);
		assertThat(codes(search("q=lost"))).contains(REISSUE).doesNotContain(FOOD);
		assertThat(codes(search("q=" + enc("food licence")))).contains(FOOD).doesNotContain(REISSUE);
		assertThat(codes(search("q=" + enc("100%_")))).isEmpty();
	}

	@Test
	void findsChineseNamesAndAliasesThatContainLatinLettersInAnyCase() throws Exception {
		String code = "T-NET-LICENCE";
		ItemDraft draft = licensingItem().nameZh("ICP经营许可（测试）")
			.nameEn("Internet content provider licence (test)")
			.aliases("增值电信业务经营许可、ISP许可")
			.keywordsEn(null)
			.build();
		expect(post("/api/v1/items", "deptadmin", newItem(code, CITY_MARKET_REGULATION, draft)), 201);
		expect(post("/api/v1/items/" + code + "/draft/submit", "deptadmin", null), 200);
		expect(post("/api/v1/items/" + code + "/draft/approve", "legal", null), 200);

		assertThat(codes(search("q=" + enc("经营许可（测试）")))).contains(code);
		assertThat(codes(search("q=ICP"))).as("upper case as written in the Chinese name").contains(code);
		assertThat(codes(search("q=icp"))).as("lower case").contains(code);
		assertThat(codes(search("q=ISP"))).as("upper case as written in an alias").contains(code);
	}

	@Test
	void filtersByItemType() throws Exception {
		JsonNode page = search("type=PUBLIC_SERVICE");
		assertThat(codes(page)).contains(REISSUE).doesNotContain(FOOD);
		assertThat(page.path("items").values())
			.allSatisfy(i -> assertThat(i.path("itemType").asString()).isEqualTo("PUBLIC_SERVICE"));
		assertThat(codes(search("type=ADMINISTRATIVE_LICENSE"))).contains(FOOD).doesNotContain(REISSUE);
	}

	@Test
	void filtersByLifeEvent() throws Exception {
		assertThat(codes(search("lifeEvent=FOOD_AND_DRUGS"))).contains(FOOD).doesNotContain(REISSUE);
		assertThat(codes(search("lifeEvent=OPERATING_PERMITS"))).contains(REISSUE).doesNotContain(FOOD);
		assertThat(codes(search("lifeEvent=MARRIAGE"))).doesNotContain(FOOD, REISSUE);
	}

	@Test
	void filtersByDepartment() throws Exception {
		JsonNode page = search("department=" + CITY_MARKET_REGULATION);
		assertThat(codes(page)).contains(FOOD).doesNotContain(REISSUE);
		assertThat(page.path("items").values())
			.allSatisfy(i -> assertThat(i.path("departmentCode").asString()).isEqualTo(CITY_MARKET_REGULATION));
		assertThat(codes(search("department=660200-SCJG"))).contains(REISSUE).doesNotContain(FOOD);
		assertThat(search("department=NO-SUCH").path("total").asLong()).isZero();
	}

	@Test
	void filtersByRegionIncludingRegionsBelowAndCountiesAnItemIsDelegatedTo() throws Exception {
		assertThat(codes(search("region=660000"))).contains(FOOD, REISSUE);
		assertThat(codes(search("region=660100"))).contains(FOOD).doesNotContain(REISSUE);
		assertThat(codes(search("region=660121"))).as("delegated to 东湖县").contains(FOOD).doesNotContain(REISSUE);
		assertThat(codes(search("region=660102"))).doesNotContain(FOOD, REISSUE);
		assertThat(codes(search("region=660200"))).contains(REISSUE).doesNotContain(FOOD);
		assertThat(codes(search("region=660221"))).doesNotContain(FOOD, REISSUE);
		assertThat(codes(search("region=" + enc("660121") + "&q=" + enc("食品")))).contains(FOOD);
	}

	@Test
	void showsThePublishedGuideByCode() throws Exception {
		Reply reply = get("/api/v1/items/" + FOOD, null);

		assertThat(reply.status()).isEqualTo(200);
		JsonNode guide = reply.json();
		assertThat(guide.path("code").asString()).isEqualTo(FOOD);
		assertThat(guide.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(guide.path("state").asString()).isEqualTo("PUBLISHED");
		assertThat(guide.path("versionNo").asInt()).isEqualTo(1);
		assertThat(guide.path("content").path("nameZh").asString()).isEqualTo("食品经营许可（测试）");
		assertThat(guide.path("content").path("legalBases").path(0).path("lawName").asString())
			.isEqualTo("《中华人民共和国食品安全法》");
		assertThat(guide.path("content").path("statutoryLimit").path("amount").asInt()).isEqualTo(20);
		assertThat(guide.path("department").path("code").asString()).isEqualTo(CITY_MARKET_REGULATION);
		assertThat(guide.path("region").path("code").asString()).isEqualTo("660100");
		assertThat(guide.path("delegatedCounties").path(0).path("county").path("code").asString()).isEqualTo("660121");
		assertThat(guide.path("delegatedCounties").path(0).path("county").path("nameZh").asString()).isEqualTo("东湖县");
	}

	@Test
	void answersAnUnknownCodeWith404ProblemDetailsInChineseByDefault() throws Exception {
		Reply reply = get("/api/v1/items/NO-SUCH-ITEM", null);

		assertProblem(reply, 404, "not-found");
		assertThat(reply.header("Content-Language")).isEqualTo("zh-CN");
		assertThat(reply.json().path("title").asString()).isEqualTo("未找到");
		assertThat(reply.json().path("detail").asString()).isEqualTo("事项 NO-SUCH-ITEM 不存在或尚未公布。");
		assertThat(reply.json().path("instance").asString()).isEqualTo("/api/v1/items/NO-SUCH-ITEM");
	}

	@Test
	void answersAnUnknownCodeWith404ProblemDetailsInEnglishOnRequest() throws Exception {
		Reply reply = get("/api/v1/items/NO-SUCH-ITEM", null, "Accept-Language", "en");

		assertProblem(reply, 404, "not-found");
		assertThat(reply.header("Content-Language")).isEqualTo("en");
		assertThat(reply.json().path("title").asString()).isEqualTo("Not found");
		assertThat(reply.json().path("detail").asString())
			.isEqualTo("Item NO-SUCH-ITEM does not exist or is not published.");
	}

	@Test
	void publishesEveryDemoItemMarkedForPublication() throws Exception {
		JsonNode demo;
		try (var in = getClass().getClassLoader().getResourceAsStream("demo/items.json")) {
			assertThat(in).as("demo/items.json").isNotNull();
			demo = json.readTree(in);
		}
		List<String> unpublished = new ArrayList<>();
		for (JsonNode item : demo.values()) {
			if (item.path("publish").asBoolean()) {
				Reply guide = get("/api/v1/items/" + enc(item.path("code").asString()), null);
				if (guide.status() != 200 || !"PUBLISHED".equals(guide.json().path("state").asString())) {
					unpublished.add(item.path("code").asString() + " → " + guide.status());
				}
			}
		}
		assertThat(unpublished).as("demo items the publishing rules refused").isEmpty();
	}

	@Test
	void findsDemoItemsByChineseAliasAndByTheCountiesTheyAreDelegatedTo() throws Exception {
		assertThat(codes(search("q=" + enc("执照")))).contains("660100-XK-02002", "660221-XK-00101");
		assertThat(codes(search("q=" + enc("许可")))).contains("660100-XK-02001", "660200-XK-00102");
		assertThat(codes(search("q=" + enc("business license")))).contains("660100-XK-02002");
		assertThat(codes(search("region=660121"))).contains("660100-XK-02001", "660000-XK-00801", "660121-GF-00101")
			.doesNotContain("660200-XK-00102", "660221-XK-00201");
		assertThat(codes(search("region=660222&q=" + enc("食品经营许可")))).contains("660200-XK-00102")
			.doesNotContain("660100-XK-02001", "660221-XK-00201");
	}

	// ---- the lifecycle of an item

	/**
	 * Issue 12: whoever drafts a version cannot review or publish it, not only its
	 * submitter. A system administrator who saved the draft that the department
	 * administrator then submitted may neither return nor approve it; a legal reviewer
	 * who had no hand in it may.
	 */
	@Test
	void whoeverDraftedAVersionCannotReturnOrApproveIt() throws Exception {
		String code = "T-DRAFTERS";
		String path = "/api/v1/items/" + code;
		ItemDraft v1 = licensingItem().nameZh("旅馆业特种行业许可（起草分离）").nameEn("Hotel trade licence (drafters)").build();
		assertThat(post("/api/v1/items", "deptadmin", newItem(code, CITY_MARKET_REGULATION, v1)).status())
			.isEqualTo(201);
		assertThat(put(path + "/draft", "admin", v1).status()).isEqualTo(200);
		assertThat(post(path + "/draft/submit", "deptadmin", null).status()).isEqualTo(200);

		Reply approve = post(path + "/draft/approve", "admin", null);
		assertProblem(approve, 403, "forbidden");
		assertThat(approve.json().path("detail").asString()).contains("起草与审核分离");
		Reply returned = post(path + "/draft/return", "admin", java.util.Map.of("note", "再改改"));
		assertProblem(returned, 403, "forbidden");
		assertThat(get(path + "/draft", "deptadmin").json().path("state").asString()).isEqualTo("IN_REVIEW");

		assertThat(post(path + "/draft/approve", "legal", null).json().path("state").asString()).isEqualTo("PUBLISHED");
	}

	@Test
	void takesAnItemFromDraftThroughReviewToPublicationNewVersionsAndAbolition() throws Exception {
		String code = "T-LIFECYCLE";
		String path = "/api/v1/items/" + code;
		ItemDraft v1 = licensingItem().nameZh("旅馆业特种行业许可（测试）").nameEn("Hotel trade licence (test)").build();
		long publishedBefore = total(search(""));

		Reply created = post("/api/v1/items", "deptadmin", newItem(code, CITY_MARKET_REGULATION, v1));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).endsWith(path + "/draft");
		assertThat(created.json().path("state").asString()).isEqualTo("DRAFT");
		assertThat(created.json().path("versionNo").asInt()).isEqualTo(1);
		assertThat(absent(created.json().path("publishedVersion"))).isTrue();

		assertProblem(get(path, null), 404, "not-found");
		assertProblem(get(path + "/versions", null), 404, "not-found");
		assertProblem(get(path + "/versions/1", null), 404, "not-found");
		assertThat(codes(search("q=" + enc("旅馆业")))).doesNotContain(code);

		ItemDraft withoutLegalBasis = CatalogFixtures.editing(v1).legalBases().build();
		assertThat(put(path + "/draft", "deptadmin", withoutLegalBasis).status()).isEqualTo(200);

		Reply refused = post(path + "/draft/submit", "deptadmin", null);
		assertProblem(refused, 422, "publish-refused");
		assertThat(fields(refused)).containsExactly("legalBases");
		assertThat(refused.json().path("errors").path(0).path("code").asString()).isEqualTo("rule.legalBasis.required");
		assertThat(refused.json().path("detail").asString()).contains("1");
		Reply unchanged = get(path + "/draft", "deptadmin");
		assertThat(unchanged.json().path("state").asString()).isEqualTo("DRAFT");
		assertThat(absent(unchanged.json().path("submittedBy"))).isTrue();

		assertThat(put(path + "/draft", "deptadmin", v1).status()).isEqualTo(200);
		Reply submitted = post(path + "/draft/submit", "deptadmin", null);
		assertThat(submitted.status()).isEqualTo(200);
		assertThat(submitted.json().path("state").asString()).isEqualTo("IN_REVIEW");
		assertThat(submitted.json().path("submittedBy").asString()).isEqualTo("deptadmin");
		assertProblem(put(path + "/draft", "deptadmin", v1), 409, "version-state");

		assertProblem(post(path + "/draft/approve", "deptadmin", null), 403, "forbidden");
		assertThat(get(path + "/draft", "deptadmin").json().path("state").asString()).isEqualTo("IN_REVIEW");

		Reply approved = post(path + "/draft/approve", "legal", null);
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.json().path("state").asString()).isEqualTo("PUBLISHED");
		assertThat(approved.json().path("publishedVersion").asInt()).isEqualTo(1);
		assertThat(codes(search("q=" + enc("旅馆业")))).contains(code);
		assertThat(total(search(""))).isEqualTo(publishedBefore + 1);
		JsonNode published = get(path, null).json();
		assertThat(published.path("versionNo").asInt()).isEqualTo(1);
		assertThat(published.path("content").path("nameZh").asString()).isEqualTo("旅馆业特种行业许可（测试）");

		Reply second = post(path + "/drafts", "deptadmin", null);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.json().path("versionNo").asInt()).isEqualTo(2);
		assertThat(second.json().path("state").asString()).isEqualTo("DRAFT");
		assertThat(second.json().path("content").path("nameZh").asString()).isEqualTo("旅馆业特种行业许可（测试）");
		assertProblem(post(path + "/drafts", "deptadmin", null), 409, "draft-exists");
		JsonNode stillFirst = get(path, null).json();
		assertThat(stillFirst.path("versionNo").asInt()).isEqualTo(1);
		assertThat(stillFirst.path("state").asString()).isEqualTo("PUBLISHED");

		ItemDraft v2 = CatalogFixtures.editing(v1)
			.nameZh("旅馆业特种行业许可（第二版）")
			.promised(CatalogFixtures.workingDays(5))
			.build();
		assertThat(put(path + "/draft", "deptadmin", v2).status()).isEqualTo(200);
		assertThat(get(path, null).json().path("content").path("nameZh").asString()).isEqualTo("旅馆业特种行业许可（测试）");
		assertThat(post(path + "/draft/submit", "admin", null).status()).isEqualTo(200);
		Reply fourEyes = post(path + "/draft/approve", "admin", null);
		assertProblem(fourEyes, 403, "forbidden");
		assertThat(fourEyes.json().path("detail").asString()).isEqualTo("起草、修改、上传附件或提交过该版本的人不能审核、退回或批准公布它（起草与审核分离）。");
		assertThat(post(path + "/draft/approve", "legal", null).json().path("state").asString()).isEqualTo("PUBLISHED");

		JsonNode history = get(path + "/versions", null).json();
		assertThat(history.values()).extracting(v -> v.path("versionNo").asInt()).containsExactly(2, 1);
		assertThat(history.values()).extracting(v -> v.path("state").asString())
			.containsExactly("PUBLISHED", "SUPERSEDED");
		JsonNode old = get(path + "/versions/1", null).json();
		assertThat(old.path("state").asString()).isEqualTo("SUPERSEDED");
		assertThat(old.path("content").path("nameZh").asString()).isEqualTo("旅馆业特种行业许可（测试）");
		assertThat(old.path("content").path("promisedLimit").path("amount").asInt()).isEqualTo(10);
		JsonNode current = get(path, null).json();
		assertThat(current.path("versionNo").asInt()).isEqualTo(2);
		assertThat(current.path("content").path("promisedLimit").path("amount").asInt()).isEqualTo(5);
		assertProblem(get(path + "/versions/3", null), 404, "not-found");
		assertThat(total(search(""))).isEqualTo(publishedBefore + 1);

		Map<String, Object> end = Map.of("status", "ABOLISHED", "on", "2026-12-01", "document", "示政发〔2026〕30号",
				"reason", "法律修改，许可取消");
		assertProblem(post(path + "/end", "deptadmin", end), 403, "forbidden");
		Reply ended = post(path + "/end", "admin", end);
		assertThat(ended.status()).isEqualTo(200);
		assertThat(ended.json().path("status").asString()).isEqualTo("ABOLISHED");
		assertThat(codes(search("q=" + enc("旅馆业")))).doesNotContain(code);
		assertThat(total(search(""))).isEqualTo(publishedBefore);
		JsonNode abolished = get(path, null).json();
		assertThat(abolished.path("status").asString()).isEqualTo("ABOLISHED");
		assertThat(abolished.path("endDocument").asString()).isEqualTo("示政发〔2026〕30号");
		assertThat(abolished.path("endedOn").asString()).isEqualTo("2026-12-01");
		assertThat(abolished.path("content").path("nameZh").asString()).isEqualTo("旅馆业特种行业许可（第二版）");
		assertProblem(post(path + "/drafts", "deptadmin", null), 422, "item-ended");
		assertProblem(post(path + "/end", "admin", end), 422, "item-ended");
	}

	@Test
	void refusesToEndAnItemThatWasNeverPublishedOrWithoutADocument() throws Exception {
		String code = "T-END-DRAFT";
		expect(post("/api/v1/items", "admin",
				newItem(code, CITY_MARKET_REGULATION, licensingItemWith20WorkingDayLimit())), 201);

		assertProblem(
				post("/api/v1/items/" + code + "/end", "admin",
						Map.of("status", "ABOLISHED", "on", "2026-12-01", "document", "示政发〔2026〕31号")),
				422, "never-published");
		assertProblem(
				post("/api/v1/items/" + code + "/end", "admin",
						Map.of("status", "ACTIVE", "on", "2026-12-01", "document", "示政发〔2026〕31号")),
				400, "invalid-status");
		Reply noDocument = post("/api/v1/items/" + code + "/end", "admin",
				Map.of("status", "ABOLISHED", "on", "2026-12-01", "document", " "));
		assertProblem(noDocument, 400, "invalid-input");
		assertThat(fields(noDocument)).contains("document");
	}

	@Test
	void returnsAVersionInReviewToItsDraftersWithANote() throws Exception {
		String code = "T-RETURNED";
		String path = "/api/v1/items/" + code;
		expect(post("/api/v1/items", "deptadmin",
				newItem(code, CITY_MARKET_REGULATION, licensingItemWith20WorkingDayLimit())), 201);
		expect(post(path + "/draft/submit", "deptadmin", null), 200);

		assertProblem(post(path + "/draft/return", "legal", Map.of("note", "")), 400, "invalid-input");
		Reply returned = post(path + "/draft/return", "legal", Map.of("note", "请补充设定依据的条文原文。"));
		assertThat(returned.status()).isEqualTo(200);
		assertThat(returned.json().path("state").asString()).isEqualTo("DRAFT");
		assertThat(returned.json().path("reviewNote").asString()).isEqualTo("请补充设定依据的条文原文。");
		assertProblem(post(path + "/draft/approve", "legal", null), 409, "version-state");
	}

	// ---- scope

	@Test
	void keepsACountyDepartmentAdministratorOutOfACityDepartmentsItems() throws Exception {
		String code = "T-SCOPE-CITY";
		String path = "/api/v1/items/" + code;
		ItemDraft draft = licensingItemWith20WorkingDayLimit();

		assertProblem(post("/api/v1/items", "deptadmin-qc", newItem(code, CITY_MARKET_REGULATION, draft)), 403,
				"forbidden");
		assertProblem(get(path + "/draft", "deptadmin"), 404, "not-found");

		expect(post("/api/v1/items", "deptadmin", newItem(code, CITY_MARKET_REGULATION, draft)), 201);
		assertProblem(get(path + "/draft", "deptadmin-qc"), 403, "forbidden");
		assertProblem(put(path + "/draft", "deptadmin-qc", CatalogFixtures.editing(draft).nameZh("越权修改").build()), 403,
				"forbidden");
		assertProblem(post(path + "/draft/submit", "deptadmin-qc", null), 403, "forbidden");
		assertProblem(post("/api/v1/items/" + FOOD + "/drafts", "deptadmin-qc", null), 403, "forbidden");
		JsonNode untouched = get(path + "/draft", "deptadmin").json();
		assertThat(untouched.path("content").path("nameZh").asString()).isEqualTo(draft.nameZh());
		assertThat(untouched.path("state").asString()).isEqualTo("DRAFT");
	}

	@Test
	void keepsADepartmentAdministratorOutOfAnotherDepartmentsItems() throws Exception {
		String code = "T-SCOPE-POLICE";
		String path = "/api/v1/items/" + code;
		ItemDraft draft = licensingItemWith20WorkingDayLimit();

		assertProblem(post("/api/v1/items", "deptadmin", newItem(code, "660100-GAJ", draft)), 403, "forbidden");
		expect(post("/api/v1/items", "admin", newItem(code, "660100-GAJ", draft)), 201);
		assertProblem(get(path + "/draft", "deptadmin"), 403, "forbidden");
		assertProblem(put(path + "/draft", "deptadmin", draft), 403, "forbidden");
		assertProblem(post(path + "/draft/submit", "deptadmin", null), 403, "forbidden");
		assertProblem(post("/api/v1/items/" + REISSUE + "/drafts", "deptadmin", null), 403, "forbidden");
	}

	@Test
	void keepsACitySystemAdministratorFromEndingAProvinceItem() throws Exception {
		String code = "T-SCOPE-PROVINCE";
		String path = "/api/v1/items/" + code;
		expect(post("/api/v1/items", "admin", newItem(code, "660000-SCJG", licensingItemWith20WorkingDayLimit())), 201);
		expect(post(path + "/draft/submit", "admin", null), 200);
		expect(post(path + "/draft/approve", "legal", null), 200);

		assertProblem(
				post(path + "/end", "admin-bs",
						Map.of("status", "ABOLISHED", "on", "2026-12-01", "document", "北山政发〔2026〕1号")),
				403, "forbidden");
		assertProblem(
				post("/api/v1/items/" + FOOD + "/end", "admin-bs",
						Map.of("status", "ABOLISHED", "on", "2026-12-01", "document", "北山政发〔2026〕1号")),
				403, "forbidden");
		assertThat(get(path, null).json().path("status").asString()).isEqualTo("ACTIVE");
		assertThat(get("/api/v1/items/" + FOOD, null).json().path("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void answersAnonymousAndWronglyAuthenticatedWritesWith401ProblemDetails() throws Exception {
		Map<String, Object> body = newItem("T-ANONYMOUS", CITY_MARKET_REGULATION, licensingItemWith20WorkingDayLimit());

		Reply anonymous = post("/api/v1/items", null, body);
		assertProblem(anonymous, 401, "unauthenticated");
		assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
		assertThat(anonymous.json().path("detail").asString()).isEqualTo("请先登录。");
		assertProblem(send("POST", "/api/v1/items", basic("deptadmin", "wrong-password"), "application/json",
				json.writeValueAsString(body)), 401, "unauthenticated");
		assertProblem(get("/api/v1/items/" + FOOD + "/draft", null), 401, "unauthenticated");
		assertProblem(get("/api/v1/items/T-ANONYMOUS/draft", "deptadmin"), 404, "not-found");
	}

	// ---- invalid input

	@Test
	void refusesADraftWithoutAChineseNameAndStoresNothing() throws Exception {
		long before = total(search(""));
		ObjectNode content = json.valueToTree(licensingItemWith20WorkingDayLimit());
		content.remove("nameZh");
		content.withArray("legalBases").addObject().put("lawName", "").put("article", "第一条");

		Reply reply = post("/api/v1/items", "deptadmin", newItem("T-NO-NAME", CITY_MARKET_REGULATION, content));

		assertProblem(reply, 400, "invalid-input");
		assertThat(fields(reply)).containsExactlyInAnyOrder("content.nameZh", "content.legalBases[1].lawName");
		assertThat(reply.json().path("errors").path(0).path("message").asString()).isNotBlank();
		assertNothingStored("T-NO-NAME", before);
	}

	@Test
	void refusesAnUnknownEnumValueAsMalformedAndStoresNothing() throws Exception {
		long before = total(search(""));
		ObjectNode content = json.valueToTree(licensingItemWith20WorkingDayLimit());
		content.put("itemType", "LICENCE");

		assertProblem(post("/api/v1/items", "deptadmin", newItem("T-BAD-ENUM", CITY_MARKET_REGULATION, content)), 400,
				"malformed-body");
		assertNothingStored("T-BAD-ENUM", before);
	}

	@Test
	void refusesMalformedJsonAndStoresNothing() throws Exception {
		long before = total(search(""));
		String truncated = json
			.writeValueAsString(newItem("T-MALFORMED", CITY_MARKET_REGULATION, licensingItemWith20WorkingDayLimit()));
		truncated = truncated.substring(0, truncated.length() / 2);

		Reply reply = send("POST", "/api/v1/items", basic("deptadmin", PASSWORD), "application/json", truncated);

		assertProblem(reply, 400, "malformed-body");
		assertThat(reply.json().path("detail").asString()).isEqualTo("请求内容不是有效的 JSON，或字段类型不正确。");
		assertNothingStored("T-MALFORMED", before);
	}

	@Test
	void refusesABodyThatIsNotJsonWith415AndStoresNothing() throws Exception {
		long before = total(search(""));
		String body = json
			.writeValueAsString(newItem("T-TEXT-PLAIN", CITY_MARKET_REGULATION, licensingItemWith20WorkingDayLimit()));

		assertProblem(send("POST", "/api/v1/items", basic("deptadmin", PASSWORD), "text/plain", body), 415,
				"unsupported-media-type");
		assertNothingStored("T-TEXT-PLAIN", before);
	}

	@Test
	void refusesAParameterOfTheWrongTypeOrSize() throws Exception {
		Reply page = get("/api/v1/items?page=abc", null);
		assertProblem(page, 400, "invalid-input");
		assertThat(fields(page)).containsExactly("page");

		Reply type = get("/api/v1/items?type=LICENCE", null);
		assertProblem(type, 400, "invalid-input");
		assertThat(fields(type)).containsExactly("type");

		Reply longText = get("/api/v1/items?q=" + "a".repeat(101), null);
		assertProblem(longText, 400, "invalid-input");
		assertThat(fields(longText)).containsExactly("q");

		assertProblem(get("/api/v1/items/" + FOOD + "/versions/abc", null), 400, "invalid-input");
	}

	@Test
	void refusesAnItemCodeThatIsTakenOrMalformed() throws Exception {
		long before = total(search(""));
		Reply duplicate = post("/api/v1/items", "deptadmin",
				newItem(FOOD, CITY_MARKET_REGULATION, licensingItemWith20WorkingDayLimit()));
		assertProblem(duplicate, 409, "duplicate");
		assertThat(duplicate.json().path("detail").asString()).contains(FOOD);
		assertThat(get("/api/v1/items/" + FOOD, null).json().path("content").path("nameZh").asString())
			.isEqualTo("食品经营许可（测试）");

		assertProblem(
				post("/api/v1/items", "deptadmin",
						newItem("bad code!", CITY_MARKET_REGULATION, licensingItemWith20WorkingDayLimit())),
				400, "invalid-item-code");
		assertProblem(
				post("/api/v1/items", "deptadmin",
						newItem("T-NO-DEPARTMENT", "660100-NONE", licensingItemWith20WorkingDayLimit())),
				404, "not-found");
		assertThat(total(search(""))).isEqualTo(before);
	}

	@Test
	void refusesADraftWhoseReferencesDoNotResolve() throws Exception {
		ItemDraft draft = licensingItem().coDepartments(CITY_MARKET_REGULATION, "660100-NONE")
			.delegatedTo("660221")
			.build();

		Reply reply = post("/api/v1/items", "deptadmin", newItem("T-BAD-REFERENCES", CITY_MARKET_REGULATION, draft));

		assertProblem(reply, 422, "draft-refused");
		assertThat(reply.json().path("errors").values()).extracting(e -> e.path("code").asString())
			.containsExactlyInAnyOrder("rule.coDepartment.self", "rule.coDepartment.unknown", "rule.delegation.county");
		assertProblem(get("/api/v1/items/T-BAD-REFERENCES/draft", "deptadmin"), 404, "not-found");
	}

	// ---- directory

	@Test
	void listsTheProvinceAndItsFourCounties() throws Exception {
		Reply reply = get("/api/v1/regions", null);

		assertThat(reply.status()).isEqualTo(200);
		List<String> codes = new ArrayList<>();
		List<String> counties = new ArrayList<>();
		for (JsonNode r : reply.json().values()) {
			codes.add(r.path("code").asString());
			if ("COUNTY".equals(r.path("level").asString())) {
				counties.add(r.path("code").asString());
			}
		}
		assertThat(codes).contains("660000", "660100", "660200");
		assertThat(counties).containsExactlyInAnyOrder("660102", "660121", "660221", "660222");
		assertThat(get("/api/v1/regions/660200", null).json().path("children").values())
			.extracting(c -> c.path("code").asString())
			.containsExactly("660221", "660222");
	}

	@Test
	void refusesADepartmentWithAnInvalidCreditCodeOrFromANonAdministrator() throws Exception {
		Map<String, Object> department = new LinkedHashMap<>();
		department.put("code", "660100-TEST");
		department.put("nameZh", "示范市测试局");
		department.put("nameEn", "Demo City Test Bureau");
		department.put("regionCode", "660100");
		department.put("kind", "GOVERNMENT");
		department.put("creditCode", "91350100M000100Y44");

		Reply invalid = post("/api/v1/departments", "admin", department);
		assertProblem(invalid, 400, "invalid-credit-code");
		assertThat(fields(invalid)).containsExactly("creditCode");
		assertProblem(get("/api/v1/departments/660100-TEST", null), 404, "not-found");

		department.put("creditCode", "91350100M000100Y43");
		assertProblem(post("/api/v1/departments", "deptadmin", department), 403, "forbidden");
		assertProblem(post("/api/v1/departments", "admin-bs", department), 403, "forbidden");
		assertProblem(get("/api/v1/departments/660100-TEST", null), 404, "not-found");

		Reply created = post("/api/v1/departments", "admin", department);
		assertThat(created.status()).isEqualTo(201);
		assertThat(get("/api/v1/departments/660100-TEST", null).json().path("creditCode").asString())
			.isEqualTo("91350100M000100Y43");
	}

	@Test
	void opensAnAccountThatCanThenAuthenticate() throws Exception {
		Map<String, Object> account = new LinkedHashMap<>();
		account.put("username", "t-clerk");
		account.put("password", "correct-horse-battery");
		account.put("displayName", "测试窗口");
		account.put("roles", List.of("WINDOW_CLERK"));
		account.put("regionCode", "660100");
		account.put("departmentCode", CITY_MARKET_REGULATION);

		assertProblem(post("/api/v1/accounts", "deptadmin", account), 403, "forbidden");
		assertProblem(send("GET", "/api/v1/items/NO-SUCH/draft", basic("t-clerk", "correct-horse-battery"), null, null),
				401, "unauthenticated");

		Reply opened = post("/api/v1/accounts", "admin", account);
		assertThat(opened.status()).isEqualTo(201);
		assertThat(opened.json().path("username").asString()).isEqualTo("t-clerk");
		assertThat(opened.json().path("departmentCode").asString()).isEqualTo(CITY_MARKET_REGULATION);
		assertThat(opened.body()).doesNotContain("correct-horse-battery").doesNotContainIgnoringCase("passwordHash");

		assertProblem(send("GET", "/api/v1/items/NO-SUCH/draft", basic("t-clerk", "correct-horse-battery"), null, null),
				404, "not-found");
		assertProblem(send("GET", "/api/v1/items/NO-SUCH/draft", basic("t-clerk", "wrong-password"), null, null), 401,
				"unauthenticated");
		assertProblem(post("/api/v1/accounts", "admin", account), 409, "duplicate");

		// the shared test application (support/GovHallTest): the new clerk goes off duty,
		// so that the department's
		// online cases keep going to the clerks the other test classes expect
		Map<String, Object> offDuty = new LinkedHashMap<>();
		offDuty.put("onDuty", false);
		assertThat(put("/api/v1/routing/" + CITY_MARKET_REGULATION + "/clerks/t-clerk", "deptadmin", offDuty).status())
			.isEqualTo(200);
	}

	// ---- helpers

	private void assertNothingStored(String code, long publishedBefore) throws Exception {
		assertThat(total(search(""))).isEqualTo(publishedBefore);
		assertProblem(get("/api/v1/items/" + code + "/draft", "deptadmin"), 404, "not-found");
	}

	static void assertProblem(Reply reply, int status, String type) {
		assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
		assertThat(reply.header("Content-Type")).as("content type").startsWith("application/problem+json");
		assertThat(reply.json().path("type").asString()).as("type in %s", reply.body())
			.isEqualTo("urn:govhall:problem:" + type);
		assertThat(reply.json().path("status").asInt()).isEqualTo(status);
		assertThat(reply.json().path("title").asString()).isNotBlank();
		assertThat(reply.json().path("detail").asString()).isNotBlank();
	}

	private static boolean absent(JsonNode node) {
		return node.isNull() || node.isMissingNode();
	}

	private static List<String> fields(Reply reply) {
		return reply.json().path("errors").values().stream().map(e -> e.path("field").asString()).toList();
	}

	private static List<String> codes(JsonNode page) {
		return page.path("items").values().stream().map(i -> i.path("code").asString()).toList();
	}

	private static long total(JsonNode page) {
		return page.path("total").asLong();
	}

	private JsonNode search(String query) throws Exception {
		Reply reply = get("/api/v1/items?size=100&" + query, null);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static Map<String, Object> newItem(String code, String departmentCode, Object content) {
		return Map.of("code", code, "departmentCode", departmentCode, "content", content);
	}

	private static void expect(Reply reply, int status) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
	}

	private Reply get(String path, String user, String... headers) throws Exception {
		return send("GET", path, user == null ? null : basic(user, PASSWORD), null, null, headers);
	}

	private Reply post(String path, String user, Object body) throws Exception {
		return send("POST", path, user == null ? null : basic(user, PASSWORD), body == null ? null : "application/json",
				body == null ? null : json.writeValueAsString(body));
	}

	private Reply put(String path, String user, Object body) throws Exception {
		return send("PUT", path, basic(user, PASSWORD), "application/json", json.writeValueAsString(body));
	}

	private Reply send(String method, String path, String authorization, String contentType, String body,
			String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody()
							: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.header("Accept", "application/json, application/problem+json");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		HttpResponse<String> response = http.send(request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Reply(response.statusCode(), response.headers().map(), response.body(), json);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * An HTTP answer: status, headers and body, with the body parsed as JSON when it is
	 * some.
	 */
	record Reply(int status, Map<String, List<String>> headers, String body, JsonMapper mapper) {

		String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse("");
		}

		JsonNode json() {
			return body.isBlank() ? mapper.missingNode() : mapper.readTree(body);
		}

	}

}
