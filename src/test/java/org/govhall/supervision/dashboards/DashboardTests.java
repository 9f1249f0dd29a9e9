package org.govhall.supervision.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.supervision.DailySums;
import org.govhall.support.GovHallTest;
import org.govhall.support.MovableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboards' hand-made fixture, written straight into the supervision read model:
 * twelve cases and five cards of 2019 (a year no other test touches), with case numbers
 * ({@code …-2019-DASHnn}) and card numbers ({@code DASH-Cn}) that real numbering never
 * produces. The clock stands at 2019-06-01.
 *
 * <pre>
 * case    item (department, region)          channel mode     received decided  closed   on-time early act prom stat visits warning
 * DASH01  food   (660100-SCJG, 660100)        ONLINE  PROMISED 03-04    03-15    03-18    yes     yes    6   10   20   0      NONE
 * DASH02  food   (660100-SCJG, 660100)        WINDOW  PROMISED 03-10    04-20    open     no      no     14  10   20   2      RED
 * DASH03  enterprise (660100-SCJG, 660100)    ONLINE  INSTANT  04-01    04-01    04-01    yes     no     0   -    15   0      NONE
 * DASH04  food   (660100-SCJG, 660100)        AGENT   PROMISED 05-20    -        open     -       -      -   10   20   1      RED
 * DASH05  food   (660100-SCJG, 660100)        ONLINE  PROMISED 02-20    03-05    03-06    yes     yes    8   10   20   0      NONE
 * DASH06  food   (660100-SCJG, 660100)        WINDOW  PROMISED 05-25    06-10    06-12    no      no     12  10   20   1      NONE
 * DASH07  hukou  (660100-GAJ, 660100)         WINDOW  PROMISED 03-12    03-20    03-20    yes     no     5   5    20   1      NONE
 * DASH08  idcard (660121-GAJ, 660121)         ONLINE  PROMISED 04-08    04-28    04-29    yes     yes    10  15   30   0      NONE
 * DASH09  shop   (660221-SCJG, 660221)        WINDOW  PROMISED 04-15    05-30    open     no      no     25  15   20   3      NONE
 * DASH10  boiler (660000-SCJG, 660000)        ONLINE  PROMISED 05-06    -        05-08    -       -      -   15   20   0      NONE (withdrawn)
 * DASH11  shop   (660221-SCJG, 660221)        ONLINE  PROMISED 05-28    -        open     -       -      -   15   20   0      RED
 * DASH12  food   (660100-SCJG, 660100)        WINDOW  PROMISED 06-03    -        open     -       -      -   10   20   1      RED
 *
 * card  colour  department   region  case    issued
 * C1    RED     660100-SCJG  660100  DASH02  04-22
 * C2    YELLOW  660100-SCJG  660100  DASH04  05-28
 * C3    YELLOW  660221-SCJG  660221  DASH09  05-31
 * C4    RED     660100-GAJ   660100  -       03-01
 * C5    RED     660100-SCJG  660100  DASH06  06-15
 * </pre>
 *
 * The tests count the period 2019-03-01 to 2019-05-31 ({@link #FROM}, {@link #TO}) unless
 * they say otherwise.
 */
@GovHallTest
abstract class DashboardTests {

	static final String FROM = "2019-03-01";

	static final String TO = "2019-05-31";

	/** 食品经营许可 of 示范市市场监督管理局. */
	static final String FOOD = "660100-XK-02001";

	/** 企业设立登记, an instant item of the same department. */
	static final String ENTERPRISE = "660100-XK-02002";

	/** 户口迁入登记 of 示范市公安局. */
	static final String HUKOU = "660100-QR-03001";

	static final String SCJG = "660100-SCJG";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock.Moving clock;

	@Autowired
	Directory directory;

	@Autowired
	Dashboards dashboards;

	@Autowired
	MockMvc mvc;

	static String number(int n) {
		return "660100-2019-DASH%02d".formatted(n);
	}

	GovHallUser as(String username) {
		return directory.principal(username).orElseThrow();
	}

	@BeforeEach
	void insertFixture() {
		clock.set("2019-06-01T10:00:00");
		removeFixture();
		kase(1, FOOD, SCJG, "660100", "ONLINE", "PROMISED", "03-04", "03-15", "03-18", "DELIVERED", true, true, 6, 10,
				20, 0, "NONE");
		kase(2, FOOD, SCJG, "660100", "WINDOW", "PROMISED", "03-10", "04-20", null, "DECIDED", false, false, 14, 10, 20,
				2, "RED");
		kase(3, ENTERPRISE, SCJG, "660100", "ONLINE", "INSTANT", "04-01", "04-01", "04-01", "DELIVERED", true, false, 0,
				null, 15, 0, "NONE");
		kase(4, FOOD, SCJG, "660100", "AGENT", "PROMISED", "05-20", null, null, "ACCEPTED", null, null, null, 10, 20, 1,
				"RED");
		kase(5, FOOD, SCJG, "660100", "ONLINE", "PROMISED", "02-20", "03-05", "03-06", "DELIVERED", true, true, 8, 10,
				20, 0, "NONE");
		kase(6, FOOD, SCJG, "660100", "WINDOW", "PROMISED", "05-25", "06-10", "06-12", "DELIVERED", false, false, 12,
				10, 20, 1, "NONE");
		kase(7, HUKOU, "660100-GAJ", "660100", "WINDOW", "PROMISED", "03-12", "03-20", "03-20", "DELIVERED", true,
				false, 5, 5, 20, 1, "NONE");
		kase(8, "660121-QT-00201", "660121-GAJ", "660121", "ONLINE", "PROMISED", "04-08", "04-28", "04-29", "DELIVERED",
				true, true, 10, 15, 30, 0, "NONE");
		kase(9, "660221-XK-00101", "660221-SCJG", "660221", "WINDOW", "PROMISED", "04-15", "05-30", null, "DECIDED",
				false, false, 25, 15, 20, 3, "NONE");
		kase(10, "660000-XK-00201", "660000-SCJG", "660000", "ONLINE", "PROMISED", "05-06", null, "05-08", "WITHDRAWN",
				null, null, null, 15, 20, 0, "NONE");
		kase(11, "660221-XK-00101", "660221-SCJG", "660221", "ONLINE", "PROMISED", "05-28", null, null, "RECEIVED",
				null, null, null, 15, 20, 0, "RED");
		kase(12, FOOD, SCJG, "660100", "WINDOW", "PROMISED", "06-03", null, null, "ACCEPTED", null, null, null, 10, 20,
				1, "RED");
		card(1, "RED", SCJG, "660100", number(2), "04-22");
		card(2, "YELLOW", SCJG, "660100", number(4), "05-28");
		card(3, "YELLOW", "660221-SCJG", "660221", number(9), "05-31");
		card(4, "RED", "660100-GAJ", "660100", null, "03-01");
		card(5, "RED", SCJG, "660100", number(6), "06-15");
		// rows written straight into the read model: the daily sums are recomputed, as
		// after a bulk load
		rollup.rebuild();
	}

	/**
	 * Puts the shared clock back where {@link MovableClock} starts it, for the next test
	 * of this class.
	 */
	@AfterEach
	void restoreClock() {
		clock.reset();
	}

	@AfterEach
	void removeFixture() {
		jdbc.sql("DELETE FROM supervision_card WHERE card_number LIKE 'DASH-C%'").update();
		jdbc.sql("DELETE FROM supervision_case WHERE case_number LIKE '660100-2019-DASH%'").update();
		rollup.rebuild();
	}

	@Autowired
	DailySums rollup;

	private void kase(int n, String item, String department, String region, String channel, String mode,
			String received, @Nullable String decided, @Nullable String closed, String state, @Nullable Boolean onTime,
			@Nullable Boolean early, @Nullable Integer actual, @Nullable Integer promised, @Nullable Integer statutory,
			int visits, String warning) {
		jdbc.sql("""
				INSERT INTO supervision_case (case_number, item_code, department_code, region_code, applicant_region,
				       state, stage, stage_rank, suspended, received_on, last_event_at, warning, revision, updated_at,
				       channel, processing_mode, decided_on, closed_on, on_time, early, actual_days, promised_days,
				       statutory_days, visits, on_the_spot)
				VALUES (:number, :item, :department, :region, :region, :state, :stage, :rank, FALSE, :received, :at,
				       :warning, 0, :at, :channel, :mode, :decided, :closed, :onTime, :early, :actual, :promised,
				       :statutory, :visits, :onTheSpot)
				""")
			.param("number", number(n))
			.param("item", item)
			.param("department", department)
			.param("region", region)
			.param("state", state)
			.param("stage", closed != null ? "NONE" : decided != null ? "DELIVERY" : "DECISION")
			.param("rank", closed != null ? 9 : decided != null ? 4 : 2)
			.param("received", date(received), Types.DATE)
			.param("at", Timestamp.valueOf("2019-06-01 10:00:00"), Types.TIMESTAMP)
			.param("warning", warning)
			.param("channel", channel)
			.param("mode", mode)
			// an instant item decided the day it came in was decided on the spot
			.param("onTheSpot", "INSTANT".equals(mode) && received.equals(decided))
			.param("decided", date(decided), Types.DATE)
			.param("closed", date(closed), Types.DATE)
			.param("onTime", onTime, Types.BOOLEAN)
			.param("early", early, Types.BOOLEAN)
			.param("actual", actual, Types.INTEGER)
			.param("promised", promised, Types.INTEGER)
			.param("statutory", statutory, Types.INTEGER)
			.param("visits", visits)
			.update();
	}

	private void card(int n, String colour, String department, String region, @Nullable String caseNumber,
			String issued) {
		jdbc.sql("""
				INSERT INTO supervision_card (card_number, colour, status, department_code, region_code, case_number,
				       cause, reason, issued_on, issued_by, answer_due, level_region, version)
				VALUES (:number, :colour, 'ISSUED', :department, :region, :caseNumber, 'OVERDUE', 'dashboard fixture',
				       :issued, 'supervisor', :issued, '660000', 0)
				""")
			.param("number", "DASH-C" + n)
			.param("colour", colour)
			.param("department", department)
			.param("region", region)
			.param("caseNumber", caseNumber, Types.VARCHAR)
			.param("issued", date(issued), Types.DATE)
			.update();
	}

	/**
	 * Asserts every figure of a row against a hand-computed list such as
	 * {@code "received=10, onTimeRate=0.7143,
	 * compressionRatio=-"}: all twenty figures must be named, "-" stands for none, and
	 * rates and averages are compared with their scale (four and two decimals).
	 */
	static void assertFigures(DashboardFigures figures, String expected) {
		Map<String, String> want = new LinkedHashMap<>();
		for (String pair : expected.split(",")) {
			String[] kv = pair.strip().split("=");
			want.put(kv[0].strip(), kv[1].strip());
		}
		Map<String, String> got = new LinkedHashMap<>();
		for (RecordComponent c : DashboardFigures.class.getRecordComponents()) {
			try {
				Object v = c.getAccessor().invoke(figures);
				got.put(c.getName(), v == null ? "-" : v instanceof BigDecimal d ? d.toPlainString() : v.toString());
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		assertThat(want.keySet()).as("figures named by the test").containsExactlyInAnyOrderElementsOf(got.keySet());
		assertThat(got).isEqualTo(want);
	}

	private static @Nullable Date date(@Nullable String monthDay) {
		return monthDay == null ? null : Date.valueOf(LocalDate.parse("2019-" + monthDay));
	}

}
