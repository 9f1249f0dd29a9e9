package org.govhall.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.govhall.calendar.WorkingCalendar;
import org.govhall.cases.CaseRecords.Licence;
import org.govhall.cases.CaseRecords.MaterialIssue;
import org.govhall.cases.CaseRecords.SubmittedMaterial;
import org.govhall.catalog.SpecialProcedure;
import org.jspecify.annotations.Nullable;

/**
 * The request record of each step of the {@link CaseStep procedure table}: what a person
 * enters to take it, with the field limits in one place. The API reads it from JSON and
 * the case page binds its form to it, so a limit written here holds for both.
 * {@link #apply} takes the step on the case through {@link Case}, which keeps the rules.
 */
public sealed interface CaseCommand {

	/** Takes the step on {@code c}, with what {@link CaseHandling} supplies. */
	void apply(Case c, StepContext ctx);

	/**
	 * What a step needs beyond its request: who acts, when, on which calendar, and the
	 * services of the hall.
	 */
	interface StepContext {

		Actor actor();

		Now now();

		WorkingCalendar calendar();

		/**
		 * Free text as it will be printed: control characters refused, one line where
		 * asked.
		 */
		@Nullable String text(String field, @Nullable String text, boolean oneLine);

		/** The licence as it will be printed on the certificate. */
		@Nullable Licence licence(@Nullable Licence entered);

		/** The next certificate number of the case's department. */
		String certificateNumber(Case c);

		/**
		 * Files the party uploaded, as the materials of the correction round now handed
		 * in.
		 */
		List<SubmittedMaterial> materials(List<SubmitCase.MaterialFile> files, Case c);

		/**
		 * The name people know {@code username} by; refuses (400, naming {@code field})
		 * unless it is an active staff account of the case's department.
		 */
		String requireStaffOfCase(Case c, String username, String field);

		/** The code of the department the acting user belongs to (403 when none). */
		String department();

		/**
		 * Refuses (422) unless {@code username} is a window clerk of the case's
		 * department on duty.
		 */
		void requireClerkOnDuty(Case c, String username);

		/**
		 * The certificate of {@code c} was revoked: its public verification says so and
		 * the audit log keeps it.
		 */
		void certificateRevoked(Case c, String reason);

		/**
		 * The refusal naming the co-departments whose opinions are missing, in Chinese
		 * and English.
		 */
		RuntimeException named(Case.OpinionsMissing missing);

	}

	/** One missing or defective material and what is wrong with it. */
	record Issue(@NotBlank @Size(max = 200) String material, @NotBlank @Size(max = 500) String problem) {
	}

	record CorrectionNotice(@NotEmpty @Size(max = 50) List<@NotNull @Valid Issue> issues) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			List<MaterialIssue> named = new ArrayList<>();
			for (int i = 0; i < issues.size(); i++) {
				Issue issue = issues.get(i);
				named.add(new MaterialIssue(ctx.text("issues[" + i + "].material", issue.material().strip(), true),
						ctx.text("issues[" + i + "].problem", issue.problem().strip(), false)));
			}
			c.requestCorrections(named, ctx.actor(), ctx.now(), ctx.calendar());
		}

	}

	record Corrections(
			@NotEmpty @Size(max = 100) List<SubmitCase.@NotNull @Valid MaterialFile> materials) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			c.correct(ctx.materials(materials, c), ctx.actor(), ctx.now(), ctx.calendar());
		}

	}

	/**
	 * The outcome of the check of a written power of attorney, and why it does not hold
	 * when it does not.
	 */
	record AuthorizationCheck(@NotNull Boolean genuine,
			@Nullable @Size(max = 2000) String note) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			String why = note == null || note.isBlank() ? null : ctx.text("note", note, false);
			c.checkAuthorization(genuine, why, ctx.actor(), ctx.now(), ctx.calendar());
		}

	}

	record Acceptance() implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			c.accept(ctx.actor(), ctx.now(), ctx.calendar());
		}

	}

	/**
	 * An instant item granted on the spot: its licence where the item issues one, and how
	 * it is handed over (by default at the window for a window case, else
	 * electronically).
	 */
	record OnTheSpot(@Nullable @Size(max = LicenceRules.SCOPE_MAX) String scope,
			@Nullable @Size(max = LicenceRules.PREMISES_MAX) String premises, @Nullable LocalDate validUntil,
			@Nullable DeliveryMethod method) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			DeliveryMethod how = method != null ? method
					: c.channel() == Channel.WINDOW ? DeliveryMethod.WINDOW : DeliveryMethod.ELECTRONIC;
			c.decideOnTheSpot(ctx.certificateNumber(c), ctx.licence(LicenceRules.entered(scope, premises, validUntil)),
					how, ctx.actor(), ctx.now(), ctx.calendar());
		}

	}

	@GenericForm(secondary = true)
	record Refusal(@FormField(rows = 2) @NotBlank @Size(max = 2000) String reasons,
			@Nullable @Size(max = 300) String competentAuthority) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			String where = competentAuthority == null || competentAuthority.isBlank() ? null
					: ctx.text("competentAuthority", competentAuthority, true);
			c.refuse(ctx.text("reasons", reasons, false), where, ctx.actor(), ctx.now(), ctx.calendar());
		}

	}

	@GenericForm
	record Opinion(@FormField(choices = "cases.verdict.") @NotNull Verdict verdict,
			@FormField(rows = 2, hint = true) @Nullable @Size(max = 2000) String reasons) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			c.recordOpinion(ctx.department(), verdict, reasons == null || reasons.isBlank() ? null : reasons,
					ctx.actor(), ctx.now(), ctx.calendar());
		}

	}

	/** The co-department whose awaited opinion is chased. */
	record Chase(@NotBlank @Size(max = 64) String department) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			c.chaseOpinion(department, ctx.actor(), ctx.now());
		}

	}

	@GenericForm
	record Review(@FormField(choices = "cases.outcome.") @NotNull Outcome recommendation,
			@FormField(rows = 2) @NotBlank @Size(max = 2000) String comments) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			try {
				c.review(recommendation, comments, ctx.actor(), ctx.now(), ctx.calendar());
			}
			catch (Case.OpinionsMissing ex) {
				throw ctx.named(ex);
			}
		}

	}

	/** Stops the clock from {@code from} (default: today) for a procedure of 第四十五条. */
	@GenericForm(secondary = true)
	record Suspension(@FormField(drawn = true) @NotNull SpecialProcedure procedure,
			@FormField(initialDay = StepForm.Day.TODAY, min = StepForm.Day.ACCEPTED, max = StepForm.Day.TODAY,
					required = true) @Nullable LocalDate from,
			@NotBlank @Size(max = 1000) String reason) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			c.suspend(procedure, from == null ? ctx.now().today() : from, reason, ctx.actor(), ctx.now(),
					ctx.calendar());
		}

	}

	/** The procedure ended on {@code lastDay} (default: today). */
	@GenericForm
	record Resumption(@FormField(initialDay = StepForm.Day.TODAY, max = StepForm.Day.TODAY,
			required = true) @Nullable LocalDate lastDay) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			c.resume(lastDay == null ? ctx.now().today() : lastDay, ctx.actor(), ctx.now(), ctx.calendar());
		}

	}

	/**
	 * The interested parties told (第三十六条): their names, one a line or separated by 、,
	 * what the application affects of theirs, the working days they have to state their
	 * views, and whether they are told of their right to ask for a hearing (第四十七条).
	 */
	@GenericForm(hint = true)
	record PartiesNotice(@FormField(rows = 2, hint = true) @NotBlank @Size(max = 1000) String parties,
			@FormField(rows = 2) @NotBlank @Size(max = 1000) String matter,
			@FormField(initial = "5") @NotNull @Min(3) @Max(20) Integer statementDays,
			@FormField(initial = "true") @Nullable Boolean hearingRight) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			List<String> names = new ArrayList<>();
			for (String name : parties.split("[\\r\\n、，,;；]+")) {
				String strip = name.strip();
				if (!strip.isEmpty() && !names.contains(strip)) {
					names.add(ctx.text("parties", strip, true));
				}
			}
			c.notifyInterestedParties(names, ctx.text("matter", matter, false), statementDays,
					Boolean.TRUE.equals(hearingRight), ctx.actor(), ctx.now(), ctx.calendar());
		}

	}

	/**
	 * What a party stated or defended (陈述、申辩), received on {@code receivedOn} (default:
	 * today), orally or in writing.
	 */
	@GenericForm
	record Statement(@NotBlank @Size(max = 100) String party,
			@FormField(rows = 3) @NotBlank @Size(max = 2000) String summary, @FormField(initialDay = StepForm.Day.TODAY,
					max = StepForm.Day.TODAY, required = true) @Nullable LocalDate receivedOn,
			@Nullable Boolean oral) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			c.recordStatement(party, ctx.text("summary", summary, false),
					receivedOn == null ? ctx.now().today() : receivedOn, Boolean.TRUE.equals(oral), ctx.actor(),
					ctx.now());
		}

	}

	/**
	 * Who asked for a hearing and when it was received (default: today); or the
	 * department holds one on its own initiative (第四十六条).
	 */
	@GenericForm(hint = true)
	record HearingRequest(@NotBlank @Size(max = 100) String requester, @NotNull Case.HearingBy by,
			@FormField(initialDay = StepForm.Day.TODAY, min = StepForm.Day.ACCEPTED, max = StepForm.Day.TODAY,
					required = true) @Nullable LocalDate receivedOn)
			implements
				CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			c.requestHearing(ctx.text("requester", requester, true), by,
					receivedOn == null ? ctx.now().today() : receivedOn, ctx.actor(), ctx.now(), ctx.calendar());
		}

	}

	/**
	 * The hearing's day, time (HH:mm), place and presiding officer (a login of the case's
	 * department).
	 */
	@GenericForm(hint = true)
	record HearingNotice(@FormField(min = StepForm.Day.TODAY) @NotNull LocalDate hearingOn,
			@FormField(type = "time",
					initial = "09:30") @NotBlank @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]") String time,
			@NotBlank @Size(max = 200) String place,
			@FormField(noAutocomplete = true) @NotBlank @Size(max = 64) String presider) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			String officer = presider.strip();
			String name = ctx.requireStaffOfCase(c, officer, "presider");
			c.noticeHearing(hearingOn, time, ctx.text("place", place, true), officer, name, ctx.actor(), ctx.now(),
					ctx.calendar());
		}

	}

	/**
	 * The hearing held: on which day, who took part, what the transcript records, and
	 * that those who took part signed it.
	 */
	@GenericForm
	record HearingTranscript(
			@FormField(initialDay = StepForm.Day.TODAY, max = StepForm.Day.TODAY) @NotNull LocalDate heldOn,
			@FormField(rows = 2) @NotBlank @Size(max = 1000) String participants,
			@FormField(rows = 4) @NotBlank @Size(max = 4000) String transcript,
			@FormField(required = true) @Nullable Boolean signed) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			c.recordHearing(heldOn, ctx.text("participants", participants, false),
					ctx.text("transcript", transcript, false), Boolean.TRUE.equals(signed), ctx.actor(), ctx.now(),
					ctx.calendar());
		}

	}

	@GenericForm(secondary = true)
	record Extension(@NotBlank @Size(max = 1000) String reason) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			c.extend(ctx.text("reason", reason, false), ctx.actor(), ctx.now(), ctx.calendar());
		}

	}

	/**
	 * A decision; a grant of an item that issues a licence names its scope (许可范围), and
	 * where the licence has them its premises (经营场所) and last day of validity (none: 长期).
	 */
	record Decision(@NotNull Outcome outcome, @Nullable @Size(max = 2000) String reasons,
			@Nullable @Size(max = LicenceRules.SCOPE_MAX) String scope,
			@Nullable @Size(max = LicenceRules.PREMISES_MAX) String premises,
			@Nullable LocalDate validUntil) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			String why = reasons == null || reasons.isBlank() ? null : ctx.text("reasons", reasons, false);
			Licence licence = ctx.licence(LicenceRules.entered(scope, premises, validUntil));
			c.decide(outcome, outcome == Outcome.APPROVED ? ctx.certificateNumber(c) : null, why, licence, ctx.actor(),
					ctx.now(), ctx.calendar());
		}

	}

	@GenericForm(hint = true, secondary = true)
	record Revocation(@FormField(rows = 2) @NotBlank @Size(max = 1000) String reason) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			c.revokeCertificate(reason, ctx.actor(), ctx.now());
			ctx.certificateRevoked(c, reason);
		}

	}

	/** To whom (a login) and why a case is handed over. */
	record Handover(@NotBlank @Size(max = 64) String to,
			@NotBlank @Size(max = 1000) String reason) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			ctx.requireClerkOnDuty(c, to.strip());
			c.handOver(to.strip(), reason, ctx.actor(), ctx.now());
		}

	}

	@GenericForm(hint = true)
	record Fee(@FormField(drawn = true) @NotBlank @Size(max = 200) String name,
			@NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount,
			@NotBlank @Size(max = 64) String receiptNo) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			c.chargeFee(name, amount, receiptNo, ctx.actor(), ctx.now());
		}

	}

	@GenericForm
	record Delivery(@FormField(choices = "cases.delivery.") @NotNull DeliveryMethod method) implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			c.deliver(method, ctx.actor(), ctx.now(), ctx.calendar());
		}

	}

	record Withdrawal() implements CaseCommand {

		@Override
		public void apply(Case c, StepContext ctx) {
			c.withdraw(ctx.actor(), ctx.now(), ctx.calendar());
		}

	}

}
