package org.govhall.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.govhall.catalog.ProcessingMode;
import org.govhall.directory.Role;
import org.jspecify.annotations.Nullable;

/**
 * What every case event tells its listeners: enough for a read model of cases
 * (supervision, dashboards, performance) without reading the case tables. Personal data
 * stays out: the applicant appears only as a region, a pseudonymous reference (to see the
 * same applicant again without knowing who it is) and, for those who applied online or
 * through an agent, as account ids to notify.
 *
 * @param statutoryDays the item's statutory limit in working days (none when counted
 * otherwise)
 * @param promisedDays the promised limit in working days (none when counted otherwise)
 * @param opinions each joint-review co-department's sub-deadline and answer
 * @param applicantRegion the applicant's region: see
 * {@link CaseRecords.CaseApplicant#region()}
 * @param step the recorded step this event is about: when, what and who (none for a
 * replay)
 * @param onTheSpot whether an instant item was decided and handed over on the spot
 * (当场办结), as happened, not as the catalog labels the item
 * @param redirected refused (不予受理) with the competent authority named: the applicant was
 * told where to apply instead, as for a power delegated to the applicant's county
 */
public record CaseFacts(String caseNumber, String itemCode, String departmentCode, String regionCode, CaseState state,
		Channel channel, String applicantRegion, @Nullable Long applicantAccountId, @Nullable Long agentAccountId,
		@Nullable String firstHandler, LocalDate receivedOn, @Nullable LocalDate acceptedOn, boolean deemedAccepted,
		@Nullable LocalDate acceptanceDue, @Nullable LocalDate decisionDue, @Nullable LocalDate promisedDue,
		@Nullable LocalDate deliveryDue, boolean suspended, ProcessingMode processingMode, boolean joint,
		String applicantRef, @Nullable Integer statutoryDays, @Nullable Integer promisedDays, List<SubClock> opinions,
		int extensions, @Nullable String reviewer, @Nullable LocalDate decidedOn, @Nullable Outcome outcome,
		@Nullable LocalDate deliveredOn, @Nullable DeliveryMethod deliveryMethod, @Nullable Step step,
		boolean onTheSpot, boolean redirected, @Nullable Awaited awaited) {

	public CaseFacts {
		opinions = List.copyOf(opinions);
	}

	/** Facts of a case not decided on the spot and not refused as out of jurisdiction. */
	public CaseFacts(String caseNumber, String itemCode, String departmentCode, String regionCode, CaseState state,
			Channel channel, String applicantRegion, @Nullable Long applicantAccountId, @Nullable Long agentAccountId,
			@Nullable String firstHandler, LocalDate receivedOn, @Nullable LocalDate acceptedOn, boolean deemedAccepted,
			@Nullable LocalDate acceptanceDue, @Nullable LocalDate decisionDue, @Nullable LocalDate promisedDue,
			@Nullable LocalDate deliveryDue, boolean suspended, ProcessingMode processingMode, boolean joint,
			String applicantRef, @Nullable Integer statutoryDays, @Nullable Integer promisedDays,
			List<SubClock> opinions, int extensions, @Nullable String reviewer, @Nullable LocalDate decidedOn,
			@Nullable Outcome outcome, @Nullable LocalDate deliveredOn, @Nullable DeliveryMethod deliveryMethod,
			@Nullable Step step) {
		this(caseNumber, itemCode, departmentCode, regionCode, state, channel, applicantRegion, applicantAccountId,
				agentAccountId, firstHandler, receivedOn, acceptedOn, deemedAccepted, acceptanceDue, decisionDue,
				promisedDue, deliveryDue, suspended, processingMode, joint, applicantRef, statutoryDays, promisedDays,
				opinions, extensions, reviewer, decidedOn, outcome, deliveredOn, deliveryMethod, step, false, false,
				null);
	}

	/**
	 * A joint-review co-department's own clock: due, answered (when) and whether the
	 * answer came late.
	 */
	public record SubClock(String departmentCode, @Nullable LocalDate dueOn, @Nullable LocalDate answeredOn,
			boolean late) {
	}

	/**
	 * One recorded step: when, which action, by whom in which role, and the state after
	 * it.
	 */
	public record Step(Instant at, CaseAction action, String actor, Role role, @Nullable CaseStep procedure) {

		/** A step that has an action of its own. */
		public Step(Instant at, CaseAction action, String actor, Role role) {
			this(at, action, actor, role, null);
		}

	}

	/**
	 * The act of procedure inside the review the case waits for (ADR 0030), e.g. a
	 * hearing to be noticed or held: which step takes it, by when, and whether the law
	 * puts it on the department (a duty, watched like a deadline) or waits for the
	 * parties.
	 */
	public record Awaited(CaseStep step, @Nullable LocalDate due, boolean duty) {
	}

}
