package org.govhall.shared;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 统一社会信用代码 by GB 32100-2015, with the worked examples of china-egov-rules §6.1. */
class CreditCodeTests {

	/** The 31 characters of the standard; I, O, S, V and Z are never used. */
	private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	@Test
	void acceptsTheWorkedExampleOfTheStandard() {
		assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
		assertThat(CreditCode.of("91350100M000100Y43").value()).isEqualTo("91350100M000100Y43");
		assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
	}

	@Test
	void acceptsTheEdgeCaseWhoseWeightedSumIsAMultipleOf31() {
		assertThat(CreditCode.checkCharacter("91110108MA01XY140")).isEqualTo('0');
		assertThat(CreditCode.isValid("91110108MA01XY1400")).isTrue();
	}

	@Test
	void normalisesLowercaseAndWhitespace() {
		assertThat(CreditCode.isValid("91350100m000100y43")).isTrue();
		assertThat(CreditCode.of(" 91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
		assertThat(CreditCode.of("91110108ma01xy1400").toString()).isEqualTo("91110108MA01XY1400");
	}

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y44", "91350100M000100Y40", "91350100M000100Y4Y", "91110108MA01XY1401",
			"91110108MA01XY140Y" })
	void refusesAWrongCheckCharacter(String code) {
		assertThat(CreditCode.isValid(code)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(chars = { 'I', 'O', 'S', 'V', 'Z' })
	void refusesTheLettersTheStandardLeavesOut(char letter) {
		String first17 = "91350100M000100" + letter + "4";
		assertThat(CreditCode.isValid(first17 + "3")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> CreditCode.checkCharacter(first17));
	}

	@Test
	void refusesLettersInTheRegionCodePositions() {
		String first17 = "9135A100M000100Y4";
		assertThat(CreditCode.isValid(first17 + CreditCode.checkCharacter(first17))).isFalse();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(
			strings = { " ", "91350100M000100Y4", "91350100M000100Y433", "91350100-M000100Y4", "9135０１00M000100Y43" })
	void refusesWhatIsNotEighteenCharactersOfTheCharset(String code) {
		assertThat(CreditCode.isValid(code)).isFalse();
	}

	@Test
	void refusesAnInvalidCodeWithAFieldViolation() {
		assertThatThrownBy(() -> CreditCode.of("91350100M000100Y44"))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.type()).isEqualTo("invalid-credit-code");
				assertThat(ex.messageKey()).isEqualTo("error.creditCode.invalid");
				assertThat(ex.violations()).singleElement()
					.satisfies(v -> assertThat(v.field()).isEqualTo("creditCode"));
			});
		assertThatThrownBy(() -> new CreditCode(null)).isInstanceOf(InvalidInputException.class);
	}

	@Property
	void codesBuiltWithTheCheckCharacterAreValid(@ForAll("prefixes") String first17) {
		String code = first17 + CreditCode.checkCharacter(first17);
		assertThat(CreditCode.isValid(code)).as(code).isTrue();
		assertThat(CreditCode.of(code.toLowerCase()).value()).isEqualTo(code);
	}

	@Property
	void changingAnyOneCharacterOfAValidCodeMakesItInvalid(@ForAll("prefixes") String first17,
			@ForAll @IntRange(min = 0, max = 17) int position, @ForAll @IntRange(min = 1, max = 30) int shift) {
		String code = first17 + CreditCode.checkCharacter(first17);
		char replacement = CHARSET.charAt((CHARSET.indexOf(code.charAt(position)) + shift) % CHARSET.length());
		String changed = code.substring(0, position) + replacement + code.substring(position + 1);
		assertThat(CreditCode.isValid(changed)).as("%s → %s", code, changed).isFalse();
	}

	/**
	 * Valid first 17 characters: two of the charset, six digits of a region code, nine of
	 * the charset.
	 */
	@Provide
	Arbitrary<String> prefixes() {
		Arbitrary<String> head = Arbitraries.of(CHARSET.toCharArray()).list().ofSize(2).map(CreditCodeTests::join);
		Arbitrary<String> region = Arbitraries.strings().numeric().ofLength(6);
		Arbitrary<String> subject = Arbitraries.of(CHARSET.toCharArray()).list().ofSize(9).map(CreditCodeTests::join);
		return Combinators.combine(head, region, subject).as((h, r, s) -> h + r + s);
	}

	private static String join(java.util.List<Character> chars) {
		StringBuilder sb = new StringBuilder();
		chars.forEach(sb::append);
		return sb.toString();
	}

}
