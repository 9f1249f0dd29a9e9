package org.govhall.catalog;

import org.govhall.directory.RegionLevel;
import org.govhall.shared.CreditCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 实施编码 as GovHall reads GB/T 39046 and the one national code seen (see
 * {@link Implementation}).
 */
class ImplementationCodeTests {

	/**
	 * The credit code at the head of the national example
	 * {@code 12441500196720244T3442199806003}.
	 */
	static final String NATIONAL_EXAMPLE_BODY = "12441500196720244T";

	@Test
	void theNationalExampleStartsWithAValidCreditCode() {
		assertThat(CreditCode.isValid(NATIONAL_EXAMPLE_BODY)).isTrue();
	}

	@Test
	void isTheCreditCodeThenTheLevelThenTheBasicCode() {
		assertThat(Implementation.implementationCode(NATIONAL_EXAMPLE_BODY, RegionLevel.CITY, "442199806003"))
			.isEqualTo("12441500196720244T3442199806003")
			.hasSize(31);
		assertThat(Implementation.implementationCode("1166000090979317XY", RegionLevel.PROVINCE, "XK00101000"))
			.isEqualTo("1166000090979317XY2XK00101000");
		assertThat(Implementation.implementationCode("1166000090979317XY", RegionLevel.COUNTY, "XK00101000"))
			.startsWith("1166000090979317XY4");
	}

	@Test
	void isAbsentWithoutABasicCodeOrAValidCreditCode() {
		assertThat(Implementation.implementationCode("1166000090979317XY", RegionLevel.CITY, null)).isNull();
		assertThat(Implementation.implementationCode(null, RegionLevel.CITY, "XK00101000")).isNull();
		assertThat(Implementation.implementationCode("1166000090979317XZ", RegionLevel.CITY, "XK00101000"))
			.as("wrong check character")
			.isNull();
	}

	@Test
	void normalisesALowerCaseCreditCode() {
		assertThat(Implementation.implementationCode("12441500196720244t", RegionLevel.CITY, "X1"))
			.isEqualTo("12441500196720244T3X1");
	}

}
