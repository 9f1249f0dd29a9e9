package org.govhall.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matching and ranking of the search, over the 52 items of the demo province as
 * published.
 */
class SearchRankingTests {

	static final String FOOD_LICENCE = "食品经营许可";

	static final List<ItemType> ENFORCEMENT = List.of(ItemType.ADMINISTRATIVE_PENALTY, ItemType.ADMINISTRATIVE_COERCION,
			ItemType.ADMINISTRATIVE_INSPECTION);

	static List<SearchEntry> demo = new ArrayList<>();

	@BeforeAll
	static void indexTheDemoItems() throws IOException {
		try (InputStream in = SearchRankingTests.class.getResourceAsStream("/demo/items.json")) {
			long id = 1;
			for (JsonNode item : JsonMapper.builder().build().readTree(in)) {
				JsonNode c = item.get("content");
				demo.add(SearchEntry.of(id++, item.get("code").asString(),
						ItemType.valueOf(c.get("itemType").asString()), c.get("nameZh").asString(), text(c, "aliases"),
						text(c, "nameEn"), text(c, "keywordsEn")));
			}
		}
		assertThat(demo).hasSize(53);
	}

	@Test
	void ranksTheFoodLicenceAboveFoodEnforcementItems() {
		List<SearchEntry> hits = SearchRanking.rank(demo, "食品");

		assertThat(hits.get(0).nameZh()).isEqualTo(FOOD_LICENCE);
		assertThat(hits).extracting(SearchEntry::code)
			.contains("660100-CF-02006", "660100-QZ-02007", "660100-JC-02005");
		int lastApplied = lastIndex(hits, e -> e.type().searchRank() == 0);
		int firstEnforcement = firstIndex(hits, e -> ENFORCEMENT.contains(e.type()));
		assertThat(lastApplied).as("every licence and service before the first enforcement item")
			.isLessThan(firstEnforcement);
	}

	@ParameterizedTest
	@ValueSource(strings = { "食品经营许课", "食品经营许", "食品经营可", "食品经营营许可", "shipin jingying", "shipinjingying", "spjy",
			"ShiPin", "shipinjingyin", "shipinjinying", "ｓｈｉｐｉｎ" })
	void findsTheFoodLicenceFirstDespiteATypoOrInPinyin(String query) {
		List<SearchEntry> hits = SearchRanking.rank(demo, query);

		assertThat(hits).as(query).isNotEmpty();
		assertThat(hits.get(0).nameZh()).as(query).isEqualTo(FOOD_LICENCE);
	}

	@Test
	void toleratesOneTypoInAnAliasAndInAThreeCharacterWord() {
		assertThat(SearchRanking.rank(demo, "营业执召")).extracting(SearchEntry::nameZh)
			.contains("企业设立登记", "个体工商户设立登记", "企业变更登记");
		assertThat(SearchRanking.rank(demo, "居住正")).extracting(SearchEntry::nameZh).first().isEqualTo("居住证申领");
		assertThat(SearchRanking.rank(demo, "dibao")).extracting(SearchEntry::nameZh).containsExactly("最低生活保障审批");
		assertThat(SearchRanking.rank(demo, "gaoling jintie")).extracting(SearchEntry::nameZh)
			.containsExactly("高龄津贴发放");
	}

	@Test
	void aQueryThatMatchesExactlyGetsNoTypoMatches() {
		List<SearchEntry> hits = SearchRanking.rank(demo, "许可证");

		assertThat(hits).isNotEmpty().allSatisfy(e -> assertThat(e.nameZh() + e.aliases()).contains("许可证"));
	}

	@Test
	void shortQueriesAreNeverFuzzy() {
		assertThat(SearchRanking.rank(demo, "食")).allSatisfy(e -> assertThat(e.nameZh() + e.aliases()).contains("食"));
		assertThat(SearchRanking.rank(demo, "户口")).allSatisfy(e -> assertThat(e.nameZh() + e.aliases()).contains("户口"));
		assertThat(SearchRanking.rank(demo, "食X")).isEmpty();
		assertThat(SearchRanking.rank(demo, "xq")).isEmpty();
	}

	@Test
	void anExactNameOrAliasRanksFirstWhateverItsType() {
		assertThat(SearchRanking.rank(demo, "对食品经营者的监督检查").get(0).code()).isEqualTo("660100-JC-02005");
		assertThat(SearchRanking.rank(demo, "食品安全检查").get(0).code()).isEqualTo("660100-JC-02005");
		assertThat(SearchRanking.rank(demo, "无证经营处罚").get(0).code()).isEqualTo("660100-CF-02006");
	}

	@Test
	void everyTermMustMatchAndEnglishAndCodesStillWork() {
		assertThat(SearchRanking.rank(demo, "食品 扣押")).extracting(SearchEntry::code).containsExactly("660100-QZ-02007");
		assertThat(SearchRanking.rank(demo, "food licence")).extracting(SearchEntry::nameZh)
			.first()
			.isEqualTo(FOOD_LICENCE);
		assertThat(SearchRanking.rank(demo, "660100-xk-02001")).extracting(SearchEntry::code)
			.containsExactly("660100-XK-02001");
		assertThat(SearchRanking.rank(demo, "没有这种事项")).isEmpty();
		assertThat(SearchRanking.rank(demo, " ， ")).isEmpty();
	}

	@Test
	void computesPinyinAndInitialsOfTheNameAndEachAlias() {
		SearchEntry e = SearchEntry.of(1, "X", ItemType.ADMINISTRATIVE_LICENSE, "食品经营许可", "餐饮许可，KTV许可", null, null);

		assertThat(e.pinyin()).containsExactly("shipinjingyingxuke", "canyinxuke", "ktvxuke");
		assertThat(e.initials()).containsExactly("spjyxk", "cyxk", "ktvxk");
		assertThat(e.aliases()).containsExactly("餐饮许可", "ktv许可");
	}

	@Test
	void matchesASubstringWithinOneEdit() {
		assertThat(SearchRanking.withinOneEdit("营业执召", "营业执照办理")).isTrue();
		assertThat(SearchRanking.withinOneEdit("营业执照照", "办理营业执照")).isTrue();
		assertThat(SearchRanking.withinOneEdit("营执照", "营业执照")).isTrue();
		assertThat(SearchRanking.withinOneEdit("营执业照", "营业执照")).isFalse();
		assertThat(SearchRanking.withinOneEdit("abcd", "xxabxdxx")).isTrue();
		assertThat(SearchRanking.withinOneEdit("abcd", "xxaxxdxx")).isFalse();
	}

	private static String text(JsonNode content, String field) {
		JsonNode node = content.get(field);
		return node == null || node.isNull() ? null : node.asString();
	}

	private static int firstIndex(List<SearchEntry> hits, java.util.function.Predicate<SearchEntry> test) {
		for (int i = 0; i < hits.size(); i++) {
			if (test.test(hits.get(i))) {
				return i;
			}
		}
		return hits.size();
	}

	private static int lastIndex(List<SearchEntry> hits, java.util.function.Predicate<SearchEntry> test) {
		int last = -1;
		for (int i = 0; i < hits.size(); i++) {
			if (test.test(hits.get(i))) {
				last = i;
			}
		}
		return last;
	}

}
