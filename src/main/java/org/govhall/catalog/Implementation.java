package org.govhall.catalog;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.govhall.directory.RegionLevel;
import org.govhall.shared.CreditCode;
import org.jspecify.annotations.Nullable;

/**
 * The 实施清单 elements of GB/T 39046-2020 Table 4 that say who implements the item and on
 * what terms: its basic code (基本编码) in the national basic catalogue and the suffix of its
 * business item (业务办理项), the nature of the implementing body (实施主体性质), whether it is done
 * on application or ex officio, how far it can be handled (通办范围), intermediary services
 * (中介服务) and quantity limits (数量限制), the implementing bases (实施依据, distinct from the
 * establishing bases 设定依据 of {@link ItemDraft#legalBases()}), and the result sample
 * (结果样本).
 *
 * <p>
 * <b>Codes, as read here.</b> GB/T 39046 gives 基本编码 as an..10 and 实施编码 as an..24; the
 * structure is in GB/T 39554.1-2020, whose text was not available (china-egov-rules
 * §5.4). The one real national implementation code seen,
 * {@code 12441500196720244T3442199806003} (31 characters), starts with a valid unified
 * social credit code. So GovHall builds <em>实施编码 = the implementing body's credit code
 * (18) + its 行使层级 code (1 digit, A.2: 2 province, 3 city, 4 county) + the basic code (up
 * to 12 characters, as the national platform's basic codes are)</em>, and <em>业务办理项编码 =
 * 实施编码 + a 3-digit business-item suffix</em> ({@code 000} when the item has a single
 * business item). This is an inference, not a confirmed rule; it is computed (never
 * stored), so changing it changes every code at once. Without a basic code or without a
 * valid credit code of the department there is no implementation code.
 */
public record Implementation(
		@Nullable @Pattern(regexp = "[0-9A-Z]{1,12}", message = "{error.basicCode.pattern}") String basicCode,
		@Nullable @Pattern(regexp = "[0-9]{3}", message = "{error.itemSuffix.pattern}") String itemSuffix,
		@Nullable BodyNature bodyNature, @Nullable Initiation initiation, @Nullable HandlingScope handlingScope,
		@Nullable @Size(max = 1000) String intermediaryServices, @Nullable @Size(max = 1000) String quantityLimit,
		@Nullable @Size(max = 50) List<@NotNull @Valid LegalBasis> implementingBases,
		@Nullable @Size(max = 200) String resultSampleName,
		@Nullable @Pattern(regexp = "[0-9a-f-]{36}") String resultSampleFileId) {

	public Implementation {
		bodyNature = bodyNature == null ? BodyNature.STATUTORY : bodyNature;
		implementingBases = implementingBases == null ? List.of() : List.copyOf(implementingBases);
	}

	/**
	 * No codes, a statutory body, the initiation of the item type, no scope, limits,
	 * bases or sample.
	 */
	static Implementation defaults(@Nullable ItemType type) {
		return new Implementation(null, null, null, type == null ? null : Initiation.defaultFor(type), null, null, null,
				null, null, null);
	}

	Implementation withInitiation(Initiation value) {
		return new Implementation(basicCode, itemSuffix, bodyNature, value, handlingScope, intermediaryServices,
				quantityLimit, implementingBases, resultSampleName, resultSampleFileId);
	}

	Implementation withResultSample(String fileId, String fileName) {
		return new Implementation(basicCode, itemSuffix, bodyNature, initiation, handlingScope, intermediaryServices,
				quantityLimit, implementingBases, fileName, fileId);
	}

	/** The 行使层级 code of GB/T 39046 A.2 for the tier of the implementing body's region. */
	static String levelCode(RegionLevel level) {
		return switch (level) {
			case PROVINCE -> "2";
			case CITY -> "3";
			case COUNTY -> "4";
		};
	}

	/**
	 * 实施编码 as read above, or null when the basic code or a valid credit code is missing.
	 */
	static @Nullable String implementationCode(@Nullable String creditCode, RegionLevel level,
			@Nullable String basicCode) {
		if (basicCode == null || basicCode.isBlank() || creditCode == null || !CreditCode.isValid(creditCode)) {
			return null;
		}
		return CreditCode.of(creditCode).value() + levelCode(level) + basicCode;
	}

}
