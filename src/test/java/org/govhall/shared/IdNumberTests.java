package org.govhall.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 公民身份号码 by GB 11643-1999, with the worked examples of china-egov-rules §6.2. */
class IdNumberTests {

	private static final List<String> PROVINCES = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
			"33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
			"63", "64", "65", "71", "81", "82", "83");

	private static final String ALLOWED = "0123456789X";

	@Test
	void acceptsTheWorkedExampleOfTheStandard() {
		assertThat(IdNumber.isValid("11010519491231002X")).isTrue();
		assertThat(IdNumber.of("11010519491231002X").value()).isEqualTo("11010519491231002X");
	}

	@Test
	void computesTheCheckCharactersOfBothWorkedExamples() {
		assertThat(checkCharacter("11010519491231002")).isEqualTo('X');
		assertThat(checkCharacter("44052418800101001")).isEqualTo('4');
	}

	/**
	 * china-egov-rules §6.2 gives this vector (born 1880) as valid; the reference sets no
	 * lower bound on the year.
	 */
	@Test
	void acceptsTheSecondVectorBornIn1880() {
		assertThat(IdNumber.isValid("440524188001010014")).isTrue();
	}

	@Test
	void normalisesALowercaseXToUppercase() {
		assertThat(IdNumber.isValid("11010519491231002x")).isTrue();
		assertThat(IdNumber.of("11010519491231002x").value()).isEqualTo("11010519491231002X");
	}

	@Test
	void stripsSurroundingWhitespace() {
		assertThat(IdNumber.of("  11010519491231002X\t").value()).isEqualTo("11010519491231002X");
	}

	@ParameterizedTest
	@ValueSource(strings = { "110105194912310021", "110105194912310020", "440524188001010015", "44052418800101001X" })
	void refusesAWrongCheckCharacter(String number) {
		assertThat(IdNumber.isValid(number)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "19900230", "19900231", "20230229", "19491301", "19490001", "19491200", "19490132" })
	void refusesABirthDateThatIsNotARealDate(String birth) {
		String number = withCheck("110105" + birth + "002");
		assertThat(IdNumber.isValid(number)).as(number).isFalse();
	}

	@Test
	void acceptsTheLeapDayOfALeapYear() {
		assertThat(IdNumber.isValid(withCheck("11010520000229002"))).isTrue();
	}

	@Test
	void refusesABirthDateInTheFuture() {
		String tomorrow = LocalDate.now().plusDays(2).format(DateTimeFormatter.BASIC_ISO_DATE);
		assertThat(IdNumber.isValid(withCheck("110105" + tomorrow + "002"))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "00", "10", "16", "20", "24", "30", "38", "40", "47", "55", "60", "67", "70", "80", "84",
			"99" })
	void refusesAnUnknownProvincePrefix(String prefix) {
		String number = withCheck(prefix + "010519491231002");
		assertThat(IdNumber.isValid(number)).as(number).isFalse();
	}

	@Test
	void acceptsTheResidentsOfTheDemoProvince() {
		// 示范省 uses 66, which GB/T 2260 leaves unassigned: 660102 is 示范市 城关区
		assertThat(IdNumber.isValid("660102196001011237")).isTrue();
		assertThat(IdNumber.isValid("660102196001011230")).as("a wrong check character still fails").isFalse();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "11010519491231002", "11010519491231002X1", "1101051949123100AX",
			"11010519491231002Y", "X10105194912310021", "１１０１０５１９４９１２３１００２Ｘ" })
	void refusesWhatIsNotEighteenCharactersOfDigitsAndX(String number) {
		assertThat(IdNumber.isValid(number)).isFalse();
	}

	@Test
	void refusesAnInvalidNumberWithAFieldViolation() {
		assertThatThrownBy(() -> IdNumber.of("110105194912310021")).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> {
					assertThat(ex.status()).isEqualTo(400);
					assertThat(ex.type()).isEqualTo("invalid-id-number");
					assertThat(ex.messageKey()).isEqualTo("error.idNumber.invalid");
					assertThat(ex.violations()).singleElement()
						.satisfies(v -> assertThat(v.field()).isEqualTo("idNumber"));
				});
		assertThatThrownBy(() -> new IdNumber(null)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void masksTheBirthDateAndSequenceButKeepsRegionAndLastFour() {
		IdNumber id = IdNumber.of("11010519491231002x");
		assertThat(id.masked()).isEqualTo("110105********002X");
		assertThat(id.toString()).isEqualTo("110105********002X").doesNotContain("19491231");
	}

	@Property
	void numbersBuiltWithTheGb11643CheckCharacterAreValid(@ForAll("validNumbers") String number) {
		assertThat(IdNumber.isValid(number)).isTrue();
		assertThat(IdNumber.of(number).masked()).hasSize(18)
			.startsWith(number.substring(0, 6))
			.endsWith(number.substring(14));
	}

	@Property
	void changingAnyOneCharacterOfAValidNumberMakesItInvalid(@ForAll("validNumbers") String number,
			@ForAll @IntRange(min = 0, max = 17) int position, @ForAll @IntRange(min = 1, max = 10) int shift) {
		char original = number.charAt(position);
		String allowed = position == 17 ? ALLOWED : ALLOWED.substring(0, 10);
		char replacement = allowed.charAt((allowed.indexOf(original) + shift) % allowed.length());
		if (replacement == original) {
			replacement = allowed.charAt((allowed.indexOf(original) + 1) % allowed.length());
		}
		String changed = number.substring(0, position) + replacement + number.substring(position + 1);
		assertThat(IdNumber.isValid(changed)).as("%s → %s", number, changed).isFalse();
	}

	@Provide
	Arbitrary<String> validNumbers() {
		Arbitrary<String> province = Arbitraries.of(PROVINCES);
		Arbitrary<String> area = Arbitraries.strings().numeric().ofLength(4);
		Arbitrary<LocalDate> birth = Arbitraries.longs()
			.between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2020, 12, 31).toEpochDay())
			.map(LocalDate::ofEpochDay);
		Arbitrary<String> sequence = Arbitraries.strings().numeric().ofLength(3);
		return Combinators.combine(province, area, birth, sequence)
			.as((p, a, b, s) -> withCheck(p + a + b.format(DateTimeFormatter.BASIC_ISO_DATE) + s));
	}

	/**
	 * The 17 digits followed by their ISO 7064 MOD 11-2 check character, computed here
	 * from the standard.
	 */
	static String withCheck(String first17) {
		return first17 + checkCharacter(first17);
	}

	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int weight = (1 << (17 - i)) % 11;
			sum += (first17.charAt(i) - '0') * weight;
		}
		return "10X98765432".charAt(sum % 11);
	}

}
