package org.govhall.documents;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Document numbers: prefix, year, sequence and a random suffix without look-alike characters. */
class DocumentsNumberingTests {

	@Test
	void buildsNumbersFromPrefixYearSequenceAndARandomSuffix() {
		String number = DocumentNumber.next(DocumentKind.ACCEPTANCE_NOTICE, 2026, 123, new SplittableRandom(7));

		assertThat(number).matches("SL-2026-000123-[" + DocumentNumber.ALPHABET + "]{4}");
		assertThat(DocumentNumber.next(DocumentKind.REFUSAL_DECISION, 2027, 1_234_567, new SplittableRandom(7)))
			.startsWith("BSL-2027-1234567-");
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
			suffixes.add(number.substring(number.length() - 4));
		}
		assertThat(suffixes).hasSizeGreaterThan(990);
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
