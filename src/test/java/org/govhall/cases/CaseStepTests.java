package org.govhall.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.govhall.cases.CaseTests.APPLICANT;
import static org.govhall.cases.CaseTests.APPROVER;
import static org.govhall.cases.CaseTests.CLERK;
import static org.govhall.cases.CaseTests.PLAIN;
import static org.govhall.cases.CaseTests.REVIEWER;
import static org.govhall.cases.CaseTests.on;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.govhall.calendar.WorkingCalendar;
import org.govhall.cases.CaseRecords.Licence;
import org.govhall.cases.CaseRecords.MaterialIssue;
import org.govhall.cases.CaseRecords.SubmittedMaterial;
import org.govhall.catalog.SpecialProcedure;
import org.govhall.directory.Role;
import org.govhall.shared.ConflictException;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.GovHallException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The procedure table ({@link CaseStep}) against the rules of {@link Case}, without
 * Spring: every step from every state, in its roles and in another; and the table's own
 * consistency (one step per request record, one form per staff step, words for every step
 * in both languages).
 */
class CaseStepTests {

	private static final String DAY = "2026-06-05";

	/** A case brought to {@code state} through the steps that lead there. */
	static Case inState(CaseState state) {
		Case c = CaseTests.licence(DAY);
		switch (state) {
			case RECEIVED -> {
			}
			case AWAITING_CORRECTION ->
				c.requestCorrections(List.of(new MaterialIssue("申请书", "不清晰")), CLERK, on(DAY), PLAIN);
			case ACCEPTED -> c.accept(CLERK, on(DAY), PLAIN);
			case REVIEWED -> reviewed(c);
			case DECIDED -> decided(c);
			case DELIVERED -> {
				decided(c);
				c.deliver(DeliveryMethod.WINDOW, CLERK, on(DAY), PLAIN);
			}
			case REFUSED -> c.refuse("不属于本机关职权范围", null, CLERK, on(DAY), PLAIN);
			case WITHDRAWN -> c.withdraw(APPLICANT, on(DAY), PLAIN);
		}
		assertThat(c.state()).isEqualTo(state);
		return c;
	}

	private static void reviewed(Case c) {
		c.accept(CLERK, on(DAY), PLAIN);
		c.review(Outcome.DENIED, "不符合法定条件", REVIEWER, on(DAY), PLAIN);
	}

	private static void decided(Case c) {
		reviewed(c);
		c.decide(Outcome.DENIED, null, "不符合法定条件", null, APPROVER, on(DAY), PLAIN);
	}

	/** A request each step would take, filled in as a person would. */
	static CaseCommand request(CaseStep step) {
		return switch (step) {
			case CORRECTION_NOTICE -> new CaseCommand.CorrectionNotice(List.of(new CaseCommand.Issue("申请书", "不清晰")));
			case AUTHORIZATION_CHECK -> new CaseCommand.AuthorizationCheck(true, null);
			case ACCEPT -> new CaseCommand.Acceptance();
			case DECIDE_ON_THE_SPOT -> new CaseCommand.OnTheSpot(null, null, null, DeliveryMethod.WINDOW);
			case REFUSE -> new CaseCommand.Refusal("不属于本机关职权范围", null);
			case OPINION -> new CaseCommand.Opinion(Verdict.AGREE, null);
			case CHASE_OPINION -> new CaseCommand.Chase("CO");
			case REVIEW -> new CaseCommand.Review(Outcome.APPROVED, "符合法定条件");
			case DECIDE -> new CaseCommand.Decision(Outcome.DENIED, "不符合法定条件", null, null, null);
			case REVOKE_CERTIFICATE -> new CaseCommand.Revocation("以欺骗手段取得");
			case HAND_OVER -> new CaseCommand.Handover("clerk2", "请假");
			case EXTEND -> new CaseCommand.Extension("情况复杂");
			case SUSPEND -> new CaseCommand.Suspension(SpecialProcedure.EXPERT_REVIEW, null, "专家评审");
			case RESUME -> new CaseCommand.Resumption(null);
			case CHARGE_FEE -> new CaseCommand.Fee("工本费", new BigDecimal("10"), "R-1");
			case DELIVER -> new CaseCommand.Delivery(DeliveryMethod.WINDOW);
			case CORRECT -> new CaseCommand.Corrections(
					List.of(new SubmitCase.MaterialFile("申请书", "00000000-0000-0000-0000-000000000001")));
			case WITHDRAW -> new CaseCommand.Withdrawal();
			case PARTIES_NOTICE -> new CaseCommand.PartiesNotice("李四", "相邻采光", 5, true);
			case STATEMENT -> new CaseCommand.Statement("李四", "影响采光", null, false);
			case HEARING_REQUEST -> new CaseCommand.HearingRequest("本机关", Case.HearingBy.DEPARTMENT, null);
			case HEARING_NOTICE ->
				new CaseCommand.HearingNotice(LocalDate.parse(DAY).plusDays(14), "09:30", "听证室", "presider");
			case HEARING_TRANSCRIPT -> new CaseCommand.HearingTranscript(LocalDate.parse(DAY), "李四", "笔录", true);
		};
	}

	/** Who takes a step in one of its roles: the applicant for a party's step. */
	static Actor actorFor(CaseStep step) {
		if (step.who() == CaseStep.Who.PARTY) {
			return APPLICANT;
		}
		// a hand-over by someone other than its holder is the department admin's or an
		// approver's
		Role role = step == CaseStep.HAND_OVER ? Role.DEPARTMENT_ADMIN : step.roles().get(0);
		return new Actor(9, "staff", "经办人", role);
	}

	static Stream<Arguments> everyStepFromEveryState() {
		List<Arguments> all = new ArrayList<>();
		for (CaseStep step : CaseStep.values()) {
			for (CaseState state : CaseState.values()) {
				all.add(Arguments.of(step, state));
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} from {1}")
	@MethodSource("everyStepFromEveryState")
	void aStepIsTakenOnlyFromTheStatesTheTableNamesAndLeadsWhereTheTableSays(CaseStep step, CaseState state) {
		Case c = inState(state);
		c.drainEvents();
		Supplier<@Nullable GovHallException> taking = () -> {
			try {
				request(step).apply(c, new Stub(actorFor(step)));
				return null;
			}
			catch (GovHallException ex) {
				return ex;
			}
		};
		GovHallException refused = taking.get();
		if (!step.startsFrom(state)) {
			assertThat(refused).as("%s from %s", step, state).isInstanceOf(ConflictException.class);
			assertThat(refused.type()).isEqualTo("case-state");
			assertThat(c.state()).isEqualTo(state);
			assertThat(c.drainEvents()).isEmpty();
			return;
		}
		// from a state it may start from, the step is refused only on its own merits,
		// never for the state
		if (refused != null) {
			assertThat(refused.type()).as("%s from %s refused: %s", step, state, refused.messageKey())
				.isNotEqualTo("case-state");
			assertThat(c.state()).isEqualTo(state);
			return;
		}
		assertThat(c.state()).as("%s from %s", step, state).isEqualTo(step.to().orElse(state));
	}

	static Stream<Arguments> everyStaffStepInAnotherRole() {
		List<Arguments> all = new ArrayList<>();
		for (CaseStep step : CaseStep.values()) {
			if (step.who() == CaseStep.Who.PARTY) {
				continue;
			}
			for (Role role : Role.values()) {
				if (!step.roles().contains(role)) {
					all.add(Arguments.of(step, role));
				}
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("everyStaffStepInAnotherRole")
	void aStaffStepIsRefusedInARoleTheTableDoesNotName(CaseStep step, Role role) {
		CaseState from = step.from().stream().sorted().findFirst().orElseThrow();
		Case c = inState(from);
		c.drainEvents();
		assertThatThrownBy(() -> request(step).apply(c, new Stub(new Actor(9, "someone", "某人", role))))
			.isInstanceOf(ForbiddenException.class);
		assertThat(c.state()).isEqualTo(from);
		assertThat(c.drainEvents()).isEmpty();
	}

	@Test
	void eachRequestRecordIsTheRequestOfExactlyOneStep() {
		Set<Class<?>> records = new HashSet<>(Arrays.asList(CaseCommand.class.getPermittedSubclasses()));
		Set<Class<?>> taken = new HashSet<>();
		for (CaseStep step : CaseStep.values()) {
			assertThat(taken.add(step.request())).as("%s shares its request record", step).isTrue();
			assertThat(CaseStep.of(request(step))).isEqualTo(step);
		}
		assertThat(taken).isEqualTo(records);
	}

	@Test
	void aSegmentNamesOneStepOnEachSide() {
		for (CaseStep step : CaseStep.values()) {
			if (step == CaseStep.CHASE_OPINION) {
				// chased by department, under /opinions/{department}/chase
				assertThat(CaseStep.bySegment(step.segment(), false)).isEmpty();
				continue;
			}
			assertThat(CaseStep.bySegment(step.segment(), step.who() == CaseStep.Who.PARTY)).contains(step);
			assertThat(CaseStep.bySegment(step.segment(), step.who() != CaseStep.Who.PARTY)).isEmpty();
		}
		assertThat(CaseStep.bySegment("approve-everything", false)).isEmpty();
	}

	@Test
	void everyOpenStateHasAWayOnAndNoStepReopensAClosedCase() {
		Set<CaseState> startedFrom = EnumSet.noneOf(CaseState.class);
		for (CaseStep step : CaseStep.values()) {
			startedFrom.addAll(step.from());
			step.to()
				.ifPresent(to -> assertThat(step.from()).as("%s leads to where it starts", step).doesNotContain(to));
			if (step.from().stream().anyMatch(s -> !s.isOpen())) {
				assertThat(step.to()).as("%s moves a closed case", step).isEmpty();
			}
		}
		assertThat(startedFrom).containsAll(CaseState.open());
	}

	@ParameterizedTest
	@EnumSource(CaseState.class)
	void aClockRunsExactlyInTheStatesWhereAStatutoryLimitApplies(CaseState state) {
		Case c = inState(state);
		boolean anyDue = c.acceptanceDue() != null || c.decisionDue() != null || c.promisedDue() != null
				|| c.deliveryDue() != null;
		assertThat(state.clockRuns()).as("%s", state).isEqualTo(anyDue);
		assertThat(state.clock() == CaseState.StatutoryClock.ACCEPTANCE).isEqualTo(c.acceptanceDue() != null);
		assertThat(state.clock() == CaseState.StatutoryClock.DELIVERY).isEqualTo(c.deliveryDue() != null);
	}

	@Test
	void everyStaffStepHasAFormAndEveryStepItsWordsInBothLanguages() throws IOException {
		String forms = read("templates/cases/steps.html");
		Properties zh = bundle("i18n/messages.properties", "i18n/cases.properties");
		Properties en = bundle("i18n/messages_en.properties", "i18n/cases_en.properties");
		for (CaseStep step : CaseStep.values()) {
			if (step != CaseStep.CHASE_OPINION) {
				assertThat(forms).as("the form of %s", step).contains("th:fragment=\"" + step.fragment() + "\"");
			}
			assertThat(zh).as("%s said in Chinese", step).containsKey(step.doneKey());
			assertThat(en).as("%s said in English", step).containsKey(step.doneKey());
			if (!step.article().isEmpty()) {
				assertThat(zh.getProperty(step.basisKey())).as("the basis of %s", step).contains("行政许可法");
				assertThat(en.getProperty(step.basisKey())).as("the basis of %s", step)
					.contains("Administrative Licensing Law");
			}
		}
	}

	@Test
	void everyActOfProcedureHasItsWordsItsMessageAndItsFieldLabelsInBothLanguages() throws IOException {
		Properties zh = bundle("i18n/messages.properties", "i18n/cases.properties");
		Properties en = bundle("i18n/messages_en.properties", "i18n/cases_en.properties");
		for (CaseStep step : CaseStep.values()) {
			Case c = inState(step.from().stream().sorted().findFirst().orElseThrow());
			prepare(step, c);
			c.drainEvents();
			try {
				request(step).apply(c, new Stub(actorFor(step)));
			}
			catch (GovHallException ex) {
				// refused on its own merits here: not an act this test can take
				continue;
			}
			boolean act = c.drainEvents().stream().anyMatch(CaseEvent.StepTaken.class::isInstance);
			if (!act) {
				continue;
			}
			for (Properties bundle : List.of(zh, en)) {
				assertThat(bundle).as("the words of %s", step)
					.containsKeys(step.nameKey(), "step.words." + step.name(), "notification." + step.name());
				for (var component : step.request().getRecordComponents()) {
					assertThat(bundle).as("the label of %s.%s", step, component.getName())
						.containsKey("step.field." + step.name() + "." + component.getName());
				}
			}
		}
	}

	/**
	 * Brings {@code c} to where {@code step}'s act can be taken: the acts it follows
	 * recorded.
	 */
	private static void prepare(CaseStep step, Case c) {
		switch (step) {
			case STATEMENT -> c.notifyInterestedParties(List.of("李四"), "采光", 5, true, REVIEWER, on(DAY), PLAIN);
			case HEARING_NOTICE, HEARING_TRANSCRIPT -> {
				c.requestHearing("本机关", Case.HearingBy.DEPARTMENT, LocalDate.parse(DAY), REVIEWER, on(DAY), PLAIN);
				if (step == CaseStep.HEARING_TRANSCRIPT) {
					c.noticeHearing(LocalDate.parse(DAY), "09:30", "听证室", "presider", "主持", APPROVER, on("2026-05-25"),
							PLAIN);
				}
			}
			default -> {
			}
		}
	}

	@Test
	void aDerivedFormHasEveryWordItSaysInBothLanguagesAndTakesItsRulesFromItsRecord() throws IOException {
		Properties zh = bundle("i18n/messages.properties", "i18n/cases.properties");
		Properties en = bundle("i18n/messages_en.properties", "i18n/cases_en.properties");
		List<CaseStep> derived = Arrays.stream(CaseStep.values()).filter(s -> StepForm.of(s).isPresent()).toList();
		assertThat(derived).as("the steps whose forms are derived")
			.contains(CaseStep.REFUSE, CaseStep.REVIEW, CaseStep.HEARING_NOTICE)
			.doesNotContain(CaseStep.CORRECTION_NOTICE, CaseStep.DECIDE, CaseStep.CORRECT);
		for (CaseStep step : derived) {
			StepForm form = StepForm.of(step).orElseThrow();
			assertThat(step.fragment()).isEqualTo("generic");
			assertThat(form.fields()).extracting(StepForm.Field::name)
				.as("a field for each of %s's record", step)
				.containsExactly(Arrays.stream(step.request().getRecordComponents())
					.map(RecordComponent::getName)
					.toArray(String[]::new));
			for (String key : form.keys()) {
				assertThat(zh.getProperty(key)).as("%s in Chinese", key).isNotBlank();
				assertThat(en.getProperty(key)).as("%s in English", key).isNotBlank();
			}
			for (StepForm.Field f : form.fields()) {
				assertThat(f.maxLength()).as("the limit of %s.%s", step, f.name())
					.isEqualTo(StepLimits.ALL.get(step.name() + "." + f.name()));
			}
		}
		StepForm notice = StepForm.of(CaseStep.PARTIES_NOTICE).orElseThrow();
		assertThat(notice.fields()).extracting(StepForm.Field::kind)
			.containsExactly(StepForm.Kind.TEXTAREA, StepForm.Kind.TEXTAREA, StepForm.Kind.NUMBER,
					StepForm.Kind.CHECKBOX);
		StepForm.Field days = notice.fields().get(2);
		assertThat(days.min()).isEqualTo("3");
		assertThat(days.max()).isEqualTo("20");
		assertThat(days.required()).isTrue();
		assertThat(notice.fields().get(3).required()).as("the right to a hearing may be left out").isFalse();
		StepForm.Field time = StepForm.of(CaseStep.HEARING_NOTICE).orElseThrow().fields().get(1);
		assertThat(time.kind()).isEqualTo(StepForm.Kind.TIME);
		StepForm.Field by = StepForm.of(CaseStep.HEARING_REQUEST).orElseThrow().fields().get(1);
		assertThat(by.choices()).containsExactly("APPLICANT", "INTERESTED_PARTY", "DEPARTMENT");
		assertThat(by.id()).isEqualTo("hearing-request-by");
		StepForm.Field amount = StepForm.of(CaseStep.CHARGE_FEE).orElseThrow().fields().get(1);
		assertThat(amount.kind()).isEqualTo(StepForm.Kind.NUMBER);
		assertThat(amount.min()).as("a fee of a cent at least").isEqualTo("0.01");
		assertThat(amount.step()).as("in cents").isEqualTo("0.01");
		assertThat(StepForm.of(CaseStep.SUSPEND).orElseThrow().fields().get(0).fragment())
			.as("the special procedures, those listed ticked, drawn by their own fragment")
			.isEqualTo("SUSPEND_procedure");
	}

	@Test
	void theFormsReadTheirLimitsFromTheRequestRecords() throws IOException {
		assertThat(StepLimits.ALL).containsEntry("REFUSE.reasons", 2000)
			.containsEntry("REFUSE.competentAuthority", 300)
			.containsEntry("CORRECTION_NOTICE.issues.problem", 500)
			.containsEntry("CHARGE_FEE.receiptNo", 64)
			.containsEntry("DECIDE.scope", LicenceRules.SCOPE_MAX);
		String forms = read("templates/cases/steps.html");
		assertThat(forms).doesNotContainPattern(" maxlength=\"\\d+\"");
		for (MatchResult m : Pattern.compile("limits\\['([A-Z_]+\\.[a-zA-Z.]+)'\\]")
			.matcher(forms)
			.results()
			.toList()) {
			assertThat(StepLimits.ALL).as("a limit the forms read").containsKey(m.group(1));
		}
	}

	private static String read(String resource) throws IOException {
		try (InputStream in = CaseStepTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static Properties bundle(String... resources) throws IOException {
		Properties all = new Properties();
		for (String r : resources) {
			try (InputStream in = CaseStepTests.class.getClassLoader().getResourceAsStream(r)) {
				if (in != null) {
					all.load(new InputStreamReader(in, StandardCharsets.UTF_8));
				}
			}
		}
		return all;
	}

	/**
	 * What the hall supplies to a step, without the hall: text as entered, files as the
	 * materials they name.
	 */
	record Stub(Actor actor) implements CaseCommand.StepContext {

		@Override
		public Now now() {
			return on(DAY);
		}

		@Override
		public WorkingCalendar calendar() {
			return PLAIN;
		}

		@Override
		public @Nullable String text(String field, @Nullable String text, boolean oneLine) {
			return text;
		}

		@Override
		public @Nullable Licence licence(@Nullable Licence entered) {
			return entered;
		}

		@Override
		public String certificateNumber(Case c) {
			return "DEP-2026-000001";
		}

		@Override
		public List<SubmittedMaterial> materials(List<SubmitCase.MaterialFile> files, Case c) {
			return files.stream()
				.map(f -> new SubmittedMaterial(f.material(), f.fileId(), "补正.pdf", "x", "applicant", Instant.EPOCH, 1))
				.toList();
		}

		@Override
		public String department() {
			return "CO";
		}

		@Override
		public void requireClerkOnDuty(Case c, String username) {
		}

		@Override
		public String requireStaffOfCase(Case c, String username, String field) {
			return "主持人";
		}

		@Override
		public void certificateRevoked(Case c, String reason) {
		}

		@Override
		public RuntimeException named(Case.OpinionsMissing missing) {
			return missing;
		}

	}

}
