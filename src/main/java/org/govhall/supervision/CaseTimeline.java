package org.govhall.supervision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A case drilled down for supervision: its row, every recorded step with how long the
 * case then stayed where that step left it (and with whom), the joint-review
 * sub-deadlines, and the irregularities, cards, notices and accountability on it.
 */
record CaseTimeline(SupervisedCase supervised, List<Held> steps, List<SubClock> subClocks,
		List<Irregularity> irregularities, List<Card> cards, List<Notice> notices,
		List<Accountability> accountabilities, @Nullable Awaited awaited) {

	/**
	 * A recorded step of the case; an act of procedure inside the review names its step
	 * (ADR 0030).
	 */
	public record Step(Instant at, String action, String actor, String role, String state, @Nullable String step) {

		/** The bundle key of what happened: the action's, or an act's step's. */
		public String actionKey() {
			return step == null ? "CaseAction." + action : "step." + step;
		}

	}

	/**
	 * The act of procedure the case waits for, by when, and whether it is the
	 * department's duty (a hearing) or the parties' (statements).
	 */
	public record Awaited(String step, @Nullable LocalDate due, boolean duty, @Nullable Integer remainingWorkingDays,
			boolean overdue) {
	}

	/**
	 * A step and how long the case stayed after it, until the next step (or until now
	 * while open).
	 */
	public record Held(Step step, Duration heldFor, @Nullable String nextActor, boolean current) {

		public long hours() {
			return heldFor.toHours();
		}

		public long days() {
			return heldFor.toDays();
		}

	}

	/** A joint-review co-department's sub-deadline. */
	public record SubClock(String departmentCode, @Nullable LocalDate dueOn, @Nullable LocalDate answeredOn,
			boolean late, Warning warning, @Nullable Integer remainingWorkingDays) {
	}

	static List<Held> held(List<Step> steps, boolean open, Instant now) {
		List<Held> held = new ArrayList<>(steps.size());
		for (int i = 0; i < steps.size(); i++) {
			Step s = steps.get(i);
			boolean last = i == steps.size() - 1;
			Instant until = last ? (open ? now : s.at()) : steps.get(i + 1).at();
			held.add(new Held(s,
					Duration.between(s.at(), until).isNegative() ? Duration.ZERO : Duration.between(s.at(), until),
					last ? null : steps.get(i + 1).actor(), last && open));
		}
		return held;
	}

}
