package org.govhall.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.WindowView;
import org.govhall.storage.Storage;
import org.govhall.support.GovHallTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.govhall.catalog.CatalogFixtures.CITY_MARKET_REGULATION;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The catalog complete to GB/T 39046 (issue 11, items 4 and 5), on the demo province:
 * codes, place and time linked to windows, 依职权 items, result samples uploaded while
 * drafting, versions that take effect later, the demo's real template and sample files,
 * and the implementation list exported and imported in the standard's field names.
 */
@GovHallTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogImplementationListTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Storage storage;

	@Autowired
	ObjectMapper json;

	@Autowired
	Clock clock;

	@Autowired
	PlatformTransactionManager transactions;

	GovHallUser deptadmin;

	GovHallUser deptadminQc;

	GovHallUser legal;

	GovHallUser admin;

	long windowB01;

	@BeforeAll
	void signIn() {
		deptadmin = directory.principal("deptadmin").orElseThrow();
		deptadminQc = directory.principal("deptadmin-qc").orElseThrow();
		legal = directory.principal("legal").orElseThrow();
		admin = directory.principal("admin").orElseThrow();
		windowB01 = directory.hallsOf("660100")
			.stream()
			.flatMap(h -> h.windows().stream())
			.filter(w -> w.number().equals("B01"))
			.mapToLong(WindowView::id)
			.findFirst()
			.orElseThrow();
	}

	// ---- the guide

	@Test
	@Order(1)
	void theGuideShowsTheCodesTheLinkedWindowsTheFaqAndTheMaterialDetails() throws Exception {
		String code = "GB-GUIDE";
		ItemDraft complete = ItemFormTests.completeDraft();
		Implementation i = complete.implementation();
		ItemDraft draft = CatalogFixtures.editing(complete)
			.implementation(new Implementation(i.basicCode(), i.itemSuffix(), i.bodyNature(), i.initiation(),
					i.handlingScope(), i.intermediaryServices(), i.quantityLimit(), i.implementingBases(), null, null))
			.handling(new Handling(List.of(windowB01), null, null, "每周三延时至 19:00", null))
			.revision(null)
			.build();
		publish(code, draft);

		ItemGuide guide = catalog.guide(code);
		String credit = guide.department().creditCode();
		assertThat(credit).isNotNull();
		assertThat(guide.implementationCode()).isEqualTo(credit + "3XK02001000");
		assertThat(guide.businessItemCode()).isEqualTo(credit + "3XK02001000001");
		assertThat(guide.places()).singleElement()
			.satisfies(p -> assertThat(p.windows()).extracting(WindowView::number).containsExactly("B01"));

		String page = perform(get("/items/" + code)).getContentAsString();
		assertThat(page)
			.contains("id=\"implementation-code\"", credit + "3XK02001000", "法律法规授权的组织", "依申请", "全市通办（跨县）", "四级：全程网办",
					"https://zwfw.example.cn/items/1", "《食品经营许可和备案管理办法》 第十六条", "出具时间要求：在有效期内", "材料办理地点：可通过电子证照库调取",
					"材料规格：A4 复印件", "要多久？", "10 个工作日。", "每周三延时至 19:00", "B01 号", "示范市政务服务中心", "id=\"apply-online\"")
			.doesNotContain("B02 号", "null");
		assertThat(perform(get("/api/v1/items/" + code)).getContentAsString()).contains(
				"\"implementationCode\":\"" + credit + "3XK02001000\"",
				"\"businessItemCode\":\"" + credit + "3XK02001000001\"", "\"onApplication\":true",
				"\"places\":[{\"hall\":");
		assertThat(perform(get("/items/" + code).header("Accept-Language", "en")).getContentAsString())
			.contains("How long?", "Ten working days.", "Organisation authorised by law or regulation")
			.doesNotContain("要多久？");
	}

	@Test
	@Order(2)
	void anExOfficioItemIsMarkedSoAndOffersNoApplication() throws Exception {
		String code = "GB-PENALTY";
		publish(code,
				CatalogFixtures.licensingItem()
					.nameZh("对未取得许可从事食品经营的行政处罚")
					.itemType(ItemType.ADMINISTRATIVE_PENALTY)
					.statutoryLimit(null)
					.promised(CatalogFixtures.workingDays(30))
					.online(OnlineAvailability.OFFLINE, 1)
					.build());

		ItemGuide guide = catalog.findGuide(code).orElseThrow();
		assertThat(guide.onApplication()).isFalse();
		assertThat(guide.initiation()).isEqualTo(Initiation.EX_OFFICIO);
		assertThat(catalog.search(new ItemQuery("未取得许可从事食品经营", null, null, null, null, null, null, 0, 20)).items())
			.filteredOn(s -> s.code().equals(code))
			.singleElement()
			.satisfies(s -> assertThat(s.onApplication()).isFalse());
		String page = perform(get("/items/" + code)).getContentAsString();
		assertThat(page).contains("id=\"ex-officio\"", "依职权").doesNotContain("id=\"apply-online\"");
	}

	@Test
	@Order(3)
	void theFormRefusesAnEnforcementItemOnApplicationAtSubmission() {
		String code = "GB-INSPECT";
		catalog.createItem(code, CITY_MARKET_REGULATION,
				CatalogFixtures.licensingItem()
					.itemType(ItemType.ADMINISTRATIVE_INSPECTION)
					.initiation(Initiation.ON_APPLICATION)
					.online(OnlineAvailability.OFFLINE, 1)
					.build(),
				deptadmin);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog.submit(code, deptadmin))
			.isInstanceOfSatisfying(org.govhall.shared.RuleViolationException.class,
					ex -> assertThat(ex.violations()).extracting(v -> v.messageKey())
						.containsExactly("rule.initiation.enforcement"));
	}

	// ---- result samples

	@Test
	@Order(4)
	void aDrafterUploadsAResultSampleThePublicDownloadsItOncePublished() throws Exception {
		String code = "GB-SAMPLE";
		catalog.createItem(code, CITY_MARKET_REGULATION, CatalogFixtures.licensingItem().build(), deptadmin);
		byte[] pdf = storage.read(storage.find(anyDemoResultSample()).orElseThrow());
		assertThat(perform(get("/staff/items/" + code).with(user(deptadmin))).getContentAsString())
			.contains("id=\"result-sample-upload\"", "action=\"/staff/items/" + code + "/result-sample\"");

		MvcResult result = send(multipart("/staff/items/" + code + "/result-sample")
			.file(new MockMultipartFile("file", "食品经营许可证（样本）.pdf", "application/pdf", pdf))
			.with(user(deptadmin))
			.with(csrf()));
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/staff/items/" + code);
		assertThat((java.util.Map<String, Object>) result.getFlashMap()).doesNotContainKey("refusal");
		Implementation impl = catalog.workingVersion(code, deptadmin).content().implementation();
		assertThat(impl.resultSampleName()).isEqualTo("食品经营许可证（样本）.pdf");
		String fileId = impl.resultSampleFileId();
		assertThat(fileId).hasSize(36);

		assertThat(perform(get("/staff/items/" + code + "/files/" + fileId).with(user(deptadmin))).getStatus())
			.isEqualTo(200);
		assertThat(perform(get("/items/" + code + "/files/" + fileId)).getStatus()).as("not yet published")
			.isEqualTo(404);
		catalog.submit(code, deptadmin);
		catalog.approve(code, legal);
		MockHttpServletResponse download = perform(get("/items/" + code + "/files/" + fileId));
		assertThat(download.getStatus()).isEqualTo(200);
		assertThat(download.getContentAsByteArray()).isEqualTo(pdf);
		assertThat(perform(get("/items/" + code)).getContentAsString()).contains("id=\"result-sample\"",
				"/items/" + code + "/files/" + fileId);
	}

	/**
	 * Issue 12: a draft may name only files uploaded to its own item. Before, a
	 * department admin could put an applicant's material (any stored file id) into a
	 * draft as a template or result sample and, once published, anyone downloaded it from
	 * the guide.
	 */
	@Test
	@Order(6)
	void aDraftNamesOnlyFilesUploadedToItsOwnItem() throws Exception {
		byte[] pdf = storage.read(storage.find(anyDemoResultSample()).orElseThrow());
		String applicants = storage.store("申请人身份证.pdf", pdf).id();
		String code = "GB-FOREIGN";
		ItemDraft plain = CatalogFixtures.licensingItem().build();
		ItemDraft naming = plain.withImplementation(plain.implementation().withResultSample(applicants, "样本.pdf"),
				plain.handling(), plain.online(), plain.faqs());
		assertThatThrownBy(() -> catalog.createItem(code, CITY_MARKET_REGULATION, naming, deptadmin))
			.isInstanceOfSatisfying(org.govhall.shared.RuleViolationException.class,
					ex -> assertThat(ex.violations()).extracting(v -> v.field() + " " + v.messageKey())
						.containsExactly("implementation.resultSampleFileId rule.draft.foreignFile"));
		catalog.createItem(code, CITY_MARKET_REGULATION, plain, deptadmin);
		// nor another item's file that no published guide offers yet (another
		// department's draft)
		catalog.createItem("GB-FOREIGN-OTHER", CITY_MARKET_REGULATION, plain, deptadmin);
		catalog.attachResultSample("GB-FOREIGN-OTHER", "样本.pdf", pdf, deptadmin);
		String othersSample = catalog.workingVersion("GB-FOREIGN-OTHER", deptadmin)
			.content()
			.implementation()
			.resultSampleFileId();
		ItemDraft borrowing = plain.withImplementation(plain.implementation().withResultSample(othersSample, "样本.pdf"),
				plain.handling(), plain.online(), plain.faqs());
		assertThatThrownBy(() -> catalog.reviseDraft(code, borrowing, deptadmin))
			.isInstanceOf(org.govhall.shared.RuleViolationException.class);
		assertThat(catalog.workingVersion(code, deptadmin).content().implementation().resultSampleFileId()).isNull();
		// a file a published guide already offers may be reused, as a county reuses the
		// city's form
		String offered = anyDemoResultSample();
		catalog.reviseDraft(code, plain.withImplementation(plain.implementation().withResultSample(offered, "样本.pdf"),
				plain.handling(), plain.online(), plain.faqs()), deptadmin);
		assertThat(catalog.workingVersion(code, deptadmin).content().implementation().resultSampleFileId())
			.isEqualTo(offered);
		catalog.reviseDraft(code, plain, deptadmin);
		// through the API: 422 naming the field, in the requester's language
		MockHttpServletResponse api = perform(put("/api/v1/items/" + code + "/draft").with(user(deptadmin))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(naming)));
		assertThat(api.getStatus()).as(api.getContentAsString()).isEqualTo(422);
		assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("implementation.resultSampleFileId",
				"不是通过本事项上传");

		// a row forged in the database behind the workflow still does not publish the
		// file
		String published = "660100-XK-02001";
		String before = jdbc
			.sql("""
					SELECT v.result_sample_file_id FROM catalog_item_version v JOIN catalog_service_item i ON i.id = v.item_id
					WHERE i.code = :c AND v.version_no = i.published_version
					""")
			.param("c", published)
			.query(String.class)
			.single();
		String forge = """
				UPDATE catalog_item_version SET result_sample_file_id = :f
				WHERE id = (SELECT v.id FROM catalog_item_version v JOIN catalog_service_item i ON i.id = v.item_id
				            WHERE i.code = :c AND v.version_no = i.published_version)
				""";
		jdbc.sql(forge).param("f", applicants).param("c", published).update();
		try {
			assertThat(perform(get("/items/" + published + "/files/" + applicants)).getStatus()).isEqualTo(404);
		}
		finally {
			jdbc.sql(forge).param("f", before).param("c", published).update();
		}
	}

	@Test
	@Order(5)
	void refusesAResultSampleOfAnotherTypeTooLargeOrFromAnotherDepartment() throws Exception {
		String code = "GB-SAMPLE-BAD";
		catalog.createItem(code, CITY_MARKET_REGULATION, CatalogFixtures.licensingItem().build(), deptadmin);
		long files = storedFiles();

		MvcResult text = send(multipart("/staff/items/" + code + "/result-sample")
			.file(new MockMultipartFile("file", "样本.pdf", "application/pdf", "hello".getBytes(StandardCharsets.UTF_8)))
			.with(user(deptadmin))
			.with(csrf()));
		assertThat(text.getFlashMap().get("refusal")).isEqualTo("error.upload.type");

		byte[] big = new byte[Storage.MAX_SIZE + 1];
		System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
		MvcResult tooLarge = send(multipart("/staff/items/" + code + "/result-sample")
			.file(new MockMultipartFile("file", "样本.pdf", "application/pdf", big))
			.with(user(deptadmin))
			.with(csrf()));
		assertThat(tooLarge.getFlashMap().get("refusal")).isEqualTo("error.upload.tooLarge");

		MockHttpServletResponse stranger = perform(multipart("/staff/items/" + code + "/result-sample")
			.file(new MockMultipartFile("file", "样本.pdf", "application/pdf",
					"%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))
			.with(user(deptadminQc))
			.with(csrf()));
		assertThat(stranger.getStatus()).as("department admin of another county").isEqualTo(403);

		assertThat(catalog.workingVersion(code, deptadmin).content().implementation().resultSampleFileId()).isNull();
		assertThat(storedFiles()).isEqualTo(files);
	}

	@Test
	@Order(6)
	void theDemoHasAtLeastTwentyRealTemplateSampleAndResultFiles() {
		// the demo province's items (codes 66…): the shared test application
		// (support/GovHallTest) also holds the
		// items other classes made, with small files of their own
		List<String> ids = jdbc
			.sql("""
					SELECT m.template_file_id FROM catalog_material m JOIN catalog_item_version v ON v.id = m.item_version_id
					  JOIN catalog_service_item i ON i.id = v.item_id WHERE m.template_file_id IS NOT NULL AND i.code LIKE '66%'
					UNION SELECT m.sample_file_id FROM catalog_material m JOIN catalog_item_version v ON v.id = m.item_version_id
					  JOIN catalog_service_item i ON i.id = v.item_id WHERE m.sample_file_id IS NOT NULL AND i.code LIKE '66%'
					UNION SELECT v.result_sample_file_id FROM catalog_item_version v JOIN catalog_service_item i ON i.id = v.item_id
					  WHERE v.result_sample_file_id IS NOT NULL AND i.code LIKE '66%'
					""")
			.query(String.class)
			.list();
		assertThat(ids).hasSizeGreaterThanOrEqualTo(20);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM catalog_material m
				JOIN catalog_item_version v ON v.id = m.item_version_id
				JOIN catalog_service_item i ON i.id = v.item_id
				WHERE i.code LIKE '66%' AND m.template_name IS NOT NULL AND m.template_file_id IS NULL
				""").query(Long.class).single()).as("demo templates named without a file").isZero();
		for (String id : ids) {
			byte[] content = storage.read(storage.find(id).orElseThrow());
			assertThat(new String(content, 0, 5, StandardCharsets.US_ASCII)).as(id).isEqualTo("%PDF-");
			assertThat(content.length).as(id).isGreaterThan(5_000);
		}
	}

	// ---- versions that take effect later

	@Test
	@Order(7)
	void aVersionApprovedForALaterDateIsAnnouncedAndTakesEffectOnItsDay() throws Exception {
		String code = "GB-LATER";
		publish(code, CatalogFixtures.licensingItem().nameZh("食品经营许可（施行日期）").build());
		LocalDate effective = LocalDate.now(clock).plusDays(10);
		catalog.newDraft(code, deptadmin);
		catalog.reviseDraft(code,
				CatalogFixtures.licensingItem()
					.nameZh("食品经营许可（新版）")
					.revision(new Revision("申请材料减少一项", effective, null))
					.build(),
				deptadmin);
		catalog.submit(code, deptadmin);
		catalog.approve(code, legal);

		ItemGuide now = catalog.findGuide(code).orElseThrow();
		assertThat(now.versionNo()).as("cases filed before the date use the old version").isEqualTo(1);
		assertThat(now.isCurrent()).isTrue();
		assertThat(now.upcoming()).isEqualTo(new ItemGuide.Upcoming(2, effective, "申请材料减少一项"));
		assertThat(perform(get("/items/" + code)).getContentAsString()).contains("id=\"upcoming-version\"",
				"第 2 版已经公布，将于 " + effective + " 起施行", "申请材料减少一项");
		assertThat(perform(get("/items/" + code + "/versions/2")).getContentAsString())
			.contains("id=\"not-yet-in-force\"", "本版本自 " + effective + " 起施行")
			.doesNotContain("id=\"apply-online\"");
		assertThat(catalog.history(code)).extracting(VersionSummary::versionNo, v -> v.revision().changeSummary())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "申请材料减少一项"),
					org.assertj.core.groups.Tuple.tuple(1, null));
		assertThat(catalog.takeEffect()).as("not yet").isZero();
		assertThat(catalog.search(new ItemQuery("食品经营许可（新版）", null, null, null, null, null, null, 0, 20)).items())
			.extracting(ItemSummary::code)
			.doesNotContain(code);

		try {
			// the demo's training clock moves to the day, and runs what the hourly jobs
			// would have run by then
			assertThat(perform(
					post("/staff/demo-clock").param("date", effective.toString()).with(user(admin)).with(csrf()))
				.getStatus()).isEqualTo(302);
			ItemGuide then = catalog.findGuide(code).orElseThrow();
			assertThat(then.versionNo()).isEqualTo(2);
			assertThat(then.isCurrent()).isTrue();
			assertThat(then.upcoming()).isNull();
			assertThat(catalog.history(code)).extracting(VersionSummary::state)
				.containsExactly(VersionState.PUBLISHED, VersionState.SUPERSEDED);
			assertThat(catalog.search(new ItemQuery("食品经营许可（新版）", null, null, null, null, null, null, 0, 20)).items())
				.extracting(ItemSummary::code)
				.contains(code);
			assertThat(perform(get("/items/" + code)).getContentAsString()).contains("本版变更：申请材料减少一项")
				.doesNotContain("id=\"upcoming-version\"");
		}
		finally {
			perform(post("/staff/demo-clock").param("action", "reset").with(user(admin)).with(csrf()));
			// back before its effective date, the version in force would not be: the item
			// leaves the list
			catalog.end(code, ItemStatus.ABOLISHED, LocalDate.now(clock), "测试文件", null, admin);
		}
	}

	// ---- the implementation list

	@Test
	@Order(8)
	void onlySystemAdministratorsMoveTheList() throws Exception {
		assertThat(perform(get("/api/v1/implementation-list")).getStatus()).isEqualTo(401);
		assertThat(perform(get("/api/v1/implementation-list").with(user(deptadmin))).getStatus()).isEqualTo(403);
		MockHttpServletResponse refused = perform(post("/api/v1/implementation-list").with(user(deptadmin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"事项\":[]}"));
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getContentType()).startsWith("application/problem+json");
	}

	@Test
	@Order(9)
	void refusesABadListWholeAndNamesEveryFaultByItsEntry() throws Exception {
		JsonNode export = json
			.readTree(perform(get("/api/v1/implementation-list").with(user(admin))).getContentAsString());
		long items = jdbc.sql("SELECT COUNT(*) FROM catalog_service_item").query(Long.class).single();
		JsonNode good = export.get("事项").get(0);
		String goodOne = good.toString().replace(good.get("事项编码").asString(), "GB-IMPORT-OK");
		String exOfficioOnline = good.toString()
			.replace(good.get("事项编码").asString(), "GB-IMPORT-BAD")
			.replace("\"事项办理方式\":\"ON_APPLICATION\"", "\"事项办理方式\":\"EX_OFFICIO\"");
		MockHttpServletResponse refused = perform(post("/api/v1/implementation-list").with(user(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"标准\":\"GB/T 39046-2020\",\"事项\":[" + goodOne + "," + exOfficioOnline + "]}"));
		assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(422);
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		assertThat(refused.getContentAsString()).contains("事项[1].onlineAvailability");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM catalog_service_item").query(Long.class).single())
			.as("nothing imported")
			.isEqualTo(items);

		String badCode = goodOne.replace("\"事项类型代码\":\"" + good.get("事项类型代码").asString() + "\"", "\"事项类型代码\":\"77\"");
		MockHttpServletResponse badRequest = perform(post("/api/v1/implementation-list").with(user(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"事项\":[" + badCode + "]}"));
		assertThat(badRequest.getStatus()).as(badRequest.getContentAsString()).isEqualTo(400);
		assertThat(badRequest.getContentType()).startsWith("application/problem+json");
		MockHttpServletResponse notJson = perform(post("/api/v1/implementation-list").with(user(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"事项\":[{"));
		assertThat(notJson.getStatus()).isEqualTo(400);
		MockHttpServletResponse exists = perform(post("/api/v1/implementation-list").with(user(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"事项\":[" + good + "]}"));
		assertThat(exists.getStatus()).isEqualTo(422);
		assertThat(exists.getContentAsString()).contains("事项[0].事项编码");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM catalog_service_item").query(Long.class).single()).isEqualTo(items);
	}

	/**
	 * Export, import into an empty catalog, export again: the same JSON. The catalog is
	 * emptied and imported in one transaction, rolled back at the end (the requests run
	 * in the test's thread, so they join it), so that the classes after this one find the
	 * demo catalog as it was, without a context started again.
	 */
	@Test
	@Order(100)
	void anExportImportedIntoAnEmptyCatalogExportsTheSameJson() throws Exception {
		long versions = jdbc.sql("SELECT COUNT(*) FROM catalog_item_version").query(Long.class).single();
		TransactionTemplate rolledBack = new TransactionTemplate(transactions);
		rolledBack.executeWithoutResult(status -> {
			status.setRollbackOnly();
			try {
				exportImportExport();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(jdbc.sql("SELECT COUNT(*) FROM catalog_item_version").query(Long.class).single())
			.as("the demo catalog is back")
			.isEqualTo(versions);
		assertThat(catalog.findGuide("660100-XK-02001")).get().extracting(ItemGuide::isCurrent).isEqualTo(true);
	}

	private void exportImportExport() throws Exception {
		MockHttpServletResponse first = perform(get("/api/v1/implementation-list").with(user(admin)));
		assertThat(first.getStatus()).isEqualTo(200);
		String exported = first.getContentAsString(StandardCharsets.UTF_8);
		JsonNode tree = json.readTree(exported);
		assertThat(tree.get("标准").asString()).isEqualTo("GB/T 39046-2020");
		assertThat(tree.get("事项").size()).isGreaterThanOrEqualTo(50);
		assertThat(exported).contains("\"基本编码\":\"XK02001000\"", "\"实施编码\":", "\"常见问题\":", "\"结果样本\":", "\"出具时间要求\":",
				"\"受理窗口\":");

		for (String table : List.of("catalog_faq", "catalog_handling_window", "catalog_implementing_basis",
				"catalog_life_event", "catalog_exercise_level", "catalog_special_procedure", "catalog_co_department",
				"catalog_delegation", "catalog_procedure_step", "catalog_fee", "catalog_material",
				"catalog_legal_basis", "catalog_item_version", "catalog_service_item")) {
			jdbc.sql("DELETE FROM " + table).update();
		}
		assertThat(json.readTree(perform(get("/api/v1/implementation-list").with(user(admin))).getContentAsString())
			.get("事项")
			.size()).as("empty").isZero();

		MockHttpServletResponse imported = perform(post("/api/v1/implementation-list").with(user(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content(exported));
		assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(201);
		assertThat(json.readTree(imported.getContentAsString()).get("imported").asInt())
			.isEqualTo(tree.get("事项").size());

		String again = perform(get("/api/v1/implementation-list").with(user(admin)))
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(again).isEqualTo(exported);
		assertThat(catalog.findGuide("660100-XK-02001")).get().extracting(ItemGuide::isCurrent).isEqualTo(true);
	}

	// ---- helpers

	/**
	 * A result sample a published guide offers. Only a published one: a draft's own
	 * sample (this class uploads some) would be refused, and which file id is smallest is
	 * chance.
	 */
	private String anyDemoResultSample() {
		return jdbc.sql(
				"SELECT MIN(result_sample_file_id) FROM catalog_item_version WHERE state IN ('PUBLISHED', 'SUPERSEDED')")
			.query(String.class)
			.single();
	}

	private void publish(String code, ItemDraft draft) {
		catalog.createItem(code, CITY_MARKET_REGULATION, draft, deptadmin);
		catalog.submit(code, deptadmin);
		catalog.approve(code, legal);
	}

	private long storedFiles() {
		return jdbc.sql("SELECT COUNT(*) FROM storage_file").query(Long.class).single();
	}

	private MvcResult send(RequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn();
	}

	private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
		return send(request).getResponse();
	}

}
