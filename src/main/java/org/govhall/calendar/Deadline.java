package org.govhall.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A time limit running from a start date: an amount of working or calendar days, its
 * extensions (延期) and the spans during which the clock is stopped (中止计时, e.g. 行政许可法
 * 第四十五条). A value: evaluating it against a {@link WorkingCalendar} gives the due date and
 * the notes that explain it.
 */
public record Deadline(LocalDate start, int amount, LimitUnit unit, List<Extension> extensions,
		List<Suspension> suspensions) {

	public Deadline {
		if (amount < 0) {
			throw new IllegalArgumentException("amount must not be negative");
		}
		extensions = List.copyOf(extensions);
		suspensions = suspensions.stream().sorted(Comparator.comparing(Suspension::from)).toList();
	}

	public static Deadline of(LocalDate start, int amount, LimitUnit unit) {
		return new Deadline(start, amount, unit, List.of(), List.of());
	}

	public Deadline extendedBy(Extension extension) {
		List<Extension> list = new ArrayList<>(extensions);
		list.add(extension);
		return new Deadline(start, amount, unit, list, suspensions);
	}

	public Deadline suspended(Suspension suspension) {
		List<Suspension> list = new ArrayList<>(suspensions);
		list.add(suspension);
		return new Deadline(start, amount, unit, extensions, list);
	}

	/**
	 * The same limit restarted from another date (e.g. after the applicant supplied
	 * missing materials).
	 */
	public Deadline restartedOn(LocalDate newStart) {
		return new Deadline(newStart, amount, unit, extensions, List.of());
	}

	public int totalAmount() {
		return amount + extensions.stream().mapToInt(Extension::amount).sum();
	}

	/** The open suspension, if the clock is stopped now. */
	public Optional<Suspension> openSuspension() {
		return suspensions.stream().filter(s -> s.to() == null).findFirst();
	}

	/**
	 * Evaluates the deadline; while a suspension is open the due date is unknown and the
	 * result says so.
	 */
	public DueDate evaluate(WorkingCalendar calendar) {
		List<DeadlineNote> notes = new ArrayList<>();
		notes.add(DeadlineNote.start(start, amount, unit));
		extensions.forEach(e -> notes.add(DeadlineNote.extension(start, e)));
		Optional<Suspension> open = openSuspension();
		if (open.isPresent()) {
			suspensions.forEach(s -> notes.add(DeadlineNote.suspension(s)));
			return new DueDate(null, notes);
		}
		LocalDate due = unit == LimitUnit.WORKING_DAY ? workingDue(calendar) : calendarDue(calendar, notes);
		notes.addAll(1 + extensions.size(), holidayNotes(calendar, due));
		suspensions.forEach(s -> notes.add(DeadlineNote.suspension(s)));
		return new DueDate(due, notes);
	}

	private LocalDate workingDue(WorkingCalendar calendar) {
		int total = totalAmount();
		if (total == 0) {
			return start;
		}
		if (suspensions.isEmpty()) {
			return calendar.addWorkingDays(start, total);
		}
		LocalDate day = start;
		int counted = 0;
		while (counted < total) {
			day = day.plusDays(1);
			if (!isSuspended(day) && calendar.isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}

	private LocalDate calendarDue(WorkingCalendar calendar, List<DeadlineNote> notes) {
		int days = totalAmount();
		LocalDate day = start;
		int counted = 0;
		while (counted < days) {
			day = day.plusDays(1);
			if (!isSuspended(day)) {
				counted++;
			}
		}
		LocalDate moved = calendar.nextWorkingDayOnOrAfter(day);
		if (!moved.equals(day)) {
			notes.add(DeadlineNote.moved(day, moved));
		}
		return moved;
	}

	private boolean isSuspended(LocalDate day) {
		for (Suspension s : suspensions) {
			if (!day.isBefore(s.from()) && (s.to() == null || !day.isAfter(s.to()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Holidays (grouped into runs) and make-up working days between the start and the due
	 * date.
	 */
	private List<DeadlineNote> holidayNotes(WorkingCalendar calendar, LocalDate due) {
		List<DeadlineNote> notes = new ArrayList<>();
		LocalDate runStart = null;
		LocalDate runEnd = null;
		String runName = null;
		for (LocalDate d = start.plusDays(1); !d.isAfter(due); d = d.plusDays(1)) {
			Optional<SpecialDay> s = calendar.special(d);
			if (s.isPresent() && s.get().kind() == DayKind.OFF) {
				if (runStart == null) {
					runStart = d;
					runName = s.get().name();
				}
				runEnd = d;
				continue;
			}
			if (runStart != null) {
				notes.add(DeadlineNote.holiday(runStart, runEnd, runName));
				runStart = null;
			}
			if (s.isPresent() && s.get().kind() == DayKind.WORK) {
				notes.add(DeadlineNote.makeUpDay(d, s.get().name()));
			}
		}
		if (runStart != null) {
			notes.add(DeadlineNote.holiday(runStart, runEnd, runName));
		}
		return notes;
	}

}
