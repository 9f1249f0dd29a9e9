package org.govhall.supervision.delegation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.govhall.catalog.DelegationMode;
import org.govhall.directory.AccountDraft;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.NotFoundException;
import org.govhall.support.ApiClient;
import org.govhall.support.ApiClient.Response;
import org.govhall.support.GovHallTest;
import org.govhall.support.MovableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Delegated-power tracking (扩权强县 跟踪督查) of 青川县 (660221) against a hand-written fixture in
 * {@code supervision_case}: every figure and both flags, positive and negative, worked
 * out by hand below; the REST answer; and who may see it (403, 404, 400 as problem
 * details).
 *
 * <p>
 * The demo catalog delegates four powers to 青川县: {@value #FOOD} 食品经营许可 (carried in the
 * county by {@value #COUNTY_FOOD}, named by code), {@value #CHANGE} 企业变更登记 (carried by
 * {@value #COUNTY_CHANGE} 企业变更登记（青川县承接）, named by code: the names differ),
 * {@value #INVEST} 企业投资项目核准 (no counterpart) and {@value #LABOUR} 劳务派遣经营许可 (no
 * counterpart, and recorded by the county as not yet taken on).
 *
 * <p>
 * Period 2026-01-01 to 2026-06-30; the 6-month window runs from 2025-12-31 to 2026-06-30.
 * <ul>
 * <li>{@value #FOOD}: county received 01, 02, 03, 06 = 4 (04 before the period, 05 after
 * it); above 07, 08 = 2 (09 is 石门县's applicant, 10 the city's, 11 before the period, 20
 * refused by the city naming the county's office: sent where it belongs, so shown apart
 * as redirected and not counted); local share 4/6 = 66.7%; decided in the period 01 (on
 * time), 02, 04 (late) = 1/3 = 33.3% (07 is the city's); last county case 06 on
 * 2026-06-01; 4 county cases in the window: no flag (above share 2/6 is not over
 * 0.5).</li>
 * <li>{@value #CHANGE}: counted from 2026-02-01 (12 is earlier); county 16, 17, 18 = 3
 * under its own item of another name; above 13, 14, 15 = 3; local share 50%: not over the
 * threshold, so not 下放不到位; taken on, but in force only since 2026-02-01, after the window
 * start: not 放而不用 either.</li>
 * <li>{@value #INVEST}, {@value #LABOUR}: no case at all; in force for the whole window,
 * but not taken on (no counterpart; 劳务派遣 also recorded as not yet taken on): 未承接, neither
 * 放而不用 nor 下放不到位.</li>
 * <li>Totals: county 7, above 5, local share 7/12 = 58.3%, on time 1/3 = 33.3%, no 下放不到位,
 * no 放而不用, 2 未承接, 1 redirected.</li>
 * </ul>
 */
@GovHallTest
class DelegationTrackingTests {

	static final String COUNTY = "660221";

	/** 食品经营许可 of 北山市行政审批服务局, delegated to 青川县 from 2025-07-01 (北政发〔2025〕7号). */
	static final String FOOD = "660200-XK-00102";

	/** 青川县行政审批服务局's own 食品经营许可: the county item that carries the power. */
	static final String COUNTY_FOOD = "660221-XK-00201";

	/** 企业变更登记 of 北山市市场监督管理局, delegated to 青川县 from 2026-02-01 (北政发〔2026〕2号). */
	static final String CHANGE = "660200-XK-00201";

	/** 青川县市场监督管理局's 企业变更登记（青川县承接）: the counterpart the delegation names by code. */
	static final String COUNTY_CHANGE = "660221-XK-00202";

	/**
	 * 企业投资项目核准 of the provincial 发展和改革委员会, delegated from 2025-03-01; no county item, no
	 * case.
	 */
	static final String INVEST = "660000-XK-00101";

	/**
	 * 劳务派遣经营许可 of the provincial 人力资源和社会保障厅, delegated from 2025-01-01; no county item,
	 * no case.
	 */
	static final String LABOUR = "660000-XK-00801";

	static final String PREFIX = "DELEG-T-";

	static void insert(JdbcClient jdbc) {
		delete(jdbc);
		// 食品经营许可 handled in the county under its own item
		row(jdbc, "01", COUNTY_FOOD, "660221-XZSP", "660221", "660221", "2026-02-10", "2026-02-20", true);
		row(jdbc, "02", COUNTY_FOOD, "660221-XZSP", "660221", "660221", "2026-03-05", "2026-03-30", false);
		row(jdbc, "03", COUNTY_FOOD, "660221-XZSP", "660221", "660221", "2026-05-20", null, null);
		// received before the period, decided in it: counts for the on-time rate, not as
		// received
		row(jdbc, "04", COUNTY_FOOD, "660221-XZSP", "660221", "660221", "2025-12-15", "2026-01-05", false);
		// after the period
		row(jdbc, "05", COUNTY_FOOD, "660221-XZSP", "660221", "660221", "2026-07-10", null, null);
		// a county department under the delegated item's own code (the case handling
		// cannot produce it today)
		row(jdbc, "06", FOOD, "660221-XZSP", "660221", "660221", "2026-06-01", null, null);
		// 食品经营许可 still handled by the city
		row(jdbc, "07", FOOD, "660200-XZSP", "660200", "660221", "2026-01-20", "2026-02-01", true);
		row(jdbc, "08", FOOD, "660200-XZSP", "660200", "660221", "2026-04-01", null, null);
		row(jdbc, "09", FOOD, "660200-XZSP", "660200", "660222", "2026-04-02", null, null);
		row(jdbc, "10", FOOD, "660200-XZSP", "660200", "660200", "2026-04-03", null, null);
		row(jdbc, "11", FOOD, "660200-XZSP", "660200", "660221", "2025-11-01", "2025-11-20", true);
		// 企业变更登记 of county applicants, all handled by the city; the first before the
		// delegation took effect
		row(jdbc, "12", CHANGE, "660200-SCJG", "660200", "660221", "2026-01-15", null, null);
		row(jdbc, "13", CHANGE, "660200-SCJG", "660200", "660221", "2026-03-02", null, null);
		row(jdbc, "14", CHANGE, "660200-SCJG", "660200", "660221", "2026-04-10", null, null);
		row(jdbc, "15", CHANGE, "660200-SCJG", "660200", "660221", "2026-05-11", "2026-05-20", true);
		// 企业变更登记 handled in the county under its counterpart of another name
		row(jdbc, "16", COUNTY_CHANGE, "660221-SCJG", "660221", "660221", "2026-02-10", null, null);
		row(jdbc, "17", COUNTY_CHANGE, "660221-SCJG", "660221", "660221", "2026-03-10", null, null);
		row(jdbc, "18", COUNTY_CHANGE, "660221-SCJG", "660221", "660221", "2026-05-12", null, null);
		// a 青川县 applicant who applied to the city and was refused, told to apply to the
		// county's office
		row(jdbc, "20", FOOD, "660200-XZSP", "660200", "660221", "2026-04-05", null, null);
		jdbc.sql("UPDATE supervision_case SET state = 'REFUSED', stage = 'NONE', stage_rank = 9, closed_on = :on,"
				+ " redirected = TRUE WHERE case_number = :n")
			.param("on", java.sql.Date.valueOf("2026-04-07"))
			.param("n", PREFIX + "20")
			.update();
	}

	static void delete(JdbcClient jdbc) {
		jdbc.sql("DELETE FROM supervision_case WHERE case_number LIKE :p").param("p", PREFIX + "%").update();
	}

	private static void row(JdbcClient jdbc, String n, String item, String department, String region,
			String applicantRegion, String received, @Nullable String decided, @Nullable Boolean onTime) {
		boolean closed = decided != null;
		Timestamp at = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
		jdbc.sql("""
				INSERT INTO supervision_case (case_number, item_code, department_code, region_code, applicant_region,
				       state, stage, stage_rank, suspended, received_on, last_event_at, warning, revision,
				       updated_at, decided_on, on_time, closed_on)
				VALUES (:number, :item, :department, :region, :applicantRegion, :state, :stage, :rank, FALSE,
				       :received, :at, 'NONE', 0, :at, :decided, :onTime, :closed)
				""")
			.param("number", PREFIX + n)
			.param("item", item)
			.param("department", department)
			.param("region", region)
			.param("applicantRegion", applicantRegion)
			.param("state", closed ? "DELIVERED" : "ACCEPTED")
			.param("stage", closed ? "NONE" : "DECISION")
			.param("rank", closed ? 9 : 2)
			.param("received", java.sql.Date.valueOf(LocalDate.parse(received)))
			.param("at", at)
			.param("decided", decided == null ? null : java.sql.Date.valueOf(LocalDate.parse(decided)),
					java.sql.Types.DATE)
			.param("onTime", onTime, java.sql.Types.BOOLEAN)
			.param("closed", decided == null ? null : java.sql.Date.valueOf(LocalDate.parse(decided)),
					java.sql.Types.DATE)
			.update();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DelegationTracking tracking;

	@Autowired
	Directory directory;

	@Autowired
	MovableClock.Moving clock;

	ApiClient api;

	@BeforeEach
	void fixture() {
		api = new ApiClient(port);
		clock.set("2026-06-30T10:00:00");
		insert(jdbc);
	}

	@AfterEach
	void cleanUp() {
		delete(jdbc);
	}

	GovHallUser as(String username) {
		return directory.principal(username).orElseThrow();
	}

	static Map<String, DelegationOverview.Power> byItem(DelegationOverview o) {
		return o.powers().stream().collect(Collectors.toMap(DelegationOverview.Power::itemCode, Function.identity()));
	}

	@Test
	void listsThePowersDelegatedToTheCountyWithTheirDelegation() {
		DelegationOverview o = tracking.track(as("supervisor"), COUNTY, "2026-01-01", "2026-06-30");
		assertThat(o.county().nameZh()).isEqualTo("青川县");
		assertThat(o.powers()).extracting(DelegationOverview.Power::itemCode)
			.containsExactly(INVEST, LABOUR, FOOD, CHANGE);
		DelegationOverview.Power food = byItem(o).get(FOOD);
		assertThat(food.itemNameZh()).isEqualTo("食品经营许可");
		assertThat(food.departmentCode()).isEqualTo("660200-XZSP");
		assertThat(food.departmentRegionCode()).isEqualTo("660200");
		assertThat(food.mode()).isEqualTo(DelegationMode.DIRECT);
		assertThat(food.effectiveOn()).isEqualTo(LocalDate.of(2025, 7, 1));
		assertThat(food.documentNo()).isEqualTo("北政发〔2025〕7号");
		assertThat(food.countyItemCodes()).containsExactly(COUNTY_FOOD);
		assertThat(food.takenOn()).isTrue();
		DelegationOverview.Power invest = byItem(o).get(INVEST);
		assertThat(invest.departmentCode()).isEqualTo("660000-FGW");
		assertThat(invest.documentNo()).isEqualTo("示政发〔2025〕12号");
		assertThat(invest.countyItemCodes()).isEmpty();
		assertThat(invest.takenOn()).isFalse();
		assertThat(invest.notTakenOnReason()).isNull();
		// the counterpart is found by code although its name is not the delegated item's
		DelegationOverview.Power change = byItem(o).get(CHANGE);
		assertThat(change.countyItemCodes()).containsExactly(COUNTY_CHANGE);
		assertThat(change.counterpartNameZh()).isEqualTo("企业变更登记（青川县承接）");
		assertThat(change.counterpartDepartmentNameZh()).isEqualTo("青川县市场监督管理局");
		assertThat(change.takenOn()).isTrue();
		// recorded by the county as not yet taken on (demo data)
		DelegationOverview.Power labour = byItem(o).get(LABOUR);
		assertThat(labour.takenOn()).isFalse();
		assertThat(labour.notTakenOnReason()).contains("尚未完成培训");
		assertThat(labour.notTakenOnTarget()).isEqualTo(LocalDate.of(2027, 6, 30));
		// 660100-XK-02001 食品经营许可 is delegated to 东湖县 and 城关区, not to 青川县
		assertThat(byItem(o)).doesNotContainKey("660100-XK-02001");
		assertThat(o.from()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(o.to()).isEqualTo(LocalDate.of(2026, 6, 30));
		assertThat(o.idleMonths()).isEqualTo(6);
		assertThat(o.idleFrom()).isEqualTo(LocalDate.of(2025, 12, 31));
		assertThat(o.aboveShareThreshold()).isEqualTo(0.5);
	}

	@Test
	void aPowerHandledInTheCountyCountsItsCasesAndRaisesNoFlag() {
		DelegationOverview.Power food = byItem(tracking.track(as("supervisor"), COUNTY, "2026-01-01", "2026-06-30"))
			.get(FOOD);
		assertThat(food.countedFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(food.inForce()).isTrue();
		assertThat(food.countyReceived()).isEqualTo(4);
		assertThat(food.aboveReceived()).isEqualTo(2);
		assertThat(food.redirectedAbove()).as("20: refused, naming the county's office").isEqualTo(1);
		assertThat(food.localShare()).isCloseTo(4.0 / 6, within(1e-9));
		assertThat(food.localSharePercent()).isEqualTo("66.7%");
		assertThat(food.countyDecided()).isEqualTo(3);
		assertThat(food.countyOnTime()).isEqualTo(1);
		assertThat(food.onTimeRate()).isCloseTo(1.0 / 3, within(1e-9));
		assertThat(food.onTimePercent()).isEqualTo("33.3%");
		assertThat(food.lastCountyCase()).isEqualTo(LocalDate.of(2026, 6, 1));
		assertThat(food.idleWindowReceived()).isEqualTo(4);
		assertThat(food.idleApplies()).isTrue();
		assertThat(food.notDelegatedInPractice()).isFalse();
		assertThat(food.delegatedButUnused()).isFalse();
	}

	@Test
	void aCountyItemOfAnotherNameNamedByCodeCountsAsTheCountysHandling() {
		DelegationOverview.Power change = byItem(tracking.track(as("supervisor"), COUNTY, "2026-01-01", "2026-06-30"))
			.get(CHANGE);
		assertThat(change.effectiveOn()).isEqualTo(LocalDate.of(2026, 2, 1));
		assertThat(change.countedFrom()).isEqualTo(LocalDate.of(2026, 2, 1));
		assertThat(change.countyReceived()).isEqualTo(3);
		assertThat(change.aboveReceived()).isEqualTo(3);
		assertThat(change.localSharePercent()).isEqualTo("50%");
		assertThat(change.countyDecided()).isZero();
		assertThat(change.onTimeRate()).isNull();
		assertThat(change.onTimePercent()).isEqualTo("—");
		assertThat(change.lastCountyCase()).isEqualTo(LocalDate.of(2026, 5, 12));
		// as many in the county as above: not more above than the threshold allows
		assertThat(change.notDelegatedInPractice()).isFalse();
		// in force since 2026-02-01 only, so the 6 months from 2025-12-31 are not yet its
		// to judge
		assertThat(change.idleApplies()).isFalse();
		assertThat(change.delegatedButUnused()).isFalse();
	}

	@Test
	void countyApplicantsStillServedByTheCityAreNotDelegatedInPracticeButRedirectsDoNotCount() {
		// the county's own cases of 企业变更登记 withdrawn from the fixture: only the city's 3
		// remain
		jdbc.sql("DELETE FROM supervision_case WHERE item_code = :c AND case_number LIKE :p")
			.param("c", COUNTY_CHANGE)
			.param("p", PREFIX + "%")
			.update();
		DelegationOverview.Power change = byItem(tracking.track(as("supervisor"), COUNTY, "2026-01-01", "2026-06-30"))
			.get(CHANGE);
		assertThat(change.countyReceived()).isZero();
		assertThat(change.aboveReceived()).isEqualTo(3);
		assertThat(change.localSharePercent()).isEqualTo("0%");
		assertThat(change.notDelegatedInPractice()).isTrue();
		// the city refuses each of them, naming the county's office: sent where they
		// belong, nothing is handled above
		jdbc.sql("UPDATE supervision_case SET redirected = TRUE WHERE item_code = :c AND case_number LIKE :p")
			.param("c", CHANGE)
			.param("p", PREFIX + "%")
			.update();
		change = byItem(tracking.track(as("supervisor"), COUNTY, "2026-01-01", "2026-06-30")).get(CHANGE);
		assertThat(change.aboveReceived()).isZero();
		assertThat(change.redirectedAbove()).isEqualTo(3);
		assertThat(change.localShare()).isNull();
		assertThat(change.notDelegatedInPractice()).isFalse();
	}

	@Test
	void powersTheCountyHasNotTakenOnAreNotTakenOnNotUnused() {
		Map<String, DelegationOverview.Power> powers = byItem(
				tracking.track(as("supervisor"), COUNTY, "2026-01-01", "2026-06-30"));
		for (String code : List.of(INVEST, LABOUR)) {
			DelegationOverview.Power p = powers.get(code);
			assertThat(p.countyReceived()).as(code).isZero();
			assertThat(p.aboveReceived()).as(code).isZero();
			assertThat(p.localShare()).as(code).isNull();
			assertThat(p.idleWindowReceived()).as(code).isZero();
			assertThat(p.idleApplies()).as(code).isTrue();
			assertThat(p.notTakenOn()).as(code).isTrue();
			assertThat(p.delegatedButUnused()).as(code).isFalse();
			assertThat(p.notDelegatedInPractice()).as(code).isFalse();
			assertThat(p.clean()).as(code).isFalse();
		}
	}

	@Test
	void aPowerIsUnusedOnlyOnceTheCountyHasTakenItOn() {
		// 2027-01-01 to 2027-03-31, window from 2026-10-01: no county case of any power
		// in it
		Map<String, DelegationOverview.Power> powers = byItem(
				tracking.track(as("supervisor"), COUNTY, null, "2027-03-31"));
		assertThat(powers.get(FOOD).delegatedButUnused()).as("taken on, idle").isTrue();
		assertThat(powers.get(CHANGE).delegatedButUnused()).as("taken on, idle").isTrue();
		assertThat(powers.get(INVEST).delegatedButUnused()).as("no counterpart").isFalse();
		assertThat(powers.get(LABOUR).delegatedButUnused()).as("recorded as not yet taken on").isFalse();
		assertThat(DelegationTracking.delegatedButUnused(true, true, 0)).isTrue();
		assertThat(DelegationTracking.delegatedButUnused(false, true, 0)).isFalse();
		assertThat(DelegationTracking.delegatedButUnused(true, false, 0)).isFalse();
		assertThat(DelegationTracking.delegatedButUnused(true, true, 1)).isFalse();
	}

	@Test
	void theTotalsAddUpThePowers() {
		DelegationOverview.Totals t = tracking.track(as("supervisor"), COUNTY, "2026-01-01", "2026-06-30").totals();
		assertThat(t.powers()).isEqualTo(4);
		assertThat(t.countyReceived()).isEqualTo(7);
		assertThat(t.aboveReceived()).isEqualTo(5);
		assertThat(t.localShare()).isCloseTo(7.0 / 12, within(1e-9));
		assertThat(t.localSharePercent()).isEqualTo("58.3%");
		assertThat(t.countyDecided()).isEqualTo(3);
		assertThat(t.countyOnTime()).isEqualTo(1);
		assertThat(t.onTimePercent()).isEqualTo("33.3%");
		assertThat(t.notDelegatedInPractice()).isZero();
		assertThat(t.delegatedButUnused()).isZero();
		assertThat(t.notTakenOn()).isEqualTo(2);
		assertThat(t.redirectedAbove()).isEqualTo(1);
	}

	@Test
	void aCountyWhoseLastCaseIsOlderThanSixMonthsBeforeThePeriodEndLeavesThePowerUnused() {
		// 2027-01-01 to 2027-03-31: the window runs from 2026-10-01; the county's last
		// 食品经营许可 came on 2026-07-10
		DelegationOverview o = tracking.track(as("supervisor"), COUNTY, null, "2027-03-31");
		assertThat(o.from()).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(o.idleFrom()).isEqualTo(LocalDate.of(2026, 10, 1));
		DelegationOverview.Power food = byItem(o).get(FOOD);
		assertThat(food.countyReceived()).isZero();
		assertThat(food.aboveReceived()).isZero();
		assertThat(food.lastCountyCase()).isEqualTo(LocalDate.of(2026, 7, 10));
		assertThat(food.idleWindowReceived()).isZero();
		assertThat(food.delegatedButUnused()).isTrue();
		assertThat(food.notDelegatedInPractice()).isFalse();
		// in force since 2026-02-01, before the window: now it can be unused, and is
		assertThat(byItem(o).get(CHANGE).idleApplies()).isTrue();
		assertThat(byItem(o).get(CHANGE).lastCountyCase()).isEqualTo(LocalDate.of(2026, 5, 12));
		assertThat(byItem(o).get(CHANGE).delegatedButUnused()).isTrue();
		// the two powers not taken on are not counted as unused
		assertThat(o.totals().delegatedButUnused()).isEqualTo(2);
		assertThat(o.totals().notTakenOn()).isEqualTo(2);
	}

	@Test
	void theRollupShowsEachCityWithItsCountiesTotalsInTheUsersScope() {
		DelegationRollup province = tracking.rollup(as("supervisor"), "2026-01-01", "2026-06-30");
		assertThat(province.scope().code()).isEqualTo("660000");
		assertThat(province.cities()).extracting(c -> c.city().code()).containsExactly("660100", "660200");
		DelegationRollup.City beishan = province.cities().get(1);
		// each county of 北山市 in the directory (the demo's two, and any a test added)
		assertThat(beishan.counties()).extracting(c -> c.county().code())
			.containsExactlyElementsOf(countiesOf("660200"))
			.startsWith("660221", "660222");
		DelegationOverview.Totals qingchuan = beishan.counties().get(0).totals();
		DelegationOverview.Totals direct = tracking.track(as("supervisor"), COUNTY, "2026-01-01", "2026-06-30")
			.totals();
		assertThat(qingchuan).isEqualTo(direct);
		DelegationOverview.Totals shimen = beishan.counties().get(1).totals();
		// the city's totals are the sums of its counties', rates from the sums
		assertThat(beishan.totals().powers()).isEqualTo(qingchuan.powers() + shimen.powers());
		assertThat(beishan.totals().countyReceived()).isEqualTo(qingchuan.countyReceived() + shimen.countyReceived());
		assertThat(beishan.totals().aboveReceived()).isEqualTo(qingchuan.aboveReceived() + shimen.aboveReceived());
		assertThat(beishan.totals().notTakenOn()).isEqualTo(qingchuan.notTakenOn() + shimen.notTakenOn());
		// 09 is 石门县's applicant handled by the city
		assertThat(shimen.aboveReceived()).isEqualTo(1);
		assertThat(province.totals().powers())
			.isEqualTo(province.cities().get(0).totals().powers() + beishan.totals().powers());
		// 北山市's supervisor sees its own city only
		DelegationRollup city = tracking.rollup(as("supervisor-bs"), "2026-01-01", "2026-06-30");
		assertThat(city.cities()).extracting(c -> c.city().code()).containsExactly("660200");
		assertThat(city.cities().get(0).totals()).isEqualTo(beishan.totals());
		assertThatThrownBy(() -> tracking.rollup(as("clerk"), null, null)).isInstanceOf(ForbiddenException.class);
		Response r = api.get("/api/v1/supervision/delegations/rollup?from=2026-01-01&to=2026-06-30", "supervisor-bs");
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.json().get("cities").get(0).get("counties").get(0).get("totals").get("countyReceived").asLong())
			.isEqualTo(7);
		problem(api.get("/api/v1/supervision/delegations/rollup?from=2026-07-01&to=2026-06-30", "supervisor-bs"), 400);
	}

	@Test
	void aDelegationNotYetInForceCountsNothing() {
		DelegationOverview.Power change = byItem(tracking.track(as("supervisor"), COUNTY, "2026-01-01", "2026-01-31"))
			.get(CHANGE);
		assertThat(change.inForce()).isFalse();
		assertThat(change.aboveReceived()).isZero();
		assertThat(change.notDelegatedInPractice()).isFalse();
		assertThat(change.delegatedButUnused()).isFalse();
	}

	@Test
	void withoutDatesThePeriodRunsFromNewYearToToday() {
		DelegationOverview o = tracking.track(as("supervisor"), COUNTY, null, null);
		assertThat(o.from()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(o.to()).isEqualTo(LocalDate.of(2026, 6, 30));
		assertThat(byItem(o).get(FOOD).countyReceived()).isEqualTo(4);
		assertThat(byItem(o).get(CHANGE).aboveReceived()).isEqualTo(3);
		assertThat(byItem(o).get(CHANGE).countyReceived()).isEqualTo(3);
	}

	@Test
	void theApiAnswersTheSameFiguresAsJson() {
		Response r = api.get("/api/v1/supervision/delegations?county=660221&from=2026-01-01&to=2026-06-30",
				"supervisor");
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode json = r.json();
		assertThat(json.get("county").get("code").asString()).isEqualTo(COUNTY);
		assertThat(json.get("from").asString()).isEqualTo("2026-01-01");
		assertThat(json.get("aboveShareThreshold").asDouble()).isEqualTo(0.5);
		JsonNode food = null;
		JsonNode change = null;
		for (JsonNode p : json.get("powers")) {
			if (p.get("itemCode").asString().equals(FOOD)) {
				food = p;
			}
			if (p.get("itemCode").asString().equals(CHANGE)) {
				change = p;
			}
		}
		assertThat(food).isNotNull();
		assertThat(change).isNotNull();
		assertThat(food.get("countyReceived").asLong()).isEqualTo(4);
		assertThat(food.get("aboveReceived").asLong()).isEqualTo(2);
		assertThat(food.get("localShare").asDouble()).isCloseTo(4.0 / 6, within(1e-9));
		assertThat(food.get("onTimeRate").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
		assertThat(food.get("effectiveOn").asString()).isEqualTo("2025-07-01");
		assertThat(food.get("documentNo").asString()).isEqualTo("北政发〔2025〕7号");
		assertThat(food.get("notDelegatedInPractice").asBoolean()).isFalse();
		assertThat(food.get("delegatedButUnused").asBoolean()).isFalse();
		assertThat(food.get("redirectedAbove").asLong()).isEqualTo(1);
		assertThat(food.get("takenOn").asBoolean()).isTrue();
		assertThat(change.get("notDelegatedInPractice").asBoolean()).isFalse();
		assertThat(change.get("countyItemCodes").get(0).asString()).isEqualTo(COUNTY_CHANGE);
		assertThat(change.get("onTimeRate").isNull()).isTrue();
		assertThat(json.get("totals").get("aboveReceived").asLong()).isEqualTo(5);
		assertThat(json.get("totals").get("delegatedButUnused").asInt()).isZero();
		assertThat(json.get("totals").get("notTakenOn").asInt()).isEqualTo(2);
	}

	@Test
	void supervisorsOfTheCountysRegionOrAboveMaySeeItAndAdministratorsNever() {
		assertThat(api.get("/api/v1/supervision/delegations?county=660221", "supervisor").status()).isEqualTo(200);
		// 北山市's supervisor: 青川县 lies below, 东湖县 (示范市) does not
		assertThat(api.get("/api/v1/supervision/delegations?county=660221", "supervisor-bs").status()).isEqualTo(200);
		problem(api.get("/api/v1/supervision/delegations?county=660121", "supervisor-bs"), 403);
		// administrators hold no supervision powers (issue 12)
		problem(api.get("/api/v1/supervision/delegations?county=660221", "admin"), 403);
		problem(api.get("/api/v1/supervision/delegations?county=660221", "admin-bs"), 403);
		if (!directory.accountExists("supervisor-qcx")) {
			directory.openAccount(new AccountDraft("supervisor-qcx", ApiClient.DEMO_PASSWORD, "青川县监察",
					Set.of(Role.SUPERVISOR), COUNTY, null));
		}
		assertThat(api.get("/api/v1/supervision/delegations?county=660221", "supervisor-qcx").status()).isEqualTo(200);
		problem(api.get("/api/v1/supervision/delegations?county=660222", "supervisor-qcx"), 403);
		assertThat(tracking.counties(as("supervisor-qcx"))).extracting(r -> r.code()).containsExactly(COUNTY);
		assertThat(tracking.counties(as("supervisor-bs"))).extracting(r -> r.code())
			.containsExactlyElementsOf(countiesOf("660200"))
			.startsWith("660221", "660222");
	}

	@Test
	void otherRolesAndDepartmentBoundScopesAreRefused() {
		problem(api.get("/api/v1/supervision/delegations?county=660221", "deptadmin-qc"), 403);
		problem(api.get("/api/v1/supervision/delegations?county=660221", "clerk"), 403);
		problem(api.get("/api/v1/supervision/delegations?county=660221", "applicant"), 403);
		assertThat(api.get("/api/v1/supervision/delegations?county=660221", null).status()).isEqualTo(401);
		if (!directory.accountExists("supervisor-scjg")) {
			directory.openAccount(new AccountDraft("supervisor-scjg", ApiClient.DEMO_PASSWORD, "市场监管监察",
					Set.of(Role.SUPERVISOR), "660200", "660200-SCJG"));
		}
		problem(api.get("/api/v1/supervision/delegations?county=660221", "supervisor-scjg"), 403);
		assertThatThrownBy(() -> tracking.counties(as("clerk"))).isInstanceOf(ForbiddenException.class);
	}

	@Test
	void anUnknownCountyIsNotFoundAndACityOrAMalformedRequestIsRefused() {
		JsonNode missing = problem(api.get("/api/v1/supervision/delegations?county=669999", "supervisor"), 404);
		assertThat(missing.get("detail").asString()).contains("669999");
		JsonNode city = problem(api.get("/api/v1/supervision/delegations?county=660200", "supervisor"), 400);
		assertThat(city.get("type").asString()).isEqualTo("urn:govhall:problem:not-a-county");
		problem(api.get("/api/v1/supervision/delegations?county=66022x", "supervisor"), 400);
		problem(api.get("/api/v1/supervision/delegations", "supervisor"), 400);
		JsonNode date = problem(api.get("/api/v1/supervision/delegations?county=660221&from=2026-13-01", "supervisor"),
				400);
		assertThat(date.get("type").asString()).isEqualTo("urn:govhall:problem:invalid-date");
		JsonNode period = problem(
				api.get("/api/v1/supervision/delegations?county=660221&from=2026-07-01&to=2026-06-30", "supervisor"),
				400);
		assertThat(period.get("type").asString()).isEqualTo("urn:govhall:problem:invalid-period");
		assertThatThrownBy(() -> tracking.track(as("supervisor"), "669999", null, null))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> tracking.track(as("supervisor"), "660000", null, null))
			.isInstanceOf(InvalidInputException.class);
	}

	static JsonNode problem(Response r, int status) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		assertThat(r.contentType()).startsWith("application/problem+json");
		JsonNode json = r.json();
		assertThat(json.get("status").asInt()).isEqualTo(status);
		assertThat(json.get("detail").asString()).isNotBlank();
		return json;
	}

	/** The codes of a city's counties in the directory, in order. */
	private List<String> countiesOf(String city) {
		return directory.children(city).stream().map(r -> r.code()).sorted().toList();
	}

}
