package org.govhall.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import org.govhall.shared.GovHallException.FieldViolation;

/**
 * The rules an item version must meet before it is submitted or published. Each rule
 * names its legal source; a refusal lists every broken rule at once, so the drafter can
 * fix them in one go.
 */
final class PublishingRules {

	private PublishingRules() {
	}

	/**
	 * What the rules need to know about the world beyond the draft.
	 * {@code counterpartInCounty} tells whether an item code (first) is a published,
	 * active item of a department of the county (second) or below it.
	 */
	record Context(String ownDepartmentCode, Predicate<String> departmentExists,
			Predicate<String> countyBelowItemRegion, Predicate<Long> windowReceivesDepartment,
			BiPredicate<String, String> counterpartInCounty) {

		/**
		 * A context in which every window receives the department and no item can be a
		 * county's counterpart (for rules that look at neither).
		 */
		Context(String ownDepartmentCode, Predicate<String> departmentExists, Predicate<String> countyBelowItemRegion) {
			this(ownDepartmentCode, departmentExists, countyBelowItemRegion, w -> true, (item, county) -> false);
		}

		/**
		 * A context that looks at the windows, in which no item can be a county's
		 * counterpart.
		 */
		Context(String ownDepartmentCode, Predicate<String> departmentExists, Predicate<String> countyBelowItemRegion,
				Predicate<Long> windowReceivesDepartment) {
			this(ownDepartmentCode, departmentExists, countyBelowItemRegion, windowReceivesDepartment,
					(item, county) -> false);
		}

		/**
		 * A context that looks at the counterparts, in which every window receives the
		 * department.
		 */
		Context(String ownDepartmentCode, Predicate<String> departmentExists, Predicate<String> countyBelowItemRegion,
				BiPredicate<String, String> counterpartInCounty) {
			this(ownDepartmentCode, departmentExists, countyBelowItemRegion, w -> true, counterpartInCounty);
		}

	}

	/** Rules that hold for every saved draft: references must resolve. */
	static List<FieldViolation> referencesOf(ItemDraft d, Context ctx) {
		List<FieldViolation> v = new ArrayList<>();
		for (String code : d.coDepartmentCodes()) {
			if (code.equals(ctx.ownDepartmentCode())) {
				v.add(new FieldViolation("coDepartmentCodes", "rule.coDepartment.self", code));
			}
			else if (!ctx.departmentExists().test(code)) {
				v.add(new FieldViolation("coDepartmentCodes", "rule.coDepartment.unknown", code));
			}
		}
		Set<String> counties = new HashSet<>();
		for (int i = 0; i < d.delegations().size(); i++) {
			Delegation del = d.delegations().get(i);
			if (!ctx.countyBelowItemRegion().test(del.countyCode())) {
				v.add(new FieldViolation("delegations[" + i + "].countyCode", "rule.delegation.county",
						del.countyCode()));
			}
			if (!counties.add(del.countyCode())) {
				v.add(new FieldViolation("delegations[" + i + "].countyCode", "rule.delegation.duplicate",
						del.countyCode()));
			}
		}
		// 办理地点: the windows named must exist and receive the item's department
		List<Long> windows = d.handling().windowIds();
		for (int i = 0; i < windows.size(); i++) {
			if (!ctx.windowReceivesDepartment().test(windows.get(i))) {
				v.add(new FieldViolation("handling.windowIds[" + i + "]", "rule.handling.window", windows.get(i)));
			}
		}
		return v;
	}

	/** Every rule, for submission and publication. */
	static List<FieldViolation> check(ItemDraft d, Context ctx) {
		List<FieldViolation> v = new ArrayList<>(referencesOf(d, ctx));
		// 优化营商环境条例 第四十条, 行政许可法 第十四条至第十七条: no item without a legal basis
		if (d.legalBases().isEmpty()) {
			v.add(new FieldViolation("legalBases", "rule.legalBasis.required"));
		}
		checkFees(d, v);
		checkLimits(d, v);
		checkJointReview(d, v);
		// 扩权强县: the county's counterpart item is named by code and must be the county's
		// own published item
		for (int i = 0; i < d.delegations().size(); i++) {
			Delegation del = d.delegations().get(i);
			String counterpart = del.counterpartItemCode();
			if (counterpart != null && !ctx.counterpartInCounty().test(counterpart, del.countyCode())) {
				v.add(new FieldViolation("delegations[" + i + "].counterpartItemCode", "rule.delegation.counterpart",
						counterpart, del.countyCode()));
			}
		}
		// GB/T 39046 行使层级: an item handled in counties lists the county level, so the
		// published guide says where it is exercised
		if (!d.delegations().isEmpty() && !d.exerciseLevels().contains(ExerciseLevel.COUNTY)) {
			v.add(new FieldViolation("exerciseLevels", "rule.delegation.levelMissing"));
		}
		for (int i = 0; i < d.materials().size(); i++) {
			Material m = d.materials().get(i);
			if (m.requirement() == MaterialRequirement.CONDITIONAL
					&& (m.conditionText() == null || m.conditionText().isBlank())) {
				v.add(new FieldViolation("materials[" + i + "].conditionText", "rule.material.conditionRequired",
						m.nameZh()));
			}
			if (m.originals() == 0 && m.copies() == 0 && m.medium() == MaterialMedium.PAPER) {
				v.add(new FieldViolation("materials[" + i + "].copies", "rule.material.countRequired", m.nameZh()));
			}
		}
		// 全程网办 means no trip to the hall; an item that cannot be handled online needs at
		// least one visit
		if (d.onlineAvailability() == OnlineAvailability.FULLY_ONLINE && d.onSiteVisits() > 0) {
			v.add(new FieldViolation("onSiteVisits", "rule.visits.fullyOnline"));
		}
		if (d.onlineAvailability() == OnlineAvailability.OFFLINE && d.onSiteVisits() == 0) {
			v.add(new FieldViolation("onSiteVisits", "rule.visits.offline"));
		}
		checkInitiation(d, v);
		checkOnline(d, v);
		Revision r = d.revision();
		if (r.effectiveOn() != null && r.endsOn() != null && r.endsOn().isBefore(r.effectiveOn())) {
			v.add(new FieldViolation("revision.endsOn", "rule.revision.endsBeforeEffective", r.endsOn(),
					r.effectiveOn()));
		}
		return v;
	}

	/**
	 * 依申请 / 依职权: nobody applies for a penalty, coercive measure or inspection (行政处罚法,
	 * 行政强制法: the authority acts on its own motion), so enforcement is never on
	 * application; and what is done ex officio is not offered to applicants online
	 * (不能网办).
	 */
	private static void checkInitiation(ItemDraft d, List<FieldViolation> v) {
		if (d.itemType() != null && d.itemType().enforcement() && d.initiation() == Initiation.ON_APPLICATION) {
			v.add(new FieldViolation("implementation.initiation", "rule.initiation.enforcement"));
		}
		if (d.initiation() == Initiation.EX_OFFICIO && d.onlineAvailability() != OnlineAvailability.OFFLINE) {
			v.add(new FieldViolation("onlineAvailability", "rule.initiation.exOfficioOffline"));
		}
	}

	/**
	 * 网办深度 四级 is 全程网办 and nothing less is; an online address needs some online handling.
	 */
	private static void checkOnline(ItemDraft d, List<FieldViolation> v) {
		OnlineDepth depth = d.online().depth();
		if (depth != null
				&& (depth == OnlineDepth.LEVEL_4) != (d.onlineAvailability() == OnlineAvailability.FULLY_ONLINE)) {
			v.add(new FieldViolation("online.depth", "rule.online.depth"));
		}
		if (d.online().url() != null && d.onlineAvailability() == OnlineAvailability.OFFLINE) {
			v.add(new FieldViolation("online.url", "rule.online.urlOffline"));
		}
	}

	private static void checkFees(ItemDraft d, List<FieldViolation> v) {
		// 行政许可法 第五十八条: no fee unless a law or administrative regulation provides for it
		if (d.noFee() && !d.fees().isEmpty()) {
			v.add(new FieldViolation("fees", "rule.fee.noFeeConflict"));
		}
		if (!d.noFee() && d.fees().isEmpty()) {
			v.add(new FieldViolation("fees", "rule.fee.missing"));
		}
		for (int i = 0; i < d.fees().size(); i++) {
			Fee f = d.fees().get(i);
			if (f.legalBasis() == null || f.legalBasis().isBlank()) {
				v.add(new FieldViolation("fees[" + i + "].legalBasis", "rule.fee.legalBasis", f.nameZh()));
			}
		}
	}

	private static void checkLimits(ItemDraft d, List<FieldViolation> v) {
		TimeLimit statutory = d.statutoryLimit();
		TimeLimit promised = d.promisedLimit();
		// 行政许可法 第四十二条: every licence has a statutory decision limit
		if (d.itemType() == ItemType.ADMINISTRATIVE_LICENSE && statutory == null) {
			v.add(new FieldViolation("statutoryLimit", "rule.statutoryLimit.required"));
		}
		if (statutory != null && statutory.amount() == 0) {
			v.add(new FieldViolation("statutoryLimit.amount", "rule.statutoryLimit.positive"));
		}
		if (d.processingMode() == ProcessingMode.PROMISED && promised == null) {
			v.add(new FieldViolation("promisedLimit", "rule.promisedLimit.required"));
		}
		if (promised != null) {
			if (d.processingMode() == ProcessingMode.INSTANT && promised.amount() > 0) {
				v.add(new FieldViolation("promisedLimit.amount", "rule.instant.sameDay"));
			}
			if (d.processingMode() == ProcessingMode.PROMISED && promised.amount() == 0) {
				v.add(new FieldViolation("promisedLimit.amount", "rule.promisedLimit.positive"));
			}
			if (statutory != null && !promised.fitsWithin(statutory)) {
				v.add(new FieldViolation("promisedLimit", "rule.promisedLimit.exceeds", promised.amount(),
						statutory.amount()));
			}
		}
	}

	/**
	 * 行政许可法 第二十六条: a joint item's co-departments answer inside the case's limit. One step
	 * at most is the joint review; it needs co-departments, and the steps after it must
	 * leave them at least a day of the statutory limit.
	 */
	private static void checkJointReview(ItemDraft d, List<FieldViolation> v) {
		int marked = 0;
		for (int i = 0; i < d.steps().size(); i++) {
			if (d.steps().get(i).isJointReview()) {
				marked++;
				if (marked > 1) {
					v.add(new FieldViolation("steps[" + i + "].jointReview", "rule.jointReview.once"));
				}
				else if (d.coDepartmentCodes().isEmpty()) {
					v.add(new FieldViolation("steps[" + i + "].jointReview", "rule.jointReview.noCoDepartments"));
				}
			}
		}
		Integer margin = d.jointReviewMargin();
		TimeLimit statutory = d.statutoryLimit();
		if (marked == 1 && margin != null && statutory != null && margin >= statutory.amount()) {
			v.add(new FieldViolation("steps", "rule.jointReview.margin", margin, statutory.amount()));
		}
	}

}
