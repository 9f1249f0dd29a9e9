package org.govhall.catalog;

import org.govhall.calendar.LimitUnit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.shared.GovHallException.FieldViolation;
import org.govhall.shared.NotFoundException;
import org.govhall.support.GovHallTest;
import org.govhall.support.HtmlForm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.env.Environment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.govhall.catalog.CatalogFixtures.CITY_MARKET_REGULATION;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The catalog's staff pages as a department administrator and a legal reviewer use them:
 * the draft form (with the blank rows it offers), refusals on the same page, uploads of
 * templates and samples, and the review steps up to publication. Forms are posted as the
 * rendered page would send them ({@link HtmlForm}).
 */
@GovHallTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogStaffPagesTests {

	static final String LAW = "《中华人民共和国食品安全法》";

	static final String ARTICLE = "第三十五条";

	static final String MATERIAL = "食品经营许可申请表";

	/** A small but real PDF: header, a binary comment, one object, trailer. */
	static final byte[] PDF = pdf();

	@Autowired
	Environment environment;

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SearchIndex searchIndex;

	GovHallUser deptadmin;

	GovHallUser legal;

	GovHallUser deptadminQc;

	@BeforeAll
	void signIn() {
		deptadmin = directory.principal("deptadmin").orElseThrow();
		legal = directory.principal("legal").orElseThrow();
		deptadminQc = directory.principal("deptadmin-qc").orElseThrow();
	}

	// ---- the draft form

	@Test
	void offersTheNewItemFormWithTheDraftersDepartmentPreselectedAndBlankRows() throws Exception {
		MockHttpServletResponse page = perform(get("/staff/items/new").with(user(deptadmin)));

		assertThat(page.getStatus()).isEqualTo(200);
		String html = page.getContentAsString();
		assertThat(html).containsPattern("<option(?=[^>]*value=\"660100-SCJG\")(?=[^>]*selected)[^>]*>");
		HtmlForm form = HtmlForm.read(html, "/staff/items/new");
		assertThat(form.value("departmentCode")).isEqualTo(CITY_MARKET_REGULATION);
		assertThat(form.names())
			.contains("legalBases[0].lawName", "legalBases[1].lawName", "materials[0].nameZh", "materials[1].nameZh",
					"fees[1].nameZh", "steps[1].nameZh", "delegations[1].countyCode")
			.doesNotContain("legalBases[2].lawName", "materials[2].nameZh");
		assertThat(form.values("noFee")).as("不收费 is ticked for a new item").containsExactly("true");
	}

	@Test
	void createsADraftFromTheFormAndDropsTheBlankRows() throws Exception {
		String code = "PG-CREATE";
		HtmlForm form = newItemForm(code, "食品经营许可（页面新建）");

		MvcResult result = send(form.post().with(user(deptadmin)).with(csrf()));

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/staff/items/" + code);
		assertThat(result.getFlashMap().get("done")).isEqualTo("已保存。");
		ItemGuide draft = catalog.workingVersion(code, deptadmin);
		assertThat(draft.state()).isEqualTo(VersionState.DRAFT);
		assertThat(draft.versionNo()).isEqualTo(1);
		assertThat(draft.department().code()).isEqualTo(CITY_MARKET_REGULATION);
		ItemDraft d = draft.content();
		assertThat(d.nameZh()).isEqualTo("食品经营许可（页面新建）");
		assertThat(d.nameEn()).isEqualTo("Food business licence (page test)");
		assertThat(d.aliases()).as("blank text is stored as nothing").isNull();
		assertThat(d.itemType()).isEqualTo(ItemType.ADMINISTRATIVE_LICENSE);
		assertThat(d.serviceObject()).isEqualTo(ServiceObject.LEGAL_PERSON);
		assertThat(d.processingMode()).isEqualTo(ProcessingMode.PROMISED);
		assertThat(d.exerciseLevels()).containsExactly(ExerciseLevel.CITY);
		assertThat(d.lifeEvents()).isEmpty();
		assertThat(d.statutoryLimit()).isEqualTo(new TimeLimit(20, LimitUnit.WORKING_DAY, "《中华人民共和国行政许可法》第四十二条"));
		assertThat(d.promisedLimit()).isEqualTo(new TimeLimit(10, LimitUnit.WORKING_DAY, null));
		assertThat(d.onSiteVisits()).isEqualTo(1);
		assertThat(d.onlineAvailability()).isEqualTo(OnlineAvailability.PARTLY_ONLINE);
		assertThat(d.noFee()).isTrue();
		assertThat(d.legalBases()).containsExactly(new LegalBasis(LAW, ARTICLE, "国家对食品生产经营实行许可制度。"));
		assertThat(d.materials()).containsExactly(new Material(MATERIAL, null, 1, 0, MaterialMedium.PAPER_OR_ELECTRONIC,
				MaterialRequirement.MANDATORY, null, null, null, null, null));
		assertThat(d.fees()).isEmpty();
		assertThat(d.steps()).isEmpty();
		assertThat(d.delegations()).isEmpty();
		assertThat(d.coDepartmentCodes()).isEmpty();
		assertThat(d.specialProcedures()).isEmpty();

		MockHttpServletResponse page = perform(
				get("/staff/items/" + code).with(user(deptadmin)).flashAttrs(result.getFlashMap()));
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("已保存。", "食品经营许可（页面新建）", LAW + " " + ARTICLE, MATERIAL);
	}

	@Test
	void showsTheFormAgainWithTheErrorWhenTheChineseNameIsMissingAndStoresNothing() throws Exception {
		String code = "PG-NO-NAME";
		HtmlForm form = newItemForm(code, "");

		MockHttpServletResponse page = perform(form.post().with(user(deptadmin)).with(csrf()));

		assertThat(page.getStatus()).isEqualTo(200);
		String html = page.getContentAsString();
		assertThat(html).contains("请修改以下问题后再保存：", "class=\"field-error\"");
		HtmlForm again = HtmlForm.read(html, "/staff/items/new");
		assertThat(again.value("code")).as("what was typed is kept").isEqualTo(code);
		assertThat(again.value("legalBases[0].lawName")).isEqualTo(LAW);
		assertThat(again.names()).as("blank rows are offered again")
			.contains("legalBases[1].lawName", "materials[1].nameZh");
		assertNothingStored(code);
	}

	@Test
	void showsTheFormAgainWithAnErrorForAnUnknownItemTypeAndStoresNothing() throws Exception {
		String code = "PG-BAD-TYPE";
		HtmlForm form = newItemForm(code, "食品经营许可（类型错误）").set("itemType", "NOT_A_TYPE");

		MockHttpServletResponse page = perform(form.post().with(user(deptadmin)).with(csrf()));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("请修改以下问题后再保存：", "itemType");
		assertNothingStored(code);
	}

	/**
	 * Bug: see the report; Spring's "Failed to convert property value …" is shown to the
	 * drafter.
	 */
	@Test
	void explainsAnUnknownItemTypeInTheDraftersLanguage() throws Exception {
		HtmlForm form = newItemForm("PG-BAD-TYPE-2", "食品经营许可（类型错误）").set("itemType", "NOT_A_TYPE");

		String html = perform(form.post().with(user(deptadmin)).with(csrf())).getContentAsString();

		assertThat(html).doesNotContain("Failed to convert", "java.lang.", "org.govhall.");
	}

	@Test
	void editsADraftThroughTheFormThatShowsItsValues() throws Exception {
		String code = "PG-EDIT";
		create(code, "食品经营许可（修改前）");
		ItemDraft before = catalog.workingVersion(code, deptadmin).content();

		HtmlForm form = editForm(code);

		assertThat(form.value("code")).isEqualTo(code);
		assertThat(form.control("code")).containsKey("readonly");
		assertThat(form.control("departmentCode")).as("the department of an item does not change")
			.containsKey("disabled");
		assertThat(form.value("nameZh")).isEqualTo("食品经营许可（修改前）");
		assertThat(form.value("itemType")).isEqualTo("ADMINISTRATIVE_LICENSE");
		assertThat(form.value("serviceObject")).isEqualTo("LEGAL_PERSON");
		assertThat(form.values("exerciseLevels")).containsExactly("CITY");
		assertThat(form.value("statutoryAmount")).isEqualTo("20");
		assertThat(form.value("promisedAmount")).isEqualTo("10");
		assertThat(form.value("onlineAvailability")).isEqualTo("PARTLY_ONLINE");
		assertThat(form.value("legalBases[0].lawName")).isEqualTo(LAW);
		assertThat(form.value("legalBases[0].article")).isEqualTo(ARTICLE);
		assertThat(form.value("materials[0].nameZh")).isEqualTo(MATERIAL);
		assertThat(form.value("legalBases[1].lawName")).as("a blank row after the stored ones").isEmpty();
		assertThat(form.names()).contains("legalBases[2].lawName").doesNotContain("legalBases[3].lawName");

		MvcResult saved = send(form.set("nameZh", "食品经营许可（修改后）").post().with(user(deptadmin)).with(csrf()));

		assertThat(saved.getResponse().getStatus()).isEqualTo(302);
		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/staff/items/" + code);
		ItemGuide after = catalog.workingVersion(code, deptadmin);
		assertThat(after.state()).isEqualTo(VersionState.DRAFT);
		assertThat(after.content()).as("only the name changed").isEqualTo(renamed(before, "食品经营许可（修改后）"));
	}

	/**
	 * A delegated draft saved unchanged through the page keeps its delegation. Fails
	 * today: the edit page renders the date as 2026/1/1, which a browser's
	 * {@code <input type="date">} discards, so the save is refused with
	 * "delegations[0].effectiveOn 不能为null" until the drafter types every date again. See
	 * the report.
	 */
	@Test
	void keepsTheDelegationOfADraftWhenItIsSavedUnchangedThroughThePage() throws Exception {
		String code = "PG-ROUND-TRIP-DATE";
		catalog.createItem(code, CITY_MARKET_REGULATION,
				CatalogFixtures.licensingItem()
					.nameZh("食品经营许可（下放日期）")
					.delegatedTo(CatalogFixtures.DONGHU_COUNTY)
					.build(),
				deptadmin);
		ItemDraft before = catalog.workingVersion(code, deptadmin).content();

		HtmlForm form = editForm(code);
		assertThat(form.value("delegations[0].effectiveOn")).isEqualTo("2026-01-01");
		MockHttpServletResponse saved = perform(form.post().with(user(deptadmin)).with(csrf()));

		assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);
		assertThat(catalog.workingVersion(code, deptadmin).content()).isEqualTo(before);
	}

	/**
	 * A draft written through the API (or the demo data) and then saved unchanged through
	 * the page keeps every element. Fails today: the form has no fields for some
	 * elements, so saving erases them. See the report.
	 */
	@Test
	void keepsEveryElementOfADraftWhenItIsSavedUnchangedThroughThePage() throws Exception {
		String code = "PG-ROUND-TRIP";
		catalog.createItem(code, CITY_MARKET_REGULATION, richDraft(), deptadmin);
		// a result sample as drafters attach it (a draft may name only files uploaded to
		// its own item)
		catalog.attachResultSample(code, "样本.pdf",
				"%PDF-1.4\n%round trip\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), deptadmin);
		ItemDraft before = catalog.workingVersion(code, deptadmin).content();
		assertThat(before.implementation().resultSampleFileId()).isNotNull();

		HtmlForm form = editForm(code).set("delegations[0].effectiveOn", "2026-01-01");
		MockHttpServletResponse saved = perform(form.post().with(user(deptadmin)).with(csrf()));

		assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);
		ItemDraft after = catalog.workingVersion(code, deptadmin).content();
		SoftAssertions.assertSoftly(soft -> {
			soft.assertThat(after.materials()).as("materials").isEqualTo(before.materials());
			soft.assertThat(after.fees()).as("fees").isEqualTo(before.fees());
			soft.assertThat(after.steps()).as("steps").isEqualTo(before.steps());
			soft.assertThat(after.delegations()).as("delegations").isEqualTo(before.delegations());
			soft.assertThat(after).as("the whole draft").isEqualTo(before);
		});
	}

	// ---- the search index

	@Test
	void theSearchIndexFollowsPublicationAndEndingWithoutWaitingForASearch() throws Exception {
		String code = "PG-INDEXED";
		create(code, "食品经营许可（索引）");
		searchIndex.rebuild();
		int before = searchIndex.size();

		catalog.submit(code, deptadmin);
		catalog.approve(code, legal);
		assertThat(searchIndex.size()).as("after ItemPublished").isEqualTo(before + 1);

		catalog.end(code, ItemStatus.ABOLISHED, java.time.LocalDate.of(2026, 9, 1), "示政发〔2026〕2号", null,
				directory.principal("admin").orElseThrow());
		assertThat(searchIndex.size()).as("after ItemEnded").isEqualTo(before);
	}

	// ---- material files

	@Test
	void attachesATemplateToAMaterialAndServesItToStaffButNotToThePublicBeforePublication() throws Exception {
		String code = "PG-UPLOAD";
		create(code, "食品经营许可（上传空表）");

		String fileId = uploadTemplate(code);

		Material material = catalog.workingVersion(code, deptadmin).content().materials().get(0);
		assertThat(material.templateFileId()).isEqualTo(fileId).hasSize(36);
		assertThat(material.templateName()).isEqualTo("申请表.pdf");
		assertThat(material.sampleFileId()).isNull();

		MockHttpServletResponse download = perform(
				get("/staff/items/" + code + "/files/" + fileId).with(user(deptadmin)));
		assertThat(download.getStatus()).isEqualTo(200);
		assertThat(download.getContentAsByteArray()).isEqualTo(PDF);
		assertThat(download.getContentType()).isEqualTo("application/pdf");
		String disposition = download.getHeader(HttpHeaders.CONTENT_DISPOSITION);
		assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''");
		assertThat(ContentDisposition.parse(disposition).getFilename()).isEqualTo("申请表.pdf");

		assertThat(perform(get("/items/" + code + "/files/" + fileId)).getStatus()).as("public, unpublished")
			.isEqualTo(404);
		assertThat(perform(get("/staff/items/" + code + "/files/" + fileId).with(user(deptadminQc))).getStatus())
			.as("staff of another county")
			.isEqualTo(403);
		assertThat(perform(get("/staff/items/" + code).with(user(deptadmin))).getContentAsString())
			.contains("href=\"/staff/items/" + code + "/files/" + fileId + "\"");
	}

	@Test
	void refusesAnUploadWhoseContentIsNotAnAcceptedFileTypeWhateverItsName() throws Exception {
		String code = "PG-UPLOAD-TEXT";
		create(code, "食品经营许可（上传文本）");
		long files = storedFiles();

		MvcResult result = send(multipart("/staff/items/" + code + "/materials/0/files")
			.file(new MockMultipartFile("file", "x.pdf", "application/pdf", "hello".getBytes(StandardCharsets.UTF_8)))
			.param("kind", "sample")
			.with(user(deptadmin))
			.with(csrf()));

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/staff/items/" + code);
		assertThat(result.getFlashMap().get("refusal")).isEqualTo("error.upload.type");
		assertThat(flash(result)).doesNotContainKey("done");
		Material material = catalog.workingVersion(code, deptadmin).content().materials().get(0);
		assertThat(material.sampleFileId()).isNull();
		assertThat(material.sampleName()).isNull();
		assertThat(storedFiles()).isEqualTo(files);
		assertThat(perform(get("/staff/items/" + code).with(user(deptadmin)).flashAttrs(result.getFlashMap()))
			.getContentAsString()).contains("只接受 PDF、Word、Excel、JPEG 和 PNG 文件（按文件内容识别）。");
	}

	@Test
	void refusesAnUploadForAMaterialTheDraftDoesNotHave() throws Exception {
		String code = "PG-UPLOAD-INDEX";
		create(code, "食品经营许可（材料序号）");
		ItemDraft before = catalog.workingVersion(code, deptadmin).content();
		long files = storedFiles();

		MvcResult result = send(multipart("/staff/items/" + code + "/materials/5/files")
			.file(new MockMultipartFile("file", "申请表.pdf", "application/pdf", PDF))
			.param("kind", "template")
			.with(user(deptadmin))
			.with(csrf()));

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getFlashMap().get("refusal")).isEqualTo("error.material.index");
		assertThat(catalog.workingVersion(code, deptadmin).content()).isEqualTo(before);
		assertThat(storedFiles()).isEqualTo(files);
	}

	@Test
	void refusesAnUploadToAVersionInReview() throws Exception {
		String code = "PG-UPLOAD-REVIEW";
		create(code, "食品经营许可（审核中上传）");
		assertThat(perform(post("/staff/items/" + code + "/submit").with(user(deptadmin)).with(csrf())).getStatus())
			.isEqualTo(302);
		ItemDraft before = catalog.workingVersion(code, deptadmin).content();
		long files = storedFiles();

		MvcResult result = send(multipart("/staff/items/" + code + "/materials/0/files")
			.file(new MockMultipartFile("file", "申请表.pdf", "application/pdf", PDF))
			.param("kind", "template")
			.with(user(deptadmin))
			.with(csrf()));

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(flash(result).get("refusal")).isEqualTo("error.version.state");
		assertThat(catalog.workingVersion(code, deptadmin).content()).isEqualTo(before);
		assertThat(storedFiles()).isEqualTo(files);
		assertThat(perform(get("/staff/items/" + code).with(user(deptadmin))).getContentAsString())
			.as("no upload form while in review")
			.doesNotContain("/staff/items/" + code + "/materials/0/files");
	}

	/**
	 * Fails today: the file is written to disk before the draft's state is checked. See
	 * the report.
	 */
	@Test
	void leavesNoFileOnDiskWhenAnUploadIsRefused() throws Exception {
		String code = "PG-UPLOAD-ORPHAN";
		create(code, "食品经营许可（孤儿文件）");
		assertThat(perform(post("/staff/items/" + code + "/submit").with(user(deptadmin)).with(csrf())).getStatus())
			.isEqualTo(302);
		long onDisk = filesOnDisk();

		MvcResult result = send(multipart("/staff/items/" + code + "/materials/0/files")
			.file(new MockMultipartFile("file", "申请表.pdf", "application/pdf", PDF))
			.with(user(deptadmin))
			.with(csrf()));

		assertThat(flash(result).get("refusal")).isEqualTo("error.version.state");
		assertThat(filesOnDisk()).isEqualTo(onDisk);
	}

	// ---- review and publication

	@Test
	void takesADraftThroughReviewAndReturnToPublication() throws Exception {
		String code = "PG-LIFECYCLE";
		create(code, "食品经营许可（审核流程）");
		String fileId = uploadTemplate(code);

		MvcResult submitted = send(post("/staff/items/" + code + "/submit").with(user(deptadmin)).with(csrf()));
		assertThat(submitted.getResponse().getStatus()).isEqualTo(302);
		assertThat(submitted.getResponse().getRedirectedUrl()).isEqualTo("/staff/items/" + code);
		assertThat(submitted.getFlashMap().get("done")).isEqualTo("已提交法制审核。");
		assertThat(catalog.workingVersion(code, deptadmin).state()).isEqualTo(VersionState.IN_REVIEW);

		assertThat(perform(post("/staff/items/" + code + "/approve").with(user(deptadmin)).with(csrf())).getStatus())
			.as("a department administrator does not review")
			.isEqualTo(403);
		assertThat(catalog.workingVersion(code, deptadmin).state()).isEqualTo(VersionState.IN_REVIEW);

		MvcResult noNote = send(
				post("/staff/items/" + code + "/return").param("note", "").with(user(legal)).with(csrf()));
		assertThat(noNote.getResponse().getStatus()).isEqualTo(302);
		assertThat(noNote.getFlashMap().get("refusal")).isEqualTo("error.review.noteRequired");
		assertThat(catalog.workingVersion(code, deptadmin).state()).isEqualTo(VersionState.IN_REVIEW);

		MvcResult returned = send(
				post("/staff/items/" + code + "/return").param("note", "请补充申请表的填写说明。").with(user(legal)).with(csrf()));
		assertThat(returned.getResponse().getStatus()).isEqualTo(302);
		assertThat(returned.getFlashMap().get("done")).isEqualTo("已退回修改。");
		ItemGuide draft = catalog.workingVersion(code, deptadmin);
		assertThat(draft.state()).isEqualTo(VersionState.DRAFT);
		assertThat(draft.reviewNote()).isEqualTo("请补充申请表的填写说明。");
		assertThat(perform(get("/staff/items/" + code).with(user(deptadmin))).getContentAsString())
			.contains("审核意见：请补充申请表的填写说明。");

		assertThat(flash(send(post("/staff/items/" + code + "/submit").with(user(deptadmin)).with(csrf()))))
			.doesNotContainKey("refusal");
		MvcResult approved = send(post("/staff/items/" + code + "/approve").with(user(legal)).with(csrf()));
		assertThat(approved.getResponse().getStatus()).isEqualTo(302);
		assertThat(flash(approved)).doesNotContainKey("refusal");
		assertThat(approved.getFlashMap().get("done")).isEqualTo("已公布。");

		ItemGuide published = catalog.guide(code);
		assertThat(published.state()).isEqualTo(VersionState.PUBLISHED);
		assertThat(published.versionNo()).isEqualTo(1);
		assertThatThrownBy(() -> catalog.workingVersion(code, deptadmin)).isInstanceOf(NotFoundException.class);
		MockHttpServletResponse guide = perform(get("/items/" + code));
		assertThat(guide.getStatus()).isEqualTo(200);
		assertThat(guide.getContentAsString()).contains("食品经营许可（审核流程）",
				"href=\"/items/" + code + "/files/" + fileId + "\"");
		MockHttpServletResponse file = perform(get("/items/" + code + "/files/" + fileId));
		assertThat(file.getStatus()).isEqualTo(200);
		assertThat(file.getContentAsByteArray()).isEqualTo(PDF);
		assertThat(perform(get("/staff/items/" + code).with(user(deptadmin))).getContentAsString())
			.as("the staff page of a published item links the public file")
			.contains("href=\"/items/" + code + "/files/" + fileId + "\"");
	}

	@Test
	void listsEveryReasonWhenTheSubmitBreaksThePublishingRules() throws Exception {
		String code = "PG-NO-BASIS";
		HtmlForm form = newItemForm(code, "食品经营许可（缺少依据）").set("legalBases[0].lawName", "")
			.set("legalBases[0].article", "")
			.set("legalBases[0].quote", "");
		assertThat(send(form.post().with(user(deptadmin)).with(csrf())).getResponse().getStatus()).isEqualTo(302);
		assertThat(catalog.workingVersion(code, deptadmin).content().legalBases()).isEmpty();

		MvcResult refused = send(post("/staff/items/" + code + "/submit").with(user(deptadmin)).with(csrf()));

		assertThat(refused.getResponse().getStatus()).isEqualTo(302);
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/staff/items/" + code);
		assertThat(refused.getFlashMap().get("refusal")).isEqualTo("error.publish.refused");
		assertThat(refused.getFlashMap().get("refusalReasons"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(FieldViolation.class))
			.isNotEmpty()
			.extracting(FieldViolation::messageKey)
			.contains("rule.legalBasis.required");
		assertThat(catalog.workingVersion(code, deptadmin).state()).isEqualTo(VersionState.DRAFT);

		MockHttpServletResponse page = perform(
				get("/staff/items/" + code).with(user(deptadmin)).flashAttrs(refused.getFlashMap()));
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("id=\"refusal\"", "不能公布：有 1 项不符合公布规则。",
				"<li>至少需要一项法律依据（没有法定依据的事项不得列入清单）。</li>");
	}

	// ---- who may see what

	@Test
	void forbidsStaffOfAnotherRegionAndSendsAnonymousVisitorsToTheLoginPage() throws Exception {
		String code = "PG-SCOPE";
		create(code, "食品经营许可（管辖范围）");

		assertThat(perform(get("/staff/items/" + code).with(user(deptadminQc))).getStatus()).isEqualTo(403);
		assertThat(perform(get("/staff/items/" + code + "/edit").with(user(deptadminQc))).getStatus()).isEqualTo(403);
		assertThat(perform(post("/staff/items/" + code + "/submit").with(user(deptadminQc)).with(csrf())).getStatus())
			.isEqualTo(403);
		assertThat(catalog.workingVersion(code, deptadmin).state()).isEqualTo(VersionState.DRAFT);
		assertThat(perform(get("/staff/items").with(user(deptadminQc))).getContentAsString())
			.doesNotContain("href=\"/staff/items/" + code + "\"");
		assertThat(perform(get("/staff/items").with(user(deptadmin))).getContentAsString())
			.contains("href=\"/staff/items/" + code + "\"");

		MockHttpServletResponse anonymous = perform(get("/staff/items"));
		assertThat(anonymous.getStatus()).isEqualTo(302);
		assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
	}

	@Test
	void refusesOnTheFormAnItemForADepartmentOutsideTheDraftersScope() throws Exception {
		String code = "PG-OTHER-DEPT";
		HtmlForm form = newItemForm(code, "食品经营许可（他部门）").set("departmentCode", "660200-SCJG");

		MockHttpServletResponse page = perform(form.post().with(user(deptadmin)).with(csrf()));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("id=\"refusal\"", "该操作超出您的管辖范围（地区或部门）。");
		assertThat(HtmlForm.read(page.getContentAsString(), "/staff/items/new").value("nameZh"))
			.isEqualTo("食品经营许可（他部门）");
		assertNothingStored(code);
	}

	@Test
	void refusesAFormPostWithoutCsrfToken() throws Exception {
		HtmlForm form = newItemForm("PG-NO-CSRF", "食品经营许可（无令牌）");

		assertThat(perform(form.post().with(user(deptadmin))).getStatus()).isEqualTo(403);
		assertNothingStored("PG-NO-CSRF");
	}

	// ---- helpers

	/**
	 * The new-item form as the page renders it, filled in as a drafter of 示范市市场监督管理局
	 * would.
	 */
	private HtmlForm newItemForm(String code, String nameZh) throws Exception {
		MockHttpServletResponse page = perform(get("/staff/items/new").with(user(deptadmin)));
		assertThat(page.getStatus()).isEqualTo(200);
		return HtmlForm.read(page.getContentAsString(), "/staff/items/new")
			.set("code", code)
			.set("departmentCode", CITY_MARKET_REGULATION)
			.set("nameZh", nameZh)
			.set("nameEn", "Food business licence (page test)")
			.set("itemType", "ADMINISTRATIVE_LICENSE")
			.set("serviceObject", "LEGAL_PERSON")
			.set("processingMode", "PROMISED")
			.set("exerciseLevels", "CITY")
			.set("statutoryAmount", "20")
			.set("statutoryUnit", "WORKING_DAY")
			.set("statutoryBasis", "《中华人民共和国行政许可法》第四十二条")
			.set("promisedAmount", "10")
			.set("promisedUnit", "WORKING_DAY")
			.set("onSiteVisits", "1")
			.set("onlineAvailability", "PARTLY_ONLINE")
			.set("noFee", "true")
			.set("legalBases[0].lawName", LAW)
			.set("legalBases[0].article", ARTICLE)
			.set("legalBases[0].quote", "国家对食品生产经营实行许可制度。")
			.set("materials[0].nameZh", MATERIAL)
			.set("materials[0].originals", "1")
			.set("materials[0].copies", "0")
			.set("materials[0].medium", "PAPER_OR_ELECTRONIC")
			.set("materials[0].requirement", "MANDATORY");
	}

	private HtmlForm editForm(String code) throws Exception {
		MockHttpServletResponse page = perform(get("/staff/items/" + code + "/edit").with(user(deptadmin)));
		assertThat(page.getStatus()).isEqualTo(200);
		return HtmlForm.read(page.getContentAsString(), "/staff/items/" + code + "/edit");
	}

	private void create(String code, String nameZh) throws Exception {
		MockHttpServletResponse created = perform(newItemForm(code, nameZh).post().with(user(deptadmin)).with(csrf()));
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(302);
	}

	/**
	 * Uploads {@link #PDF} as the template of material 0 and answers the stored file's
	 * id.
	 */
	private String uploadTemplate(String code) throws Exception {
		MvcResult result = send(multipart("/staff/items/" + code + "/materials/0/files")
			.file(new MockMultipartFile("file", "申请表.pdf", "application/pdf", PDF))
			.param("kind", "template")
			.with(user(deptadmin))
			.with(csrf()));
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/staff/items/" + code);
		assertThat(flash(result)).doesNotContainKey("refusal");
		return catalog.workingVersion(code, deptadmin).content().materials().get(0).templateFileId();
	}

	private void assertNothingStored(String code) {
		assertThat(catalog.findGuide(code)).isEmpty();
		assertThatThrownBy(() -> catalog.workingVersion(code, deptadmin)).isInstanceOf(NotFoundException.class);
		assertThat(catalog.workList(deptadmin)).noneMatch(r -> r.code().equals(code));
	}

	/**
	 * Files under the storage directory of this test context
	 * ({@code govhall.storage.dir}).
	 */
	private long filesOnDisk() throws IOException {
		Path root = Path.of(environment.getRequiredProperty("govhall.storage.dir"));
		if (!Files.exists(root)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

	private long storedFiles() {
		return jdbc.sql("SELECT COUNT(*) FROM storage_file").query(Long.class).single();
	}

	private static ItemDraft renamed(ItemDraft d, String nameZh) {
		return new ItemDraft(nameZh, d.nameEn(), d.aliases(), d.keywordsEn(), d.itemType(), d.serviceObject(),
				d.lifeEvents(), d.exerciseLevels(), d.processingMode(), d.statutoryLimit(), d.promisedLimit(),
				d.onSiteVisits(), d.onlineAvailability(), d.conditionsZh(), d.conditionsEn(), d.resultNameZh(),
				d.resultNameEn(), d.noFee(), d.consultPhone(), d.complaintPhone(), d.reconsiderationBody(),
				d.litigationCourt(), d.legalBases(), d.materials(), d.fees(), d.steps(), d.delegations(),
				d.coDepartmentCodes(), d.specialProcedures());
	}

	/** Every element of the guide filled in, as the API or the demo data may write it. */
	private static ItemDraft richDraft() {
		return CatalogFixtures.licensingItem()
			.nameZh("食品经营许可（往返）")
			.levels(ExerciseLevel.CITY, ExerciseLevel.COUNTY)
			.noFee(false)
			.fees(CatalogFixtures.fee("《食品经营许可管理办法》第十条"))
			.materials(new Material("食品经营许可申请书", "Application form", 1, 0, MaterialMedium.PAPER_OR_ELECTRONIC,
					MaterialRequirement.MANDATORY, null, "申请人自备", "申请书空表", "申请书样表", "须法定代表人签字", null, null, false,
					"近三个月内", "申请人住所地", "A4 纸张"), CatalogFixtures.conditionalMaterial("委托书", "委托他人办理的"))
			.delegations(new Delegation(CatalogFixtures.DONGHU_COUNTY, DelegationMode.ENTRUSTED,
					java.time.LocalDate.of(2026, 1, 1), "示政发〔2025〕12号", "仅限东湖县辖区内的申请"))
			.coDepartments("660100-GAJ")
			.specialProcedures(SpecialProcedure.EXPERT_REVIEW)
			.implementation(new Implementation("XK02001000", "002", BodyNature.ENTRUSTED, Initiation.ON_APPLICATION,
					HandlingScope.CROSS_CITY, "无需中介服务", "每个经营场所一证",
					java.util.List.of(new LegalBasis("《食品经营许可和备案管理办法》", "第十六条", null)), null, null))
			.handling(new Handling(java.util.List.of(), "二楼 B 区", "Floor 2, area B", "周三延时至 19:00", null))
			.onlineService(new OnlineService(OnlineDepth.LEVEL_4, "https://zwfw.example.cn/items/1"))
			.faqs(new Faq("要多久？", "10 个工作日。", null, "Ten working days."))
			.revision(new Revision("减少一项材料", java.time.LocalDate.of(2027, 1, 1), java.time.LocalDate.of(2031, 12, 31)))
			.build();
	}

	private static byte[] pdf() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes("%PDF-1.4\n%".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(new byte[] { (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n' });
		out.writeBytes("""
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
				trailer << /Root 1 0 R >>
				%%EOF
				""".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	/**
	 * The flash attributes of a redirect, as a map (a FlashMap is also Comparable, which
	 * confuses AssertJ).
	 */
	private static java.util.Map<String, Object> flash(MvcResult result) {
		return result.getFlashMap();
	}

	private MvcResult send(RequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn();
	}

	private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
		return send(request).getResponse();
	}

}
