package org.govhall.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 9: the verification page names the holder so that the holder recognises
 * it, not a stranger.
 */
class HolderMaskTests {

	@Test
	void masksATradeNameBetweenTheRegionAndTheBusinessWithItsLegalForm() {
		assertThat(VerifiedDocument.maskOrganisation("示范市好味餐饮有限公司")).isEqualTo("示范市**餐饮有限公司");
		assertThat(VerifiedDocument.maskOrganisation("示范科技有限公司")).isEqualTo("**科技有限公司");
		assertThat(VerifiedDocument.maskOrganisation("好味餐饮店")).isEqualTo("**餐饮店");
		assertThat(VerifiedDocument.maskOrganisation("青川县绿源果蔬专业合作社")).isEqualTo("青川县**果蔬专业合作社");
		assertThat(VerifiedDocument.maskOrganisation("示范市人民医院")).isEqualTo("示范市**医院");
	}

	@Test
	void alwaysStarsAtLeastTwoCharactersOfAnOrganisationsName() {
		for (String name : new String[] { "示范市好味餐饮有限公司", "好味公司", "好味", "Acme Trading Ltd", "示范省示范市好味有限公司",
				"示范市好味餐饮股份有限公司", "好味餐饮店" }) {
			String masked = VerifiedDocument.maskOrganisation(name);
			assertThat(masked).as(name).hasSizeLessThanOrEqualTo(name.length());
			assertThat(masked.chars().filter(c -> c == '*').count()).as(masked)
				.isGreaterThanOrEqualTo(name.length() <= 2 ? 1 : 2);
			assertThat(masked).as(name).doesNotContain("好味");
		}
	}

	@Test
	void masksAPersonAsBefore() {
		assertThat(VerifiedDocument.maskName("张三")).isEqualTo("张*");
		assertThat(VerifiedDocument.maskName("张小三")).isEqualTo("张*三");
	}

}
