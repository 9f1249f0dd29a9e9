package org.govhall.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;

import org.govhall.calendar.DeadlineNote;
import org.govhall.calendar.DueDate;
import org.govhall.calendar.WorkingCalendar;
import org.jspecify.annotations.Nullable;

/**
 * What the public progress lookup shows: stage, dates and the running deadline with its
 * explanation; nothing personal and no text staff typed (reasons, comments, extension
 * reasons).
 */
public record PublicProgress(String number, String itemNameZh, @Nullable String itemNameEn, CaseState state,
		LocalDate submittedOn, LocalDate receivedOn, @Nullable LocalDate acceptedOn, @Nullable LocalDate decidedOn,
		@Nullable Outcome outcome, @Nullable LocalDate deliveredOn, List<CaseClock> clocks) {

	static PublicProgress of(Case c, WorkingCalendar calendar, LocalDate today, int warningDays, ZoneId zone) {
		CaseDocument d = c.document();
		List<CaseClock> clocks = CaseView.clocks(c, calendar, today, warningDays)
			.stream()
			.filter(k -> k.kind() != CaseClock.Kind.OPINION)
			.map(PublicProgress::withoutStaffText)
			.toList();
		return new PublicProgress(c.number(), c.terms().itemNameZh(), c.terms().itemNameEn(), c.state(),
				LocalDate.ofInstant(c.submittedAt(), zone), c.receivedOn(), c.acceptedOn(),
				d.decision() == null ? null : d.decision().on(), d.decision() == null ? null : d.decision().outcome(),
				d.delivery() == null ? null : d.delivery().on(), clocks);
	}

	/**
	 * A clock as the public sees it: an extension keeps its length and date, never the
	 * reason staff typed (it may name a person, an identity number or a health
	 * condition); a suspension keeps its category (听证, 检验 …).
	 */
	static CaseClock withoutStaffText(CaseClock clock) {
		DueDate d = clock.dueDate();
		List<DeadlineNote> notes = d.notes()
			.stream()
			.map(n -> n.kind() == DeadlineNote.Kind.EXTENSION
					? new DeadlineNote(n.kind(), n.from(), n.to(), n.amount(), n.unit(), null) : n)
			.toList();
		return new CaseClock(clock.kind(), clock.department(), clock.start(),
				new DueDate(d.due(), notes, d.missingYear(), d.provisional()), clock.remainingWorkingDays(),
				clock.status(), null, clock.colour());
	}

	public PublicProgress explained(UnaryOperator<CaseClock> explain) {
		return new PublicProgress(number, itemNameZh, itemNameEn, state, submittedOn, receivedOn, acceptedOn, decidedOn,
				outcome, deliveredOn, clocks.stream().map(explain).toList());
	}

}
