package org.govhall.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * A year's official schedule: the notice it comes from and the dates that differ from a
 * Monday-to-Friday week. Ordinary weekdays are working days and weekends are not, unless
 * a special day says otherwise.
 */
public record YearSchedule(int year, String notice, @Nullable LocalDate noticeDate, List<SpecialDay> days) {

	public YearSchedule {
		days = List.copyOf(days);
	}

	Map<LocalDate, SpecialDay> byDate() {
		Map<LocalDate, SpecialDay> map = new TreeMap<>();
		days.forEach(d -> map.put(d.date(), d));
		return Collections.unmodifiableMap(map);
	}

	Optional<SpecialDay> special(LocalDate date) {
		return days.stream().filter(d -> d.date().equals(date)).findFirst();
	}

	static boolean isWeekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

}
