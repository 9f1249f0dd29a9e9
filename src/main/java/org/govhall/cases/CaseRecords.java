package org.govhall.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.govhall.calendar.LimitUnit;
import org.govhall.catalog.SpecialProcedure;
import org.govhall.directory.ApplicantIdentity;
import org.govhall.directory.Role;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a case, as immutable records; the case keeps them as one document beside
 * its queryable columns.
 */
public final class CaseRecords {

	private CaseRecords() {
	}

	/**
	 * The applicant of a case, the account that applied online, if any, and the region of
	 * the address given with the application, if any.
	 */
	public record CaseApplicant(ApplicantIdentity identity, @Nullable String phone, @Nullable Long accountId,
			@Nullable String addressRegion) {

		public CaseApplicant(ApplicantIdentity identity, @Nullable String phone, @Nullable Long accountId) {
			this(identity, phone, accountId, null);
		}

		/**
		 * The applicant's region as supervision counts it: the region of the address
		 * given with the application; without one, for an enterprise or other
		 * organisation the region of the registration authority in its credit code (its
		 * registered county); only for a person without an address the address code of
		 * the identity number, which names where the number was first issued and may be
		 * long out of date.
		 */
		public String region() {
			return addressRegion != null ? addressRegion : identity.regionCode();
		}

	}

	/**
	 * The authorization (授权委托) an agent filed under, as it stood then (ADR 0025): a later
	 * revocation does not change what a case was filed under. Either the principal
	 * confirmed it online ({@link Basis#CONFIRMED_ONLINE}, with its id, items and
	 * period), or the agent handed in a written power of attorney whose original the
	 * clerk must check before acceptance ({@link Basis#WRITTEN}). Cases filed before ADR
	 * 0025 have no basis: their authorization was only declared, and is checked like a
	 * written one.
	 *
	 * @param agentName the agent account's name, never text the agent typed
	 */
	public record AgentAuthorization(long agentAccountId, String agentName, @Nullable String documentName,
			@Nullable String documentFileId, LocalDate validUntil, @Nullable Basis basis,
			@Nullable Long authorisationId, @Nullable String principalName, @Nullable List<String> itemCodes,
			@Nullable LocalDate validFrom, @Nullable String confirmedBy, @Nullable Instant confirmedAt,
			@Nullable OriginalCheck check) {

		/** How the agent's authority was established. */
		public enum Basis {

			CONFIRMED_ONLINE, WRITTEN

		}

		/**
		 * Whether the clerk still has to check the original before the case can be
		 * accepted.
		 */
		@JsonProperty("awaitsCheck")
		public boolean awaitsCheck() {
			return basis != Basis.CONFIRMED_ONLINE && (check == null || !check.genuine());
		}

		/** Whether the clerk checked the original and refused it. */
		@JsonProperty("refusedAtCheck")
		public boolean refusedAtCheck() {
			return check != null && !check.genuine();
		}

		AgentAuthorization checked(OriginalCheck done) {
			return new AgentAuthorization(agentAccountId, agentName, documentName, documentFileId, validUntil, basis,
					authorisationId, principalName, itemCodes, validFrom, confirmedBy, confirmedAt, done);
		}

	}

	/**
	 * The clerk's check of a written power of attorney against its original and the
	 * principal's identity document (原件核验), or the refusal of it with the reason.
	 */
	public record OriginalCheck(boolean genuine, String checkedBy, Instant at, @Nullable String note) {
	}

	/** A material handed in, against the name of a required material of the item. */
	public record SubmittedMaterial(String material, String fileId, String fileName, String sha256, String uploadedBy,
			Instant uploadedAt, int round) {
	}

	/**
	 * A material whose original the window clerk checked in the applicant's presence
	 * (原件核验) and handed back: it counts as handed in, and the receipt lists it as such. A
	 * scan may be kept beside it.
	 */
	public record OriginalSeen(String material, String checkedBy, Instant at) {
	}

	/** One material named in a correction notice, and what is wrong with it. */
	public record MaterialIssue(String material, String problem) {
	}

	/**
	 * A one-time notice of corrections (一次性告知书, 行政许可法 第三十二条第一款第四项). A later notice that
	 * names materials the first did not is a breach of the one-time rule (第七十二条第四项) and
	 * is recorded as such.
	 */
	public record CorrectionNotice(int round, LocalDate issuedOn, String issuedBy, List<MaterialIssue> issues,
			@Nullable LocalDate correctedOn, List<String> newlyNamed) {

		@JsonProperty("breach")
		public boolean breach() {
			return !newlyNamed.isEmpty();
		}

		CorrectionNotice corrected(LocalDate on) {
			return new CorrectionNotice(round, issuedOn, issuedBy, issues, on, newlyNamed);
		}

	}

	/**
	 * Why a case was not accepted (不予受理), and where to apply instead when it is out of
	 * jurisdiction.
	 */
	public record Refusal(String reasons, @Nullable String competentAuthority, String by, LocalDate on) {
	}

	/**
	 * A stop of the clock for a procedure of 行政许可法 第四十五条; {@code listed} says whether the
	 * item names it.
	 */
	public record SuspensionRecord(SpecialProcedure procedure, boolean listed, LocalDate from, @Nullable LocalDate to,
			String reason, String by) {

		SuspensionRecord ended(LocalDate on) {
			return new SuspensionRecord(procedure, listed, from, on, reason, by);
		}

	}

	/** An extension (延期) approved by an approver, with its reason (行政许可法 第四十二条). */
	public record ExtensionRecord(int amount, String reason, String approvedBy, LocalDate on) {
	}

	/**
	 * A department's part in joint review (联审): its sub-deadline ({@code days} in
	 * {@code unit} from acceptance), how often and when the lead last chased it (催办),
	 * and, once given, its opinion. Cases decided before the unit and the chases were
	 * kept read as working days and never chased.
	 */
	public record Opinion(String departmentCode, int days, @Nullable LocalDate dueOn, @Nullable Verdict verdict,
			@Nullable String reasons, @Nullable String by, @Nullable LocalDate on, boolean late,
			@Nullable LimitUnit unit, @Nullable Integer chases, @Nullable LocalDate chasedOn) {

		public Opinion {
			unit = unit == null ? LimitUnit.WORKING_DAY : unit;
			chases = chases == null ? 0 : chases;
		}

		static Opinion requested(String departmentCode, SubLimit limit) {
			return new Opinion(departmentCode, limit.days(), null, null, null, null, null, false, limit.unit(), 0,
					null);
		}

		boolean given() {
			return verdict != null;
		}

		Opinion due(@Nullable LocalDate newDue) {
			return new Opinion(departmentCode, days, newDue, verdict, reasons, by, on, late, unit, chases, chasedOn);
		}

		Opinion given(Verdict newVerdict, @Nullable String newReasons, String newBy, LocalDate newOn, boolean newLate) {
			return new Opinion(departmentCode, days, dueOn, newVerdict, newReasons, newBy, newOn, newLate, unit, chases,
					chasedOn);
		}

		Opinion chased(LocalDate day) {
			return new Opinion(departmentCode, days, dueOn, verdict, reasons, by, on, late, unit, chases + 1, day);
		}

	}

	/**
	 * A co-department's sub-deadline: so many days of a unit, counted from acceptance.
	 */
	public record SubLimit(int days, LimitUnit unit) {
	}

	/** The reviewer's recommendation to the approver. */
	public record Review(String reviewer, Outcome recommendation, String comments, LocalDate on) {
	}

	/**
	 * The decision: granted with a certificate number, or denied with reasons (行政许可法
	 * 第三十八条). A grant of an item whose result is a licence carries what the licence says
	 * ({@code licence}); a certificate revoked or cancelled later (第六十九条, 第七十条) carries
	 * its {@code revocation}. Both are absent in cases decided before they were kept.
	 */
	public record Decision(Outcome outcome, @Nullable String certificateNo, @Nullable String reasons, String decidedBy,
			LocalDate on, boolean onTheSpot, @Nullable Licence licence, @Nullable Revocation revocation) {

		Decision revoked(Revocation r) {
			return new Decision(outcome, certificateNo, reasons, decidedBy, on, onTheSpot, licence, r);
		}

	}

	/**
	 * What a licence says besides its holder, as the approver entered it: the scope
	 * (许可范围/经营项目), the premises (经营场所/住所, none where the licence names none) and the last
	 * day of validity (有效期至; none: 长期, long-term).
	 */
	public record Licence(String scope, @Nullable String premises, @Nullable LocalDate validUntil) {
	}

	/**
	 * A certificate revoked or cancelled (撤销/注销, 行政许可法 第六十九条、第七十条) by an approver, with
	 * the reason.
	 */
	public record Revocation(String reason, String by, LocalDate on) {
	}

	/**
	 * How and when the decision was delivered, and whether it was late (第四十四条: within 10
	 * working days).
	 */
	/**
	 * A fee collected (收费) with its receipt; {@code listed} tells whether the item's
	 * catalog entry allows it at that amount. An unlisted fee is still recorded, because
	 * the record is the evidence supervision acts on.
	 */
	public record FeeRecord(String name, BigDecimal amount, String receiptNo, boolean listed, String by, LocalDate on) {
	}

	public record Delivery(DeliveryMethod method, LocalDate on, String by, boolean late) {
	}

	/**
	 * A handover (移交) of a case to another first handler: from whom (none for a case that
	 * had none), to whom, why, and who handed it over (the holder, or the department
	 * admin or approver).
	 */
	public record Handover(@Nullable String from, String to, String reason, String by, Instant at) {
	}

	/**
	 * One line of a case's history: who, in which role, when, what, and the state before
	 * and after.
	 */
	public record HistoryEntry(Instant at, String actor, Role role, CaseAction action, @Nullable CaseState from,
			CaseState to, String detail, @Nullable CaseStep step) {

		/** A line of a step that has an action of its own. */
		public HistoryEntry(Instant at, String actor, Role role, CaseAction action, @Nullable CaseState from,
				CaseState to, String detail) {
			this(at, actor, role, action, from, to, detail, null);
		}

		/**
		 * The bundle key of what happened: the action's, or for an act of procedure
		 * ({@link CaseAction#STEP_TAKEN}) its step's name.
		 */
		public String actionKey() {
			return step == null ? "CaseAction." + action.name() : step.nameKey();
		}

	}

	/**
	 * An act of a procedure inside the review that keeps the case's state (ADR 0030): the
	 * notice to interested parties and a statement of theirs (行政许可法 第三十六条), a hearing's
	 * request, notice and transcript (第四十六条至第四十八条). Held in one generic shape, so that
	 * the history, the events, the documents, the work lists and supervision take a new
	 * act of procedure without a type of their own.
	 *
	 * @param step the step of the procedure table that recorded it
	 * @param on the day the act took effect (the day of the notice, the statement or the
	 * request as received, the hearing held)
	 * @param by who recorded it
	 * @param fields what was entered, language-free (ISO dates, names, codes), in the
	 * order the step's words ({@code step.words.<STEP>}) print them
	 * @param due the day the act's period ends, if it opens one
	 * @param late whether the act came after the period the law gave for it
	 */
	public record ProcedureAct(CaseStep step, LocalDate on, String by, Map<String, String> fields,
			@Nullable LocalDate due, boolean late) {

		public ProcedureAct {
			fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		}

		/** An entered value; blank when the act has none of that name. */
		public String field(String name) {
			return fields.getOrDefault(name, "");
		}

		/** An entered date. */
		LocalDate date(String name) {
			return LocalDate.parse(fields.get(name));
		}

	}

}
