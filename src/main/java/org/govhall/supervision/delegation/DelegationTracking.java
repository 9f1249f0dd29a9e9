package org.govhall.supervision.delegation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.regex.Pattern;

import org.govhall.supervision.SupervisionSettings;
import org.govhall.catalog.Delegation;
import org.govhall.catalog.DelegationTakeUp;
import org.govhall.catalog.ItemGuide;
import org.govhall.catalog.NotTakenOn;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.RegionLevel;
import org.govhall.directory.RegionView;
import org.govhall.directory.Role;
import org.govhall.directory.StaffScope;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Tracking of the powers delegated to counties (扩权强县 跟踪督查): for each item a city or
 * provincial department delegated to a county, whether the county has taken it on, how
 * many cases the county received, how many cases of the county's applicants were still
 * handled above it, the county's on-time rate, and the flags 下放不到位 (delegated on paper,
 * handled above in practice), 放而不用 (taken on, but no county case for
 * {@value #IDLE_MONTHS} months) and the status 未承接 (the county has not taken the power
 * on).
 *
 * <p>
 * <b>Which powers.</b> The published, active items that list the county among their
 * delegations, read through {@link DelegationTakeUp#delegatedTo}: item code and name,
 * delegating department, mode, effective date, document, the county's counterpart item
 * and the county's record 尚未承接, if any. Abolished items and items delegated away entirely
 * are no longer searchable and are not tracked.
 *
 * <p>
 * <b>How a delegated power's cases look.</b> {@code CaseHandling.submit} copies the
 * item's published version into {@code CaseTerms}: the case's {@code item_code} is the
 * code applied under, and its {@code department_code} and {@code region_code} are always
 * that item's own department and the department's region. A case under the delegated
 * item's code is handled by the delegating (city or provincial) department. The county
 * exercises the power through an item of its own department, which the delegation names
 * by code ({@link Delegation#counterpartItemCode()}); its name may differ (青川县's
 * {@code 660221-XK-00202} 企业变更登记（青川县承接） carries 北山市's {@code 660200-XK-00201} 企业变更登记).
 * Names are never compared.
 *
 * <p>
 * <b>Taken on or not (承接).</b> The county has taken the power on when the delegation
 * names a counterpart item that is published and active and the county has not recorded
 * the power as not yet taken on (尚未承接, with a reason and a target date,
 * {@link DelegationTakeUp#markNotTakenOn}). Otherwise the power is 未承接: a status of its
 * own, never 放而不用.
 *
 * <p>
 * <b>Whose applicant.</b> {@code applicant_region} of a case is the region of the address
 * the applicant gave with the application; without one, for an enterprise the region of
 * its registration authority (from the credit code); only for a person without an
 * address, the identity number's prefix (see {@code CaseApplicant.region()}).
 *
 * <p>
 * <b>The figures</b>, read from {@code supervision_case} only (never from
 * {@code cases_*}), each counted from the later of the period start and the delegation's
 * effective date (cases handled above before the delegation are not the county's
 * shortfall) to the period end:
 * <ul>
 * <li><i>received by the county</i>: cases whose handling region is the county (or below
 * it) and whose item is the counterpart item, or the delegated item itself (which the
 * case handling does not produce today, but would be the county's if it ever did), by
 * {@code received_on};</li>
 * <li><i>handled above</i>: cases under the delegated item's code whose handling region
 * is not the county and whose applicant's region is the county or below it, by
 * {@code received_on}, except cases the department above refused (不予受理) naming the
 * competent authority ({@code redirected}): those sent the applicant to the county, as
 * they should, and are shown apart;</li>
 * <li><i>share handled locally</i>: county / (county + above);</li>
 * <li><i>county on-time rate</i>: of the county's cases decided in the period
 * ({@code decided_on}) whose {@code on_time} is known, the share decided on time;</li>
 * <li><i>下放不到位</i>: above / (county + above) exceeds
 * {@code govhall.supervision.delegation.above-share} (default 0.5: more of the county
 * applicants' cases handled above than in the county; 0 flags any case handled
 * above);</li>
 * <li><i>放而不用</i>: the county has taken the power on, the delegation was in force for the
 * whole {@value #IDLE_MONTHS} months before the period end, and the county received no
 * case of the power in them.</li>
 * </ul>
 *
 * <p>
 * <b>Who may see it.</b> Supervisors and system administrators whose scope is the
 * county's region or above it, and not bound to one department (the figures compare
 * departments of several levels). The roll-up ({@link #rollup}) gives every county of the
 * user's region with its totals, grouped by city.
 */
@Service
class DelegationTracking {

	/** Months without a county case after which a delegated power is 放而不用. */
	static final int IDLE_MONTHS = 6;

	/** The first and last days a period may name. */
	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	/**
	 * The longest period, in whole years: a tracking is read year by year, a report of
	 * decades is no report.
	 */
	static final int MAX_PERIOD_YEARS = 10;

	private static final Pattern REGION_CODE = Pattern.compile("[1-9]\\d{5}");

	private final JdbcClient jdbc;

	private final DelegationTakeUp takeUp;

	private final Directory directory;

	private final Clock clock;

	private final double aboveShare;

	DelegationTracking(JdbcClient jdbc, DelegationTakeUp takeUp, Directory directory, Clock clock,
			SupervisionSettings settings) {
		double aboveShare = settings.supervision().delegation().aboveShare();
		if (!(aboveShare >= 0 && aboveShare <= 1)) {
			throw new IllegalStateException(
					"govhall.supervision.delegation.above-share must lie between 0 and 1, not " + aboveShare);
		}
		this.jdbc = jdbc;
		this.takeUp = takeUp;
		this.directory = directory;
		this.clock = clock;
		this.aboveShare = aboveShare;
	}

	double aboveShare() {
		return aboveShare;
	}

	/**
	 * The counties the user may track, by code.
	 * @throws ForbiddenException unless the user is a supervisor or system administrator
	 * with a regional scope
	 */
	List<RegionView> counties(GovHallUser user) {
		String scopeRegion = requireRole(user);
		return directory.regions()
			.stream()
			.filter(r -> r.level() == RegionLevel.COUNTY && directory.isWithin(r.code(), scopeRegion))
			.toList();
	}

	/**
	 * The period asked for: both dates ISO ({@code 2026-06-30}); without an end, today;
	 * without a start, the first day of the end's year.
	 * @throws InvalidInputException when a date is malformed or the start lies after the
	 * end
	 */
	Period period(@Nullable String from, @Nullable String to) {
		LocalDate end = isBlank(to) ? LocalDate.now(clock) : date(to, "to");
		LocalDate start = isBlank(from) ? end.withDayOfYear(1) : date(from, "from");
		if (start.isAfter(end)) {
			throw new InvalidInputException("invalid-period", "error.delegation.period", "from", start, end);
		}
		if (ChronoUnit.YEARS.between(start, end) >= MAX_PERIOD_YEARS) {
			throw new InvalidInputException("invalid-period", "error.delegation.periodTooLong", "from",
					MAX_PERIOD_YEARS);
		}
		return new Period(start, end);
	}

	/**
	 * The tracking of every power delegated to the county over the period.
	 * @throws ForbiddenException unless the user may see the county (403)
	 * @throws InvalidInputException for a missing or malformed code, a region that is not
	 * a county, or a bad period (400)
	 * @throws NotFoundException for a county code that names no region (404)
	 */
	DelegationOverview track(GovHallUser user, @Nullable String countyCode, @Nullable String from,
			@Nullable String to) {
		String scopeRegion = requireRole(user);
		RegionView county = requireCounty(countyCode);
		if (!directory.isWithin(county.code(), scopeRegion)) {
			throw new ForbiddenException("error.delegation.scope", county.code());
		}
		return overview(county, period(from, to));
	}

	private DelegationOverview overview(RegionView county, Period period) {
		LocalDate idleFrom = period.to().minusMonths(IDLE_MONTHS).plusDays(1);
		Set<String> countyRegions = directory.regionAndBelow(county.code());
		List<DelegationOverview.Power> powers = new ArrayList<>();
		for (DelegationTakeUp.DelegatedPower p : takeUp.delegatedTo(county.code())) {
			powers.add(power(p.item(), p.delegation(), countyRegions, period, idleFrom));
		}
		powers.sort(Comparator.comparing(DelegationOverview.Power::itemCode));
		return new DelegationOverview(county, period.from(), period.to(), IDLE_MONTHS, idleFrom, aboveShare, powers,
				totals(powers));
	}

	/**
	 * Every county of the user's region with its totals over the period, grouped by city:
	 * a provincial scope sees every city of the province, a city scope its own city, a
	 * county scope its own county.
	 * @throws ForbiddenException unless the user is a supervisor or system administrator
	 * with a regional scope
	 * @throws InvalidInputException for a bad period (400)
	 */
	DelegationRollup rollup(GovHallUser user, @Nullable String from, @Nullable String to) {
		String scopeRegion = requireRole(user);
		Period period = period(from, to);
		// each county of the scope under its city (a county directly under the province,
		// 省直管县, under the province)
		Map<String, List<DelegationRollup.County>> byCity = new TreeMap<>();
		Map<String, RegionView> cityOf = new HashMap<>();
		for (RegionView county : directory.regions()) {
			if (county.level() != RegionLevel.COUNTY || !directory.isWithin(county.code(), scopeRegion)) {
				continue;
			}
			List<RegionView> lineage = directory.lineage(county.code());
			RegionView city = lineage.stream()
				.filter(r -> r.level() == RegionLevel.CITY)
				.findFirst()
				.orElse(lineage.get(lineage.size() - 1));
			cityOf.put(city.code(), city);
			byCity.computeIfAbsent(city.code(), k -> new ArrayList<>())
				.add(new DelegationRollup.County(county, overview(county, period).totals()));
		}
		List<DelegationRollup.City> cities = new ArrayList<>();
		byCity.forEach((code, counties) -> {
			counties.sort(Comparator.comparing(c -> c.county().code()));
			cities.add(new DelegationRollup.City(cityOf.get(code),
					DelegationOverview.Totals.sum(counties.stream().map(DelegationRollup.County::totals).toList()),
					counties));
		});
		RegionView scope = directory.requireRegion(scopeRegion);
		return new DelegationRollup(scope, period.from(), period.to(), IDLE_MONTHS, aboveShare, cities,
				DelegationOverview.Totals.sum(cities.stream().map(DelegationRollup.City::totals).toList()));
	}

	private DelegationOverview.Power power(ItemGuide guide, ItemGuide.DelegatedCounty dc, Set<String> countyRegions,
			Period period, LocalDate idleFrom) {
		Delegation d = dc.delegation();
		ItemGuide.Counterpart counterpart = dc.counterpart();
		NotTakenOn pending = dc.notTakenOn();
		LocalDate start = d.effectiveOn().isAfter(period.from()) ? d.effectiveOn() : period.from();
		boolean inForce = !d.effectiveOn().isAfter(period.to());
		Set<String> local = new LinkedHashSet<>();
		if (counterpart != null) {
			local.add(counterpart.code());
		}
		local.add(guide.code());
		String isLocal = "(region_code IN (:county) AND item_code IN (:local))";
		String isAbove = "(item_code = :item AND region_code NOT IN (:county) AND applicant_region IN (:county))";
		Counts c = jdbc.sql("""
				SELECT
				  COALESCE(SUM(CASE WHEN %1$s AND received_on BETWEEN :start AND :to THEN 1 ELSE 0 END), 0)
				    AS county_received,
				  COALESCE(SUM(CASE WHEN %2$s AND NOT redirected AND received_on BETWEEN :start AND :to
				    THEN 1 ELSE 0 END), 0) AS above_received,
				  COALESCE(SUM(CASE WHEN %2$s AND redirected AND received_on BETWEEN :start AND :to
				    THEN 1 ELSE 0 END), 0) AS redirected_above,
				  COALESCE(SUM(CASE WHEN %1$s AND decided_on BETWEEN :start AND :to AND on_time IS NOT NULL
				    THEN 1 ELSE 0 END), 0) AS county_decided,
				  COALESCE(SUM(CASE WHEN %1$s AND decided_on BETWEEN :start AND :to AND on_time = TRUE
				    THEN 1 ELSE 0 END), 0) AS county_on_time,
				  COALESCE(SUM(CASE WHEN %1$s AND received_on BETWEEN :idleFrom AND :to THEN 1 ELSE 0 END), 0)
				    AS idle_window,
				  MAX(CASE WHEN %1$s AND received_on <= :to THEN received_on END) AS last_county_case
				FROM supervision_case
				WHERE item_code IN (:local)
				""".formatted(isLocal, isAbove))
			.param("county", List.copyOf(countyRegions))
			.param("local", List.copyOf(local))
			.param("item", guide.code())
			.param("start", start)
			.param("to", period.to())
			.param("idleFrom", idleFrom)
			.query(DelegationTracking::counts)
			.single();
		long total = c.countyReceived() + c.aboveReceived();
		Double localShare = DelegationOverview.ratio(c.countyReceived(), total);
		Double onTime = DelegationOverview.ratio(c.countyOnTime(), c.countyDecided());
		boolean idleApplies = !d.effectiveOn().isAfter(idleFrom);
		boolean takenOn = dc.takenOn();
		return new DelegationOverview.Power(guide.code(), guide.content().nameZh(), guide.content().nameEn(),
				guide.department().code(), guide.department().nameZh(), guide.department().nameEn(),
				guide.department().regionCode(), d.mode(), d.effectiveOn(), d.documentNo(), d.note(),
				counterpart == null ? List.of() : List.of(counterpart.code()),
				counterpart == null ? null : counterpart.nameZh(), counterpart == null ? null : counterpart.nameEn(),
				counterpart == null ? null : counterpart.department().nameZh(),
				counterpart == null ? null : counterpart.department().nameEn(), takenOn,
				pending == null ? null : pending.reason(), pending == null ? null : pending.targetOn(), start, inForce,
				c.countyReceived(), c.aboveReceived(), c.redirectedAbove(), localShare, c.countyDecided(),
				c.countyOnTime(), onTime, c.lastCountyCase(), c.idleWindow(), idleApplies,
				notDelegatedInPractice(c.countyReceived(), c.aboveReceived(), aboveShare),
				delegatedButUnused(takenOn, idleApplies, c.idleWindow()));
	}

	/**
	 * 放而不用: only a power the county has taken on can lie unused; one it has not taken on
	 * is 未承接 instead.
	 */
	static boolean delegatedButUnused(boolean takenOn, boolean idleApplies, long idleWindowReceived) {
		return takenOn && idleApplies && idleWindowReceived == 0;
	}

	/**
	 * 下放不到位: of the county applicants' cases, the share handled above the county exceeds
	 * the threshold; never without a case.
	 */
	static boolean notDelegatedInPractice(long county, long above, double threshold) {
		long total = county + above;
		return total > 0 && (double) above / total > threshold;
	}

	private static DelegationOverview.Totals totals(List<DelegationOverview.Power> powers) {
		return DelegationOverview.Totals.sum(powers.stream().map(DelegationOverview.Power::totals).toList());
	}

	private String requireRole(GovHallUser user) {
		StaffScope scope = user.scope();
		if (!scope.has(Role.SUPERVISOR)) {
			throw new ForbiddenException("error.delegation.role");
		}
		if (scope.regionCode() == null || scope.departmentId() != null) {
			throw new ForbiddenException("error.delegation.regionalScope");
		}
		return scope.regionCode();
	}

	private RegionView requireCounty(@Nullable String code) {
		if (isBlank(code)) {
			throw new InvalidInputException("county-required", "error.delegation.countyRequired", "county");
		}
		String c = code.strip();
		if (!REGION_CODE.matcher(c).matches()) {
			throw new InvalidInputException("invalid-county", "error.delegation.countyCode", "county", c);
		}
		RegionView region = directory.region(c)
			.orElseThrow(() -> new NotFoundException("error.delegation.countyNotFound", c));
		if (region.level() != RegionLevel.COUNTY) {
			throw new InvalidInputException("not-a-county", "error.delegation.notCounty", "county", region.code(),
					region.nameZh());
		}
		return region;
	}

	/**
	 * A day of the period: ISO, from {@link #EARLIEST} to {@link #LATEST} (a year 0 or
	 * 99999 is no day a power was delegated on, and the databases do not hold all of
	 * them).
	 */
	private static LocalDate date(String text, String field) {
		String t = text.strip();
		if (t.length() > 10) {
			throw new InvalidInputException("invalid-date", "error.delegation.date", field, t.substring(0, 10) + "…");
		}
		LocalDate day;
		try {
			day = LocalDate.parse(t);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("invalid-date", "error.delegation.date", field, t);
		}
		if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
			throw new InvalidInputException("invalid-date", "error.delegation.dateRange", field, t, EARLIEST, LATEST);
		}
		return day;
	}

	private static boolean isBlank(@Nullable String s) {
		return s == null || s.isBlank();
	}

	private static Counts counts(ResultSet rs, int row) throws SQLException {
		return new Counts(rs.getLong("county_received"), rs.getLong("above_received"), rs.getLong("redirected_above"),
				rs.getLong("county_decided"), rs.getLong("county_on_time"), rs.getLong("idle_window"),
				rs.getObject("last_county_case", LocalDate.class));
	}

	/** The period of a tracking, both days included. */
	record Period(LocalDate from, LocalDate to) {
	}

	private record Counts(long countyReceived, long aboveReceived, long redirectedAbove, long countyDecided,
			long countyOnTime, long idleWindow, @Nullable LocalDate lastCountyCase) {
	}

}
