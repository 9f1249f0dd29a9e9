package org.govhall.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

	/**
	 * A contribution on record, a row to write, and whether the sums stay as they were.
	 */
	record Example(String name, DailySums.Contribution before, Map<String, @Nullable Object> row, boolean kept) {
	}

	/**
	 * The table both {@link SupervisedCases#keeps} and its SQL twin are held to
	 * ({@code KeepsSumsInSqlTests}).
	 */
	static List<Example> table() {
		List<Example> table = new ArrayList<>();
		table.add(new Example("a step that moves nothing there", open(), row(), true));
		table.add(new Example("a later step of a decided case", decided(), row(), true));
		table.add(new Example("the same decision again", decided(), with("decidedOn", DECIDED), true));
		table.add(new Example("on the spot stays marked", new DailySums.Contribution(received(1), null), row(), true));
		Map<String, Object> changes = new TreeMap<>(
				Map.of("receivedOn", LocalDate.parse("2026-10-08"), "region", "660102", "department", "660100-GAJ",
						"item", "660100-XK-09999", "onTheSpot", true, "channel", "WINDOW"));
		changes.forEach((key, value) -> {
			table.add(new Example("open case, " + key, open(), with(key, value), false));
			table.add(new Example("decided case, " + key, decided(), with(key, value), false));
		});
		table.add(new Example("decided now", open(), with("decidedOn", DECIDED), false));
		table.add(new Example("decided on another day", decided(), with("decidedOn", LocalDate.parse("2026-10-13")),
				false));
		table.add(new Example("another promised limit", decided(), with("promisedDays", 5), false));
		table.add(new Example("another statutory limit", decided(), with("statutoryDays", 15), false));
		return table;
	}

	@Test
	void aStepThatMovesNothingThereKeepsTheContributionAndAnyChangeOfWhatTheSumsCountSendsItToTheRow() {
		List<Example> table = table();
		assertThat(table).filteredOn(Example::kept).hasSize(4);
		for (Example e : table) {
			assertThat(SupervisedCases.keeps(e.before(), e.row())).as(e.name()).isEqualTo(e.kept());
		}
	}

}
