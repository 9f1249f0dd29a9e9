package org.govhall.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

import org.govhall.calendar.WorkingCalendar;
import org.jspecify.annotations.Nullable;

/** What the public progress lookup shows: stage, dates and the running deadline with its explanation; nothing personal. */
public record PublicProgress(String number, String itemNameZh, @Nullable String itemNameEn, CaseState state,
		LocalDate submittedOn, LocalDate receivedOn, @Nullable LocalDate acceptedOn, @Nullable LocalDate decidedOn,
		@Nullable Outcome outcome, @Nullable LocalDate deliveredOn, List<CaseClock> clocks) {

	static PublicProgress of(Case c, WorkingCalendar calendar, LocalDate today, int warningDays) {
		CaseDocument d = c.document();
		List<CaseClock> clocks = CaseView.clocks(c, calendar, today, warningDays)
			.stream()
			.filter(k -> k.kind() != CaseClock.Kind.OPINION)
			.toList();
		return new PublicProgress(c.number(), c.terms().itemNameZh(), c.terms().itemNameEn(), c.state(),
				LocalDate.ofInstant(c.submittedAt(), java.time.ZoneId.of("Asia/Shanghai")), c.receivedOn(),
				c.acceptedOn(), d.decision() == null ? null : d.decision().on(),
				d.decision() == null ? null : d.decision().outcome(), d.delivery() == null ? null : d.delivery().on(),
				clocks);
	}

	public PublicProgress explained(UnaryOperator<CaseClock> explain) {
		return new PublicProgress(number, itemNameZh, itemNameEn, state, submittedOn, receivedOn, acceptedOn, decidedOn,
				outcome,
				deliveredOn, clocks.stream().map(explain).toList());
	}

}
