package org.govhall.cases;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

import org.govhall.cases.CaseRecords.Opinion;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.documents.DocumentKind;
import org.jspecify.annotations.Nullable;

/**
 * The procedure table (办件程序表): every step a person takes on a case, declared once. A step
 * names the states it may start from and the state it leads to, who may take it (the
 * roles, and whether as the lead department, a co-department or a party to the case), its
 * legal article, its request record ({@link CaseCommand}, where its field limits live),
 * its form on the case page and the words said when it is done.
 * <p>
 * {@link Case} refuses a step from another state or in another role by this table;
 * {@link CaseHandling} resolves who acts and in which role by it; the API and the pages
 * take every step through one endpoint each, binding the step's request record; the case
 * page offers the forms of the steps {@link #offered offered}; the work lists and the
 * states' clocks ({@link CaseState#clock()}) read it too. A step the law adds is one row
 * here, its request record (whose form the page derives from it where it is marked
 * {@link GenericForm}, ADR 0032; otherwise a fragment in {@code cases/steps.html}), its
 * rule in {@link Case} and its words in the message bundles.
 */
public enum CaseStep {

	/** 一次性告知: name every missing or defective material at once (行政许可法 第三十二条第一款第四项). */
	CORRECTION_NOTICE("correction-notice", Who.LEAD, List.of(Role.WINDOW_CLERK), EnumSet.of(CaseState.RECEIVED),
			CaseState.AWAITING_CORRECTION, "32.1.4", CaseCommand.CorrectionNotice.class, "cases.done.notice", false,
			(c, a) -> true),
	/**
	 * The check of an agent's written power of attorney against its original (原件核验, ADR
	 * 0025).
	 */
	AUTHORIZATION_CHECK("authorization-check", Who.LEAD, List.of(Role.WINDOW_CLERK), EnumSet.of(CaseState.RECEIVED),
			null, "29", CaseCommand.AuthorizationCheck.class, "cases.done.authorizationChecked", false,
			(c, a) -> c.authorization() != null && c.authorization().awaitsCheck()
					&& c.authorization().check() == null),
	/** 受理 (第三十二条第一款第五项). */
	ACCEPT("acceptance", Who.LEAD, List.of(Role.WINDOW_CLERK), EnumSet.of(CaseState.RECEIVED), CaseState.ACCEPTED,
			"32.1.5", CaseCommand.Acceptance.class, "cases.done.accepted", true, (c, a) -> true),
	/** 当场办结: accept, grant and deliver an instant item on the spot (第三十四条第二款). */
	DECIDE_ON_THE_SPOT("on-the-spot-decision", Who.LEAD, List.of(Role.WINDOW_CLERK), EnumSet.of(CaseState.RECEIVED),
			CaseState.DELIVERED, "34.2", CaseCommand.OnTheSpot.class, "cases.done.onTheSpot", true,
			(c, a) -> c.instant()),
	/**
	 * 不予受理, with the reasons and, when out of jurisdiction, where to apply (第三十二条第一款第二项,
	 * 第三十八条).
	 */
	REFUSE("refusal", Who.LEAD, List.of(Role.WINDOW_CLERK), EnumSet.of(CaseState.RECEIVED), CaseState.REFUSED, "32.1.2",
			CaseCommand.Refusal.class, "cases.done.refused", true, (c, a) -> true),
	/** A co-department's opinion in joint review (联审, 第二十六条). */
	OPINION("opinions", Who.CO_DEPARTMENT, List.of(Role.REVIEWER), EnumSet.of(CaseState.ACCEPTED), null, "26",
			CaseCommand.Opinion.class, "cases.done.opinion", false,
			(c, a) -> a.department() != null && pending(c).contains(a.department())),
	/**
	 * 催办: the lead department chases a co-department's awaited opinion, once a day at
	 * most (第二十六条).
	 */
	CHASE_OPINION("chase", Who.LEAD, List.of(Role.REVIEWER, Role.APPROVER), EnumSet.of(CaseState.ACCEPTED), null, "26",
			CaseCommand.Chase.class, "cases.done.chased", false, (c, a) -> !pending(c).isEmpty()),
	/** The lead reviewer's recommendation once every opinion is in (第三十四条). */
	REVIEW("review", Who.LEAD, List.of(Role.REVIEWER), EnumSet.of(CaseState.ACCEPTED), CaseState.REVIEWED, "34",
			CaseCommand.Review.class, "cases.done.reviewed", false, (c, a) -> !c.suspended() && pending(c).isEmpty()),
	/** 准予 or 不予, by an approver who did not review (第三十七条, 第三十八条; ADR 0023). */
	DECIDE("decision", Who.LEAD, List.of(Role.APPROVER), EnumSet.of(CaseState.REVIEWED), CaseState.DECIDED, "37",
			CaseCommand.Decision.class, "cases.done.decided", true, (c, a) -> !c.suspended() && !reviewedBy(c, a)),
	/** 撤销/注销 of the certificate granted (第六十九条、第七十条). */
	REVOKE_CERTIFICATE("certificate-revocation", Who.LEAD, List.of(Role.APPROVER),
			EnumSet.of(CaseState.DECIDED, CaseState.DELIVERED), null, "69", CaseCommand.Revocation.class,
			"cases.done.certificateRevoked", true,
			(c, a) -> c.decision() != null && c.decision().revocation() == null
					&& c.documents().stream().anyMatch(d -> d.kind() == DocumentKind.CERTIFICATE)),
	/**
	 * 移交: to another window clerk on duty, by the holder, the department's admin or an
	 * approver (首办负责制).
	 */
	HAND_OVER("handover", Who.LEAD, List.of(Role.WINDOW_CLERK, Role.REVIEWER, Role.APPROVER, Role.DEPARTMENT_ADMIN),
			CaseState.open(), null, "", CaseCommand.Handover.class, "cases.done.handedOver", false,
			(c, a) -> a.user().getUsername().equals(c.firstHandler())
					|| a.user().scope().hasAny(Role.DEPARTMENT_ADMIN, Role.APPROVER)),
	/** One extension of the limit, approved, with the reason (第四十二条). */
	EXTEND("extension", Who.LEAD, List.of(Role.APPROVER), EnumSet.of(CaseState.ACCEPTED, CaseState.REVIEWED), null,
			"42", CaseCommand.Extension.class, "cases.done.extended", false, (c, a) -> c.extensible()),
	/** Stops the clock for a procedure of 第四十五条 (hearing, testing, expert review…). */
	SUSPEND("suspension", Who.LEAD, List.of(Role.REVIEWER, Role.APPROVER),
			EnumSet.of(CaseState.ACCEPTED, CaseState.REVIEWED), null, "45", CaseCommand.Suspension.class,
			"cases.done.suspended", false, (c, a) -> !c.suspended()),
	/** The procedure of 第四十五条 ended: the clock runs again. */
	RESUME("resumption", Who.LEAD, List.of(Role.REVIEWER, Role.APPROVER),
			EnumSet.of(CaseState.ACCEPTED, CaseState.REVIEWED), null, "45", CaseCommand.Resumption.class,
			"cases.done.resumed", false, (c, a) -> c.suspended()),
	/**
	 * 告知利害关系人: the parties whose major interests the application directly affects are
	 * told, and may state and defend their views (第三十六条); with the right to ask for a
	 * hearing (第四十七条) where asked.
	 */
	PARTIES_NOTICE("interested-parties-notice", Who.LEAD, List.of(Role.REVIEWER), EnumSet.of(CaseState.ACCEPTED), null,
			"36", CaseCommand.PartiesNotice.class, "cases.done.partiesNoticed", true, (c, a) -> !c.suspended()),
	/** 陈述、申辩: what the applicant or an interested party stated, as received (第三十六条). */
	STATEMENT("statements", Who.LEAD, List.of(Role.REVIEWER, Role.WINDOW_CLERK), EnumSet.of(CaseState.ACCEPTED), null,
			"36", CaseCommand.Statement.class, "cases.done.statementRecorded", true,
			(c, a) -> c.has(CaseStep.PARTIES_NOTICE)),
	/**
	 * 听证申请: a hearing asked for within 5 working days of the notice (第四十七条), or held on
	 * the department's initiative (第四十六条); the clock stops for it (第四十五条).
	 */
	HEARING_REQUEST("hearing-request", Who.LEAD, List.of(Role.REVIEWER, Role.WINDOW_CLERK),
			EnumSet.of(CaseState.ACCEPTED, CaseState.REVIEWED), null, "47", CaseCommand.HearingRequest.class,
			"cases.done.hearingRequested", true, (c, a) -> !c.suspended()),
	/** 听证通知: time, place and presiding officer, 7 working days ahead (第四十八条). */
	HEARING_NOTICE("hearing-notice", Who.LEAD, List.of(Role.REVIEWER, Role.APPROVER),
			EnumSet.of(CaseState.ACCEPTED, CaseState.REVIEWED), null, "48", CaseCommand.HearingNotice.class,
			"cases.done.hearingNoticed", true, (c, a) -> c.awaitsHearing(false)),
	/**
	 * 听证笔录: the hearing held and its signed transcript, on which the decision rests
	 * (第四十八条); the clock runs again.
	 */
	HEARING_TRANSCRIPT("hearing-transcript", Who.LEAD, List.of(Role.REVIEWER, Role.APPROVER),
			EnumSet.of(CaseState.ACCEPTED, CaseState.REVIEWED), null, "48.2", CaseCommand.HearingTranscript.class,
			"cases.done.hearingHeld", true, (c, a) -> c.awaitsHearing(true)),
	/** A fee collected, with its receipt (第五十八条, 第五十九条). */
	CHARGE_FEE("fees", Who.LEAD, List.of(Role.WINDOW_CLERK),
			EnumSet.of(CaseState.ACCEPTED, CaseState.REVIEWED, CaseState.DECIDED, CaseState.DELIVERED), null, "58",
			CaseCommand.Fee.class, "cases.done.feeCharged", false, (c, a) -> true),
	/** 送达 within 10 working days of the decision (第四十四条). */
	DELIVER("delivery", Who.LEAD, List.of(Role.WINDOW_CLERK), EnumSet.of(CaseState.DECIDED), CaseState.DELIVERED, "44",
			CaseCommand.Delivery.class, "cases.done.delivered", true, (c, a) -> true),
	/**
	 * The applicant hands in the corrections; the acceptance window starts again (第三十二条).
	 */
	CORRECT("corrections", Who.PARTY, List.of(), EnumSet.of(CaseState.AWAITING_CORRECTION), CaseState.RECEIVED,
			"32.1.4", CaseCommand.Corrections.class, "cases.done.corrected", false, (c, a) -> true),
	/** The applicant or agent withdraws the application before a decision. */
	WITHDRAW("withdrawal", Who.PARTY, List.of(),
			EnumSet.of(CaseState.RECEIVED, CaseState.AWAITING_CORRECTION, CaseState.ACCEPTED, CaseState.REVIEWED),
			CaseState.WITHDRAWN, "", CaseCommand.Withdrawal.class, "cases.done.withdrawn", true, (c, a) -> true);

	/** Whose step it is, which decides the case's visibility and scope checks. */
	public enum Who {

		/** Staff of the lead (implementing) department, or above it. */
		LEAD,
		/** Staff of a co-reviewing department (联审). */
		CO_DEPARTMENT,
		/** The applicant or the agent of the case. */
		PARTY

	}

	/**
	 * Who looks at the case page: the user, whether as staff, of the lead department, and
	 * their department.
	 */
	record Asker(GovHallUser user, boolean staff, boolean lead, @Nullable String department) {
	}

	private final String segment;

	private final Who who;

	private final List<Role> roles;

	private final Set<CaseState> from;

	private final @Nullable CaseState to;

	private final String article;

	private final Class<? extends CaseCommand> request;

	private final String done;

	private final boolean confirmed;

	private final BiPredicate<CaseView, Asker> offer;

	CaseStep(String segment, Who who, List<Role> roles, Set<CaseState> from, @Nullable CaseState to, String article,
			Class<? extends CaseCommand> request, String done, boolean confirmed, BiPredicate<CaseView, Asker> offer) {
		this.segment = segment;
		this.who = who;
		this.roles = roles;
		this.from = Set.copyOf(from);
		this.to = to;
		this.article = article;
		this.request = request;
		this.done = done;
		this.confirmed = confirmed;
		this.offer = offer;
	}

	/**
	 * The step's path segment, the same under {@code /api/v1/cases/{number}/} and the
	 * case pages.
	 */
	public String segment() {
		return segment;
	}

	public Who who() {
		return who;
	}

	/**
	 * The roles that may take the step, in the order one is chosen for a user holding
	 * several.
	 */
	public List<Role> roles() {
		return roles;
	}

	/** The states the step may start from. */
	public Set<CaseState> from() {
		return from;
	}

	/** The state the step leads to, or none when the case stays where it is. */
	public Optional<CaseState> to() {
		return Optional.ofNullable(to);
	}

	/**
	 * The article of 行政许可法 the step rests on, as "32.1.4" (article, paragraph, item);
	 * blank where none.
	 */
	public String article() {
		return article;
	}

	/** The message key of the legal basis shown with the step's form. */
	public String basisKey() {
		return article.isEmpty() ? "" : "step.basis." + article;
	}

	public Class<? extends CaseCommand> request() {
		return request;
	}

	/** The message key said when the step is done. */
	public String doneKey() {
		return done;
	}

	/** Whether the form asks before the step is taken (a step that cannot be undone). */
	public boolean confirmed() {
		return confirmed;
	}

	/**
	 * The name of the step's form fragment in {@code cases/steps.html}: {@code generic}
	 * where the form is derived from the request record ({@link #form()}).
	 */
	public String fragment() {
		return StepForm.of(this).isPresent() ? "generic" : name();
	}

	/**
	 * The form derived from the request record, where the step has no fragment of its
	 * own.
	 */
	public @Nullable StepForm form() {
		return StepForm.of(this).orElse(null);
	}

	/** The message key of the step's name. */
	public String nameKey() {
		return "step." + name();
	}

	/** The step a request record takes. */
	static CaseStep of(CaseCommand command) {
		for (CaseStep s : values()) {
			if (s.request.isInstance(command)) {
				return s;
			}
		}
		throw new IllegalArgumentException("no step takes " + command.getClass());
	}

	/**
	 * The step of a path segment, for whose side ({@code party}: the applicant's pages).
	 */
	static Optional<CaseStep> bySegment(String segment, boolean party) {
		for (CaseStep s : values()) {
			if (s.segment.equals(segment) && (s.who == Who.PARTY) == party && s != CHASE_OPINION) {
				return Optional.of(s);
			}
		}
		return Optional.empty();
	}

	/** Whether the step may start from {@code state}. */
	boolean startsFrom(CaseState state) {
		return from.contains(state);
	}

	/**
	 * The role {@code user} takes this step in: the first of {@link #roles()} they hold.
	 * A hand-over is taken by the case's holder in their own role, otherwise as the
	 * department's admin or an approver.
	 */
	Optional<Role> roleOf(GovHallUser user, @Nullable String holder) {
		if (this == HAND_OVER && !user.getUsername().equals(holder)) {
			return Optional.of(user.scope().has(Role.DEPARTMENT_ADMIN) ? Role.DEPARTMENT_ADMIN : Role.APPROVER);
		}
		return roles.stream().filter(r -> user.scope().has(r)).findFirst();
	}

	/**
	 * Whether the case page offers this step's form to {@code asker}: the case is in a
	 * state it starts from, the asker is on its side with one of its roles, and the
	 * step's own condition holds. Only an offer: {@link Case} decides.
	 */
	boolean offered(CaseView c, Asker asker) {
		if (!startsFrom(c.state())) {
			return false;
		}
		boolean side = switch (who) {
			case PARTY -> !asker.staff();
			case LEAD -> asker.staff() && asker.lead()
					&& roleOf(asker.user(), c.firstHandler()).filter(r -> asker.user().scope().has(r)).isPresent();
			case CO_DEPARTMENT -> asker.staff() && roles.stream().anyMatch(r -> asker.user().scope().has(r));
		};
		return side && offer.test(c, asker);
	}

	/**
	 * The steps whose forms the case page offers to {@code asker}, in the table's order.
	 */
	static List<CaseStep> offeredTo(CaseView c, Asker asker) {
		return Arrays.stream(values()).filter(s -> s.offered(c, asker)).toList();
	}

	private static List<String> pending(CaseView c) {
		return c.opinions().stream().filter(o -> o.verdict() == null).map(Opinion::departmentCode).toList();
	}

	private static boolean reviewedBy(CaseView c, Asker a) {
		return c.review() != null && c.review().reviewer().equals(a.user().getUsername());
	}

}
