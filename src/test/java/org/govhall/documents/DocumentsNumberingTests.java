package org.govhall.documents;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Document numbers: prefix, year, sequence and a random suffix without look-alike
 * characters.
 */
class DocumentsNumberingTests {

	@Test
	void buildsNumbersFromPrefixYearSequenceAndARandomSuffix() {
		String number = DocumentNumber.next(DocumentKind.ACCEPTANCE_NOTICE, 2026, 123, new SplittableRandom(7));

		assertThat(number).matches("SL-2026-000123-[" + DocumentNumber.ALPHABET + "]{14}");
		assertThat(DocumentNumber.next(DocumentKind.REFUSAL_DECISION, 2027, 1_234_567, new SplittableRandom(7)))
			.startsWith("BSL-2027-1234567-");
	}

	/**
	 * Issue 12, item 9: a number is not found by trying; the suffix alone holds at least
	 * 64 bits.
	 */
	@Test
	void carriesAtLeast64BitsOfRandomness() {
		double bits = DocumentNumber.SUFFIX_LENGTH * Math.log(DocumentNumber.ALPHABET.length()) / Math.log(2);
		assertThat(bits).isGreaterThanOrEqualTo(64);
		String number = DocumentNumber.next(DocumentKind.CERTIFICATE, 2026, 999_999_999_999L, new SplittableRandom(1));
		assertThat(number.substring(number.lastIndexOf('-') + 1)).hasSize(DocumentNumber.SUFFIX_LENGTH);
		// the longest number still fits its column and is read back
		assertThat(DocumentNumber.parse(number)).contains(number);
	}

	@Test
	void keepsNumbersIssuedBeforeValid() {
		assertThat(DocumentNumber.parse("SL-2026-000123-7KQX")).contains("SL-2026-000123-7KQX");
		assertThat(DocumentNumber.parse("SL-2026-000123-7KQX5M9PT3WZ2H")).contains("SL-2026-000123-7KQX5M9PT3WZ2H");
		// neither 4 nor 14: not a number
		assertThat(DocumentNumber.parse("SL-2026-000123-7KQX5M9PT3")).isEmpty();
	}

	@Test
	void leavesOutCharactersThatAreEasilyMisread() {
		assertThat(DocumentNumber.ALPHABET).doesNotContain("0", "1", "I", "L", "O", "U", "V").hasSize(29);
	}

	@Test
	void spreadsSuffixesSoThatNeighboursCannotBeGuessed() {
		SplittableRandom random = new SplittableRandom(42);
		Set<String> suffixes = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String number = DocumentNumber.next(DocumentKind.CERTIFICATE, 2026, i, random);
			suffixes.add(number.substring(number.length() - DocumentNumber.SUFFIX_LENGTH));
		}
		assertThat(suffixes).hasSize(1000);
	}

	@Test
	void givesEveryKindItsOwnPrefix() {
		Set<String> prefixes = new HashSet<>();
		for (DocumentKind kind : DocumentKind.values()) {
			assertThat(kind.prefix()).matches("[A-Z]{2,3}");
			assertThat(kind.messageKey()).isEqualTo("DocumentKind." + kind.name());
			prefixes.add(kind.prefix());
		}
		assertThat(prefixes).hasSize(DocumentKind.values().length);
	}

	@Test
	void readsNumbersForgivingCaseAndSpacesAndRefusesEverythingElse() {
		assertThat(DocumentNumber.parse(" sl-2026-000123-7kqx ")).contains("SL-2026-000123-7KQX");
		assertThat(DocumentNumber.parse("SL-2026-000123-7KQ0")).isEmpty();
		assertThat(DocumentNumber.parse("SL-2026-123-7KQX")).isEmpty();
		assertThat(DocumentNumber.parse("SL-2026-000123-7KQX-")).isEmpty();
		assertThat(DocumentNumber.parse("<script>")).isEmpty();
		assertThat(DocumentNumber.parse("")).isEmpty();
		assertThat(DocumentNumber.parse("S".repeat(10_000))).isEmpty();
	}

	@Test
	void escapesEveryCharacterThatMeansSomethingInXml() {
		assertThat(DocumentLayout.escape("<a href=\"x\">&'</a>\u0001"))
			.isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
	}

}
