package org.govhall.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.govhall.cases.CaseRecords.CorrectionNotice;
import org.govhall.cases.CaseRecords.Decision;
import org.govhall.cases.CaseRecords.Delivery;
import org.govhall.cases.CaseRecords.Refusal;
import org.govhall.catalog.SpecialProcedure;
import org.jspecify.annotations.Nullable;

/**
 * Facts about cases, in the past tense, for other modules (supervision, notification,
 * performance).
 */
public sealed interface CaseEvent {

	CaseFacts facts();

	record Received(CaseFacts facts) implements CaseEvent {
	}

	record CorrectionRequested(CaseFacts facts, int round, List<String> materials,
			List<String> newlyNamed) implements CaseEvent {
	}

	record Corrected(CaseFacts facts) implements CaseEvent {
	}

	/**
	 * @param missedDue for a deemed acceptance, the acceptance due date that passed
	 * (第三十二条)
	 */
	record Accepted(CaseFacts facts, boolean deemed, @Nullable LocalDate missedDue) implements CaseEvent {
	}

	record Refused(CaseFacts facts, @Nullable String competentAuthority) implements CaseEvent {
	}

	record OpinionRecorded(CaseFacts facts, String departmentCode, Verdict verdict, boolean late) implements CaseEvent {
	}

	/**
	 * The lead department chased (催办) a co-department's opinion: the {@code number}th
	 * time, due on {@code dueOn}.
	 */
	record OpinionChased(CaseFacts facts, String departmentCode, int number, @Nullable LocalDate dueOn,
			String by) implements CaseEvent {
	}

	record Reviewed(CaseFacts facts, String reviewer) implements CaseEvent {
	}

	/**
	 * @param legalAmount the extension the law allows this item (第四十二条: 10, or 15 for
	 * joint handling)
	 * @param number the how-manieth extension of the case this is
	 * @param approvedBy the approver who approved it, none when granted without an
	 * approver's approval
	 */
	record Extended(CaseFacts facts, int amount, String reason, int legalAmount, int number,
			@Nullable String approvedBy) implements CaseEvent {
	}

	/**
	 * @param listed whether the procedure is one the item's catalog entry names under
	 * 第四十五条
	 */
	record Suspended(CaseFacts facts, SpecialProcedure procedure, LocalDate from, boolean listed) implements CaseEvent {
	}

	/**
	 * A fee collected; {@code listed} tells whether the item's catalog entry allows it at
	 * that amount.
	 */
	record FeeCharged(CaseFacts facts, String name, BigDecimal amount, String receiptNo,
			boolean listed) implements CaseEvent {
	}

	record Resumed(CaseFacts facts, SpecialProcedure procedure, LocalDate from, LocalDate to) implements CaseEvent {
	}

	record Decided(CaseFacts facts, Outcome outcome, String decidedBy, @Nullable String reviewer,
			boolean onTheSpot) implements CaseEvent {
	}

	record Delivered(CaseFacts facts, LocalDate on, boolean late) implements CaseEvent {
	}

	record Withdrawn(CaseFacts facts) implements CaseEvent {
	}

	record DeadlinesRecomputed(CaseFacts facts) implements CaseEvent {
	}

	/**
	 * The case was handed over (移交) to another first handler;
	 * {@code facts().firstHandler()} is the new one.
	 *
	 * @param from the previous first handler, none for a case that had none
	 */
	record HandedOver(CaseFacts facts, @Nullable String from, String to, String reason) implements CaseEvent {
	}

	/**
	 * An act of a procedure inside the review was recorded (ADR 0030): the generic event
	 * of the steps that keep the state and record a {@link CaseRecords.ProcedureAct}.
	 * Notification names it by its step; supervision keeps it on the timeline and finds
	 * an act that came late.
	 *
	 * @param nth the how-manieth act of its step on the case
	 * @param on the day the act took effect
	 * @param due the day the period it opens ends, if any
	 * @param late whether it came after the period the law gave for it
	 */
	record StepTaken(CaseFacts facts, CaseStep step, int nth, LocalDate on, @Nullable LocalDate due,
			boolean late) implements CaseEvent {
	}

	/** The event of a state change, from the case as it stands after it. */
	static CaseEvent of(CaseAction action, CaseFacts facts, Case c) {
		return switch (action) {
			case RECEIVED -> new Received(facts);
			case CORRECTION_REQUESTED -> {
				CorrectionNotice n = c.notices().get(c.notices().size() - 1);
				yield new CorrectionRequested(facts, n.round(), n.issues().stream().map(i -> i.material()).toList(),
						n.newlyNamed());
			}
			case CORRECTED -> new Corrected(facts);
			case ACCEPTED -> new Accepted(facts, false, null);
			case DEEMED_ACCEPTED -> new Accepted(facts, true, c.missedAcceptanceDue());
			case REFUSED -> new Refused(facts, refusalAuthority(c));
			case REVIEWED -> new Reviewed(facts, c.review() == null ? "" : c.review().reviewer());
			case DECIDED, DECIDED_ON_THE_SPOT -> {
				Decision d = c.decision();
				yield new Decided(facts, d == null ? Outcome.APPROVED : d.outcome(), d == null ? "" : d.decidedBy(),
						c.review() == null ? null : c.review().reviewer(), action == CaseAction.DECIDED_ON_THE_SPOT);
			}
			case DELIVERED -> {
				Delivery d = c.document().delivery();
				yield new Delivered(facts, d == null ? facts.receivedOn() : d.on(), d != null && d.late());
			}
			case WITHDRAWN -> new Withdrawn(facts);
			// the steps that keep the state publish their own events, with what they
			// recorded
			case OPINION_RECORDED, OPINION_CHASED, EXTENDED, SUSPENDED, RESUMED, DEADLINES_RECOMPUTED, FEE_CHARGED,
					CERTIFICATE_REVOKED, HANDED_OVER, AUTHORIZATION_CHECKED, STEP_TAKEN ->
				throw new IllegalArgumentException(action + " does not change the state of case " + facts.caseNumber());
		};
	}

	private static @Nullable String refusalAuthority(Case c) {
		Refusal r = c.document().refusal();
		return r == null ? null : r.competentAuthority();
	}

}
