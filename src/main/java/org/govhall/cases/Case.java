package org.govhall.cases;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.govhall.calendar.Deadline;
import org.govhall.calendar.DueDate;
import org.govhall.calendar.Extension;
import org.govhall.calendar.LimitUnit;
import org.govhall.calendar.Suspension;
import org.govhall.calendar.WorkingCalendar;
import org.govhall.calendar.YearNotLoadedException;
import org.govhall.cases.CaseRecords.AgentAuthorization;
import org.govhall.cases.CaseRecords.CaseApplicant;
import org.govhall.cases.CaseRecords.CorrectionNotice;
import org.govhall.cases.CaseRecords.Decision;
import org.govhall.cases.CaseRecords.Delivery;
import org.govhall.cases.CaseRecords.FeeRecord;
import org.govhall.cases.CaseRecords.Handover;
import org.govhall.cases.CaseRecords.ExtensionRecord;
import org.govhall.cases.CaseRecords.HistoryEntry;
import org.govhall.cases.CaseRecords.Licence;
import org.govhall.cases.CaseRecords.MaterialIssue;
import org.govhall.cases.CaseRecords.Opinion;
import org.govhall.cases.CaseRecords.OriginalCheck;
import org.govhall.cases.CaseRecords.OriginalSeen;
import org.govhall.cases.CaseRecords.ProcedureAct;
import org.govhall.cases.CaseRecords.Refusal;
import org.govhall.cases.CaseRecords.Review;
import org.govhall.cases.CaseRecords.Revocation;
import org.govhall.cases.CaseRecords.SubLimit;
import org.govhall.cases.CaseRecords.SubmittedMaterial;
import org.govhall.cases.CaseRecords.SuspensionRecord;
import org.govhall.cases.CaseTerms.RequiredMaterial;
import org.govhall.catalog.SpecialProcedure;
import org.govhall.directory.Role;
import org.govhall.shared.ConflictException;
import org.govhall.shared.GovHallException;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * A case (办件): one application for one item, from receipt to delivery. The legal
 * procedure is fixed (行政许可法); what differs per item comes from its {@link CaseTerms}.
 * Every transition checks the state and the rule that governs it, records a history
 * entry, and recomputes the case's due dates on the working-day calendar.
 */
class Case {

	/** 行政许可法 第三十二条: accept, refuse or give the one-time notice within 5 working days. */
	static final int ACCEPTANCE_DAYS = 5;

	/** 行政许可法 第四十四条: deliver within 10 working days of the decision. */
	static final int DELIVERY_DAYS = 10;

	private @Nullable Long id;

	private final String number;

	private final String queryCode;

	private CaseState state;

	private final Channel channel;

	private final CaseTerms terms;

	private final CaseApplicant applicant;

	private @Nullable AgentAuthorization authorization;

	private @Nullable String firstHandler;

	private LocalDate receivedOn;

	private final Instant submittedAt;

	private @Nullable LocalDate acceptedOn;

	private boolean deemedAccepted;

	private final List<SubmittedMaterial> materials;

	private final List<CorrectionNotice> notices;

	private @Nullable Refusal refusal;

	private final List<SuspensionRecord> suspensions;

	private final List<ExtensionRecord> extensions;

	private final List<Opinion> opinions;

	private final List<OriginalSeen> originalsSeen;

	private final List<Handover> handovers;

	/** The acts of procedure inside the review (ADR 0030), in the order recorded. */
	private final List<ProcedureAct> acts;

	private @Nullable Review review;

	private @Nullable Decision decision;

	private @Nullable Delivery delivery;

	private @Nullable LocalDate acceptanceDue;

	private @Nullable LocalDate decisionDue;

	private @Nullable LocalDate promisedDue;

	/**
	 * The nearest due date of the running clocks (statutory or promised), provisional
	 * while a year is missing.
	 */
	private @Nullable LocalDate nextDue;

	private boolean nextDueProvisional;

	/**
	 * Whether any running clock waits for a year's official schedule (its due date is
	 * "期限待定").
	 */
	private boolean awaitsCalendar;

	/**
	 * Set by the step that deems the case accepted: the due date that passed (not stored;
	 * its event carries it).
	 */
	private @Nullable LocalDate missedAcceptanceDue;

	private @Nullable LocalDate deliveryDue;

	private final List<FeeRecord> fees;

	private int version;

	private final List<HistoryEntry> newHistory = new ArrayList<>();

	private final List<CaseEvent> newEvents = new ArrayList<>();

	Case(@Nullable Long id, String number, String queryCode, CaseState state, Channel channel, CaseTerms terms,
			CaseApplicant applicant, @Nullable AgentAuthorization authorization, @Nullable String firstHandler,
			LocalDate receivedOn, Instant submittedAt, @Nullable LocalDate acceptedOn, boolean deemedAccepted,
			CaseDocument document, int version) {
		this.id = id;
		this.number = number;
		this.queryCode = queryCode;
		this.state = state;
		this.channel = channel;
		this.terms = terms;
		this.applicant = applicant;
		this.authorization = authorization;
		this.firstHandler = firstHandler;
		this.receivedOn = receivedOn;
		this.submittedAt = submittedAt;
		this.acceptedOn = acceptedOn;
		this.deemedAccepted = deemedAccepted;
		this.materials = new ArrayList<>(document.materials());
		this.notices = new ArrayList<>(document.notices());
		this.refusal = document.refusal();
		this.suspensions = new ArrayList<>(document.suspensions());
		this.extensions = new ArrayList<>(document.extensions());
		this.opinions = new ArrayList<>(document.opinions());
		this.review = document.review();
		this.decision = document.decision();
		this.delivery = document.delivery();
		this.fees = new ArrayList<>(document.fees());
		this.originalsSeen = new ArrayList<>(document.originalsSeen());
		this.handovers = new ArrayList<>(document.handovers());
		this.acts = new ArrayList<>(document.acts());
		this.version = version;
	}

	/**
	 * A case received now through a channel; window cases have their clerk as first
	 * handler (首办负责).
	 */
	static Case receive(String number, String queryCode, Channel channel, CaseTerms terms, CaseApplicant applicant,
			@Nullable AgentAuthorization authorization, List<SubmittedMaterial> materials, Actor actor, Now now,
			WorkingCalendar calendar) {
		return receive(number, queryCode, channel, terms, applicant, authorization, materials, actor, null, now,
				calendar);
	}

	/**
	 * A case received now through a channel, responsible from receipt (首办负责制): at the
	 * window the clerk who takes it, online and through an agent {@code routed}, the
	 * first handler the department's routing rule gave it.
	 */
	static Case receive(String number, String queryCode, Channel channel, CaseTerms terms, CaseApplicant applicant,
			@Nullable AgentAuthorization authorization, List<SubmittedMaterial> materials, Actor actor,
			@Nullable String routed, Now now, WorkingCalendar calendar) {
		Case c = new Case(null, number, queryCode, CaseState.RECEIVED, channel, terms, applicant, authorization,
				channel == Channel.WINDOW ? actor.username() : routed, now.today(), now.at(), null, false,
				new CaseDocument(materials, List.of(), null, List.of(), List.of(), List.of(), null, null, null,
						List.of(), List.of(), List.of(), List.of()),
				0);
		c.refresh(calendar);
		c.newHistory.add(new HistoryEntry(now.at(), actor.username(), actor.role(), CaseAction.RECEIVED, null,
				CaseState.RECEIVED, channel.name()));
		c.newEvents.add(new CaseEvent.Received(c.facts()));
		return c;
	}

	// ---- the first handler (首办负责制)

	/**
	 * Hands the case over (移交) to another first handler, with the reason: by the one who
	 * holds it, or by the lead department's admin or approver when the holder is on
	 * leave, moved or left the hall. Whether {@code to} is an active clerk of the
	 * department is for {@link CaseHandling} to check against the directory.
	 */
	void handOver(String to, String reason, Actor actor, Now now) {
		requireState(CaseStep.HAND_OVER);
		if (!actor.username().equals(firstHandler) && actor.role() != Role.DEPARTMENT_ADMIN
				&& actor.role() != Role.APPROVER) {
			throw new ForbiddenException("error.case.handOverNotHolder");
		}
		requireText(reason, "reason");
		if (to.equals(firstHandler)) {
			throw new InvalidInputException("handover-same", "error.case.handOverSame", "to");
		}
		String from = firstHandler;
		handovers.add(new Handover(from, to, reason.strip(), actor.username(), now.at()));
		firstHandler = to;
		record(actor, now, CaseAction.HANDED_OVER, (from == null ? "" : from) + " -> " + to + ": " + reason.strip());
		newEvents.add(new CaseEvent.HandedOver(facts(), from, to, reason.strip()));
	}

	/**
	 * A case received before first handlers were routed gets the one routed now, e.g.
	 * when deemed accepted.
	 */
	void routeIfUnheld(@Nullable String routed) {
		if (firstHandler == null) {
			firstHandler = routed;
		}
	}

	List<Handover> handovers() {
		return List.copyOf(handovers);
	}

	// ---- acceptance (行政许可法 第三十二条)

	/**
	 * Names every missing or defective material at once. A second notice may only name
	 * materials the first did; one that names others is still issued (the applicant must
	 * learn of it) but is recorded as a breach.
	 */
	void requestCorrections(List<MaterialIssue> issues, Actor actor, Now now, WorkingCalendar calendar) {
		begin(CaseStep.CORRECTION_NOTICE, actor);
		requireWithinAcceptanceWindow(now);
		if (issues.isEmpty()) {
			throw new InvalidInputException("issues-required", "error.case.issuesRequired", "issues");
		}
		Set<String> earlier = new LinkedHashSet<>();
		notices.forEach(n -> n.issues().forEach(i -> earlier.add(i.material())));
		List<String> newlyNamed = notices.isEmpty() ? List.of()
				: issues.stream().map(MaterialIssue::material).filter(m -> !earlier.contains(m)).distinct().toList();
		notices.add(new CorrectionNotice(notices.size() + 1, now.today(), actor.username(), issues, null, newlyNamed));
		takeFirstHandling(actor);
		transition(CaseState.AWAITING_CORRECTION, actor, now, CaseAction.CORRECTION_REQUESTED,
				issues.stream().map(MaterialIssue::material).toList().toString()
						+ (newlyNamed.isEmpty() ? "" : " breach: " + newlyNamed),
				calendar);
	}

	/**
	 * The applicant hands in the corrections; the acceptance window starts again from
	 * today.
	 */
	void correct(List<SubmittedMaterial> added, Actor actor, Now now, WorkingCalendar calendar) {
		begin(CaseStep.CORRECT, actor);
		if (added.isEmpty()) {
			throw new InvalidInputException("materials-required", "error.case.materialsRequired", "materials");
		}
		materials.addAll(added);
		CorrectionNotice last = notices.remove(notices.size() - 1);
		notices.add(last.corrected(now.today()));
		receivedOn = now.today();
		transition(CaseState.RECEIVED, actor, now, CaseAction.CORRECTED,
				added.stream().map(SubmittedMaterial::material).toList().toString(), calendar);
	}

	/**
	 * Accepts the application. After the 5th working day it is too late to accept: the
	 * law has accepted it as of receipt (第三十二条第一款第四项), so the case is deemed accepted and
	 * its decision clock counts from receipt.
	 */
	void accept(Actor actor, Now now, WorkingCalendar calendar) {
		begin(CaseStep.ACCEPT, actor);
		if (acceptanceWindowPassed(now.today())) {
			deemAcceptedIfOverdue(Actor.system(), now, calendar);
			return;
		}
		requireComplete(terms, handedInNames(), "materials-incomplete", "error.case.materialsIncomplete");
		if (authorization != null && authorization.awaitsCheck()) {
			// an agent's written power of attorney is authority only once its original
			// was seen (ADR 0025)
			throw new RuleViolationException("authorization-unchecked", "error.case.authorizationUnchecked");
		}
		takeFirstHandling(actor);
		startReview(now.today(), calendar);
		transition(CaseState.ACCEPTED, actor, now, CaseAction.ACCEPTED, "", calendar);
	}

	/**
	 * The window clerk (or whoever accepts) checked an agent's written power of attorney
	 * against its original and the principal's identity document (原件核验, ADR 0025). A
	 * genuine one lets the case be accepted. One that does not hold gives the agent no
	 * authority, so there is no application of the principal's to correct: the case is
	 * not accepted (不予受理), with the reason, in the same step.
	 */
	void checkAuthorization(boolean genuine, @Nullable String note, Actor actor, Now now, WorkingCalendar calendar) {
		begin(CaseStep.AUTHORIZATION_CHECK, actor);
		if (authorization == null || authorization.basis() == AgentAuthorization.Basis.CONFIRMED_ONLINE) {
			throw new RuleViolationException("authorization-not-written", "error.case.authorizationNotWritten");
		}
		if (!genuine) {
			requireText(note, "note");
		}
		requireWithinAcceptanceWindow(now);
		authorization = authorization.checked(new OriginalCheck(genuine, actor.username(), now.at(),
				note == null || note.isBlank() ? null : note.strip()));
		record(actor, now, CaseAction.AUTHORIZATION_CHECKED, genuine ? "genuine" : "refused");
		if (!genuine) {
			refuse(note, null, actor, now, calendar);
		}
	}

	/**
	 * With no decision and no notice within 5 working days of receipt, the application
	 * counts as accepted from the day the materials were received (第三十二条第一款第四项).
	 */
	boolean deemAcceptedIfOverdue(Actor system, Now now, WorkingCalendar calendar) {
		if (!acceptanceWindowPassed(now.today())) {
			return false;
		}
		LocalDate missed = acceptanceDue;
		missedAcceptanceDue = missed;
		deemedAccepted = true;
		startReview(receivedOn, calendar);
		transition(CaseState.ACCEPTED, system, now, CaseAction.DEEMED_ACCEPTED,
				"accepted as of " + receivedOn + "; due " + missed + " passed", calendar);
		return true;
	}

	/**
	 * The materials that must be handed in (mandatory, not obtained by the hall through
	 * data sharing) and have no file among {@code handedIn}, in the item's order.
	 */
	static List<String> missingMaterials(CaseTerms terms, Collection<String> present) {
		return terms.materials()
			.stream()
			.filter(RequiredMaterial::mustBeHandedIn)
			.map(RequiredMaterial::name)
			.filter(n -> !present.contains(n))
			.toList();
	}

	/**
	 * Refuses (422) while a material that must be handed in has no file, naming every one
	 * of them.
	 */
	static void requireComplete(CaseTerms terms, Collection<String> handedIn, String type, String key) {
		List<String> missing = Case.missingMaterials(terms, handedIn);
		if (!missing.isEmpty()) {
			// the Chinese names and the English ones: each language's message picks its
			// own
			List<String> english = missing.stream().map(m -> englishName(terms, m)).toList();
			List<GovHallException.FieldViolation> each = new ArrayList<>();
			for (int i = 0; i < missing.size(); i++) {
				each.add(new GovHallException.FieldViolation("materials", "error.case.materialMissing", missing.get(i),
						english.get(i)));
			}
			throw new RuleViolationException(type, key, each, missing.size(), String.join("、", missing),
					String.join("; ", english));
		}
	}

	private static String englishName(CaseTerms terms, String name) {
		return terms.materials()
			.stream()
			.filter(m -> m.name().equals(name))
			.findFirst()
			.map(m -> m.label(Locale.ENGLISH))
			.orElse(name);
	}

	private Set<String> handedInNames() {
		Set<String> names = new LinkedHashSet<>();
		materials.forEach(m -> names.add(m.material()));
		originalsSeen.forEach(o -> names.add(o.material()));
		return names;
	}

	/**
	 * The window clerk checked these materials' originals with the applicant present
	 * (原件核验) and handed them back: they count as handed in. Only at the window, on
	 * receipt, and only materials the item names.
	 */
	void recordOriginalsSeen(Collection<String> names, Actor actor, Now now) {
		if (state != CaseState.RECEIVED) {
			throw new ConflictException("case-state", "error.case.state", number, state);
		}
		if (channel != Channel.WINDOW) {
			throw new RuleViolationException("originals-at-window", "error.case.originalsAtWindow");
		}
		if (actor.role() != Role.WINDOW_CLERK) {
			throw new ForbiddenException("error.forbidden.role");
		}
		for (String name : new LinkedHashSet<>(names)) {
			if (terms.materials().stream().noneMatch(m -> m.name().equals(name))) {
				throw new InvalidInputException("unknown-material", "error.case.unknownMaterial", "originalsSeen",
						name);
			}
			if (originalsSeen.stream().noneMatch(o -> o.material().equals(name))) {
				originalsSeen.add(new OriginalSeen(name, actor.username(), now.at()));
			}
		}
	}

	List<OriginalSeen> originalsSeen() {
		return List.copyOf(originalsSeen);
	}

	/**
	 * Whether the 5 working days for acceptance, refusal or a correction notice have
	 * passed (第三十二条).
	 */
	boolean acceptanceWindowPassed(LocalDate today) {
		return state == CaseState.RECEIVED && acceptanceDue != null && today.isAfter(acceptanceDue);
	}

	/**
	 * The acceptance due date that had passed when the case was deemed accepted in this
	 * step, for its event.
	 */
	@Nullable LocalDate missedAcceptanceDue() {
		return missedAcceptanceDue;
	}

	/**
	 * A refusal or a correction notice after the 5th working day comes too late: the
	 * application already counts as accepted as of receipt. {@link CaseHandling} then
	 * deems it accepted and answers 422.
	 */
	private void requireWithinAcceptanceWindow(Now now) {
		if (acceptanceWindowPassed(now.today())) {
			throw new AcceptanceWindowPassed(receivedOn, acceptanceDue);
		}
	}

	/**
	 * A refusal or correction notice attempted after the acceptance window (422); the
	 * case is deemed accepted.
	 */
	static final class AcceptanceWindowPassed extends RuleViolationException {

		AcceptanceWindowPassed(LocalDate receivedOn, LocalDate due) {
			super("acceptance-window-passed", "error.case.acceptanceWindowPassed", receivedOn.toString(),
					due.toString());
		}

	}

	void refuse(String reasons, @Nullable String competentAuthority, Actor actor, Now now, WorkingCalendar calendar) {
		begin(CaseStep.REFUSE, actor);
		requireText(reasons, "reasons");
		requireWithinAcceptanceWindow(now);
		takeFirstHandling(actor);
		refusal = new Refusal(reasons.strip(), blank(competentAuthority), actor.username(), now.today());
		transition(CaseState.REFUSED, actor, now, CaseAction.REFUSED, reasons.strip(), calendar);
	}

	private void startReview(LocalDate on, WorkingCalendar calendar) {
		acceptedOn = on;
		opinions.clear();
		SubLimit limit = opinionLimit();
		terms.coDepartments().forEach(d -> opinions.add(Opinion.requested(d, limit)));
	}

	/**
	 * Each co-department's sub-deadline (联审, 行政许可法 第二十六条): the case's nearer limit of two
	 * days or more (the promise, else the law) less the time the lead department keeps
	 * for its review and decision. That time is the limits of the item's procedure steps
	 * after its joint-review step ({@link CaseTerms#opinionMargin()}), or a third of the
	 * limit where no step is marked; it is at least one day and leaves the co-departments
	 * at least one. A limit of a single day gives that day; an item without any limit
	 * gives 10 working days.
	 */
	SubLimit opinionLimit() {
		List<SubLimit> limits = new ArrayList<>(2);
		if (terms.promisedAmount() != null && terms.promisedUnit() != null) {
			limits.add(new SubLimit(terms.promisedAmount(), terms.promisedUnit()));
		}
		if (terms.statutoryAmount() != null && terms.statutoryUnit() != null) {
			limits.add(new SubLimit(terms.statutoryAmount(), terms.statutoryUnit()));
		}
		if (limits.isEmpty()) {
			return new SubLimit(10, LimitUnit.WORKING_DAY);
		}
		SubLimit budget = limits.stream().filter(l -> l.days() >= 2).findFirst().orElse(null);
		if (budget == null) {
			return new SubLimit(1, limits.get(0).unit());
		}
		int steps = terms.opinionMargin() == null ? budget.days() / 3 : terms.opinionMargin();
		int margin = Math.min(Math.max(1, steps), budget.days() - 1);
		return new SubLimit(budget.days() - margin, budget.unit());
	}

	/**
	 * The lead department chases (催办) a co-department whose opinion is still awaited: it
	 * is told, and the case records who chased and when. Once a day at most, so a chase
	 * stays a signal.
	 */
	void chaseOpinion(String departmentCode, Actor actor, Now now) {
		begin(CaseStep.CHASE_OPINION, actor);
		int index = opinionIndex(departmentCode);
		Opinion o = opinions.get(index);
		if (o.given()) {
			throw new ConflictException("opinion-given", "error.case.opinionGiven", departmentCode);
		}
		if (now.today().equals(o.chasedOn())) {
			throw new ConflictException("chased-today", "error.case.chasedToday", departmentCode);
		}
		Opinion chased = o.chased(now.today());
		opinions.set(index, chased);
		record(actor, now, CaseAction.OPINION_CHASED, departmentCode + " " + chased.chases());
		newEvents.add(new CaseEvent.OpinionChased(facts(), departmentCode, chased.chases(), chased.dueOn(),
				actor.username()));
	}

	private int opinionIndex(String departmentCode) {
		for (int i = 0; i < opinions.size(); i++) {
			if (opinions.get(i).departmentCode().equals(departmentCode)) {
				return i;
			}
		}
		throw new RuleViolationException("not-co-department", "error.case.notCoDepartment", departmentCode);
	}

	// ---- instant items (即办件)

	/**
	 * Accepts, grants and delivers on the spot (当场办结, 行政许可法 第三十四条第二款): only on the day of
	 * receipt, or on the first working day after an application received on a day off, so
	 * that "on the spot" is what happened. The decision is handed over at the window or
	 * sent electronically in the same step, and the case closes; one that could not be
	 * finished on the spot is accepted and decided as any other, against its limit.
	 */
	void decideOnTheSpot(String certificateNo, @Nullable Licence licence, DeliveryMethod method, Actor actor, Now now,
			WorkingCalendar calendar) {
		begin(CaseStep.DECIDE_ON_THE_SPOT, actor);
		if (!terms.instant()) {
			throw new RuleViolationException("not-instant", "error.case.notInstant", terms.itemCode());
		}
		if (!onTheSpotPossible(now.today(), calendar)) {
			throw new RuleViolationException("not-on-the-spot", "error.case.notOnTheSpot", receivedOn.toString());
		}
		if (method == DeliveryMethod.POST) {
			throw new InvalidInputException("delivery-on-the-spot", "error.case.deliveryOnTheSpot", "method");
		}
		requireComplete(terms, handedInNames(), "materials-incomplete", "error.case.materialsIncomplete");
		Licence granted = LicenceRules.check(terms, licence, now.today());
		takeFirstHandling(actor);
		startReview(now.today(), calendar);
		decision = new Decision(Outcome.APPROVED, certificateNo, null, actor.username(), now.today(), true, granted,
				null);
		transition(CaseState.DECIDED, actor, now, CaseAction.DECIDED_ON_THE_SPOT,
				Outcome.APPROVED + " " + certificateNo + licenceDetail(granted), calendar);
		delivery = new Delivery(method, now.today(), actor.username(), false);
		transition(CaseState.DELIVERED, actor, now, CaseAction.DELIVERED, method + " on-the-spot", calendar);
	}

	/**
	 * Whether an instant item can still be finished on the spot today: on the day it was
	 * received, or, for an application received on a day off (online, at night or at the
	 * weekend), on the first working day after it. A missing year's schedule allows only
	 * the day of receipt.
	 */
	boolean onTheSpotPossible(LocalDate today, WorkingCalendar calendar) {
		if (today.equals(receivedOn)) {
			return true;
		}
		try {
			return !calendar.isWorkingDay(receivedOn) && today.isAfter(receivedOn)
					&& today.equals(calendar.nextWorkingDayOnOrAfter(receivedOn));
		}
		catch (YearNotLoadedException ex) {
			return false;
		}
	}

	// ---- review

	void recordOpinion(String departmentCode, Verdict verdict, @Nullable String reasons, Actor actor, Now now,
			WorkingCalendar calendar) {
		begin(CaseStep.OPINION, actor);
		int index = opinionIndex(departmentCode);
		Opinion o = opinions.get(index);
		if (o.given()) {
			throw new ConflictException("opinion-given", "error.case.opinionGiven", departmentCode);
		}
		if (verdict != Verdict.AGREE) {
			requireText(reasons, "reasons");
		}
		boolean late = o.dueOn() != null && now.today().isAfter(o.dueOn());
		opinions.set(index, o.given(verdict, blank(reasons), actor.username(), now.today(), late));
		record(actor, now, CaseAction.OPINION_RECORDED, departmentCode + " " + verdict + (late ? " late" : ""));
		refresh(calendar);
		newEvents.add(new CaseEvent.OpinionRecorded(facts(), departmentCode, verdict, late));
	}

	/**
	 * The lead department's reviewer recommends a decision once every co-department's
	 * opinion is in.
	 */
	void review(Outcome recommendation, String comments, Actor actor, Now now, WorkingCalendar calendar) {
		begin(CaseStep.REVIEW, actor);
		if (openSuspension().isPresent()) {
			throw new RuleViolationException("suspended", "error.case.suspended");
		}
		List<String> missing = opinions.stream().filter(o -> !o.given()).map(Opinion::departmentCode).toList();
		if (!missing.isEmpty()) {
			throw new OpinionsMissing(missing);
		}
		partiesHeardBy(now.today()).ifPresent(until -> {
			throw new RuleViolationException("parties-not-heard", "error.case.partiesNotHeard", until);
		});
		if (presided(actor.username())) {
			throw new ForbiddenException("error.case.presiderReviews");
		}
		requireText(comments, "comments");
		review = new Review(actor.username(), recommendation, comments.strip(), now.today());
		transition(CaseState.REVIEWED, actor, now, CaseAction.REVIEWED, recommendation.name(), calendar);
	}

	/**
	 * The review waits for these co-departments' opinions; the service names them in the
	 * reader's language.
	 */
	static final class OpinionsMissing extends RuleViolationException {

		private final List<String> departments;

		OpinionsMissing(List<String> departments) {
			super("opinions-missing", "error.case.opinionsMissing", String.join("、", departments),
					String.join("; ", departments));
			this.departments = List.copyOf(departments);
		}

		/** The same refusal naming the departments, in Chinese and in English. */
		RuleViolationException named(Function<String, String> zh, Function<String, String> en) {
			return new RuleViolationException("opinions-missing", "error.case.opinionsMissing",
					String.join("、", departments.stream().map(zh).toList()),
					String.join("; ", departments.stream().map(en).toList()));
		}

	}

	/**
	 * One extension of the legal amount with an approver's approval and a reason (行政许可法
	 * 第四十二条): 10 working days, 15 for joint handling under 第二十六条.
	 */
	void extend(String reason, Actor actor, Now now, WorkingCalendar calendar) {
		begin(CaseStep.EXTEND, actor);
		requireText(reason, "reason");
		if (!extensions.isEmpty()) {
			throw new RuleViolationException("extended-once", "error.case.extendedOnce");
		}
		if (terms.statutoryUnit() != LimitUnit.WORKING_DAY || terms.statutoryAmount() == null) {
			throw new RuleViolationException("no-extension", "error.case.noExtension", terms.itemCode());
		}
		int amount = extensionAmount();
		extensions.add(new ExtensionRecord(amount, reason.strip(), actor.username(), now.today()));
		record(actor, now, CaseAction.EXTENDED, "+" + amount + ": " + reason.strip());
		refresh(calendar);
		newEvents.add(new CaseEvent.Extended(facts(), amount, reason.strip(), extensionAmount(), extensions.size(),
				actor.username()));
	}

	int extensionAmount() {
		return terms.joint() ? 15 : 10;
	}

	/**
	 * Stops the clock for a procedure of 第四十五条 (hearing, tendering, auction, testing,
	 * inspection, quarantine, appraisal, expert review); the applicant is told in
	 * writing. One stop at a time.
	 */
	void suspend(SpecialProcedure procedure, LocalDate from, String reason, Actor actor, Now now,
			WorkingCalendar calendar) {
		begin(CaseStep.SUSPEND, actor);
		requireText(reason, "reason");
		if (openSuspension().isPresent()) {
			throw new ConflictException("already-suspended", "error.case.alreadySuspended");
		}
		if (from.isAfter(now.today()) || acceptedOn == null || from.isBefore(acceptedOn)) {
			throw new InvalidInputException("invalid-date", "error.case.suspensionDate", "from");
		}
		stopClock(procedure, terms.specialProcedures().contains(procedure), from, reason.strip(), actor, now, calendar);
	}

	/**
	 * Stops the clock; {@code listed}: the procedure rests on the item's guide, or, for a
	 * hearing under 第四十六条、第四十七条, on the law itself.
	 */
	private void stopClock(SpecialProcedure procedure, boolean listed, LocalDate from, String reason, Actor actor,
			Now now, WorkingCalendar calendar) {
		suspensions.add(new SuspensionRecord(procedure, listed, from, null, reason, actor.username()));
		record(actor, now, CaseAction.SUSPENDED, procedure + " from " + from + ": " + reason);
		refresh(calendar);
		newEvents.add(new CaseEvent.Suspended(facts(), procedure, from, listed));
	}

	/** The procedure ended: the clock runs again from the day after {@code lastDay}. */
	void resume(LocalDate lastDay, Actor actor, Now now, WorkingCalendar calendar) {
		begin(CaseStep.RESUME, actor);
		SuspensionRecord open = openSuspension()
			.orElseThrow(() -> new ConflictException("not-suspended", "error.case.notSuspended"));
		if (lastDay.isBefore(open.from()) || lastDay.isAfter(now.today())) {
			throw new InvalidInputException("invalid-date", "error.case.suspensionDate", "to");
		}
		startClock(open, lastDay, actor, now, calendar);
	}

	private void startClock(SuspensionRecord open, LocalDate lastDay, Actor actor, Now now, WorkingCalendar calendar) {
		suspensions.set(suspensions.indexOf(open), open.ended(lastDay));
		record(actor, now, CaseAction.RESUMED, open.procedure() + " " + open.from() + ".." + lastDay);
		refresh(calendar);
		newEvents.add(new CaseEvent.Resumed(facts(), open.procedure(), open.from(), lastDay));
	}

	// ---- decision and delivery

	/**
	 * The approver decides on the reviewer's recommendation. Whoever reviewed may not
	 * also approve; a denial gives reasons and the applicant's rights to reconsideration
	 * and litigation (第三十八条).
	 */
	void decide(Outcome outcome, @Nullable String certificateNo, @Nullable String reasons, @Nullable Licence licence,
			Actor actor, Now now, WorkingCalendar calendar) {
		begin(CaseStep.DECIDE, actor);
		if (review != null && review.reviewer().equals(actor.username())) {
			throw new ForbiddenException("error.case.reviewerApproves");
		}
		if (openSuspension().isPresent()) {
			throw new RuleViolationException("suspended", "error.case.suspended");
		}
		if (outcome == Outcome.DENIED) {
			requireText(reasons, "reasons");
		}
		Licence granted = outcome == Outcome.APPROVED ? LicenceRules.check(terms, licence, now.today()) : null;
		decision = new Decision(outcome, outcome == Outcome.APPROVED ? certificateNo : null,
				outcome == Outcome.DENIED && reasons != null ? reasons.strip() : null, actor.username(), now.today(),
				false, granted, null);
		transition(CaseState.DECIDED, actor, now, CaseAction.DECIDED,
				outcome + (certificateNo != null && outcome == Outcome.APPROVED ? " " + certificateNo : "")
						+ licenceDetail(granted),
				calendar);
	}

	/**
	 * The licence in the decision's history line, tab-separated after the certificate
	 * number: last day of validity (or {@code LONG_TERM}), premises, scope, each on one
	 * line.
	 */
	private static String licenceDetail(@Nullable Licence licence) {
		if (licence == null) {
			return "";
		}
		return "\t" + (licence.validUntil() == null ? "LONG_TERM" : licence.validUntil().toString()) + "\t"
				+ oneLine(licence.premises()) + "\t" + oneLine(licence.scope());
	}

	private static String oneLine(@Nullable String text) {
		return text == null ? "" : text.replaceAll("\\s+", " ").strip();
	}

	/**
	 * An approver of the deciding department revokes or cancels the certificate granted
	 * (撤销/注销, 行政许可法 第六十九条、第七十条), with the reason; the case keeps its state and its
	 * history records the step.
	 */
	void revokeCertificate(String reason, Actor actor, Now now) {
		begin(CaseStep.REVOKE_CERTIFICATE, actor);
		if (decision == null || decision.outcome() != Outcome.APPROVED || decision.certificateNo() == null
				|| !DecisionPapers.of(terms).certificate()) {
			throw new ConflictException("no-certificate", "error.case.noCertificate", number);
		}
		if (decision.revocation() != null) {
			throw new ConflictException("certificate-revoked", "error.case.certificateRevoked", number,
					decision.revocation().on());
		}
		requireText(reason, "reason");
		decision = decision.revoked(new Revocation(reason.strip(), actor.username(), now.today()));
		record(actor, now, CaseAction.CERTIFICATE_REVOKED, reason.strip());
	}

	/**
	 * Delivery within 10 working days of the decision (第四十四条); a late delivery is
	 * recorded as late.
	 */
	void deliver(DeliveryMethod method, Actor actor, Now now, WorkingCalendar calendar) {
		begin(CaseStep.DELIVER, actor);
		boolean late = deliveryDue != null && now.today().isAfter(deliveryDue);
		delivery = new Delivery(method, now.today(), actor.username(), late);
		transition(CaseState.DELIVERED, actor, now, CaseAction.DELIVERED, method + (late ? " late" : ""), calendar);
	}

	/**
	 * A window clerk records a fee collected, with its receipt number, once the case is
	 * accepted. The record is kept even when the item's catalog entry does not list the
	 * fee at that amount (乱收费): the record is what supervision acts on, and refusing it
	 * would only hide the charge.
	 */
	void chargeFee(String feeName, BigDecimal amount, String receiptNo, Actor actor, Now now) {
		begin(CaseStep.CHARGE_FEE, actor);
		requireText(feeName, "name");
		requireText(receiptNo, "receiptNo");
		// at most ten digits before the point, counted in long: 1E+2147483647 has
		// precision 1 and scale -2^31+1
		if (amount.signum() <= 0 || amount.scale() > 2 || (long) amount.precision() - amount.scale() > 10) {
			throw new InvalidInputException("invalid-amount", "error.case.feeAmount", "amount");
		}
		if (fees.stream().anyMatch(f -> f.receiptNo().equals(receiptNo.strip()))) {
			throw new ConflictException("receipt-recorded", "error.case.receiptRecorded", receiptNo.strip());
		}
		boolean listed = terms.lists(feeName, amount);
		fees.add(new FeeRecord(feeName.strip(), amount, receiptNo.strip(), listed, actor.username(), now.today()));
		record(actor, now, CaseAction.FEE_CHARGED, feeName.strip() + " " + amount.toPlainString() + " ("
				+ receiptNo.strip() + ")" + (listed ? "" : " unlisted"));
		newEvents.add(new CaseEvent.FeeCharged(facts(), feeName.strip(), amount, receiptNo.strip(), listed));
	}

	List<FeeRecord> fees() {
		return List.copyOf(fees);
	}

	void withdraw(Actor actor, Now now, WorkingCalendar calendar) {
		begin(CaseStep.WITHDRAW, actor);
		transition(CaseState.WITHDRAWN, actor, now, CaseAction.WITHDRAWN, "", calendar);
	}

	/**
	 * Evaluates the due dates again, e.g. after the calendar of a year changed. Records
	 * only real changes.
	 */
	boolean recompute(Actor system, Now now, WorkingCalendar calendar, String why) {
		String before = dueSummary();
		refresh(calendar);
		String after = dueSummary();
		if (before.equals(after)) {
			return false;
		}
		record(system, now, CaseAction.DEADLINES_RECOMPUTED, why + ": " + before + " -> " + after);
		newEvents.add(new CaseEvent.DeadlinesRecomputed(facts()));
		return true;
	}

	// ---- clocks

	Deadline acceptanceDeadline() {
		return Deadline.of(receivedOn, ACCEPTANCE_DAYS, LimitUnit.WORKING_DAY);
	}

	Optional<Deadline> decisionDeadline() {
		return limitDeadline(terms.statutoryAmount(), terms.statutoryUnit());
	}

	/**
	 * The promised limit; an instant item (即办件) not finished on the spot is promised for
	 * the day of acceptance.
	 */
	Optional<Deadline> promisedDeadline() {
		if (terms.instant() && (terms.promisedAmount() == null || terms.promisedUnit() == null)) {
			return limitDeadline(0, LimitUnit.WORKING_DAY);
		}
		return limitDeadline(terms.promisedAmount(), terms.promisedUnit());
	}

	Optional<Deadline> deliveryDeadline() {
		return decision == null ? Optional.empty()
				: Optional.of(Deadline.of(decision.on(), DELIVERY_DAYS, LimitUnit.WORKING_DAY));
	}

	Optional<Deadline> opinionDeadline(Opinion o) {
		return acceptedOn == null ? Optional.empty()
				: Optional.of(new Deadline(acceptedOn, o.days(), o.unit(), List.of(), clockStops()));
	}

	private Optional<Deadline> limitDeadline(@Nullable Integer amount, @Nullable LimitUnit unit) {
		if (acceptedOn == null || amount == null || unit == null) {
			return Optional.empty();
		}
		List<Extension> ext = unit == LimitUnit.WORKING_DAY
				? extensions.stream().map(e -> new Extension(e.amount(), e.reason())).toList() : List.of();
		return Optional.of(new Deadline(acceptedOn, amount, unit, ext, clockStops()));
	}

	private List<Suspension> clockStops() {
		return suspensions.stream().map(s -> new Suspension(s.from(), s.to(), s.procedure().name())).toList();
	}

	Optional<SuspensionRecord> openSuspension() {
		return suspensions.stream().filter(s -> s.to() == null).findFirst();
	}

	private void refresh(WorkingCalendar calendar) {
		CaseState.StatutoryClock running = state.clock();
		boolean reviewing = running == CaseState.StatutoryClock.DECISION;
		DueDate acceptance = running == CaseState.StatutoryClock.ACCEPTANCE ? DueDate.of(acceptanceDeadline(), calendar)
				: null;
		DueDate decision = reviewing ? decisionDeadline().map(d -> DueDate.of(d, calendar)).orElse(null) : null;
		DueDate promised = reviewing ? promisedDeadline().map(d -> DueDate.of(d, calendar)).orElse(null) : null;
		DueDate delivery = running == CaseState.StatutoryClock.DELIVERY
				? deliveryDeadline().map(d -> DueDate.of(d, calendar)).orElse(null) : null;
		acceptanceDue = acceptance == null ? null : acceptance.due();
		decisionDue = decision == null ? null : decision.due();
		promisedDue = promised == null ? null : promised.due();
		deliveryDue = delivery == null ? null : delivery.due();
		nextDue = null;
		nextDueProvisional = false;
		awaitsCalendar = false;
		for (DueDate d : new DueDate[] { acceptance, decision, promised, delivery }) {
			awaitsCalendar |= d != null && d.awaitsCalendar();
			LocalDate at = d == null ? null : d.dueForWarnings();
			if (at != null && (nextDue == null || at.isBefore(nextDue))) {
				nextDue = at;
				nextDueProvisional = d.due() == null;
			}
		}
		for (int i = 0; i < opinions.size(); i++) {
			Opinion o = opinions.get(i);
			LocalDate due = opinionDeadline(o).map(d -> DueDate.of(d, calendar)).map(DueDate::due).orElse(null);
			opinions.set(i, o.due(due));
		}
	}

	private String dueSummary() {
		return acceptanceDue + "/" + decisionDue + "/" + promisedDue + "/" + deliveryDue + "/"
				+ opinions.stream().map(o -> String.valueOf(o.dueOn())).toList();
	}

	// ---- acts of procedure inside the review (ADR 0030)

	/**
	 * Records an act of procedure that keeps the state, once its step's rule has held:
	 * its history line, its generic event, and what it opens.
	 */
	private ProcedureAct act(CaseStep step, LocalDate on, Map<String, String> fields, @Nullable LocalDate due,
			boolean late, Actor actor, Now now) {
		ProcedureAct act = new ProcedureAct(step, on, actor.username(), fields, due, late);
		acts.add(act);
		newHistory.add(new HistoryEntry(now.at(), actor.username(), actor.role(), CaseAction.STEP_TAKEN, state, state,
				String.join("\t", act.fields().values()), step));
		int nth = (int) acts.stream().filter(a -> a.step() == step).count();
		newEvents.add(new CaseEvent.StepTaken(facts(), step, nth, on, due, late));
		return act;
	}

	// 第三十六条: the interested parties are told and heard

	/**
	 * Working days the applicant and the interested parties have to ask for a hearing
	 * once told of the right (第四十七条; working days by 第八十二条).
	 */
	static final int HEARING_REQUEST_DAYS = 5;

	/** Working days within which a hearing asked for is held (第四十七条). */
	static final int HEARING_HELD_DAYS = 20;

	/** Working days before the hearing by which its time and place are told (第四十八条). */
	static final int HEARING_NOTICE_DAYS = 7;

	/**
	 * Tells the interested parties whose major interests the application directly affects
	 * (第三十六条), and the applicant, that they may state and defend their views within
	 * {@code statementDays} working days; with {@code hearingRight}, also that they may
	 * ask for a hearing within 5 working days (第四十七条). The review waits for both periods.
	 */
	void notifyInterestedParties(List<String> parties, String matter, int statementDays, boolean hearingRight,
			Actor actor, Now now, WorkingCalendar calendar) {
		begin(CaseStep.PARTIES_NOTICE, actor);
		if (openSuspension().isPresent()) {
			throw new RuleViolationException("suspended", "error.case.suspended");
		}
		if (parties.isEmpty()) {
			throw new InvalidInputException("parties-required", "error.case.partiesRequired", "parties");
		}
		requireText(matter, "matter");
		LocalDate today = now.today();
		LocalDate due = calendar.addWorkingDays(today, statementDays);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("parties", String.join("、", parties));
		fields.put("matter", matter.strip());
		fields.put("statementDue", due.toString());
		fields.put("hearingRequestDue",
				hearingRight ? calendar.addWorkingDays(today, HEARING_REQUEST_DAYS).toString() : "");
		act(CaseStep.PARTIES_NOTICE, today, fields, due, false, actor, now);
	}

	/**
	 * Records what the applicant or an interested party named in the last notice stated
	 * in their defence, in writing or orally, on the day it was received. A statement
	 * after the period is recorded too: the department may not ignore what it heard.
	 */
	void recordStatement(String party, String summary, LocalDate receivedOn, boolean oral, Actor actor, Now now) {
		begin(CaseStep.STATEMENT, actor);
		ProcedureAct notice = last(CaseStep.PARTIES_NOTICE)
			.orElseThrow(() -> new ConflictException("no-parties-notice", "error.case.noPartiesNotice"));
		String who = party.strip();
		List<String> heard = new ArrayList<>(partiesOf(notice));
		heard.add(applicant.identity().legalName());
		if (!heard.contains(who)) {
			throw new InvalidInputException("statement-party", "error.case.statementParty", "party",
					String.join("、", heard));
		}
		if (receivedOn.isBefore(notice.on()) || receivedOn.isAfter(now.today())) {
			throw new InvalidInputException("invalid-date", "error.case.statementDate", "receivedOn", notice.on());
		}
		requireText(summary, "summary");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("party", who);
		fields.put("way", oral ? "ORAL" : "WRITTEN");
		fields.put("receivedOn", receivedOn.toString());
		fields.put("summary", summary.strip());
		act(CaseStep.STATEMENT, receivedOn, fields, null, false, actor, now);
	}

	/**
	 * The last day the review waits for the parties (第三十六条, 第四十七条): while the last
	 * notice's statement period runs and a party named in it has not stated, or while its
	 * hearing request period runs and no hearing was asked for.
	 */
	Optional<LocalDate> partiesHeardBy(LocalDate today) {
		return last(CaseStep.PARTIES_NOTICE).flatMap(n -> {
			LocalDate until = null;
			if (!today.isAfter(n.due()) && !unheard(n).isEmpty()) {
				until = n.due();
			}
			String window = n.field("hearingRequestDue");
			if (!window.isEmpty() && !today.isAfter(LocalDate.parse(window))
					&& after(n, CaseStep.HEARING_REQUEST).isEmpty()
					&& (until == null || LocalDate.parse(window).isAfter(until))) {
				until = LocalDate.parse(window);
			}
			return Optional.ofNullable(until);
		});
	}

	private static List<String> partiesOf(ProcedureAct notice) {
		return List.of(notice.field("parties").split("、"));
	}

	/** The parties named in a notice who have not stated since. */
	private List<String> unheard(ProcedureAct notice) {
		List<String> stated = after(notice, CaseStep.STATEMENT).stream().map(a -> a.field("party")).toList();
		return partiesOf(notice).stream().filter(p -> !stated.contains(p)).toList();
	}

	// 第四十六条至第四十八条: the hearing

	/**
	 * A hearing asked for by the applicant or an interested party within 5 working days
	 * of being told of the right (第四十七条), or held on the department's own initiative
	 * (第四十六条). It stops the decision clock from the day of the request (第四十五条); the
	 * hearing is due within 20 working days.
	 */
	void requestHearing(String requester, HearingBy by, LocalDate receivedOn, Actor actor, Now now,
			WorkingCalendar calendar) {
		begin(CaseStep.HEARING_REQUEST, actor);
		if (pendingHearing().isPresent()) {
			throw new ConflictException("hearing-pending", "error.case.hearingPending");
		}
		if (openSuspension().isPresent()) {
			throw new ConflictException("already-suspended", "error.case.alreadySuspended");
		}
		requireText(requester, "requester");
		if (receivedOn.isAfter(now.today()) || acceptedOn == null || receivedOn.isBefore(acceptedOn)) {
			throw new InvalidInputException("invalid-date", "error.case.hearingRequestDate", "receivedOn");
		}
		if (by != HearingBy.DEPARTMENT) {
			ProcedureAct notice = last(CaseStep.PARTIES_NOTICE).filter(n -> !n.field("hearingRequestDue").isEmpty())
				.orElseThrow(() -> new RuleViolationException("no-hearing-right", "error.case.noHearingRight"));
			LocalDate window = notice.date("hearingRequestDue");
			if (receivedOn.isBefore(notice.on())) {
				throw new InvalidInputException("invalid-date", "error.case.hearingRequestDate", "receivedOn");
			}
			if (receivedOn.isAfter(window)) {
				throw new RuleViolationException("hearing-request-late", "error.case.hearingRequestLate", window);
			}
			// the right is the applicant's and the interested parties' the notice named
			// (第四十七条)
			List<String> entitled = by == HearingBy.APPLICANT ? List.of(applicant.identity().legalName())
					: partiesOf(notice);
			if (!entitled.contains(requester.strip())) {
				throw new InvalidInputException("hearing-requester", "error.case.hearingRequester", "requester",
						String.join("、", entitled));
			}
		}
		LocalDate due = calendar.addWorkingDays(receivedOn, HEARING_HELD_DAYS);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("requester", requester.strip());
		fields.put("by", by.name());
		fields.put("receivedOn", receivedOn.toString());
		fields.put("heldBy", due.toString());
		// a hearing asked for under 第四十七条, or held under 第四十六条, rests on the law
		// whether or not the item's guide lists it: never an unlisted procedure
		stopClock(SpecialProcedure.HEARING, true, receivedOn, requester.strip(), actor, now, calendar);
		act(CaseStep.HEARING_REQUEST, receivedOn, fields, due, false, actor, now);
	}

	/**
	 * Who asked for a hearing: the applicant or an interested party, or the department
	 * (第四十六条).
	 */
	enum HearingBy {

		APPLICANT, INTERESTED_PARTY, DEPARTMENT

	}

	/**
	 * Tells the applicant and the interested parties the hearing's time and place at
	 * least 7 working days before it (第四十八条第一款第一项), with its presiding officer, who may
	 * not be the one who reviews the application (第三项). A hearing set after its 20
	 * working days is recorded as late, for supervision: refusing it would leave the case
	 * stuck.
	 */
	void noticeHearing(LocalDate hearingOn, String time, String place, String presider, String presiderName,
			Actor actor, Now now, WorkingCalendar calendar) {
		begin(CaseStep.HEARING_NOTICE, actor);
		ProcedureAct request = pendingHearing()
			.orElseThrow(() -> new ConflictException("no-hearing-request", "error.case.noHearingRequest"));
		requireText(place, "place");
		if ((actor.role() == Role.REVIEWER && presider.equals(actor.username()))
				|| (review != null && review.reviewer().equals(presider))) {
			throw new InvalidInputException("presider-reviews", "error.case.presiderReviews", "presider");
		}
		LocalDate earliest = calendar.addWorkingDays(now.today(), HEARING_NOTICE_DAYS);
		if (hearingOn.isBefore(earliest)) {
			throw new InvalidInputException("hearing-notice-short", "error.case.hearingNoticeShort", "hearingOn",
					earliest);
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("hearingOn", hearingOn.toString());
		fields.put("time", time);
		fields.put("place", place.strip());
		fields.put("presiderName", presiderName);
		fields.put("presider", presider);
		act(CaseStep.HEARING_NOTICE, now.today(), fields, hearingOn, hearingOn.isAfter(request.due()), actor, now);
	}

	/**
	 * The hearing was held on {@code heldOn}: its transcript, signed by those who took
	 * part (第四十八条第一款第五项), is what the decision rests on (第二款); the clock runs again from
	 * the next day.
	 */
	void recordHearing(LocalDate heldOn, String participants, String transcript, boolean signed, Actor actor, Now now,
			WorkingCalendar calendar) {
		begin(CaseStep.HEARING_TRANSCRIPT, actor);
		ProcedureAct request = pendingHearing()
			.orElseThrow(() -> new ConflictException("no-hearing-request", "error.case.noHearingRequest"));
		List<ProcedureAct> notices = after(request, CaseStep.HEARING_NOTICE);
		if (notices.isEmpty()) {
			throw new ConflictException("no-hearing-notice", "error.case.noHearingNotice");
		}
		ProcedureAct notice = notices.get(notices.size() - 1);
		if (heldOn.isBefore(notice.date("hearingOn")) || heldOn.isAfter(now.today())) {
			throw new InvalidInputException("invalid-date", "error.case.hearingHeldDate", "heldOn",
					notice.date("hearingOn"));
		}
		if (!signed) {
			throw new InvalidInputException("transcript-unsigned", "error.case.transcriptUnsigned", "signed");
		}
		requireText(participants, "participants");
		requireText(transcript, "transcript");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("heldOn", heldOn.toString());
		fields.put("presiderName", notice.field("presiderName"));
		fields.put("participants", participants.strip());
		fields.put("transcript", transcript.strip());
		act(CaseStep.HEARING_TRANSCRIPT, heldOn, fields, null, heldOn.isAfter(request.due()), actor, now);
		startClock(openSuspension().orElseThrow(), heldOn, actor, now, calendar);
	}

	/**
	 * The hearing asked for and not yet held, while the clock stands for it; a clock run
	 * again by hand ended it without a hearing (the request withdrawn).
	 */
	private Optional<ProcedureAct> pendingHearing() {
		return last(CaseStep.HEARING_REQUEST).filter(r -> after(r, CaseStep.HEARING_TRANSCRIPT).isEmpty()
				&& openSuspension().filter(s -> s.procedure() == SpecialProcedure.HEARING).isPresent());
	}

	private boolean presided(String username) {
		return acts.stream().anyMatch(a -> a.step() == CaseStep.HEARING_NOTICE && a.field("presider").equals(username));
	}

	/**
	 * The act of procedure the case waits for: a hearing to notice or hold (the
	 * department's duty, due within 20 working days of the request), else, under review,
	 * the statements of parties named in the last notice.
	 */
	CaseFacts.@Nullable Awaited awaited() {
		if (!state.isOpen()) {
			return null;
		}
		Optional<ProcedureAct> hearing = pendingHearing();
		if (hearing.isPresent()) {
			boolean noticed = !after(hearing.get(), CaseStep.HEARING_NOTICE).isEmpty();
			return new CaseFacts.Awaited(noticed ? CaseStep.HEARING_TRANSCRIPT : CaseStep.HEARING_NOTICE,
					hearing.get().due(), true);
		}
		return last(CaseStep.PARTIES_NOTICE).filter(n -> state == CaseState.ACCEPTED && !unheard(n).isEmpty())
			.map(n -> new CaseFacts.Awaited(CaseStep.STATEMENT, n.due(), false))
			.orElse(null);
	}

	/** The acts of procedure recorded on the case, in order. */
	List<ProcedureAct> acts() {
		return List.copyOf(acts);
	}

	private Optional<ProcedureAct> last(CaseStep step) {
		for (int i = acts.size() - 1; i >= 0; i--) {
			if (acts.get(i).step() == step) {
				return Optional.of(acts.get(i));
			}
		}
		return Optional.empty();
	}

	/** The acts of {@code step} recorded after {@code since}. */
	private List<ProcedureAct> after(ProcedureAct since, CaseStep step) {
		// by identity: two acts alike in every value (the same party stating the same
		// twice
		// a day) are still two places in the record
		int at = 0;
		while (acts.get(at) != since) {
			at++;
		}
		return acts.subList(at + 1, acts.size()).stream().filter(a -> a.step() == step).toList();
	}

	// ---- helpers

	private void transition(CaseState to, Actor actor, Now now, CaseAction action, String detail,
			WorkingCalendar calendar) {
		CaseState from = state;
		state = to;
		refresh(calendar);
		newHistory.add(new HistoryEntry(now.at(), actor.username(), actor.role(), action, from, to, detail));
		newEvents.add(CaseEvent.of(action, facts(), this));
	}

	private void record(Actor actor, Now now, CaseAction action, String detail) {
		newHistory.add(new HistoryEntry(now.at(), actor.username(), actor.role(), action, state, state, detail));
	}

	private void takeFirstHandling(Actor actor) {
		if (firstHandler == null && actor.role().isStaff()) {
			firstHandler = actor.username();
		}
	}

	/**
	 * The procedure table's check before a step: the case is in a state the step starts
	 * from (409), and the actor takes it in one of its roles (403); a party's step is for
	 * the applicant or agent, whom the service checks.
	 */
	private void begin(CaseStep step, Actor actor) {
		requireState(step);
		if (step.who() != CaseStep.Who.PARTY) {
			requireRole(actor, step);
		}
	}

	private void requireState(CaseStep step) {
		if (!step.startsFrom(state)) {
			throw new ConflictException("case-state", "error.case.state", number, state);
		}
	}

	private static void requireRole(Actor actor, CaseStep step) {
		if (!step.roles().contains(actor.role())) {
			throw new ForbiddenException("error.forbidden.role");
		}
	}

	private static void requireText(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("text-required", "error.case.textRequired", field);
		}
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	CaseFacts facts() {
		HistoryEntry last = newHistory.isEmpty() ? null : newHistory.get(newHistory.size() - 1);
		return new CaseFacts(number, terms.itemCode(), terms.departmentCode(), terms.regionCode(), state, channel,
				applicant.region(), applicant.accountId(),
				authorization == null ? null : authorization.agentAccountId(), firstHandler, receivedOn, acceptedOn,
				deemedAccepted, acceptanceDue, decisionDue, promisedDue, deliveryDue, openSuspension().isPresent(),
				terms.processingMode(), terms.joint(), applicantRef(applicant),
				terms.statutoryUnit() == LimitUnit.WORKING_DAY ? terms.statutoryAmount() : null,
				terms.promisedUnit() == LimitUnit.WORKING_DAY ? terms.promisedAmount() : null,
				opinions.stream()
					.map(o -> new CaseFacts.SubClock(o.departmentCode(), o.dueOn(), o.on(), o.late()))
					.toList(),
				extensions.size(), review == null ? null : review.reviewer(), decision == null ? null : decision.on(),
				decision == null ? null : decision.outcome(), delivery == null ? null : delivery.on(),
				delivery == null ? null : delivery.method(),
				last == null ? null
						: new CaseFacts.Step(last.at(), last.action(), last.actor(), last.role(), last.step()),
				decision != null && decision.onTheSpot(),
				state == CaseState.REFUSED && refusal != null && refusal.competentAuthority() != null, awaited());
	}

	/**
	 * The applicant as a pseudonym: a SHA-256 digest of the kind and number, so that
	 * supervision can see the same applicant refused twice without holding the number.
	 */
	static String applicantRef(CaseApplicant applicant) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			byte[] hash = digest
				.digest(("govhall-applicant:" + applicant.identity().kind() + ":" + applicant.identity().number())
					.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	CaseDocument document() {
		return new CaseDocument(materials, notices, refusal, suspensions, extensions, opinions, review, decision,
				delivery, fees, originalsSeen, handovers, acts);
	}

	List<HistoryEntry> drainHistory() {
		List<HistoryEntry> h = List.copyOf(newHistory);
		newHistory.clear();
		return h;
	}

	List<CaseEvent> drainEvents() {
		List<CaseEvent> e = List.copyOf(newEvents);
		newEvents.clear();
		return e;
	}

	// ---- accessors

	@Nullable Long id() {
		return id;
	}

	void assignId(long id) {
		this.id = id;
	}

	String number() {
		return number;
	}

	String queryCode() {
		return queryCode;
	}

	CaseState state() {
		return state;
	}

	Channel channel() {
		return channel;
	}

	CaseTerms terms() {
		return terms;
	}

	CaseApplicant applicant() {
		return applicant;
	}

	@Nullable AgentAuthorization authorization() {
		return authorization;
	}

	@Nullable String firstHandler() {
		return firstHandler;
	}

	LocalDate receivedOn() {
		return receivedOn;
	}

	Instant submittedAt() {
		return submittedAt;
	}

	@Nullable LocalDate acceptedOn() {
		return acceptedOn;
	}

	boolean deemedAccepted() {
		return deemedAccepted;
	}

	List<Opinion> opinions() {
		return List.copyOf(opinions);
	}

	List<CorrectionNotice> notices() {
		return List.copyOf(notices);
	}

	@Nullable Decision decision() {
		return decision;
	}

	@Nullable Review review() {
		return review;
	}

	@Nullable LocalDate acceptanceDue() {
		return acceptanceDue;
	}

	@Nullable LocalDate decisionDue() {
		return decisionDue;
	}

	@Nullable LocalDate promisedDue() {
		return promisedDue;
	}

	@Nullable LocalDate deliveryDue() {
		return deliveryDue;
	}

	int version() {
		return version;
	}

	/**
	 * The nearest running due date, for work lists: statutory or promised, whichever
	 * comes first.
	 */
	@Nullable LocalDate nextDue() {
		return nextDue;
	}

	/**
	 * Whether {@link #nextDue()} is provisional: it runs into a year whose official
	 * schedule is missing.
	 */
	boolean nextDueProvisional() {
		return nextDueProvisional;
	}

	/** Whether a running clock of the case waits for a year's official schedule. */
	boolean awaitsCalendar() {
		return awaitsCalendar;
	}

	/**
	 * The due dates as last stored, so a loaded case compares new evaluations against
	 * them.
	 */
	void restoreDueDates(@Nullable LocalDate acceptance, @Nullable LocalDate decision, @Nullable LocalDate promised,
			@Nullable LocalDate delivery, @Nullable LocalDate next, boolean nextProvisional, boolean awaiting) {
		this.acceptanceDue = acceptance;
		this.decisionDue = decision;
		this.promisedDue = promised;
		this.deliveryDue = delivery;
		this.nextDue = next;
		this.nextDueProvisional = nextProvisional;
		this.awaitsCalendar = awaiting;
	}

	void versionSaved(int newVersion) {
		this.version = newVersion;
	}

}
