package org.govhall.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * ADR 0034: a step reads the supervised case's row again, to move the daily sums, only
 * when it may have moved what the case adds to them. {@link SupervisedCases#keeps} says
 * whether a written row leaves that as it was: any change of the day of receipt, place,
 * item, channel, on-the-spot mark, day of decision or limits must send it to the row.
 */
class DailySumsKeptTests {

	static final LocalDate RECEIVED = LocalDate.parse("2026-09-30");

	static final LocalDate DECIDED = LocalDate.parse("2026-10-12");

	static DailySums.Received received(int instant) {
		return new DailySums.Received(RECEIVED, "660100", "660100-SCJG", "660100-XK-02001", instant, 1);
	}

	static DailySums.Contribution open() {
		return new DailySums.Contribution(received(0), null);
	}

	static DailySums.Contribution decided() {
		return new DailySums.Contribution(received(0),
				new DailySums.Completed(DECIDED, "660100", "660100-SCJG", "660100-XK-02001", 1, 0, 0, 0, 8, 10, 20));
	}

	static Map<String, @Nullable Object> row() {
		Map<String, @Nullable Object> row = new HashMap<>();
		row.put("receivedOn", RECEIVED);
		row.put("region", "660100");
		row.put("department", "660100-SCJG");
		row.put("item", "660100-XK-02001");
		row.put("onTheSpot", false);
		row.put("channel", "ONLINE");
		row.put("decidedOn", null);
		row.put("promisedDays", 10);
		row.put("statutoryDays", 20);
		return row;
	}

	static Map<String, @Nullable Object> with(String key, @Nullable Object value) {
		Map<String, @Nullable Object> row = row();
		row.put(key, value);
		return row;
	}

	@Test
	void aStepThatMovesNothingThereKeepsTheContribution() {
		assertThat(SupervisedCases.keeps(open(), row())).isTrue();
		assertThat(SupervisedCases.keeps(decided(), row())).as("a later step of a decided case").isTrue();
		assertThat(SupervisedCases.keeps(decided(), with("decidedOn", DECIDED))).isTrue();
		assertThat(SupervisedCases.keeps(new DailySums.Contribution(received(1), null), row()))
			.as("on the spot stays marked")
			.isTrue();
	}

	@Test
	void anyChangeOfWhatTheSumsCountSendsTheStepToTheRow() {
		for (var change : Map
			.of("receivedOn", LocalDate.parse("2026-10-08"), "region", "660102", "department", "660100-GAJ", "item",
					"660100-XK-09999", "onTheSpot", true, "channel", "WINDOW")
			.entrySet()) {
			assertThat(SupervisedCases.keeps(open(), with(change.getKey(), change.getValue())))
				.as("open case, " + change.getKey())
				.isFalse();
			assertThat(SupervisedCases.keeps(decided(), with(change.getKey(), change.getValue())))
				.as("decided case, " + change.getKey())
				.isFalse();
		}
		assertThat(SupervisedCases.keeps(open(), with("decidedOn", DECIDED))).as("decided now").isFalse();
		assertThat(SupervisedCases.keeps(decided(), with("decidedOn", LocalDate.parse("2026-10-13")))).isFalse();
		assertThat(SupervisedCases.keeps(decided(), with("promisedDays", 5))).isFalse();
		assertThat(SupervisedCases.keeps(decided(), with("statutoryDays", 15))).isFalse();
	}

}
