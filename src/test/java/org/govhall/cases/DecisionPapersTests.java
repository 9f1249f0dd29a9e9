package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.govhall.catalog.ItemType;
import org.govhall.catalog.ProcessingMode;
import org.govhall.documents.DocumentKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 11, item 4: the documents of a decision follow the item's type; only a licence is a licence. */
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
		assertThat(DecisionPapers.of(terms(type, "某某事项")).reconsideration())
			.isEqualTo(type != ItemType.PUBLIC_SERVICE);
	}

}
