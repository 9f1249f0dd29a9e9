package org.govhall.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Working-day arithmetic over the loaded official schedules (行政许可法 第八十二条: limits are
 * counted in working days, excluding statutory holidays). The start day is not counted
 * (民法典 第二百零一条): "N working days from D" is the N-th working day after D. Immutable;
 * answers in constant time from a running count of working days.
 */
public final class WorkingCalendar {

	private final Map<Integer, YearSchedule> years;

	private final LocalDate first;

	private final LocalDate last;

	/**
	 * cumulative[i]: working days from {@code first} up to and including
	 * {@code first + i}.
	 */
	private final int[] cumulative;

	private final boolean[] working;

	/** The notice named by the stand-in years of a provisional calendar. */
	static final String PROVISIONAL_NOTICE = "provisional: weekends only";

	private final boolean provisionalSelf;

	private volatile @Nullable WorkingCalendar provisional;

	public WorkingCalendar(Collection<YearSchedule> schedules) {
		this(schedules, false);
	}

	private WorkingCalendar(Collection<YearSchedule> schedules, boolean provisionalSelf) {
		this.provisionalSelf = provisionalSelf;
		this.years = new TreeMap<>();
		schedules.forEach(s -> years.put(s.year(), s));
		if (years.isEmpty()) {
			this.first = LocalDate.of(2000, 1, 1);
			this.last = first.minusDays(1);
			this.cumulative = new int[0];
			this.working = new boolean[0];
			return;
		}
		int minYear = ((TreeMap<Integer, YearSchedule>) years).firstKey();
		int maxYear = ((TreeMap<Integer, YearSchedule>) years).lastKey();
		this.first = LocalDate.of(minYear, 1, 1);
		this.last = LocalDate.of(maxYear, 12, 31);
		int size = (int) ChronoUnit.DAYS.between(first, last) + 1;
		this.cumulative = new int[size];
		this.working = new boolean[size];
		Map<LocalDate, SpecialDay> special = new TreeMap<>();
		years.values().forEach(y -> special.putAll(y.byDate()));
		int count = 0;
		for (int i = 0; i < size; i++) {
			LocalDate day = first.plusDays(i);
			SpecialDay s = special.get(day);
			boolean work = years.containsKey(day.getYear())
					&& (s == null ? !YearSchedule.isWeekend(day) : s.kind() == DayKind.WORK);
			working[i] = work;
			count += work ? 1 : 0;
			cumulative[i] = count;
		}
	}

	/**
	 * The same calendar with every year it lacks (from the year before its first to five
	 * years after its last) counted on weekends only: Monday to Friday work, no holidays.
	 * Its dates are provisional (暂估), for ordering and warnings only, never for a legal
	 * effect: a real deadline waits for the year's official schedule.
	 */
	public WorkingCalendar provisional() {
		WorkingCalendar p = provisional;
		if (p == null) {
			if (provisionalSelf) {
				return this;
			}
			int from = years.isEmpty() ? 2000 : first.getYear() - 1;
			int to = years.isEmpty() ? 2100 : last.getYear() + 5;
			List<YearSchedule> all = new ArrayList<>(years.values());
			for (int y = from; y <= to; y++) {
				if (!years.containsKey(y)) {
					all.add(new YearSchedule(y, PROVISIONAL_NOTICE, null, List.of()));
				}
			}
			p = new WorkingCalendar(all, true);
			provisional = p;
		}
		return p;
	}

	/** Whether this is a {@link #provisional()} calendar. */
	public boolean isProvisional() {
		return provisionalSelf;
	}

	/**
	 * Working days after {@code from} up to {@code to} on the official schedules, or,
	 * where a year is missing, on the {@link #provisional()} calendar: for colours,
	 * warnings and ordering.
	 */
	public int countWorkingDaysForWarnings(LocalDate from, LocalDate to) {
		try {
			return countWorkingDays(from, to);
		}
		catch (YearNotLoadedException ex) {
			return provisional().countWorkingDays(from, to);
		}
	}

	public boolean isLoaded(int year) {
		return years.containsKey(year);
	}

	public Optional<YearSchedule> schedule(int year) {
		return Optional.ofNullable(years.get(year));
	}

	public boolean isWorkingDay(LocalDate date) {
		requireLoaded(date.getYear());
		return working[index(date)];
	}

	/** The official name of a special day (e.g. 国庆节), if the date is one. */
	public Optional<SpecialDay> special(LocalDate date) {
		requireLoaded(date.getYear());
		return years.get(date.getYear()).special(date);
	}

	/**
	 * The N-th working day after {@code from}; {@code from} itself when N is 0 (decided
	 * the same day).
	 */
	public LocalDate addWorkingDays(LocalDate from, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("days must not be negative");
		}
		requireLoaded(from.getYear());
		if (days == 0) {
			return from;
		}
		int target = cumulative[index(from)] + days;
		int i = Arrays.binarySearch(cumulative, target);
		if (i < 0) {
			throw new YearNotLoadedException(last.getYear() + 1);
		}
		while (i > 0 && cumulative[i - 1] == target) {
			i--;
		}
		LocalDate due = first.plusDays(i);
		requireLoadedBetween(from, due);
		return due;
	}

	/**
	 * Working days after {@code from} up to and including {@code to}; negative when
	 * {@code to} is earlier.
	 */
	public int countWorkingDays(LocalDate from, LocalDate to) {
		requireLoaded(from.getYear());
		requireLoaded(to.getYear());
		if (to.isBefore(from)) {
			return -countWorkingDays(to, from);
		}
		requireLoadedBetween(from, to);
		return cumulative[index(to)] - cumulative[index(from)];
	}

	/**
	 * A limit of N calendar days from {@code from}: the N-th day after it, moved to the
	 * next working day when that day is a holiday or a weekend day off (民法典 第二百零三条).
	 */
	public LocalDate addCalendarDays(LocalDate from, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("days must not be negative");
		}
		return nextWorkingDayOnOrAfter(from.plusDays(days));
	}

	public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
		LocalDate d = date;
		while (!isWorkingDay(d)) {
			d = d.plusDays(1);
		}
		return d;
	}

	private int index(LocalDate date) {
		return (int) ChronoUnit.DAYS.between(first, date);
	}

	private void requireLoaded(int year) {
		if (!years.containsKey(year)) {
			throw new YearNotLoadedException(year);
		}
	}

	private void requireLoadedBetween(LocalDate from, LocalDate to) {
		for (int y = from.getYear(); y <= to.getYear(); y++) {
			requireLoaded(y);
		}
	}

}
