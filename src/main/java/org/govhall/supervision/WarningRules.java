package org.govhall.supervision;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.govhall.calendar.WorkingCalendar;
import org.govhall.calendar.YearNotLoadedException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * When a stage turns yellow or red. Yellow when at most
 * {@code govhall.cases.warning-days} working days remain (default 2), the threshold the
 * case pages and work lists colour their clocks by (ADR 0028), overridable per stage with
 * {@code govhall.supervision.yellow-days.acceptance}, {@code .decision}, {@code .opinion}
 * and {@code .delivery}; red when today is after the due date. A suspended clock, a case
 * without a running clock and a due date (or today) in a year whose calendar is not
 * loaded give no warning and no remaining days.
 */
@Component
class WarningRules {

	private final Map<Stage, Integer> yellowDays = new EnumMap<>(Stage.class);

	WarningRules(SupervisionSettings settings) {
		Map<Stage, Integer> perStage = settings.supervision().yellowDays();
		for (Stage stage : Stage.values()) {
			yellowDays.put(stage, perStage.getOrDefault(stage, settings.cases().warningDays()));
		}
	}

	int yellowDays(Stage stage) {
		return yellowDays.get(stage);
	}

	Evaluation evaluate(Stage stage, @Nullable LocalDate due, boolean suspended, LocalDate today,
			WorkingCalendar calendar) {
		if (stage == Stage.NONE || due == null || suspended || !calendar.isLoaded(due.getYear())) {
			return Evaluation.QUIET;
		}
		int remaining;
		try {
			// a "today" in a year whose schedule is missing counts those days on weekends
			// only (warnings only)
			remaining = calendar.countWorkingDaysForWarnings(today, due);
		}
		catch (YearNotLoadedException ex) {
			return Evaluation.QUIET;
		}
		if (today.isAfter(due)) {
			return new Evaluation(Warning.RED, remaining);
		}
		return new Evaluation(remaining <= yellowDays(stage) ? Warning.YELLOW : Warning.NONE, remaining);
	}

	/**
	 * A warning with the working days left (negative: overdue by that many), or none when
	 * nothing can be said.
	 */
	record Evaluation(Warning warning, @Nullable Integer remaining) {

		static final Evaluation QUIET = new Evaluation(Warning.NONE, null);

	}

}
