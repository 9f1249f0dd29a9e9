package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.govhall.catalog.ItemType;
import org.govhall.catalog.ProcessingMode;
import org.govhall.documents.DocumentKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 11, item 4: the documents of a decision follow the item's type; only a licence is
 * a licence.
 */
class DecisionPapersTests {

	static CaseTerms terms(ItemType type, String name) {
		return new CaseTerms("ITEM", 1, name, null, type, ProcessingMode.PROMISED, "DEP", "660100", null, null, 5,
				org.govhall.calendar.LimitUnit.WORKING_DAY, List.of(), Set.of(), List.of(), true, null, null, null,
				List.of());
	}

	@ParameterizedTest
	@EnumSource(ItemType.class)
	void onlyALicenceIsGrantedWithALicenceDecisionAndACertificate(ItemType type) {
		DecisionPapers papers = DecisionPapers.of(terms(type, "某某事项"));
		boolean licence = type == ItemType.ADMINISTRATIVE_LICENSE;
		assertThat(papers.granted() == DocumentKind.APPROVAL_DECISION).isEqualTo(licence);
		assertThat(papers.notGranted() == DocumentKind.DENIAL_DECISION).isEqualTo(licence);
		assertThat(papers.certificate()).isEqualTo(licence);
		String title = papers.grantedTitle("某某事项");
		assertThat(title.contains("行政许可")).isEqualTo(licence);
		assertThat(papers.notGrantedTitle().contains("行政许可")).isEqualTo(licence);
		assertThat(papers.grantedFinding("结果").contains("行政许可法")).isEqualTo(licence);
	}

	@ParameterizedTest
	@EnumSource(value = ItemType.class, names = "ADMINISTRATIVE_LICENSE", mode = EnumSource.Mode.EXCLUDE)
	void aFilingIsRecordedWithACertificateOfFilingWhateverTypeTheCatalogGivesIt(ItemType type) {
		DecisionPapers papers = DecisionPapers.of(terms(type, "仅销售预包装食品备案"));
		assertThat(papers).isEqualTo(DecisionPapers.FILING);
		assertThat(papers.granted()).isEqualTo(DocumentKind.FILING_RECEIPT);
		assertThat(papers.grantedFinding("备案信息")).contains("备案不是行政许可");
	}

	@ParameterizedTest
	@EnumSource(value = ItemType.class, names = { "PUBLIC_SERVICE", "ADMINISTRATIVE_CONFIRMATION" })
	void aRegistrationIsCertifiedUnderItsOwnName(ItemType type) {
		DecisionPapers papers = DecisionPapers.of(terms(type, "就业登记"));
		assertThat(papers.granted()).isEqualTo(DocumentKind.SERVICE_CERTIFICATE);
		assertThat(papers.grantedTitle("就业登记")).isEqualTo("就业登记证明");
	}

	@ParameterizedTest
	@EnumSource(ItemType.class)
	void aRefusalTellsOfReconsiderationUnlessItIsAPublicService(ItemType type) {
		assertThat(DecisionPapers.of(terms(type, "某某事项")).reconsideration()).isEqualTo(type != ItemType.PUBLIC_SERVICE);
	}

	/**
	 * The steps before the decision cite the licensing law for a licence only: a one-time
	 * notice of another type rests on 优化营商环境条例 第三十六条, and its acceptance, refusal,
	 * extension and special procedures cite no licensing article.
	 */
	@ParameterizedTest
	@EnumSource(ItemType.class)
	void theStepsBeforeTheDecisionCiteTheLicensingLawForALicenceOnly(ItemType type) {
		DecisionPapers papers = DecisionPapers.of(terms(type, "某某事项"));
		boolean licence = type == ItemType.ADMINISTRATIVE_LICENSE;
		java.time.LocalDate received = java.time.LocalDate.of(2026, 11, 2);
		List<String> wording = List.of(papers.correctionBasis(), papers.correctionSource(),
				papers.acceptanceBasis(false, received), papers.acceptanceBasis(true, received), papers.refusalBasis(),
				papers.extensionTitle() + papers.extensionSource(), papers.specialProcedureSource());
		assertThat(wording).allSatisfy(w -> assertThat(w.contains("行政许可法")).as(w).isEqualTo(licence && !w.isEmpty()));
		assertThat(papers.correctionBasis()).contains(licence ? "第三十二条第一款第（四）项" : "优化营商环境条例》第三十六条");
		assertThat(papers.acceptanceBasis(true, received)).contains("2026-11-02", "即为受理");
		assertThat(papers.extensionTitle()).isEqualTo(licence ? "延长审批期限告知书" : "延长办理期限告知书");
	}

}
