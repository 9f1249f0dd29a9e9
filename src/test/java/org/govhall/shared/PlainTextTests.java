package org.govhall.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 12, item 6: names hold printable text only. */
class PlainTextTests {

	@Test
	void refusesControlBidiZeroWidthAndSeparatorCharacters() {
		List<String> bad = List.of("\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068",
				"\u2069", "\u200E", "\u200F", "\u0000", "\u0007", "\t", "\n", "\r", "\u007F", "\u0085", "\u009F",
				"\u200B", "\uFEFF", "\u2028", "\u2029", "\uD800", "\uE000");
		for (String c : bad) {
			assertThat(PlainText.isPlain("张" + c + "三")).as("U+%04X", (int) c.charAt(0)).isFalse();
		}
	}

	@Test
	void acceptsNamesAsPeopleWriteThem() {
		for (String name : List.of("张三", "欧阳娜娜", "阿依古丽·买买提", "示范市好味餐饮有限公司（分店）", "Zhang San", "O'Brien-Smith", "𠮷野家",
				"José", "e\u0301")) {
			assertThat(PlainText.isPlain(name)).as(name).isTrue();
		}
		assertThat(PlainText.isPlain(null)).isTrue();
	}

	@Test
	void namesTheFieldItRefuses() {
		assertThatThrownBy(() -> PlainText.require("李\u202E四", "legalName"))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.violations()).singleElement()
					.satisfies(v -> assertThat(v.field()).isEqualTo("legalName"));
			});
	}

}
