package org.govhall.supervision.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.govhall.shared.ForbiddenException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.NotFoundException;
import org.govhall.supervision.Warning;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Every dashboard figure of the fixture ({@link DashboardTests}) against values computed
 * by hand, at each level of the drill-down and month by month, and who may see which
 * table.
 */
class DashboardFiguresTests extends DashboardTests {

	static final LocalDate PERIOD_FROM = LocalDate.parse(FROM);

	static final LocalDate PERIOD_TO = LocalDate.parse(TO);

	DashboardReport report(String user, @Nullable String region, @Nullable String department, @Nullable String item,
			@Nullable DashboardCaseFilter figure) {
		return dashboards.report(as(user),
				new Dashboards.Request(region, department, item, PERIOD_FROM, PERIOD_TO, figure), Locale.CHINA);
	}

	static DashboardRow row(List<DashboardRow> rows, String code) {
		return rows.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code));
	}

	@Test
	void theProvinceCountsEveryCaseOfThePeriodAndSplitsItIntoItsCitiesAndItsOwnDepartments() {
		DashboardReport province = report("supervisor", null, null, null, null);

		assertThat(province.level()).isEqualTo(DashboardReport.Level.REGION);
		assertThat(province.total().code()).isEqualTo("660000");
		assertThat(province.total().name()).isEqualTo("示范省");
		// received in March–May: DASH01 02 03 04 06 07 08 09 10 11 = 10 (DASH05 came in
		// February, DASH12 in June);
		// instant: DASH03 = 1 (1/10 = 0.1000); online: DASH01 03 08 10 11 = 5 (5/10 =
		// 0.5000)
		// completed (decided in March–May): DASH01 02 03 05 07 08 09 = 7 (DASH06 was
		// decided in June)
		// on time: all but DASH02 and DASH09 = 5 (5/7 = 0.71428… → 0.7143); early: DASH01
		// 05 08 = 3 (3/7 → 0.4286)
		// visits 0+2+0+0+1+0+3 = 6 (6/7 = 0.857 → 0.86); actual days 6+14+0+8+5+10+25 =
		// 68 (68/7 = 9.714 → 9.71)
		// promised 10+10+10+5+15+15 = 65 over 6 cases, DASH03 has none (10.833 → 10.83)
		// statutory 20+20+15+20+20+30+20 = 145 over 7 (20.714 → 20.71); ratio
		// (65/6)/(145/7) = 455/870 = 0.52299
		// overdue: completed late DASH02 09 = 2; open and red, received in the period:
		// DASH04 11 = 2 (DASH02 is open
		// and red too but already counted as completed late; DASH12 came in June)
		// cards issued March–May: C1 C2 C3 C4 = 4, red C1 C4 = 2 (C5 was issued in June)
		assertFigures(province.total().figures(), """
				received=10, completed=7, onTime=5, early=3, instant=1, online=5, onTimeRate=0.7143, earlyRate=0.4286,
				instantShare=0.1000, onlineShare=0.5000, averageVisits=0.86, averageActualDays=9.71,
				averagePromisedDays=10.83, averageStatutoryDays=20.71, compressionRatio=0.5230, overdue=4,
				overdueCompleted=2, overdueOpen=2, cards=4, redCards=2""");

		assertThat(province.regions()).extracting(DashboardRow::code).containsExactly("660100", "660200");
		// 示范市 with its counties: received DASH01 02 03 04 06 07 08 = 7, instant DASH03,
		// online DASH01 03 08 = 3
		// (3/7 = 0.42857), instant 1/7 = 0.14286; completed DASH01 02 03 05 07 08 = 6, on
		// time 5 (0.8333),
		// early DASH01 05 08 = 3 (0.5000); visits 0+2+0+0+1+0 = 3 (0.50); actual
		// 6+14+0+8+5+10 = 43 (7.1667)
		// promised 10+10+10+5+15 = 50 over 5 (10.00); statutory 20+20+15+20+20+30 = 125
		// over 6 (20.8333)
		// ratio 10/20.8333 = 0.4800; overdue DASH02 (late) + DASH04 (open, red) = 2;
		// cards C1 C2 C4, red C1 C4
		assertFigures(row(province.regions(), "660100").figures(), """
				received=7, completed=6, onTime=5, early=3, instant=1, online=3, onTimeRate=0.8333, earlyRate=0.5000,
				instantShare=0.1429, onlineShare=0.4286, averageVisits=0.50, averageActualDays=7.17,
				averagePromisedDays=10.00, averageStatutoryDays=20.83, compressionRatio=0.4800, overdue=2,
				overdueCompleted=1, overdueOpen=1, cards=3, redCards=2""");
		// 北山市 through 青川县: received DASH09 11 = 2, online DASH11; completed DASH09 late:
		// 25 days against 15
		// promised and 20 statutory (15/20 = 0.75), 3 visits; DASH11 is open and red;
		// card C3 (yellow)
		assertFigures(row(province.regions(), "660200").figures(), """
				received=2, completed=1, onTime=0, early=0, instant=0, online=1, onTimeRate=0.0000, earlyRate=0.0000,
				instantShare=0.0000, onlineShare=0.5000, averageVisits=3.00, averageActualDays=25.00,
				averagePromisedDays=15.00, averageStatutoryDays=20.00, compressionRatio=0.7500, overdue=2,
				overdueCompleted=1, overdueOpen=1, cards=1, redCards=0""");

		// the province's own departments: DASH10 was received online and withdrawn, so
		// nothing was completed
		assertThat(province.departments()).extracting(DashboardRow::code).contains("660000-SCJG", "660000-FGW");
		assertFigures(row(province.departments(), "660000-SCJG").figures(), """
				received=1, completed=0, onTime=0, early=0, instant=0, online=1, onTimeRate=-, earlyRate=-,
				instantShare=0.0000, onlineShare=1.0000, averageVisits=-, averageActualDays=-, averagePromisedDays=-,
				averageStatutoryDays=-, compressionRatio=-, overdue=0, overdueCompleted=0, overdueOpen=0, cards=0,
				redCards=0""");
		assertThat(row(province.departments(), "660000-FGW").figures().received()).isZero();
		assertThat(province.path()).extracting(DashboardPlace::code).containsExactly("660000");
	}

	@Test
	void aCityShowsItsCountiesAndItsOwnDepartmentsAndAddsUpToItsRowOneLevelUp() {
		DashboardReport city = report("supervisor", "660100", null, null, null);

		assertThat(city.path()).extracting(DashboardPlace::code).containsExactly("660000", "660100");
		assertThat(city.regions()).extracting(DashboardRow::code).containsExactly("660102", "660121");
		assertThat(row(city.regions(), "660102").figures().received()).isZero();
		assertThat(row(city.regions(), "660102").figures().onTimeRate()).isNull();
		// 东湖县: DASH08 online, decided on time and early in 10 days against 15 promised
		// and 30 statutory
		assertFigures(row(city.regions(), "660121").figures(), """
				received=1, completed=1, onTime=1, early=1, instant=0, online=1, onTimeRate=1.0000, earlyRate=1.0000,
				instantShare=0.0000, onlineShare=1.0000, averageVisits=0.00, averageActualDays=10.00,
				averagePromisedDays=15.00, averageStatutoryDays=30.00, compressionRatio=0.5000, overdue=0,
				overdueCompleted=0, overdueOpen=0, cards=0, redCards=0""");
		// 市场监管局: received DASH01 02 03 04 06 = 5, instant DASH03, online DASH01 03 = 2;
		// completed DASH01 02 03
		// 05 = 4, on time DASH01 03 05 = 3, early DASH01 05 = 2; visits 0+2+0+0 = 2
		// (0.50); actual 6+14+0+8 = 28
		// (7.00); promised 10+10+10 over 3 (10.00); statutory 20+20+15+20 = 75 over 4
		// (18.75); 10/18.75 = 0.5333;
		// overdue DASH02 + DASH04; cards C1 (red) and C2 (C5 came in June)
		assertFigures(row(city.departments(), SCJG).figures(), """
				received=5, completed=4, onTime=3, early=2, instant=1, online=2, onTimeRate=0.7500, earlyRate=0.5000,
				instantShare=0.2000, onlineShare=0.4000, averageVisits=0.50, averageActualDays=7.00,
				averagePromisedDays=10.00, averageStatutoryDays=18.75, compressionRatio=0.5333, overdue=2,
				overdueCompleted=1, overdueOpen=1, cards=2, redCards=1""");
		// 公安局: DASH07 at a window, 5 days against 5 promised (on time, not early), one
		// visit; card C4 on no case
		assertFigures(row(city.departments(), "660100-GAJ").figures(), """
				received=1, completed=1, onTime=1, early=0, instant=0, online=0, onTimeRate=1.0000, earlyRate=0.0000,
				instantShare=0.0000, onlineShare=0.0000, averageVisits=1.00, averageActualDays=5.00,
				averagePromisedDays=5.00, averageStatutoryDays=20.00, compressionRatio=0.2500, overdue=0,
				overdueCompleted=0, overdueOpen=0, cards=1, redCards=1""");

		DashboardReport province = report("supervisor", null, null, null, null);
		assertThat(city.total().figures()).isEqualTo(row(province.regions(), "660100").figures());
	}

	@Test
	void aCountyHasNoChildRegionsAndListsItsDepartments() {
		DashboardReport county = report("supervisor", "660221", null, null, null);

		assertThat(county.regions()).isEmpty();
		assertThat(county.departments()).extracting(DashboardRow::code).contains("660221-SCJG", "660221-XZSP");
		assertThat(row(county.departments(), "660221-SCJG").figures())
			.isEqualTo(row(report("supervisor", null, null, null, null).regions(), "660200").figures());
	}

	@Test
	void aDepartmentShowsEachOfItsItemsWithTheCatalogName() {
		DashboardReport department = report("supervisor", null, SCJG, null, null);

		assertThat(department.level()).isEqualTo(DashboardReport.Level.DEPARTMENT);
		assertThat(department.path()).extracting(DashboardPlace::code).containsExactly("660000", "660100", SCJG);
		DashboardRow food = row(department.items(), FOOD);
		assertThat(food.name()).isEqualTo("食品经营许可");
		// 食品经营许可: received DASH01 02 04 06 = 4, online DASH01; completed DASH01 02 05 =
		// 3, on time and early
		// DASH01 05 = 2 (2/3 = 0.6667); visits 0+2+0 = 2 (0.67); actual 6+14+8 = 28
		// (9.33); promised 30/3, statutory
		// 60/3; overdue DASH02 (late) + DASH04 (open, red); cards C1 on DASH02 (red), C2
		// on DASH04
		assertFigures(food.figures(), """
				received=4, completed=3, onTime=2, early=2, instant=0, online=1, onTimeRate=0.6667, earlyRate=0.6667,
				instantShare=0.0000, onlineShare=0.2500, averageVisits=0.67, averageActualDays=9.33,
				averagePromisedDays=10.00, averageStatutoryDays=20.00, compressionRatio=0.5000, overdue=2,
				overdueCompleted=1, overdueOpen=1, cards=2, redCards=1""");
		// 企业设立登记: DASH03, an instant item decided the day it came in online; nothing was
		// promised
		assertFigures(row(department.items(), ENTERPRISE).figures(), """
				received=1, completed=1, onTime=1, early=0, instant=1, online=1, onTimeRate=1.0000, earlyRate=0.0000,
				instantShare=1.0000, onlineShare=1.0000, averageVisits=0.00, averageActualDays=0.00,
				averagePromisedDays=-, averageStatutoryDays=15.00, compressionRatio=-, overdue=0, overdueCompleted=0,
				overdueOpen=0, cards=0, redCards=0""");
		// the department's other published items are listed too, with nothing counted
		assertThat(row(department.items(), "660100-XK-02003").figures().received()).isZero();
		assertThat(department.total().figures())
			.isEqualTo(row(report("supervisor", "660100", null, null, null).departments(), SCJG).figures());

		// card C4 names no case: it counts for 公安局 as a whole but for none of its items
		DashboardReport police = report("supervisor", null, "660100-GAJ", null, null);
		assertThat(police.total().figures().cards()).isEqualTo(1);
		assertThat(row(police.items(), HUKOU).figures().cards()).isZero();
		assertThat(row(police.items(), HUKOU).figures().completed()).isEqualTo(1);
	}

	@Test
	void anItemListsTheCasesBehindEachFigure() {
		DashboardReport all = report("supervisor", null, SCJG, FOOD, null);

		assertThat(all.level()).isEqualTo(DashboardReport.Level.ITEM);
		assertThat(all.figure()).isEqualTo(DashboardCaseFilter.ALL);
		assertThat(all.total().name()).isEqualTo("食品经营许可");
		assertThat(all.path()).extracting(DashboardPlace::code).containsExactly("660000", "660100", SCJG, FOOD);
		assertThat(all.total().figures())
			.isEqualTo(row(report("supervisor", null, SCJG, null, null).items(), FOOD).figures());
		// received or decided in March–May, newest received first; DASH12 (June) is not
		// one of them
		assertThat(all.cases()).extracting(DashboardCase::caseNumber)
			.containsExactly(number(6), number(4), number(2), number(1), number(5));
		assertThat(all.casesTruncated()).isFalse();
		DashboardCase late = all.cases().get(2);
		assertThat(late.overdue()).isTrue();
		assertThat(late.onTime()).isFalse();
		assertThat(late.actualDays()).isEqualTo(14);
		assertThat(late.visits()).isEqualTo(2);
		assertThat(late.warning()).isEqualTo(Warning.RED);
		assertThat(all.cases().get(3).overdue()).isFalse();
		// DASH06 was decided late, but in June: not overdue in this period
		assertThat(all.cases().get(0).overdue()).isFalse();

		assertThat(report("supervisor", null, SCJG, FOOD, DashboardCaseFilter.RECEIVED).cases())
			.extracting(DashboardCase::caseNumber)
			.containsExactly(number(6), number(4), number(2), number(1));
		assertThat(report("supervisor", null, SCJG, FOOD, DashboardCaseFilter.COMPLETED).cases())
			.extracting(DashboardCase::caseNumber)
			.containsExactly(number(2), number(1), number(5));
		assertThat(report("supervisor", null, SCJG, FOOD, DashboardCaseFilter.OVERDUE).cases())
			.extracting(DashboardCase::caseNumber)
			.containsExactly(number(4), number(2));
		// as many overdue cases as the overdue figure
		assertThat(report("supervisor", null, SCJG, FOOD, DashboardCaseFilter.OVERDUE).cases())
			.hasSize((int) all.total().figures().overdue());

		// across a region, without naming the department
		assertThat(report("supervisor", "660100", null, FOOD, DashboardCaseFilter.OVERDUE).cases())
			.extracting(DashboardCase::caseNumber)
			.containsExactly(number(4), number(2));
		assertThat(report("supervisor", "660200", null, FOOD, null).cases()).isEmpty();
	}

	@Test
	void theTrendCountsEachFigureByTheMonthOfItsOwnDate() {
		DashboardTrend trend = dashboards.trend(as("supervisor"),
				new Dashboards.Request(null, null, null, PERIOD_FROM, PERIOD_TO, null), Locale.CHINA);

		assertThat(trend.months()).extracting(m -> m.month().toString())
			.containsExactly("2019-03", "2019-04", "2019-05");
		DashboardFigures march = trend.months().get(0).figures();
		// March: received DASH01 02 07 (online DASH01 → 1/3); decided DASH01 05 07, all
		// on time, early DASH01 05;
		// visits 0+0+1 (0.33), actual 6+8+5 = 19 (6.33), promised 10+10+5 = 25 (8.33),
		// statutory 60 (20.00),
		// ratio 8.333/20 = 0.4167; nothing overdue (DASH02 is counted in April when it
		// was decided late); card C4
		assertFigures(march, """
				received=3, completed=3, onTime=3, early=2, instant=0, online=1, onTimeRate=1.0000, earlyRate=0.6667,
				instantShare=0.0000, onlineShare=0.3333, averageVisits=0.33, averageActualDays=6.33,
				averagePromisedDays=8.33, averageStatutoryDays=20.00, compressionRatio=0.4167, overdue=0,
				overdueCompleted=0, overdueOpen=0, cards=1, redCards=1""");
		// April: received DASH03 08 09 (instant DASH03, online DASH03 08); decided DASH02
		// (late) 03 08, on time
		// DASH03 08, early DASH08; visits 2+0+0 (0.67); actual 14+0+10 = 24 (8.00);
		// promised 10+15 over 2 (12.50);
		// statutory 20+15+30 = 65 over 3 (21.67); ratio 12.5/21.667 = 0.5769; overdue
		// DASH02; card C1
		assertFigures(trend.months().get(1).figures(), """
				received=3, completed=3, onTime=2, early=1, instant=1, online=2, onTimeRate=0.6667, earlyRate=0.3333,
				instantShare=0.3333, onlineShare=0.6667, averageVisits=0.67, averageActualDays=8.00,
				averagePromisedDays=12.50, averageStatutoryDays=21.67, compressionRatio=0.5769, overdue=1,
				overdueCompleted=1, overdueOpen=0, cards=1, redCards=1""");
		// May: received DASH04 06 10 11 (online DASH10 11); decided DASH09 late (25 days,
		// 3 visits); open and red
		// DASH04 11; cards C2 C3, both yellow
		assertFigures(trend.months().get(2).figures(), """
				received=4, completed=1, onTime=0, early=0, instant=0, online=2, onTimeRate=0.0000, earlyRate=0.0000,
				instantShare=0.0000, onlineShare=0.5000, averageVisits=3.00, averageActualDays=25.00,
				averagePromisedDays=15.00, averageStatutoryDays=20.00, compressionRatio=0.7500, overdue=3,
				overdueCompleted=1, overdueOpen=2, cards=2, redCards=0""");
		assertThat(trend.months().stream().mapToLong(m -> m.figures().received()).sum())
			.isEqualTo(report("supervisor", null, null, null, null).total().figures().received());

		DashboardTrend food = dashboards.trend(as("supervisor"),
				new Dashboards.Request(null, SCJG, FOOD, PERIOD_FROM, PERIOD_TO, null), Locale.CHINA);
		// 食品经营许可 by month received: DASH01 02 in March, none in April, DASH04 06 in May
		assertThat(food.months()).extracting(m -> m.figures().received()).containsExactly(2L, 0L, 2L);
	}

	@Test
	void withoutDatesTheDashboardCountsFromNewYearToToday() {
		// the clock stands at 2019-06-01: everything but DASH12 (received 06-03) came in
		// this year;
		// DASH06 was decided on 06-10, after today; card C5 is dated 06-15
		DashboardReport report = dashboards.report(as("supervisor"),
				new Dashboards.Request(null, null, null, null, null, null), Locale.CHINA);

		assertThat(report.period()).isEqualTo(new DashboardPeriod(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 6, 1)));
		assertThat(report.total().figures().received()).isEqualTo(11);
		assertThat(report.total().figures().completed()).isEqualTo(7);
		assertThat(report.total().figures().cards()).isEqualTo(4);
	}

	@Test
	void supervisorsSeeTheirRegionAndBelowAndDepartmentAdministratorsTheirOwnDepartment() {
		// 北山市's supervisor: not 示范市, nor the province
		assertThatThrownBy(() -> report("supervisor-bs", "660100", null, null, null))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> report("supervisor-bs", "660000", null, null, null))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> report("supervisor-bs", null, SCJG, null, null))
			.isInstanceOf(ForbiddenException.class);
		DashboardReport beishan = report("supervisor-bs", null, null, null, null);
		assertThat(beishan.total().code()).isEqualTo("660200");
		assertThat(beishan.path()).extracting(DashboardPlace::code).containsExactly("660200");
		assertThat(beishan.total().figures().received()).isEqualTo(2);

		// 示范市市场监管局's administrator: the own department only, even without asking
		DashboardReport own = report("deptadmin", null, null, null, null);
		assertThat(own.level()).isEqualTo(DashboardReport.Level.DEPARTMENT);
		assertThat(own.total().code()).isEqualTo(SCJG);
		assertThat(own.path()).extracting(DashboardPlace::code).containsExactly(SCJG);
		assertThat(own.total().figures().received()).isEqualTo(5);
		assertThat(report("deptadmin", null, null, FOOD, null).cases()).hasSize(5);
		assertThatThrownBy(() -> report("deptadmin", "660100", null, null, null))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> report("deptadmin", null, "660100-GAJ", null, null))
			.isInstanceOf(ForbiddenException.class);
		// 青川县市场监管局's administrator: DASH09 and DASH11, and nothing of 示范市
		assertThat(report("deptadmin-qc", null, null, null, null).total().figures().received()).isEqualTo(2);
		assertThatThrownBy(() -> report("deptadmin-qc", null, SCJG, FOOD, null)).isInstanceOf(ForbiddenException.class);

		// other staff and applicants see no dashboard
		assertThatThrownBy(() -> report("clerk", null, null, null, null)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> report("reviewer", null, null, null, null)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> report("applicant", null, null, null, null)).isInstanceOf(ForbiddenException.class);
	}

	@Test
	void unknownOrMalformedRegionsDepartmentsItemsAndPeriodsAreRefused() {
		assertThatThrownBy(() -> report("supervisor", "669999", null, null, null))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> report("supervisor", "66A", null, null, null))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> report("supervisor", null, "660100-NONE", null, null))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> report("supervisor", null, SCJG, "660100-XK-99999", null))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> report("supervisor", null, SCJG, "no such item!", null))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> report("supervisor", "660200", SCJG, null, null))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> dashboards.report(as("supervisor"),
				new Dashboards.Request(null, null, null, LocalDate.of(2019, 6, 1), LocalDate.of(2019, 5, 31), null),
				Locale.CHINA))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> dashboards.report(as("supervisor"),
				new Dashboards.Request(null, null, null, LocalDate.of(2000, 1, 1), LocalDate.of(2019, 5, 31), null),
				Locale.CHINA))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void namesFollowTheLanguage() {
		DashboardReport en = dashboards.report(as("supervisor"),
				new Dashboards.Request(null, SCJG, null, PERIOD_FROM, PERIOD_TO, null), Locale.ENGLISH);
		assertThat(row(en.items(), FOOD).name()).isEqualTo("Food Business License");
		assertThat(en.path()).extracting(DashboardPlace::name).startsWith("Demo Province", "Demo City");
	}

}
