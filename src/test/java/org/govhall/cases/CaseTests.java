package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.govhall.calendar.LimitUnit;
import org.govhall.calendar.WorkingCalendar;
import org.govhall.calendar.YearSchedule;
import org.govhall.cases.CaseRecords.Licence;
import org.govhall.cases.CaseRecords.Revocation;
import org.govhall.cases.CaseRecords.CaseApplicant;
import org.govhall.cases.CaseRecords.MaterialIssue;
import org.govhall.cases.CaseRecords.SubmittedMaterial;
import org.govhall.cases.CaseTerms.RequiredMaterial;
import org.govhall.catalog.ItemType;
import org.govhall.catalog.ProcessingMode;
import org.govhall.catalog.SpecialProcedure;
import org.govhall.directory.ApplicantIdentity;
import org.govhall.directory.IdentityKind;
import org.govhall.directory.Role;
import org.govhall.shared.ConflictException;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

/** The legal rules of a case, one by one, without Spring: 行政许可法 第三十二、三十八、四十二、四十四、四十五条. */
class CaseTests {

	/**
	 * A calendar of plain weeks for 2026, enough for rules that do not depend on
	 * holidays.
	 */
	static final WorkingCalendar PLAIN = new WorkingCalendar(List.of(new YearSchedule(2026, "test", null, List.of())));

	static final Actor APPLICANT = new Actor(1, "applicant", "张三", Role.APPLICANT);

	static final Actor CLERK = new Actor(2, "clerk", "窗口", Role.WINDOW_CLERK);

	static final Actor REVIEWER = new Actor(3, "reviewer", "审查", Role.REVIEWER);

	static final Actor APPROVER = new Actor(4, "approver", "审批", Role.APPROVER);

	static Now on(String date) {
		LocalDate d = LocalDate.parse(date);
		return new Now(d, d.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
	}

	static CaseTerms terms(ProcessingMode mode, Integer statutory, LimitUnit unit, List<String> coDepartments) {
		return new CaseTerms("ITEM", 1, "测试事项", "Test item", ItemType.ADMINISTRATIVE_LICENSE, mode, "DEP", "660100",
				statutory, unit, statutory == null ? null : statutory / 2, unit, coDepartments,
				Set.of(SpecialProcedure.EXPERT_REVIEW),
				List.of(new RequiredMaterial("申请书", true, null), new RequiredMaterial("营业执照", true, null, null, true),
						new RequiredMaterial("委托书", false, "委托办理的")),
				true, "示范市人民政府", "示范市城关区人民法院", null, List.of());
	}

	static Case received(CaseTerms terms, String date) {
		return Case.receive("660100-2026-0000001", "ABCDEFGH", Channel.ONLINE, terms,
				new CaseApplicant(new ApplicantIdentity(IdentityKind.RESIDENT_ID, "张三", "11010519491231002X"), null,
						1L),
				null, List.of(new SubmittedMaterial("申请书", "f", "a.pdf", "x", "applicant", Instant.EPOCH, 0)),
				APPLICANT, on(date), PLAIN);
	}

	static Case licence(String date) {
		return received(terms(ProcessingMode.PROMISED, 20, LimitUnit.WORKING_DAY, List.of()), date);
	}

	static Case accepted(String date) {
		Case c = licence(date);
		c.accept(CLERK, on(date), PLAIN);
		return c;
	}

	@Test
	void acceptanceIsDueFiveWorkingDaysAfterReceipt() {
		Case c = licence("2026-06-05");
		assertThat(c.acceptanceDue()).isEqualTo(LocalDate.parse("2026-06-12"));
		assertThat(c.drainEvents()).hasAtLeastOneElementOfType(CaseEvent.Received.class);
	}

	@Test
	void onlyAClerkAcceptsAndTheFirstStaffToActBecomesFirstHandler() {
		Case c = licence("2026-06-05");
		assertThatThrownBy(() -> c.accept(REVIEWER, on("2026-06-05"), PLAIN)).isInstanceOf(ForbiddenException.class);
		c.accept(CLERK, on("2026-06-08"), PLAIN);
		assertThat(c.firstHandler()).isEqualTo("clerk");
		assertThat(c.acceptedOn()).isEqualTo(LocalDate.parse("2026-06-08"));
		assertThat(c.decisionDue()).isEqualTo(LocalDate.parse("2026-07-06"));
	}

	@Test
	void isDeemedAcceptedAsOfReceiptOnlyAfterTheWindowPassed() {
		Case c = licence("2026-06-05");
		assertThat(c.deemAcceptedIfOverdue(Actor.system(), on("2026-06-12"), PLAIN)).isFalse();
		assertThat(c.deemAcceptedIfOverdue(Actor.system(), on("2026-06-15"), PLAIN)).isTrue();
		assertThat(c.state()).isEqualTo(CaseState.ACCEPTED);
		assertThat(c.deemedAccepted()).isTrue();
		assertThat(c.acceptedOn()).isEqualTo(LocalDate.parse("2026-06-05"));
	}

	@Test
	void anIncompleteApplicationIsNotAcceptedTheClerkMustNameWhatIsMissingInTheOneTimeNotice() {
		CaseTerms terms = terms(ProcessingMode.PROMISED, 20, LimitUnit.WORKING_DAY, List.of());
		Case c = Case.receive("660100-2026-0000002", "ABCDEFGH", Channel.WINDOW, terms,
				new CaseApplicant(new ApplicantIdentity(IdentityKind.RESIDENT_ID, "张三", "11010519491231002X"), null,
						1L),
				null, List.of(), CLERK, on("2026-06-05"), PLAIN);
		// 申请书 is missing; 营业执照 comes from the e-certificate store and 委托书 is conditional
		assertThat(Case.missingMaterials(terms, List.of())).containsExactly("申请书");
		assertThatThrownBy(() -> c.accept(CLERK, on("2026-06-05"), PLAIN)).isInstanceOf(RuleViolationException.class)
			.hasFieldOrPropertyWithValue("type", "materials-incomplete");
		assertThat(c.state()).isEqualTo(CaseState.RECEIVED);
		c.requestCorrections(List.of(new MaterialIssue("申请书", "未提交")), CLERK, on("2026-06-05"), PLAIN);
		c.correct(List.of(new SubmittedMaterial("申请书", "g", "申请书.pdf", "y", "applicant", Instant.EPOCH, 1)), APPLICANT,
				on("2026-06-08"), PLAIN);
		c.accept(CLERK, on("2026-06-08"), PLAIN);
		assertThat(c.state()).isEqualTo(CaseState.ACCEPTED);
	}

	@Test
	void anAcceptanceAfterTheFifthWorkingDayIsADeemedAcceptanceWithTheDecisionClockFromReceipt() {
		Case c = licence("2026-06-05");
		assertThat(c.acceptanceDue()).isEqualTo(LocalDate.parse("2026-06-12"));
		c.accept(CLERK, on("2026-06-15"), PLAIN);
		assertThat(c.state()).isEqualTo(CaseState.ACCEPTED);
		assertThat(c.deemedAccepted()).isTrue();
		assertThat(c.acceptedOn()).isEqualTo(LocalDate.parse("2026-06-05"));
		// 20 working days from receipt, not from the late acceptance (which would give
		// 2026-07-13)
		assertThat(c.decisionDue()).isEqualTo(LocalDate.parse("2026-07-03"));
		assertThat(c.acceptanceDue()).as("no stale acceptance deadline").isNull();
		assertThat(c.drainEvents()).last().isInstanceOfSatisfying(CaseEvent.Accepted.class, a -> {
			assertThat(a.deemed()).isTrue();
			assertThat(a.missedDue()).isEqualTo(LocalDate.parse("2026-06-12"));
		});
	}

	@Test
	void aRefusalOrCorrectionNoticeAfterTheFifthWorkingDayIsRefusedBecauseTheLawAcceptedTheCase() {
		Case c = licence("2026-06-05");
		assertThatThrownBy(() -> c.refuse("不属于本机关职权范围", null, CLERK, on("2026-06-15"), PLAIN))
			.isInstanceOf(Case.AcceptanceWindowPassed.class)
			.hasFieldOrPropertyWithValue("type", "acceptance-window-passed");
		assertThatThrownBy(
				() -> c.requestCorrections(List.of(new MaterialIssue("营业执照", "未提交")), CLERK, on("2026-06-15"), PLAIN))
			.isInstanceOf(Case.AcceptanceWindowPassed.class);
		assertThat(c.state()).isEqualTo(CaseState.RECEIVED);
		// on the 5th working day itself all three are still open
		c.refuse("不属于本机关职权范围", null, CLERK, on("2026-06-12"), PLAIN);
		assertThat(c.state()).isEqualTo(CaseState.REFUSED);
	}

	@Test
	void aCorrectionNoticeStopsDeemedAcceptanceAndCorrectionRestartsTheWindow() {
		Case c = licence("2026-06-05");
		c.requestCorrections(List.of(new MaterialIssue("营业执照", "未提交")), CLERK, on("2026-06-08"), PLAIN);
		assertThat(c.deemAcceptedIfOverdue(Actor.system(), on("2026-07-01"), PLAIN)).isFalse();
		c.correct(List.of(new SubmittedMaterial("营业执照", "g", "b.pdf", "y", "applicant", Instant.EPOCH, 1)), APPLICANT,
				on("2026-07-01"), PLAIN);
		assertThat(c.receivedOn()).isEqualTo(LocalDate.parse("2026-07-01"));
		assertThat(c.acceptanceDue()).isEqualTo(LocalDate.parse("2026-07-08"));
	}

	@Test
	void aSecondNoticeMayRepeatEarlierMaterialsButNamingNewOnesIsABreach() {
		Case c = licence("2026-06-05");
		c.requestCorrections(List.of(new MaterialIssue("营业执照", "未提交")), CLERK, on("2026-06-08"), PLAIN);
		c.correct(List.of(new SubmittedMaterial("营业执照", "g", "b.pdf", "y", "applicant", Instant.EPOCH, 1)), APPLICANT,
				on("2026-06-09"), PLAIN);
		c.requestCorrections(List.of(new MaterialIssue("营业执照", "不清晰")), CLERK, on("2026-06-10"), PLAIN);
		assertThat(c.notices().get(1).breach()).isFalse();
		c.correct(List.of(new SubmittedMaterial("营业执照", "h", "c.pdf", "z", "applicant", Instant.EPOCH, 2)), APPLICANT,
				on("2026-06-11"), PLAIN);
		c.requestCorrections(List.of(new MaterialIssue("申请书", "未签字")), CLERK, on("2026-06-12"), PLAIN);
		assertThat(c.notices().get(2).breach()).isTrue();
		assertThat(c.notices().get(2).newlyNamed()).containsExactly("申请书");
	}

	@Test
	void aNoticeMustNameSomething() {
		Case c = licence("2026-06-05");
		assertThatThrownBy(() -> c.requestCorrections(List.of(), CLERK, on("2026-06-08"), PLAIN))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void onlyInstantItemsAreDecidedOnTheSpotAndTheDecisionIsHandedOverInTheSameStep() {
		Case licence = licence("2026-06-05");
		assertThatThrownBy(
				() -> licence.decideOnTheSpot("C-1", null, DeliveryMethod.WINDOW, CLERK, on("2026-06-05"), PLAIN))
			.isInstanceOf(RuleViolationException.class);
		Case instant = received(terms(ProcessingMode.INSTANT, null, null, List.of()), "2026-06-05");
		instant.decideOnTheSpot("C-1", null, DeliveryMethod.WINDOW, CLERK, on("2026-06-05"), PLAIN);
		assertThat(instant.state()).as("closed at once").isEqualTo(CaseState.DELIVERED);
		assertThat(instant.decision().onTheSpot()).isTrue();
		assertThat(instant.decision().on()).isEqualTo(LocalDate.parse("2026-06-05"));
		assertThat(instant.acceptedOn()).isEqualTo(LocalDate.parse("2026-06-05"));
		assertThat(instant.document().delivery().method()).isEqualTo(DeliveryMethod.WINDOW);
		assertThat(instant.document().delivery().late()).isFalse();
		assertThat(instant.deliveryDue()).as("no delivery clock left running").isNull();
		assertThat(instant.facts().onTheSpot()).isTrue();
		assertThat(instant.drainEvents()).extracting(e -> e.getClass().getSimpleName())
			.containsSubsequence("Decided", "Delivered");
	}

	@Test
	void anInstantItemIsFinishedOnTheSpotOnlyOnTheDayOfReceiptOrTheFirstWorkingDayAfterADayOff() {
		CaseTerms instant = terms(ProcessingMode.INSTANT, null, null, List.of());
		Case friday = received(instant, "2026-06-05");
		assertThatThrownBy(
				() -> friday.decideOnTheSpot("C-1", null, DeliveryMethod.WINDOW, CLERK, on("2026-06-08"), PLAIN))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.type()).isEqualTo("not-on-the-spot"));
		assertThat(friday.state()).isEqualTo(CaseState.RECEIVED);

		Case saturday = received(instant, "2026-06-06");
		assertThat(saturday.onTheSpotPossible(LocalDate.parse("2026-06-09"), PLAIN)).as("Tuesday").isFalse();
		saturday.decideOnTheSpot("C-1", null, DeliveryMethod.ELECTRONIC, CLERK, on("2026-06-08"), PLAIN);
		assertThat(saturday.state()).isEqualTo(CaseState.DELIVERED);

		Case byPost = received(instant, "2026-06-05");
		assertThatThrownBy(
				() -> byPost.decideOnTheSpot("C-1", null, DeliveryMethod.POST, CLERK, on("2026-06-05"), PLAIN))
			.isInstanceOf(InvalidInputException.class);
		assertThat(byPost.state()).isEqualTo(CaseState.RECEIVED);
	}

	@Test
	void anInstantItemNotFinishedOnTheSpotIsPromisedForTheDayItIsAccepted() {
		Case c = received(terms(ProcessingMode.INSTANT, null, null, List.of()), "2026-06-05");
		c.accept(CLERK, on("2026-06-08"), PLAIN);
		assertThat(c.nextDue()).as("a promise of 0 working days").isEqualTo(LocalDate.parse("2026-06-08"));
		c.review(Outcome.APPROVED, "符合", REVIEWER, on("2026-06-12"), PLAIN);
		c.decide(Outcome.APPROVED, "C-1", null, null, APPROVER, on("2026-06-19"), PLAIN);
		assertThat(c.decision().onTheSpot()).isFalse();
		assertThat(c.facts().onTheSpot()).isFalse();
	}

	@Test
	void whoeverReviewedMayNotApprove() {
		Case c = accepted("2026-06-05");
		Actor both = new Actor(5, "both", "兼任", Role.REVIEWER);
		c.review(Outcome.APPROVED, "符合", both, on("2026-06-08"), PLAIN);
		Actor sameAsApprover = new Actor(5, "both", "兼任", Role.APPROVER);
		assertThatThrownBy(() -> c.decide(Outcome.APPROVED, "C-1", null, null, sameAsApprover, on("2026-06-09"), PLAIN))
			.isInstanceOf(ForbiddenException.class);
		c.decide(Outcome.APPROVED, "C-1", null, null, APPROVER, on("2026-06-09"), PLAIN);
		assertThat(c.state()).isEqualTo(CaseState.DECIDED);
	}

	@Test
	void aLicenceTheItemAsksForIsWrittenOnlyWithItsScopeAndAValidityThatHasNotEndedYet() {
		CaseTerms food = new CaseTerms("ITEM", 1, "食品经营许可", null, ItemType.ADMINISTRATIVE_LICENSE,
				ProcessingMode.PROMISED, "DEP", "660100", 20, LimitUnit.WORKING_DAY, 10, LimitUnit.WORKING_DAY,
				List.of(), Set.of(), List.of(new RequiredMaterial("申请书", true, null)), true, null, null, "食品经营许可证",
				List.of());
		assertThat(food.asksLicence()).isTrue();
		assertThat(terms(ProcessingMode.PROMISED, 20, LimitUnit.WORKING_DAY, List.of()).asksLicence())
			.as("no certificate named")
			.isFalse();
		Case c = received(food, "2026-06-05");
		c.accept(CLERK, on("2026-06-05"), PLAIN);
		c.review(Outcome.APPROVED, "符合", REVIEWER, on("2026-06-08"), PLAIN);

		assertThatThrownBy(() -> c.decide(Outcome.APPROVED, "C-1", null, null, APPROVER, on("2026-06-09"), PLAIN))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.violations()).extracting(v -> v.field()).containsExactly("scope"));
		Licence lapsed = new Licence("热食类食品制售", null, LocalDate.parse("2026-06-08"));
		assertThatThrownBy(() -> c.decide(Outcome.APPROVED, "C-1", null, lapsed, APPROVER, on("2026-06-09"), PLAIN))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.violations()).extracting(v -> v.field()).containsExactly("validUntil"));
		assertThat(c.state()).isEqualTo(CaseState.REVIEWED);

		c.decide(Outcome.APPROVED, "C-1", null, new Licence(" 热食类食品制售 ", " ", LocalDate.parse("2026-06-09")), APPROVER,
				on("2026-06-09"), PLAIN);
		assertThat(c.decision().licence()).isEqualTo(new Licence("热食类食品制售", null, LocalDate.parse("2026-06-09")));
	}

	@Test
	void anInstantLicenceGrantedOnTheSpotNamesItsScopeToo() {
		CaseTerms driving = new CaseTerms("ITEM", 1, "机动车驾驶证核发", null, ItemType.ADMINISTRATIVE_LICENSE,
				ProcessingMode.INSTANT, "DEP", "660100", null, null, null, null, List.of(), Set.of(),
				List.of(new RequiredMaterial("申请表", false, null)), true, null, null, "机动车驾驶证", List.of());
		Case c = received(driving, "2026-06-05");

		assertThatThrownBy(() -> c.decideOnTheSpot("C-1", null, DeliveryMethod.WINDOW, CLERK, on("2026-06-05"), PLAIN))
			.isInstanceOf(RuleViolationException.class);
		assertThat(c.state()).isEqualTo(CaseState.RECEIVED);
		c.decideOnTheSpot("C-1", new Licence("准驾车型 C1", null, null), DeliveryMethod.WINDOW, CLERK, on("2026-06-05"),
				PLAIN);
		assertThat(c.decision().licence()).isEqualTo(new Licence("准驾车型 C1", null, null));
	}

	@Test
	void onlyAnApproverRevokesAGrantedCertificateAndOnlyOnce() {
		Case c = accepted("2026-06-05");
		c.review(Outcome.APPROVED, "符合", REVIEWER, on("2026-06-08"), PLAIN);
		assertThatThrownBy(() -> c.revokeCertificate("理由", APPROVER, on("2026-06-08"))).as("nothing granted yet")
			.isInstanceOf(ConflictException.class);
		c.decide(Outcome.APPROVED, "C-1", null, null, APPROVER, on("2026-06-09"), PLAIN);

		assertThatThrownBy(() -> c.revokeCertificate("理由", REVIEWER, on("2026-06-10")))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> c.revokeCertificate(" ", APPROVER, on("2026-06-10")))
			.isInstanceOf(InvalidInputException.class);
		c.revokeCertificate("以欺骗手段取得（第六十九条第二款）", APPROVER, on("2026-06-10"));
		assertThat(c.decision().revocation())
			.isEqualTo(new Revocation("以欺骗手段取得（第六十九条第二款）", "approver", LocalDate.parse("2026-06-10")));
		assertThat(c.state()).isEqualTo(CaseState.DECIDED);
		assertThatThrownBy(() -> c.revokeCertificate("再次", APPROVER, on("2026-06-11")))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void aDenialNeedsReasons() {
		Case c = accepted("2026-06-05");
		c.review(Outcome.DENIED, "不符合条件", REVIEWER, on("2026-06-08"), PLAIN);
		assertThatThrownBy(() -> c.decide(Outcome.DENIED, null, " ", null, APPROVER, on("2026-06-09"), PLAIN))
			.isInstanceOf(InvalidInputException.class);
		c.decide(Outcome.DENIED, null, "场所不符合要求", null, APPROVER, on("2026-06-09"), PLAIN);
		assertThat(c.decision().reasons()).isEqualTo("场所不符合要求");
		assertThat(c.decision().certificateNo()).isNull();
	}

	@Test
	void extensionIsTenWorkingDaysOnceAndOnlyByAnApprover() {
		Case c = accepted("2026-06-05");
		LocalDate before = c.decisionDue();
		assertThatThrownBy(() -> c.extend("复杂", REVIEWER, on("2026-06-08"), PLAIN))
			.isInstanceOf(ForbiddenException.class);
		c.extend("需要现场核查", APPROVER, on("2026-06-08"), PLAIN);
		assertThat(c.decisionDue()).isEqualTo(PLAIN.addWorkingDays(before, 10));
		assertThatThrownBy(() -> c.extend("再次", APPROVER, on("2026-06-09"), PLAIN))
			.isInstanceOf(RuleViolationException.class);
	}

	@Test
	void jointItemsAreExtendedByFifteenWorkingDays() {
		Case c = received(terms(ProcessingMode.PROMISED, 45, LimitUnit.WORKING_DAY, List.of("CO")), "2026-03-02");
		c.accept(CLERK, on("2026-03-02"), PLAIN);
		assertThat(c.extensionAmount()).isEqualTo(15);
	}

	@Test
	void calendarDayLimitsAreNotExtendedUnderArticle42() {
		Case c = received(terms(ProcessingMode.PROMISED, 7, LimitUnit.CALENDAR_DAY, List.of()), "2026-06-05");
		c.accept(CLERK, on("2026-06-05"), PLAIN);
		assertThatThrownBy(() -> c.extend("x", APPROVER, on("2026-06-08"), PLAIN))
			.isInstanceOf(RuleViolationException.class);
	}

	@Test
	void aSuspensionStopsTheClockFromItsStartAndNeedsAReasonAndADateAfterAcceptance() {
		Case c = accepted("2026-06-05");
		assertThatThrownBy(() -> c.suspend(SpecialProcedure.TESTING, LocalDate.parse("2026-06-01"), "检验", REVIEWER,
				on("2026-06-10"), PLAIN))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> c.suspend(SpecialProcedure.TESTING, LocalDate.parse("2026-06-10"), " ", REVIEWER,
				on("2026-06-10"), PLAIN))
			.isInstanceOf(InvalidInputException.class);
		c.suspend(SpecialProcedure.TESTING, LocalDate.parse("2026-06-10"), "产品检验", REVIEWER, on("2026-06-10"), PLAIN);
		assertThat(c.decisionDue()).isNull();
		assertThat(c.openSuspension()).get().extracting(s -> s.listed()).isEqualTo(false);
		assertThatThrownBy(() -> c.suspend(SpecialProcedure.TESTING, LocalDate.parse("2026-06-10"), "again", REVIEWER,
				on("2026-06-10"), PLAIN))
			.isInstanceOf(ConflictException.class);
		c.resume(LocalDate.parse("2026-06-16"), REVIEWER, on("2026-06-17"), PLAIN);
		// Wed 10 to Tue 16 June: five working days stopped
		assertThat(c.decisionDue()).isEqualTo(PLAIN.addWorkingDays(LocalDate.parse("2026-07-03"), 5));
	}

	@Test
	void jointReviewWaitsForEveryCoDepartmentAndMarksLateOpinions() {
		Case c = received(terms(ProcessingMode.PROMISED, 45, LimitUnit.WORKING_DAY, List.of("ZJ", "HB")), "2026-03-02");
		c.accept(CLERK, on("2026-03-02"), PLAIN);
		assertThat(c.opinions()).extracting(o -> o.dueOn())
			.containsOnly(PLAIN.addWorkingDays(LocalDate.parse("2026-03-02"), 15));
		c.recordOpinion("ZJ", Verdict.AGREE, null, REVIEWER, on("2026-03-05"), PLAIN);
		assertThatThrownBy(() -> c.review(Outcome.APPROVED, "ok", REVIEWER, on("2026-03-06"), PLAIN))
			.isInstanceOf(RuleViolationException.class);
		assertThatThrownBy(() -> c.recordOpinion("XX", Verdict.AGREE, null, REVIEWER, on("2026-03-06"), PLAIN))
			.isInstanceOf(RuleViolationException.class);
		c.recordOpinion("HB", Verdict.DISAGREE, "排放超标", REVIEWER, on("2026-04-01"), PLAIN);
		assertThat(c.opinions()).filteredOn(o -> o.departmentCode().equals("HB"))
			.first()
			.extracting(o -> o.late())
			.isEqualTo(true);
		assertThat(c.opinions()).filteredOn(o -> o.departmentCode().equals("ZJ"))
			.first()
			.extracting(o -> o.late())
			.isEqualTo(false);
		c.review(Outcome.DENIED, "生态环境部门不同意", REVIEWER, on("2026-04-02"), PLAIN);
		assertThat(c.state()).isEqualTo(CaseState.REVIEWED);
	}

	@Test
	void deliveryIsDueTenWorkingDaysAfterTheDecisionAndLateDeliveryIsRecorded() {
		Case c = accepted("2026-06-05");
		c.review(Outcome.APPROVED, "符合", REVIEWER, on("2026-06-08"), PLAIN);
		c.decide(Outcome.APPROVED, "C-1", null, null, APPROVER, on("2026-06-09"), PLAIN);
		assertThat(c.deliveryDue()).isEqualTo(LocalDate.parse("2026-06-23"));
		c.deliver(DeliveryMethod.POST, CLERK, on("2026-06-24"), PLAIN);
		assertThat(c.document().delivery().late()).isTrue();
		assertThat(c.state().isOpen()).isFalse();
	}

	@Test
	void closedCasesRefuseEveryFurtherStep() {
		Case c = licence("2026-06-05");
		c.refuse("不属于本机关职权范围", "示范省市场监督管理局", CLERK, on("2026-06-05"), PLAIN);
		assertThatThrownBy(() -> c.accept(CLERK, on("2026-06-05"), PLAIN)).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> c.withdraw(APPLICANT, on("2026-06-05"), PLAIN)).isInstanceOf(ConflictException.class);
	}

	@Test
	void everyStepLeavesAHistoryEntryWithItsStates() {
		Case c = accepted("2026-06-05");
		assertThat(c.drainHistory()).extracting(h -> h.action(), h -> h.from(), h -> h.to())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(CaseAction.RECEIVED, null, CaseState.RECEIVED),
					org.assertj.core.groups.Tuple.tuple(CaseAction.ACCEPTED, CaseState.RECEIVED, CaseState.ACCEPTED));
	}

	@Test
	void aFeeIsRecordedWithItsReceiptAndFlaggedWhenTheCatalogDoesNotListIt() {
		CaseTerms priced = new CaseTerms("ITEM", 1, "测试事项", "Test item", ItemType.ADMINISTRATIVE_LICENSE,
				ProcessingMode.PROMISED, "DEP", "660100", 20, LimitUnit.WORKING_DAY, 10, LimitUnit.WORKING_DAY,
				List.of(), Set.of(), List.of(new RequiredMaterial("申请书", true, null)), false, null, null, null,
				List.of(new CaseTerms.FeeTerm("证书工本费", new java.math.BigDecimal("10.00")),
						new CaseTerms.FeeTerm("检测费", null)));
		Case c = received(priced, "2026-06-05");
		assertThatThrownBy(() -> c.chargeFee("证书工本费", new java.math.BigDecimal("10"), "PJ-1", CLERK, on("2026-06-05")))
			.as("not before acceptance")
			.isInstanceOf(ConflictException.class);
		c.accept(CLERK, on("2026-06-05"), PLAIN);
		c.drainEvents();
		assertThatThrownBy(
				() -> c.chargeFee("证书工本费", new java.math.BigDecimal("10"), "PJ-1", REVIEWER, on("2026-06-08")))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> c.chargeFee("证书工本费", new java.math.BigDecimal("0"), "PJ-1", CLERK, on("2026-06-08")))
			.isInstanceOf(InvalidInputException.class);

		c.chargeFee("证书工本费", new java.math.BigDecimal("10.00"), "PJ-1", CLERK, on("2026-06-08"));
		c.chargeFee("检测费", new java.math.BigDecimal("300"), "PJ-2", CLERK, on("2026-06-08"));
		c.chargeFee("证书工本费", new java.math.BigDecimal("12.00"), "PJ-3", CLERK, on("2026-06-08"));
		c.chargeFee("加急费", new java.math.BigDecimal("50"), "PJ-4", CLERK, on("2026-06-08"));
		assertThat(c.fees()).extracting(f -> f.receiptNo() + ":" + f.listed())
			.containsExactly("PJ-1:true", "PJ-2:true", "PJ-3:false", "PJ-4:false");
		assertThat(c.drainEvents()).filteredOn(e -> e instanceof CaseEvent.FeeCharged)
			.extracting(e -> ((CaseEvent.FeeCharged) e).listed())
			.containsExactly(true, true, false, false);
		assertThatThrownBy(() -> c.chargeFee("检测费", new java.math.BigDecimal("1"), "PJ-2", CLERK, on("2026-06-08")))
			.as("a receipt once")
			.isInstanceOf(ConflictException.class);

		Case free = accepted("2026-06-05");
		free.chargeFee("工本费", new java.math.BigDecimal("5"), "PJ-9", CLERK, on("2026-06-08"));
		assertThat(free.fees()).singleElement().satisfies(f -> assertThat(f.listed()).isFalse());
	}

	@Test
	void aFeeHasAtMostTenDigitsBeforeThePointHoweverItIsWritten() {
		Case c = accepted("2026-06-05");
		for (String amount : List.of("12345678901", "1E+10", "1E+100", "1E+2147483647", "0.001", "1E-2147483647")) {
			assertThatThrownBy(
					() -> c.chargeFee("工本费", new java.math.BigDecimal(amount), "PJ-" + amount, CLERK, on("2026-06-08")))
				.as(amount)
				.isInstanceOf(InvalidInputException.class);
		}
		c.chargeFee("工本费", new java.math.BigDecimal("9999999999.99"), "PJ-1", CLERK, on("2026-06-08"));
		c.chargeFee("工本费", new java.math.BigDecimal("1E+9"), "PJ-2", CLERK, on("2026-06-08"));
		assertThat(c.fees()).hasSize(2);
	}

	@Test
	void eventsCarryTheStepTheSubDeadlinesAndAPseudonymNotThePersonalNumber() {
		Case c = received(terms(ProcessingMode.PROMISED, 45, LimitUnit.WORKING_DAY, List.of("CO1", "CO2")),
				"2026-06-05");
		c.accept(CLERK, on("2026-06-08"), PLAIN);
		CaseFacts f = c.facts();
		assertThat(f.step()).isNotNull();
		assertThat(f.step().action()).isEqualTo(CaseAction.ACCEPTED);
		assertThat(f.step().actor()).isEqualTo("clerk");
		assertThat(f.opinions()).extracting(CaseFacts.SubClock::departmentCode).containsExactly("CO1", "CO2");
		assertThat(f.opinions()).allSatisfy(o -> assertThat(o.dueOn()).isNotNull());
		assertThat(f.statutoryDays()).isEqualTo(45);
		assertThat(f.applicantRef()).hasSize(64).doesNotContain("11010519491231002X");
		assertThat(f.toString()).doesNotContain("11010519491231002X");
	}

}
