package org.govhall.cases;

import java.time.LocalDate;

import org.govhall.calendar.DueDate;
import org.jspecify.annotations.Nullable;

/**
 * One running or finished limit of a case — acceptance, decision, promised, delivery, or
 * a co-department's sub-deadline — with its due date, its explanation and how much time
 * is left in working days.
 * <p>
 * {@code colour} is what pages and work lists show: the status, except that a clock
 * awaiting next year's official schedule is coloured by its provisional date
 * (weekends-only count), and {@code remainingWorkingDays} is then provisional too.
 * Neither ever has a legal effect.
 */
public record CaseClock(Kind kind, @Nullable String department, LocalDate start, DueDate dueDate,
		@Nullable Integer remainingWorkingDays, Status status, @Nullable String explanation, Status colour) {

	public enum Kind {

		ACCEPTANCE, DECISION, PROMISED, DELIVERY, OPINION

	}

	/**
	 * Green, yellow (≤ N working days left), red (overdue), paused (clock stopped), or
	 * waiting for next year's official holiday schedule before the due date can be known.
	 */
	public enum Status {

		ON_TIME, WARNING, OVERDUE, PAUSED, AWAITING_CALENDAR

	}

	public @Nullable LocalDate due() {
		return dueDate.due();
	}

	/**
	 * The provisional due date while the official one awaits next year's schedule (暂估).
	 */
	public @Nullable LocalDate provisionalDue() {
		return dueDate.provisional();
	}

	/**
	 * The one colour rule of the case pages, the work lists and the public lookup:
	 * overdue after the due date, warning with {@code warningDays} working days or fewer
	 * left, on time before; awaiting the calendar while the due date or the days left
	 * cannot be known (a year without its official schedule).
	 */
	static Status colourOf(LocalDate today, @Nullable LocalDate due, @Nullable Integer remaining, int warningDays) {
		if (due == null || remaining == null) {
			return Status.AWAITING_CALENDAR;
		}
		return today.isAfter(due) ? Status.OVERDUE : remaining <= warningDays ? Status.WARNING : Status.ON_TIME;
	}

	/** The message key of the start event, for explanations. */
	public String startKey() {
		return switch (kind) {
			case ACCEPTANCE -> "deadline.start.received";
			case DELIVERY -> "deadline.start.decided";
			case DECISION, PROMISED, OPINION -> "deadline.start.accepted";
		};
	}

	CaseClock explained(String text) {
		return new CaseClock(kind, department, start, dueDate, remainingWorkingDays, status, text, colour);
	}

}
