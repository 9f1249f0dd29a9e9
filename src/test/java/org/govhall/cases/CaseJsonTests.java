package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.govhall.calendar.LimitUnit;
import org.govhall.catalog.ItemType;
import org.govhall.catalog.ProcessingMode;
import org.junit.jupiter.api.Test;

/**
 * The terms of a case are parsed and written once per text (CaseJson's caches): what
 * comes back is what was written, the same for every case of the item version, and a
 * changed term is a new text.
 */
class CaseJsonTests {

	private static CaseTerms terms(String item, int version, String authority) {
		CaseTerms t = new CaseTerms(item, version, "食品经营许可", "Food business licence", ItemType.ADMINISTRATIVE_LICENSE,
				ProcessingMode.PROMISED, "660100-SCJG", "660100", 20, LimitUnit.WORKING_DAY, 10, LimitUnit.WORKING_DAY,
				List.of("660100-ZJJ"), Set.of(),
				List.of(new CaseTerms.RequiredMaterial("营业执照", true, null),
						new CaseTerms.RequiredMaterial("场所平面图", false, "有固定场所的")),
				false, "示范市人民政府", "示范市城关区人民法院", "食品经营许可证",
				List.of(new CaseTerms.FeeTerm("工本费", new BigDecimal("10.00"))), 2);
		return authority.isEmpty() ? t : t.entrustedBy(authority);
	}

	@Test
	void theTermsComeBackAsWrittenAndEqualTermsShareOneText() {
		CaseTerms a = terms("660100-XK-02001", 3, "");
		String json = CaseJson.writeTerms(a);
		assertThat(CaseJson.readTerms(json)).isEqualTo(a);
		// another case of the same item version: the same text and the same parsed terms
		CaseTerms b = terms("660100-XK-02001", 3, "");
		assertThat(CaseJson.writeTerms(b)).isEqualTo(json);
		assertThat(CaseJson.readTerms(new String(json.toCharArray()))).isSameAs(CaseJson.readTerms(json)).isEqualTo(b);
		// the text is the mapper's own, so a row written before the cache reads the same
		assertThat(json).isEqualTo(CaseJson.write(a));
	}

	@Test
	void termsThatDifferInAnythingAreWrittenAsTheirOwnText() {
		CaseTerms a = terms("660100-XK-02001", 3, "");
		List<String> texts = new ArrayList<>();
		for (CaseTerms t : List.of(a, terms("660100-XK-02001", 4, ""), terms("660100-XK-02002", 3, ""),
				terms("660100-XK-02001", 3, "示范市市场监督管理局"))) {
			String json = CaseJson.writeTerms(t);
			assertThat(CaseJson.readTerms(json)).isEqualTo(t);
			texts.add(json);
		}
		assertThat(texts).doesNotHaveDuplicates();
	}

	@Test
	void theCachesStartAgainPastTheirSizeAndStillAnswerRight() {
		for (int v = 1; v <= CaseJson.TERMS_KEPT + 10; v++) {
			CaseTerms t = terms("660100-XK-09999", v, "");
			assertThat(CaseJson.readTerms(CaseJson.writeTerms(t))).isEqualTo(t);
		}
	}

}
