package org.govhall.cases;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.govhall.calendar.LimitUnit;
import org.govhall.catalog.ItemType;
import org.govhall.catalog.ProcessingMode;
import org.govhall.catalog.SpecialProcedure;
import org.jspecify.annotations.Nullable;

/**
 * What governs a case: copied from the item version it was applied under (design brief
 * decision 1), so publishing a new version never changes a running case.
 * {@code opinionMargin} is the time the lead department keeps after the joint-review step
 * of the item's procedure (none for items without a marked step, and for cases applied
 * for before it was kept). {@code entrustingAuthority} names the city or provincial
 * department in whose name the case is decided when the item is a county's counterpart of
 * an entrusted power (委托, 行政许可法 第二十四条): none otherwise.
 */
public record CaseTerms(String itemCode, int itemVersion, String itemNameZh, @Nullable String itemNameEn,
		ItemType itemType, ProcessingMode processingMode, String departmentCode, String regionCode,
		@Nullable Integer statutoryAmount, @Nullable LimitUnit statutoryUnit, @Nullable Integer promisedAmount,
		@Nullable LimitUnit promisedUnit, List<String> coDepartments, Set<SpecialProcedure> specialProcedures,
		List<RequiredMaterial> materials, boolean noFee, @Nullable String reconsiderationBody,
		@Nullable String litigationCourt, @Nullable String resultNameZh, List<FeeTerm> fees,
		@Nullable Integer opinionMargin, @Nullable String entrustingAuthority) {

	/** Terms of a case decided in its own department's name. */
	public CaseTerms(String itemCode, int itemVersion, String itemNameZh, @Nullable String itemNameEn,
			ItemType itemType, ProcessingMode processingMode, String departmentCode, String regionCode,
			@Nullable Integer statutoryAmount, @Nullable LimitUnit statutoryUnit, @Nullable Integer promisedAmount,
			@Nullable LimitUnit promisedUnit, List<String> coDepartments, Set<SpecialProcedure> specialProcedures,
			List<RequiredMaterial> materials, boolean noFee, @Nullable String reconsiderationBody,
			@Nullable String litigationCourt, @Nullable String resultNameZh, List<FeeTerm> fees,
			@Nullable Integer opinionMargin) {
		this(itemCode, itemVersion, itemNameZh, itemNameEn, itemType, processingMode, departmentCode, regionCode,
				statutoryAmount, statutoryUnit, promisedAmount, promisedUnit, coDepartments, specialProcedures,
				materials, noFee, reconsiderationBody, litigationCourt, resultNameZh, fees, opinionMargin, null);
	}

	/** The same terms, decided in the name of the entrusting authority (委托). */
	public CaseTerms entrustedBy(String authority) {
		return new CaseTerms(itemCode, itemVersion, itemNameZh, itemNameEn, itemType, processingMode, departmentCode,
				regionCode, statutoryAmount, statutoryUnit, promisedAmount, promisedUnit, coDepartments,
				specialProcedures, materials, noFee, reconsiderationBody, litigationCourt, resultNameZh, fees,
				opinionMargin, authority);
	}

	/**
	 * Terms without a joint-review margin from the item's steps: the case keeps a third
	 * of its limit.
	 */
	public CaseTerms(String itemCode, int itemVersion, String itemNameZh, @Nullable String itemNameEn,
			ItemType itemType, ProcessingMode processingMode, String departmentCode, String regionCode,
			@Nullable Integer statutoryAmount, @Nullable LimitUnit statutoryUnit, @Nullable Integer promisedAmount,
			@Nullable LimitUnit promisedUnit, List<String> coDepartments, Set<SpecialProcedure> specialProcedures,
			List<RequiredMaterial> materials, boolean noFee, @Nullable String reconsiderationBody,
			@Nullable String litigationCourt, @Nullable String resultNameZh, List<FeeTerm> fees) {
		this(itemCode, itemVersion, itemNameZh, itemNameEn, itemType, processingMode, departmentCode, regionCode,
				statutoryAmount, statutoryUnit, promisedAmount, promisedUnit, coDepartments, specialProcedures,
				materials, noFee, reconsiderationBody, litigationCourt, resultNameZh, fees, null);
	}

	public CaseTerms {
		fees = fees == null ? List.of() : List.copyOf(fees);
		coDepartments = List.copyOf(coDepartments);
		specialProcedures = Set.copyOf(specialProcedures);
		materials = List.copyOf(materials);
	}

	public boolean joint() {
		return !coDepartments.isEmpty();
	}

	/**
	 * Whether granting the item issues a licence that names a scope, premises and
	 * validity: an administrative licence (行政许可) whose result is a certificate (证, 执照).
	 * Approvals, opinions and filings (批复, 意见书, 通知书) issue none.
	 */
	public boolean asksLicence() {
		return itemType == ItemType.ADMINISTRATIVE_LICENSE && resultNameZh != null
				&& (resultNameZh.contains("证") || resultNameZh.contains("执照"));
	}

	public boolean instant() {
		return processingMode == ProcessingMode.INSTANT;
	}

	/**
	 * A fee the catalog lists for the item, with its amount when the standard is a fixed
	 * sum.
	 */
	public record FeeTerm(String name, java.math.@Nullable BigDecimal amount) {
	}

	/**
	 * Whether the catalog lists a fee of this name, at no more than its fixed amount (no
	 * item, fee or inspection without a legal basis: a fee not in the item's list is
	 * 乱收费).
	 */
	public boolean lists(String feeName, BigDecimal charged) {
		if (noFee) {
			return false;
		}
		return fees.stream()
			.anyMatch(f -> f.name().equals(feeName.strip())
					&& (f.amount() == null || charged.compareTo(f.amount()) <= 0));
	}

	/**
	 * A material the item requires: mandatory, or only under a stated condition.
	 * {@code name} (Chinese) is the key submitted materials and notices refer to;
	 * {@code nameEn} is for display in English (none in cases applied for before it was
	 * kept).
	 */
	public record RequiredMaterial(String name, boolean mandatory, @Nullable String condition, @Nullable String nameEn,
			@Nullable Boolean obtainedBySharing) {

		public RequiredMaterial(String name, boolean mandatory, @Nullable String condition) {
			this(name, mandatory, condition, null, false);
		}

		/**
		 * Whether the hall obtains it itself (e-certificate store or another shared
		 * register, 免于提交); none in cases applied for before it was kept.
		 */
		public boolean shared() {
			return Boolean.TRUE.equals(obtainedBySharing);
		}

		/**
		 * Whether an application is incomplete without it: mandatory and not obtained by
		 * sharing.
		 */
		public boolean mustBeHandedIn() {
			return mandatory && !shared();
		}

		/** The material's name in the language of the page. */
		public String label(Locale locale) {
			return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : name;
		}

	}

}
