package org.govhall.documents;

import java.net.URI;
import java.util.regex.Pattern;

import org.govhall.support.GovHallTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public verification of issued documents: the page a QR code leads to, the form, and
 * the JSON API.
 */
@GovHallTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsVerificationTests {

	private static final Pattern INLINE_STYLE = Pattern.compile(" style=\"", Pattern.CASE_INSENSITIVE);

	@Autowired
	MockMvc mvc;

	@Autowired
	Documents documents;

	IssuedDocument doc;

	@BeforeAll
	void issueANotice() {
		doc = documents.issue(DocumentFixtures.correctionNotice("BJ-2026-VERIFY-01"));
	}

	@Test
	void showsTheFactsOfAnIssuedDocumentInChinese() throws Exception {
		MockHttpServletResponse page = perform(get("/verify/{number}", doc.number()));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
		assertThat(page.getContentAsString()).contains("<html lang=\"zh-CN\"", "该文书由本平台", "出具机关",
				DocumentFixtures.ISSUER, "补正材料通知书（一次性告知书）", doc.number(), doc.title(), "2026-11-27",
				"BJ-2026-VERIFY-01", "SHA-256", doc.sha256());
		assertThat(page.getHeader("X-Robots-Tag")).contains("noindex");
	}

	@Test
	void showsTheFactsInEnglishWhenAsked() throws Exception {
		MockHttpServletResponse page = perform(get("/verify/{number}", doc.number()).param("lang", "en"));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("<html lang=\"en\"", "This document was issued by GovHall",
				"Issued by", DocumentFixtures.ISSUER, "Notice to supplement materials", "Date of issue",
				"SHA-256 of the PDF file", doc.sha256());
	}

	@Test
	void showsTheHolderMaskedAndALicencesScopeAndTermButNotItsPremises() throws Exception {
		IssuedDocument licence = documents.issue(DocumentFixtures.foodLicence("BJ-2026-VERIFY-02"));

		String page = perform(get("/verify/{number}", licence.number())).getContentAsString();

		assertThat(page)
			.contains("张*明", "660102********0012", "660100-SCJG-2026-000007", "食品经营许可", "预包装食品销售；热食类食品制售", "2031-11-26",
					"data-validity=\"VALID\"", licence.sha256())
			.doesNotContain(DocumentFixtures.RECIPIENT, "人民路");
		assertThat(perform(get("/verify/{number}", doc.number())).getContentAsString()).contains("张*明",
				"data-validity=\"VALID\"");
	}

	@Test
	void revokingACasesCertificatesLeavesItsNoticesAlone() {
		IssuedDocument notice = documents.issue(DocumentFixtures.correctionNotice("BJ-2026-VERIFY-03"));
		IssuedDocument licence = documents.issue(DocumentFixtures.foodLicence("BJ-2026-VERIFY-03"));

		assertThat(documents.revokeCertificates("BJ-2026-VERIFY-03", DocumentFixtures.ISSUED_ON)).isEqualTo(1);

		assertThat(documents.verify(licence.number()).orElseThrow().validity())
			.isEqualTo(VerifiedDocument.Validity.REVOKED);
		assertThat(documents.verify(notice.number()).orElseThrow().validity())
			.isEqualTo(VerifiedDocument.Validity.VALID);
		assertThat(documents.revokeCertificates("BJ-2026-VERIFY-03", ISSUED_LATER)).as("keeps its first date").isZero();
		assertThat(documents.verify(licence.number()).orElseThrow().revokedOn()).isEqualTo(DocumentFixtures.ISSUED_ON);
	}

	static final java.time.LocalDate ISSUED_LATER = DocumentFixtures.ISSUED_ON.plusDays(3);

	@Test
	void neverShowsTheRecipientNorInlineStyles() throws Exception {
		String page = perform(get("/verify/{number}", doc.number())).getContentAsString();

		assertThat(page).doesNotContain(DocumentFixtures.RECIPIENT, doc.fileId());
		assertThat(INLINE_STYLE.matcher(page).find()).isFalse();
	}

	@Test
	void forgivesANumberTypedInLowerCase() throws Exception {
		MockHttpServletResponse page = perform(get("/verify/{number}", doc.number().toLowerCase()));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains(doc.sha256());
	}

	@Test
	void answersAForgedNumberWithANotFoundPage() throws Exception {
		String number = doc.number();
		String forged = number.substring(0, number.length() - 4) + (number.endsWith("ZZZZ") ? "YYYY" : "ZZZZ");

		MockHttpServletResponse page = perform(get("/verify/{number}", forged));

		assertThat(page.getStatus()).isEqualTo(404);
		assertThat(page.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
		assertThat(page.getContentAsString()).contains("未找到该文书", forged).doesNotContain(doc.sha256());
	}

	@Test
	void answersANotFoundPageInEnglishWhenAsked() throws Exception {
		MockHttpServletResponse page = perform(get("/verify/BZ-2026-000000-ZZZZ").param("lang", "en"));

		assertThat(page.getStatus()).isEqualTo(404);
		assertThat(page.getContentAsString()).contains("Document not found", "BZ-2026-000000-ZZZZ");
	}

	@Test
	void answersGarbageWithANotFoundPageThatEscapesIt() throws Exception {
		MockHttpServletResponse page = perform(get(URI.create("/verify/%3Cscript%3Ealert(1)")));

		assertThat(page.getStatus()).isEqualTo(404);
		assertThat(page.getContentAsString()).contains("未找到该文书", "&lt;script&gt;alert(1)")
			.doesNotContain("<script>alert(1)");

		// an encoded slash or backslash never reaches the page: Spring Security's
		// firewall refuses it first (400)
		assertThat(perform(get(URI.create("/verify/%3Cscript%3E%2F"))).getStatus()).isEqualTo(400);
		assertThat(perform(get(URI.create("/verify/%3Cscript%3E%5C"))).getStatus()).isEqualTo(400);
	}

	@Test
	void cutsALongUnknownNumberShortOnTheNotFoundPage() throws Exception {
		MockHttpServletResponse page = perform(get("/verify/{number}", "A".repeat(500)));

		assertThat(page.getStatus()).isEqualTo(404);
		assertThat(page.getContentAsString()).contains("“" + "A".repeat(40) + "…”");
	}

	@Test
	void showsAFormThatLeadsToTheDocumentsPage() throws Exception {
		MockHttpServletResponse form = perform(get("/verify"));
		assertThat(form.getStatus()).isEqualTo(200);
		assertThat(form.getContentAsString()).contains("文书编号", "name=\"number\"", "action=\"/verify\"");

		MockHttpServletResponse redirect = perform(get("/verify").param("number", " " + doc.number().toLowerCase()));
		assertThat(redirect.getStatus()).isEqualTo(302);
		assertThat(redirect.getHeader(HttpHeaders.LOCATION)).isEqualTo("/verify/" + doc.number());

		MockHttpServletResponse garbage = perform(get("/verify").param("number", "<b>x</b>"));
		assertThat(garbage.getStatus()).isEqualTo(404);
		assertThat(garbage.getContentAsString()).contains("未找到该文书", "&lt;b&gt;x&lt;/b&gt;");
	}

	@Test
	void answersTheApiWithTheSameFactsAsJsonWithoutALogin() throws Exception {
		mvc.perform(get("/api/v1/documents/{number}", doc.number()).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.number").value(doc.number()))
			.andExpect(jsonPath("$.kind").value("CORRECTION_NOTICE"))
			.andExpect(jsonPath("$.caseNumber").value("BJ-2026-VERIFY-01"))
			.andExpect(jsonPath("$.issuer").value(DocumentFixtures.ISSUER))
			.andExpect(jsonPath("$.issuedOn").value("2026-11-27"))
			.andExpect(jsonPath("$.title").value(doc.title()))
			.andExpect(jsonPath("$.sha256").value(doc.sha256()))
			.andExpect(jsonPath("$.createdAt").isNotEmpty())
			.andExpect(jsonPath("$.fileId").doesNotExist())
			.andExpect(jsonPath("$.recipient").doesNotExist());
	}

	@Test
	void answersAnUnknownNumberOnTheApiWithProblemDetails() throws Exception {
		for (String number : new String[] { "BZ-2026-000000-ZZZZ", "not-a-number" }) {
			mvc.perform(get("/api/v1/documents/{number}", number).accept(MediaType.APPLICATION_JSON))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("urn:govhall:problem:not-found"))
				.andExpect(jsonPath("$.detail").value("未找到该文书。"))
				.andExpect(jsonPath("$.status").value(404));
		}
	}

	private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

}
