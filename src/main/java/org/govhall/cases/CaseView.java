package org.govhall.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.govhall.calendar.Deadline;
import org.govhall.calendar.DueDate;
import org.govhall.calendar.LimitUnit;
import org.govhall.calendar.WorkingCalendar;
import org.govhall.cases.CaseRecords.AgentAuthorization;
import org.govhall.cases.CaseRecords.CorrectionNotice;
import org.govhall.cases.CaseRecords.Decision;
import org.govhall.cases.CaseRecords.Delivery;
import org.govhall.cases.CaseRecords.ExtensionRecord;
import org.govhall.cases.CaseRecords.HistoryEntry;
import org.govhall.cases.CaseRecords.Opinion;
import org.govhall.cases.CaseRecords.Refusal;
import org.govhall.cases.CaseRecords.Review;
import org.govhall.cases.CaseRecords.SubmittedMaterial;
import org.govhall.cases.CaseRecords.SuspensionRecord;
import org.govhall.cases.CaseTerms.RequiredMaterial;
import org.govhall.catalog.SpecialProcedure;
import org.govhall.directory.IdentityKind;
import org.govhall.documents.IssuedDocument;
import org.jspecify.annotations.Nullable;

/**
 * A case as its parties and the staff handling it see it: state, terms, clocks with their
 * explanations, materials, notices, opinions, decision and history. Personal numbers are
 * masked for everyone but the applicant's side. {@code documents} are the documents
 * issued, and only those; {@code documentsOwed} those its steps owe and that are not
 * issued yet (文书未出具, ADR 0021).
 */
public record CaseView(String number, @Nullable String queryCode, CaseState state, Channel channel, String itemCode,
		int itemVersion, String itemNameZh, @Nullable String itemNameEn, String departmentCode,
		List<String> coDepartments, IdentityKind applicantKind, String applicantName, String applicantNumber,
		@Nullable String phone, @Nullable String firstHandler, LocalDate receivedOn, Instant submittedAt,
		@Nullable LocalDate acceptedOn, boolean deemedAccepted, boolean instant, List<CaseClock> clocks,
		List<RequiredMaterial> requiredMaterials, List<SubmittedMaterial> materials, List<CorrectionNotice> notices,
		@Nullable Refusal refusal, List<Opinion> opinions, List<SuspensionRecord> suspensions,
		List<ExtensionRecord> extensions, @Nullable Review review, @Nullable Decision decision,
		@Nullable Delivery delivery, @Nullable AgentAuthorization authorization, @Nullable String reconsiderationBody,
		@Nullable String litigationCourt, List<HistoryEntry> history, List<IssuedDocument> documents,
		Set<SpecialProcedure> listedProcedures, boolean extensible, List<CaseRecords.FeeRecord> fees,
		List<CaseTerms.FeeTerm> catalogFees, boolean noFee, boolean asksLicence, List<CaseRecords.Handover> handovers,
		List<OwedDocument> documentsOwed, List<CaseRecords.ProcedureAct> acts, CaseFacts.@Nullable Awaited awaited) {

	static CaseView of(Case c, List<HistoryEntry> history, List<IssuedDocument> documents,
			List<OwedDocument> documentsOwed, WorkingCalendar calendar, LocalDate today, boolean party,
			int warningDays) {
		CaseDocument d = c.document();
		var identity = c.applicant().identity();
		return new CaseView(c.number(), c.queryCode(), c.state(), c.channel(), c.terms().itemCode(),
				c.terms().itemVersion(), c.terms().itemNameZh(), c.terms().itemNameEn(), c.terms().departmentCode(),
				c.terms().coDepartments(), identity.kind(), identity.legalName(),
				party ? identity.number() : identity.maskedNumber(), c.applicant().phone(), c.firstHandler(),
				c.receivedOn(), c.submittedAt(), c.acceptedOn(), c.deemedAccepted(), c.terms().instant(),
				clocks(c, calendar, today, warningDays), c.terms().materials(), d.materials(), d.notices(), d.refusal(),
				d.opinions(), d.suspensions(), d.extensions(), d.review(), d.decision(), d.delivery(),
				c.authorization(), c.terms().reconsiderationBody(), c.terms().litigationCourt(), history, documents,
				c.terms().specialProcedures(),
				c.state().underReview() && d.extensions().isEmpty()
						&& c.terms().statutoryUnit() == LimitUnit.WORKING_DAY && c.terms().statutoryAmount() != null,
				d.fees(), c.terms().fees(), c.terms().noFee(), c.terms().asksLicence(), d.handovers(), documentsOwed,
				d.acts(), awaitedOn(c.awaited(), today));
	}

	/**
	 * What the case waits for as of {@code today}: the parties' statements only until
	 * their period ends (ADR 0030).
	 */
	static CaseFacts.@Nullable Awaited awaitedOn(CaseFacts.@Nullable Awaited awaited, LocalDate today) {
		return awaited == null || awaited.duty() || awaited.due() == null || !today.isAfter(awaited.due()) ? awaited
				: null;
	}

	/**
	 * The clocks that apply in the case's state: the one running now first, then the
	 * sub-deadlines.
	 */
	static List<CaseClock> clocks(Case c, WorkingCalendar calendar, LocalDate today, int warningDays) {
		List<CaseClock> list = new ArrayList<>();
		switch (c.state().clock()) {
			case ACCEPTANCE ->
				list.add(clock(CaseClock.Kind.ACCEPTANCE, null, c.acceptanceDeadline(), calendar, today, warningDays));
			case DECISION -> {
				c.decisionDeadline()
					.ifPresent(dl -> list.add(clock(CaseClock.Kind.DECISION, null, dl, calendar, today, warningDays)));
				c.promisedDeadline()
					.ifPresent(dl -> list.add(clock(CaseClock.Kind.PROMISED, null, dl, calendar, today, warningDays)));
				for (Opinion o : c.opinions()) {
					if (!o.given()) {
						c.opinionDeadline(o)
							.ifPresent(dl -> list.add(clock(CaseClock.Kind.OPINION, o.departmentCode(), dl, calendar,
									today, warningDays)));
					}
				}
			}
			case DELIVERY -> c.deliveryDeadline()
				.ifPresent(dl -> list.add(clock(CaseClock.Kind.DELIVERY, null, dl, calendar, today, warningDays)));
			case NONE -> {
			}
		}
		return list;
	}

	/**
	 * Yellow when {@code warningDays} working days or fewer remain
	 * ({@code govhall.cases.warning-days}). A due date in a year whose schedule is
	 * missing is "期限待定", coloured by its provisional date; a known due date counted from
	 * a "today" whose year is missing counts the missing days on weekends only.
	 */
	private static CaseClock clock(CaseClock.Kind kind, @Nullable String department, Deadline deadline,
			WorkingCalendar calendar, LocalDate today, int warningDays) {
		DueDate due = DueDate.of(deadline, calendar);
		if (due.isPaused()) {
			return new CaseClock(kind, department, deadline.start(), due, null, CaseClock.Status.PAUSED, null,
					CaseClock.Status.PAUSED);
		}
		LocalDate d = due.dueForWarnings();
		Integer remaining = d == null ? null : calendar.countWorkingDaysForWarnings(today, d);
		CaseClock.Status colour = CaseClock.colourOf(today, d, remaining, warningDays);
		CaseClock.Status status = due.awaitsCalendar() ? CaseClock.Status.AWAITING_CALENDAR : colour;
		return new CaseClock(kind, department, deadline.start(), due, remaining, status, null, colour);
	}

	/** The same view with every clock's explanation written by {@code explain}. */
	public CaseView explained(UnaryOperator<CaseClock> explain) {
		return new CaseView(number, queryCode, state, channel, itemCode, itemVersion, itemNameZh, itemNameEn,
				departmentCode, coDepartments, applicantKind, applicantName, applicantNumber, phone, firstHandler,
				receivedOn, submittedAt, acceptedOn, deemedAccepted, instant, clocks.stream().map(explain).toList(),
				requiredMaterials, materials, notices, refusal, opinions, suspensions, extensions, review, decision,
				delivery, authorization, reconsiderationBody, litigationCourt, history, documents, listedProcedures,
				extensible, fees, catalogFees, noFee, asksLicence, handovers, documentsOwed, acts, awaited);
	}

	/** Whether a procedure of 第四十五条 stops the clock now (a suspension not yet ended). */
	public boolean suspended() {
		return suspensions.stream().anyMatch(x -> x.to() == null);
	}

	/** Whether an act of {@code step} was recorded on the case. */
	public boolean has(CaseStep step) {
		return acts.stream().anyMatch(a -> a.step() == step);
	}

	/**
	 * Whether a hearing asked for waits to be held ({@code noticed}: its notice given),
	 * or with {@code noticed} false, waits at all (ADR 0030).
	 */
	public boolean awaitsHearing(boolean noticed) {
		return awaited != null && (awaited.step() == CaseStep.HEARING_TRANSCRIPT
				|| (!noticed && awaited.step() == CaseStep.HEARING_NOTICE));
	}

	/**
	 * What a step's form must say about this case before it is used, or none: while a
	 * hearing is awaited, that its transcript restarts the clock, not the resumption; at
	 * a fee, what the service guide lists, or that it lists none.
	 */
	public StepForm.@Nullable Note formNote(CaseStep step) {
		if (step == CaseStep.RESUME && awaitsHearing(false)) {
			return new StepForm.Note("step.note.RESUME.hearing", List.of());
		}
		if (step == CaseStep.CHARGE_FEE) {
			return noFee ? new StepForm.Note("step.note.CHARGE_FEE.noFee", List.of())
					: new StepForm.Note("step.note.CHARGE_FEE.listed",
							List.of(catalogFees.stream()
								.map(f -> f.amount() == null ? f.name() : f.name() + " " + f.amount().toPlainString())
								.collect(Collectors.joining("；"))));
		}
		return null;
	}

	public Optional<CaseClock> runningClock() {
		return clocks.stream().findFirst();
	}

	public String itemName(Locale locale) {
		return "en".equals(locale.getLanguage()) && itemNameEn != null ? itemNameEn : itemNameZh;
	}

}
