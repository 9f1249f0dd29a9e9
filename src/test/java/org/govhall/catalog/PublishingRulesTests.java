package org.govhall.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.govhall.shared.GovHallException.FieldViolation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.govhall.catalog.CatalogFixtures.calendarDays;
import static org.govhall.catalog.CatalogFixtures.conditionalMaterial;
import static org.govhall.catalog.CatalogFixtures.delegation;
import static org.govhall.catalog.CatalogFixtures.editing;
import static org.govhall.catalog.CatalogFixtures.fee;
import static org.govhall.catalog.CatalogFixtures.licensingItem;
import static org.govhall.catalog.CatalogFixtures.licensingItemWith20WorkingDayLimit;
import static org.govhall.catalog.CatalogFixtures.paperMaterial;
import static org.govhall.catalog.CatalogFixtures.workingDays;

/** Every publishing rule, each with a draft it accepts and one it refuses. */
class PublishingRulesTests {

	private static final String OWN = CatalogFixtures.CITY_MARKET_REGULATION;

	private static final Set<String> DEPARTMENTS = Set.of(OWN, "660100-GAJ", "660100-XZSP");

	private static final Set<String> COUNTIES_BELOW = Set.of("660102", "660121");

	private static final PublishingRules.Context CONTEXT = new PublishingRules.Context(OWN, DEPARTMENTS::contains,
			COUNTIES_BELOW::contains);

	@Test
	void acceptsTheValidLicensingFixture() {
		assertThat(PublishingRules.check(licensingItemWith20WorkingDayLimit(), CONTEXT)).isEmpty();
		assertThat(PublishingRules.referencesOf(licensingItemWith20WorkingDayLimit(), CONTEXT)).isEmpty();
		assertThat(PublishingRules.check(CatalogFixtures.licensingItemDelegatedToDonghu(), CONTEXT)).isEmpty();
		assertThat(PublishingRules.check(CatalogFixtures.instantPublicService(), CONTEXT)).isEmpty();
	}

	@Test
	void reportsEveryBrokenRuleAtOnce() {
		ItemDraft broken = licensingItem().legalBases()
			.noFee(true)
			.fees(fee(null))
			.statutoryLimit(null)
			.instant(workingDays(5))
			.online(OnlineAvailability.FULLY_ONLINE, 2)
			.materials(conditionalMaterial("委托书", " "), paperMaterial("营业执照", 0, 0))
			.delegations(delegation("660221"), delegation("660221"))
			.coDepartments(OWN, "660100-NONE")
			.build();

		assertThat(PublishingRules.check(broken, CONTEXT)).extracting(FieldViolation::field, FieldViolation::messageKey)
			.containsExactlyInAnyOrder(tuple("coDepartmentCodes", "rule.coDepartment.self"),
					tuple("coDepartmentCodes", "rule.coDepartment.unknown"),
					tuple("delegations[0].countyCode", "rule.delegation.county"),
					tuple("delegations[1].countyCode", "rule.delegation.county"),
					tuple("delegations[1].countyCode", "rule.delegation.duplicate"),
					tuple("legalBases", "rule.legalBasis.required"), tuple("fees", "rule.fee.noFeeConflict"),
					tuple("fees[0].legalBasis", "rule.fee.legalBasis"),
					tuple("statutoryLimit", "rule.statutoryLimit.required"),
					tuple("promisedLimit.amount", "rule.instant.sameDay"),
					tuple("exerciseLevels", "rule.delegation.levelMissing"),
					tuple("materials[0].conditionText", "rule.material.conditionRequired"),
					tuple("materials[1].copies", "rule.material.countRequired"),
					tuple("onSiteVisits", "rule.visits.fullyOnline"));
	}

	@Test
	void checksTheReferencesOfADraftOnlyWhenSaving() {
		ItemDraft draft = licensingItem().legalBases().coDepartments("660100-NONE").build();

		assertThat(keys(PublishingRules.referencesOf(draft, CONTEXT))).containsExactly("rule.coDepartment.unknown");
		assertThat(keys(PublishingRules.check(draft, CONTEXT))).containsExactlyInAnyOrder("rule.coDepartment.unknown",
				"rule.legalBasis.required");
	}

	@Nested
	class LegalBases {

		@Test
		void acceptsAnItemWithALegalBasis() {
			assertThat(violations(licensingItem())).isEmpty();
		}

		@Test
		void refusesAnItemWithoutALegalBasis() {
			assertThat(violations(licensingItem().legalBases())).singleElement()
				.satisfies(v -> assertThat(v.field()).isEqualTo("legalBases"))
				.satisfies(v -> assertThat(v.messageKey()).isEqualTo("rule.legalBasis.required"));
		}

	}

	@Nested
	class Fees {

		@Test
		void acceptsAFeeWithItsLegalBasis() {
			assertThat(violations(licensingItem().noFee(false).fees(fee("《行政事业性收费标准》第三条")))).isEmpty();
		}

		@Test
		void refusesAFeeWithoutALegalBasis() {
			assertThat(violations(licensingItem().noFee(false).fees(fee(null), fee("依据"), fee("  "))))
				.extracting(FieldViolation::field, FieldViolation::messageKey)
				.containsExactly(tuple("fees[0].legalBasis", "rule.fee.legalBasis"),
						tuple("fees[2].legalBasis", "rule.fee.legalBasis"));
		}

		@Test
		void refusesFeesOnAnItemDeclaredFreeOfCharge() {
			assertThat(keys(violations(licensingItem().noFee(true).fees(fee("依据")))))
				.containsExactly("rule.fee.noFeeConflict");
		}

		@Test
		void refusesAnItemThatNeitherIsFreeNorListsAFee() {
			assertThat(keys(violations(licensingItem().noFee(false).fees()))).containsExactly("rule.fee.missing");
		}

	}

	@Nested
	class TimeLimits {

		@Test
		void acceptsANonLicensingItemWithoutAStatutoryLimit() {
			assertThat(violations(licensingItem().itemType(ItemType.PUBLIC_SERVICE).statutoryLimit(null))).isEmpty();
		}

		@Test
		void refusesALicenceWithoutAStatutoryLimit() {
			assertThat(violations(licensingItem().statutoryLimit(null)))
				.extracting(FieldViolation::field, FieldViolation::messageKey)
				.containsExactly(tuple("statutoryLimit", "rule.statutoryLimit.required"));
		}

		@Test
		void refusesAStatutoryLimitOfZero() {
			assertThat(keys(violations(licensingItem().statutoryLimit(workingDays(0)).instant())))
				.containsExactly("rule.statutoryLimit.positive");
		}

		@Test
		void acceptsAPromiseEqualToTheStatutoryLimit() {
			assertThat(violations(licensingItem().promised(workingDays(20)))).isEmpty();
		}

		@Test
		void refusesAPromiseLongerThanTheStatutoryLimit() {
			assertThat(violations(licensingItem().promised(workingDays(21))))
				.extracting(FieldViolation::field, FieldViolation::messageKey)
				.containsExactly(tuple("promisedLimit", "rule.promisedLimit.exceeds"));
		}

		@Test
		void acceptsACalendarDayPromiseNoLongerThanAWorkingDayStatute() {
			assertThat(violations(licensingItem().promised(calendarDays(20)))).isEmpty();
			assertThat(violations(licensingItem().promised(calendarDays(15)))).isEmpty();
		}

		@Test
		void refusesACalendarDayPromiseLongerThanAWorkingDayStatute() {
			assertThat(keys(violations(licensingItem().promised(calendarDays(21)))))
				.containsExactly("rule.promisedLimit.exceeds");
		}

		@Test
		void refusesAWorkingDayPromiseAgainstACalendarDayStatuteEvenWhenShorter() {
			assertThat(keys(violations(licensingItem().statutoryLimit(calendarDays(30)).promised(workingDays(5)))))
				.containsExactly("rule.promisedLimit.exceeds");
		}

		@Test
		void acceptsACalendarDayPromiseAgainstACalendarDayStatute() {
			assertThat(violations(licensingItem().statutoryLimit(calendarDays(30)).promised(calendarDays(30))))
				.isEmpty();
		}

		@Test
		void acceptsAnInstantItemWithAPromiseOfZeroOrNone() {
			assertThat(violations(licensingItem().instant(calendarDays(0)))).isEmpty();
			assertThat(violations(licensingItem().instant(workingDays(0)))).isEmpty();
			assertThat(violations(licensingItem().instant(null))).isEmpty();
		}

		@Test
		void refusesAnInstantItemWithAPromiseOfDays() {
			assertThat(violations(licensingItem().instant(workingDays(1))))
				.extracting(FieldViolation::field, FieldViolation::messageKey)
				.containsExactly(tuple("promisedLimit.amount", "rule.instant.sameDay"));
		}

		@Test
		void refusesAPromisedItemWithoutAPromisedLimit() {
			assertThat(violations(licensingItem().promised(null)))
				.extracting(FieldViolation::field, FieldViolation::messageKey)
				.containsExactly(tuple("promisedLimit", "rule.promisedLimit.required"));
		}

		@Test
		void refusesAPromisedItemPromisingZeroDays() {
			assertThat(keys(violations(licensingItem().promised(workingDays(0)))))
				.containsExactly("rule.promisedLimit.positive");
		}

	}

	@Nested
	class CoDepartments {

		@Test
		void acceptsAnotherExistingDepartment() {
			assertThat(violations(licensingItem().coDepartments("660100-GAJ", "660100-XZSP"))).isEmpty();
		}

		@Test
		void refusesTheImplementingDepartmentItself() {
			assertThat(violations(licensingItem().coDepartments(OWN)))
				.extracting(FieldViolation::field, FieldViolation::messageKey)
				.containsExactly(tuple("coDepartmentCodes", "rule.coDepartment.self"));
		}

		@Test
		void refusesAnUnknownDepartment() {
			assertThat(violations(licensingItem().coDepartments("660100-GAJ", "660100-NONE"))).singleElement()
				.satisfies(v -> assertThat(v.messageKey()).isEqualTo("rule.coDepartment.unknown"))
				.satisfies(v -> assertThat(v.arguments()).containsExactly("660100-NONE"));
		}

	}

	@Nested
	class Delegations {

		@Test
		void acceptsDelegationsToCountiesBelowTheItemsRegion() {
			assertThat(violations(licensingItem().delegatedTo("660102", "660121"))).isEmpty();
		}

		@Test
		void refusesACountyThatIsNotBelowTheItemsRegion() {
			assertThat(violations(licensingItem().delegatedTo("660121", "660221")))
				.extracting(FieldViolation::field, FieldViolation::messageKey)
				.containsExactly(tuple("delegations[1].countyCode", "rule.delegation.county"));
		}

		@Test
		void refusesTheSameCountyTwice() {
			assertThat(violations(licensingItem().delegatedTo("660121", "660102", "660121")))
				.extracting(FieldViolation::field, FieldViolation::messageKey)
				.containsExactly(tuple("delegations[2].countyCode", "rule.delegation.duplicate"));
		}

		@Test
		void refusesADelegatedItemNotExercisedAtCountyLevel() {
			assertThat(violations(licensingItem().delegations(delegation("660121")).levels(ExerciseLevel.CITY)))
				.extracting(FieldViolation::field, FieldViolation::messageKey)
				.containsExactly(tuple("exerciseLevels", "rule.delegation.levelMissing"));
		}

		@Test
		void namesTheCountyCounterpartByCodeAndRefusesOneThatIsNotThatCountysPublishedItem() {
			// the county's published items, whatever their names: 660121-XK-00301 belongs
			// to 东湖县 (660121)
			PublishingRules.Context ctx = new PublishingRules.Context(OWN, DEPARTMENTS::contains,
					COUNTIES_BELOW::contains,
					(item, county) -> item.equals("660121-XK-00301") && county.equals("660121"));
			ItemDraft linked = licensingItem()
				.delegations(new Delegation("660121", DelegationMode.DIRECT, java.time.LocalDate.of(2026, 1, 1),
						"示政发〔2025〕12号", null, " 660121-XK-00301 "))
				.levels(ExerciseLevel.CITY, ExerciseLevel.COUNTY)
				.build();
			assertThat(linked.delegations().get(0).counterpartItemCode()).isEqualTo("660121-XK-00301");
			assertThat(PublishingRules.check(linked, ctx)).isEmpty();
			// another county's item, and the same item for another county, are refused at
			// submission and publication
			ItemDraft wrong = licensingItem()
				.delegations(
						new Delegation("660102", DelegationMode.DIRECT, java.time.LocalDate.of(2026, 1, 1), "文号", null,
								"660121-XK-00301"),
						new Delegation("660121", DelegationMode.ENTRUSTED, java.time.LocalDate.of(2026, 1, 1), "文号",
								null, "660121-XK-09999"))
				.levels(ExerciseLevel.CITY, ExerciseLevel.COUNTY)
				.build();
			assertThat(PublishingRules.check(wrong, ctx)).extracting(FieldViolation::field, FieldViolation::messageKey)
				.containsExactly(tuple("delegations[0].counterpartItemCode", "rule.delegation.counterpart"),
						tuple("delegations[1].counterpartItemCode", "rule.delegation.counterpart"));
			// a draft may name it before the county publishes its item: only submission
			// checks it
			assertThat(PublishingRules.referencesOf(wrong, ctx)).isEmpty();
			// a blank code is no counterpart
			assertThat(
					new Delegation("660121", DelegationMode.DIRECT, java.time.LocalDate.of(2026, 1, 1), "文号", null, " ")
						.counterpartItemCode())
				.isNull();
		}

		@Test
		void acceptsCountyLevelWithoutDelegations() {
			assertThat(violations(licensingItem().levels(ExerciseLevel.CITY, ExerciseLevel.COUNTY))).isEmpty();
		}

	}

	@Nested
	class Materials {

		@Test
		void acceptsAConditionalMaterialThatNamesItsCondition() {
			assertThat(violations(licensingItem().materials(conditionalMaterial("委托书", "委托他人办理的")))).isEmpty();
		}

		@Test
		void refusesAConditionalMaterialWithoutACondition() {
			assertThat(violations(licensingItem().materials(paperMaterial("申请书", 1, 0),
					conditionalMaterial("委托书", null), conditionalMaterial("身份证明", "  "))))
				.extracting(FieldViolation::field, FieldViolation::messageKey)
				.containsExactly(tuple("materials[1].conditionText", "rule.material.conditionRequired"),
						tuple("materials[2].conditionText", "rule.material.conditionRequired"));
		}

		@Test
		void acceptsPaperMaterialWithOriginalsOrCopiesAndElectronicMaterialWithNone() {
			ItemDraft draft = licensingItem()
				.materials(paperMaterial("申请书", 1, 0), paperMaterial("营业执照", 0, 1),
						new Material("电子证照", null, 0, 0, MaterialMedium.ELECTRONIC, MaterialRequirement.MANDATORY, null,
								null, null, null, null))
				.build();
			assertThat(PublishingRules.check(draft, CONTEXT)).isEmpty();
		}

		@Test
		void refusesPaperMaterialWithNoCopies() {
			assertThat(violations(licensingItem().materials(paperMaterial("营业执照", 0, 0))))
				.extracting(FieldViolation::field, FieldViolation::messageKey)
				.containsExactly(tuple("materials[0].copies", "rule.material.countRequired"));
		}

	}

	@Nested
	class Visits {

		@Test
		void acceptsAFullyOnlineItemWithoutVisits() {
			assertThat(violations(licensingItem().online(OnlineAvailability.FULLY_ONLINE, 0))).isEmpty();
		}

		@Test
		void refusesAFullyOnlineItemThatNeedsAVisit() {
			assertThat(violations(licensingItem().online(OnlineAvailability.FULLY_ONLINE, 1)))
				.extracting(FieldViolation::field, FieldViolation::messageKey)
				.containsExactly(tuple("onSiteVisits", "rule.visits.fullyOnline"));
		}

		@Test
		void acceptsAnOfflineItemWithOneVisitAndAPartlyOnlineItemWithNone() {
			assertThat(violations(licensingItem().online(OnlineAvailability.OFFLINE, 1))).isEmpty();
			assertThat(violations(licensingItem().online(OnlineAvailability.PARTLY_ONLINE, 0))).isEmpty();
		}

		@Test
		void refusesAnOfflineItemWithoutAVisit() {
			assertThat(violations(licensingItem().online(OnlineAvailability.OFFLINE, 0)))
				.extracting(FieldViolation::field, FieldViolation::messageKey)
				.containsExactly(tuple("onSiteVisits", "rule.visits.offline"));
		}

	}

	@Test
	void editingAFixtureKeepsEverythingElse() {
		ItemDraft original = CatalogFixtures.licensingItemDelegatedToDonghu();
		assertThat(editing(original).build()).isEqualTo(original);
	}

	private static List<FieldViolation> violations(CatalogFixtures.Draft draft) {
		return PublishingRules.check(draft.build(), CONTEXT);
	}

	private static List<String> keys(List<FieldViolation> violations) {
		return violations.stream().map(FieldViolation::messageKey).toList();
	}

	@Nested
	class JointReview {

		static ProcedureStep step(String name, int days, boolean joint) {
			return new ProcedureStep(name, null, "经办人员", null, days, org.govhall.calendar.LimitUnit.WORKING_DAY, joint);
		}

		@Test
		void theLeadKeepsTheLimitsOfTheStepsAfterTheJointStep() {
			ItemDraft d = licensingItemWith20WorkingDayLimit();
			assertThat(d.jointReviewMargin()).isNull();
			ItemDraft joint = editing(d).coDepartments("660100-GAJ")
				.steps(step("受理", 1, false), step("并联审查", 10, true), step("审查", 3, false), step("决定", 2, false))
				.build();
			assertThat(joint.jointReviewMargin()).isEqualTo(5);
			assertThat(PublishingRules.check(joint, CONTEXT)).isEmpty();
		}

		@Test
		void oneJointStepOnlyWithCoDepartmentsAndRoomForTheirOpinions() {
			ItemDraft twice = editing(licensingItemWith20WorkingDayLimit()).coDepartments("660100-GAJ")
				.steps(step("并联审查", 5, true), step("再审查", 5, true))
				.build();
			assertThat(PublishingRules.check(twice, CONTEXT))
				.extracting(FieldViolation::field, FieldViolation::messageKey)
				.containsExactly(tuple("steps[1].jointReview", "rule.jointReview.once"));
			ItemDraft alone = editing(licensingItemWith20WorkingDayLimit())
				.steps(step("并联审查", 5, true), step("决定", 2, false))
				.build();
			assertThat(PublishingRules.check(alone, CONTEXT)).extracting(FieldViolation::messageKey)
				.containsExactly("rule.jointReview.noCoDepartments");
			ItemDraft noRoom = editing(licensingItemWith20WorkingDayLimit()).coDepartments("660100-GAJ")
				.steps(step("并联审查", 5, true), step("审查", 15, false), step("决定", 5, false))
				.build();
			assertThat(PublishingRules.check(noRoom, CONTEXT)).extracting(FieldViolation::messageKey)
				.containsExactly("rule.jointReview.margin");
		}

	}

	/**
	 * The GB/T 39046 elements: 依申请/依职权, 网办深度, version dates and the windows named as the
	 * place.
	 */
	@Nested
	class ImplementationList {

		@Test
		void enforcementIsExOfficioByDefaultAndAnythingElseOnApplication() {
			for (ItemType type : ItemType.values()) {
				ItemDraft d = licensingItem().itemType(type).build();
				assertThat(d.initiation()).as(type.name())
					.isEqualTo(type.enforcement() ? Initiation.EX_OFFICIO : Initiation.ON_APPLICATION);
				assertThat(d.onApplication()).isEqualTo(!type.enforcement());
			}
		}

		@Test
		void refusesAnEnforcementItemOnApplicationAndAcceptsItExOfficioOffline() {
			CatalogFixtures.Draft penalty = licensingItem().itemType(ItemType.ADMINISTRATIVE_PENALTY)
				.online(OnlineAvailability.OFFLINE, 1);
			assertThat(PublishingRules.check(penalty.build(), CONTEXT)).isEmpty();
			assertThat(PublishingRules.check(penalty.initiation(Initiation.ON_APPLICATION).build(), CONTEXT))
				.extracting(FieldViolation::field, FieldViolation::messageKey)
				.containsExactly(tuple("implementation.initiation", "rule.initiation.enforcement"));
		}

		@Test
		void refusesAnExOfficioItemThatApplicantsCouldHandleOnline() {
			ItemDraft levy = licensingItem().itemType(ItemType.ADMINISTRATIVE_LEVY)
				.initiation(Initiation.EX_OFFICIO)
				.online(OnlineAvailability.PARTLY_ONLINE, 1)
				.build();
			assertThat(PublishingRules.check(levy, CONTEXT))
				.extracting(FieldViolation::field, FieldViolation::messageKey)
				.containsExactly(tuple("onlineAvailability", "rule.initiation.exOfficioOffline"));
			ItemDraft offline = editing(levy).online(OnlineAvailability.OFFLINE, 1).build();
			assertThat(PublishingRules.check(offline, CONTEXT)).isEmpty();
		}

		@Test
		void level4IsFullyOnlineAndNothingElseIs() {
			ItemDraft fully = licensingItem()
				.onlineService(new OnlineService(OnlineDepth.LEVEL_4, "https://zwfw.example.cn/x"))
				.build();
			assertThat(PublishingRules.check(fully, CONTEXT)).isEmpty();
			ItemDraft fullyAtLevel3 = licensingItem().onlineService(new OnlineService(OnlineDepth.LEVEL_3, null))
				.build();
			assertThat(keys(PublishingRules.check(fullyAtLevel3, CONTEXT))).containsExactly("rule.online.depth");
			ItemDraft partlyAtLevel4 = licensingItem().online(OnlineAvailability.PARTLY_ONLINE, 1)
				.onlineService(new OnlineService(OnlineDepth.LEVEL_4, null))
				.build();
			assertThat(keys(PublishingRules.check(partlyAtLevel4, CONTEXT))).containsExactly("rule.online.depth");
			ItemDraft offlineWithAddress = licensingItem().online(OnlineAvailability.OFFLINE, 1)
				.onlineService(new OnlineService(null, "https://zwfw.example.cn/x"))
				.build();
			assertThat(keys(PublishingRules.check(offlineWithAddress, CONTEXT)))
				.containsExactly("rule.online.urlOffline");
		}

		@Test
		void refusesAVersionThatEndsBeforeItTakesEffect() {
			LocalDate effective = LocalDate.of(2027, 1, 1);
			ItemDraft ok = licensingItem().revision(new Revision("调整材料", effective, effective.plusYears(1))).build();
			assertThat(PublishingRules.check(ok, CONTEXT)).isEmpty();
			ItemDraft sameDay = licensingItem().revision(new Revision(null, effective, effective)).build();
			assertThat(PublishingRules.check(sameDay, CONTEXT)).isEmpty();
			ItemDraft backwards = licensingItem().revision(new Revision(null, effective, effective.minusDays(1)))
				.build();
			assertThat(PublishingRules.check(backwards, CONTEXT))
				.extracting(FieldViolation::field, FieldViolation::messageKey)
				.containsExactly(tuple("revision.endsOn", "rule.revision.endsBeforeEffective"));
		}

		@Test
		void refusesWindowsThatDoNotReceiveTheDepartmentEvenInADraft() {
			PublishingRules.Context windows = new PublishingRules.Context(OWN, DEPARTMENTS::contains,
					COUNTIES_BELOW::contains, Set.of(7L, 8L)::contains);
			ItemDraft d = licensingItem().handling(new Handling(List.of(7L, 9L), null, null, null, null)).build();
			assertThat(PublishingRules.referencesOf(d, windows))
				.extracting(FieldViolation::field, FieldViolation::messageKey)
				.containsExactly(tuple("handling.windowIds[1]", "rule.handling.window"));
			assertThat(PublishingRules
				.referencesOf(editing(d).handling(new Handling(List.of(8L), null, null, null, null)).build(), windows))
				.isEmpty();
		}

		@Test
		void aRevisionAppliesFromItsEffectiveDateThroughItsEndDate() {
			Revision r = new Revision(null, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
			assertThat(r.appliesOn(LocalDate.of(2026, 12, 31))).isFalse();
			assertThat(r.upcomingOn(LocalDate.of(2026, 12, 31))).isTrue();
			assertThat(r.appliesOn(LocalDate.of(2027, 1, 1))).isTrue();
			assertThat(r.upcomingOn(LocalDate.of(2027, 1, 1))).isFalse();
			assertThat(r.appliesOn(LocalDate.of(2027, 12, 31))).isTrue();
			assertThat(r.appliesOn(LocalDate.of(2028, 1, 1))).isFalse();
			assertThat(Revision.NONE.appliesOn(LocalDate.of(2000, 1, 1))).isTrue();
		}

	}

}
