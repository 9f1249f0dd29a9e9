package org.govhall.supervision.delegation;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.govhall.catalog.DelegationMode;
import org.govhall.directory.RegionView;
import org.jspecify.annotations.Nullable;

/**
 * The tracking of the powers delegated to one county (扩权强县 跟踪督查) over a period: one
 * {@link Power} per delegated item with its figures and flags, and the county's totals.
 * How the figures are counted is described on {@link DelegationTracking}.
 *
 * @param county the county the powers were delegated to
 * @param from the first day of the period
 * @param to the last day of the period
 * @param idleMonths the months without a county case that make a power 放而不用
 * @param idleFrom the first day of those months: the window is {@code idleFrom} to
 * {@code to}
 * @param aboveShareThreshold 下放不到位 when the share of the county applicants' cases handled
 * above exceeds it
 */
record DelegationOverview(RegionView county, LocalDate from, LocalDate to, int idleMonths, LocalDate idleFrom,
		double aboveShareThreshold, List<Power> powers, Totals totals) {

	public DelegationOverview {
		powers = List.copyOf(powers);
	}

	/** The threshold as a percentage for the page and the report, e.g. {@code 50%}. */
	public String thresholdPercent() {
		return percent(aboveShareThreshold);
	}

	/**
	 * One power delegated to the county, with its figures in the period.
	 *
	 * @param itemCode the delegated item of the city or province department
	 * @param countyItemCodes the county's counterpart item named by code in the
	 * delegation, if it is published and active (none or one)
	 * @param counterpartNameZh the counterpart item's Chinese name (it may differ from
	 * the delegated item's)
	 * @param counterpartDepartmentNameZh the county department that handles the
	 * counterpart item
	 * @param takenOn whether the county has taken the power on: a counterpart item exists
	 * and the county has not recorded it as not yet taken on; otherwise the power is 未承接
	 * @param notTakenOnReason the county's reason when it recorded the power as not yet
	 * taken on (尚未承接)
	 * @param notTakenOnTarget the date by which the county means to take it on
	 * @param countedFrom the first day counted: the later of the period start and the
	 * delegation's effective date
	 * @param inForce whether the delegation was in force on some day of the period
	 * @param countyReceived cases received by a department of the county under the power
	 * in the period
	 * @param aboveReceived cases of applicants from the county received under the
	 * delegated item by a department above the county (city or province) in the period,
	 * except those refused and redirected
	 * @param redirectedAbove cases of applicants from the county that the department
	 * above refused, naming the competent authority (sent to the county): not counted as
	 * handled above
	 * @param localShare countyReceived / (countyReceived + aboveReceived), none when both
	 * are 0
	 * @param countyDecided county cases decided in the period whose punctuality is known
	 * @param countyOnTime those of them decided on time
	 * @param onTimeRate countyOnTime / countyDecided, none when nothing was decided
	 * @param lastCountyCase the county's last case under the power received on or before
	 * the period end
	 * @param idleWindowReceived county cases received in the idle window
	 * @param idleApplies whether the delegation was in force for the whole idle window
	 * @param notDelegatedInPractice 下放不到位: the share handled above exceeds the threshold
	 * @param delegatedButUnused 放而不用: taken on, in force for the whole idle window and no
	 * county case in it
	 */
	public record Power(String itemCode, String itemNameZh, @Nullable String itemNameEn, String departmentCode,
			String departmentNameZh, String departmentNameEn, String departmentRegionCode, DelegationMode mode,
			LocalDate effectiveOn, String documentNo, @Nullable String note, List<String> countyItemCodes,
			@Nullable String counterpartNameZh, @Nullable String counterpartNameEn,
			@Nullable String counterpartDepartmentNameZh, @Nullable String counterpartDepartmentNameEn, boolean takenOn,
			@Nullable String notTakenOnReason, @Nullable LocalDate notTakenOnTarget, LocalDate countedFrom,
			boolean inForce, long countyReceived, long aboveReceived, long redirectedAbove, @Nullable Double localShare,
			long countyDecided, long countyOnTime, @Nullable Double onTimeRate, @Nullable LocalDate lastCountyCase,
			long idleWindowReceived, boolean idleApplies, boolean notDelegatedInPractice, boolean delegatedButUnused) {

		public Power {
			countyItemCodes = List.copyOf(countyItemCodes);
		}

		public String itemName(Locale locale) {
			return "en".equals(locale.getLanguage()) && itemNameEn != null && !itemNameEn.isBlank() ? itemNameEn
					: itemNameZh;
		}

		public String departmentName(Locale locale) {
			return "en".equals(locale.getLanguage()) ? departmentNameEn : departmentNameZh;
		}

		public @Nullable String counterpartName(Locale locale) {
			return "en".equals(locale.getLanguage()) && counterpartNameEn != null && !counterpartNameEn.isBlank()
					? counterpartNameEn : counterpartNameZh;
		}

		public @Nullable String counterpartDepartmentName(Locale locale) {
			return "en".equals(locale.getLanguage()) ? counterpartDepartmentNameEn : counterpartDepartmentNameZh;
		}

		/**
		 * 未承接: the county has not taken the power on (no counterpart item, or recorded as
		 * not yet taken on).
		 */
		public boolean notTakenOn() {
			return !takenOn;
		}

		public String localSharePercent() {
			return percent(localShare);
		}

		public String onTimePercent() {
			return percent(onTimeRate);
		}

		/**
		 * This power's figures as a total of one, so that a county's total is the
		 * {@link Totals#sum} of its powers.
		 */
		Totals totals() {
			return new Totals(1, countyReceived, aboveReceived, localShare, countyDecided, countyOnTime, onTimeRate,
					notDelegatedInPractice ? 1 : 0, delegatedButUnused ? 1 : 0, notTakenOn() ? 1 : 0, redirectedAbove);
		}

		/** No flag is raised and the power is taken on. */
		public boolean clean() {
			return takenOn && !notDelegatedInPractice && !delegatedButUnused;
		}

	}

	/** The county's figures over every delegated power. */
	public record Totals(int powers, long countyReceived, long aboveReceived, @Nullable Double localShare,
			long countyDecided, long countyOnTime, @Nullable Double onTimeRate, int notDelegatedInPractice,
			int delegatedButUnused, int notTakenOn, long redirectedAbove) {

		public String localSharePercent() {
			return percent(localShare);
		}

		public String onTimePercent() {
			return percent(onTimeRate);
		}

		/**
		 * The sum of several counties' (or cities') totals, rates recomputed from the
		 * sums.
		 */
		static Totals sum(List<Totals> parts) {
			int powers = 0;
			long county = 0;
			long above = 0;
			long decided = 0;
			long onTime = 0;
			int notInPractice = 0;
			int unused = 0;
			int notTakenOn = 0;
			long redirected = 0;
			for (Totals t : parts) {
				powers += t.powers();
				county += t.countyReceived();
				above += t.aboveReceived();
				decided += t.countyDecided();
				onTime += t.countyOnTime();
				notInPractice += t.notDelegatedInPractice();
				unused += t.delegatedButUnused();
				notTakenOn += t.notTakenOn();
				redirected += t.redirectedAbove();
			}
			return new Totals(powers, county, above, ratio(county, county + above), decided, onTime,
					ratio(onTime, decided), notInPractice, unused, notTakenOn, redirected);
		}

	}

	static @Nullable Double ratio(long part, long whole) {
		return whole == 0 ? null : (double) part / whole;
	}

	/**
	 * A ratio as a percentage with one decimal ({@code 66.7%}), or a dash when there is
	 * none.
	 */
	static String percent(@Nullable Double ratio) {
		if (ratio == null) {
			return "—";
		}
		String s = String.format(Locale.ROOT, "%.1f", ratio * 100);
		return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
	}

}
