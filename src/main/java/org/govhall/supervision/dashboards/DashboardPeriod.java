package org.govhall.supervision.dashboards;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.govhall.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The dates a dashboard counts, both included: a case counts as received when it was
 * received in them and as completed (办结) when it was decided in them.
 */
record DashboardPeriod(LocalDate from, LocalDate to) {

	/** The longest period a dashboard counts: ten years of monthly trend. */
	static final int MAX_YEARS = 10;

	public DashboardPeriod {
		if (from.isAfter(to)) {
			throw new InvalidInputException("invalid-period", "error.dashboard.period", "from", from, to);
		}
		if (from.plusYears(MAX_YEARS).isBefore(to)) {
			throw new InvalidInputException("invalid-period", "error.dashboard.periodTooLong", "to", MAX_YEARS);
		}
	}

	/**
	 * The period asked for: without dates, the current calendar year to today; without
	 * {@code from}, from the first day of {@code to}'s year; without {@code to}, up to
	 * today.
	 */
	static DashboardPeriod of(@Nullable LocalDate from, @Nullable LocalDate to, LocalDate today) {
		LocalDate end = to != null ? to : today;
		LocalDate start = from != null ? from : end.withDayOfYear(1);
		return new DashboardPeriod(start, end);
	}

	/** Every calendar month the period touches, in order. */
	List<YearMonth> months() {
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
			months.add(m);
		}
		return months;
	}

}
