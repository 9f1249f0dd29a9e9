package org.govhall.supervision.dashboards;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.govhall.directory.DepartmentView;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.RegionView;
import org.govhall.directory.Role;
import org.govhall.directory.StaffScope;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.RegionCode;
import org.govhall.supervision.dashboards.DashboardItemNames.ItemName;
import org.govhall.supervision.dashboards.DashboardQueries.Grouping;
import org.govhall.supervision.dashboards.DashboardQueries.Key;
import org.govhall.supervision.dashboards.DashboardQueries.Scope;
import org.govhall.supervision.dashboards.DashboardReport.Level;
import org.govhall.supervision.dashboards.DashboardRow.Kind;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The supervision dashboards (监察统计): received, completed, on-time and early rates,
 * instant and online shares, on-site visits, working days against the promised and
 * statutory limits, overdue cases and cards, by region, department and item, over a
 * period and month by month, drilling down from province to city, county, department,
 * item and case. Supervisors and system administrators see their region and below; a
 * department administrator sees the own department only.
 */
@Service
public class Dashboards {

	/** The most cases an item's drill-down lists. */
	public static final int CASE_LIMIT = 1000;

	private final DashboardQueries queries;

	private final DashboardItemNames itemNames;

	private final Directory directory;

	private final Clock clock;

	Dashboards(DashboardQueries queries, DashboardItemNames itemNames, Directory directory, Clock clock) {
		this.queries = queries;
		this.itemNames = itemNames;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * What a dashboard is asked for; every part is optional. Without region, department
	 * and item it shows the viewer's own region (or department); without dates, the
	 * current year to today.
	 */
	public record Request(@Nullable String region, @Nullable String department, @Nullable String item,
			@Nullable LocalDate from, @Nullable LocalDate to, @Nullable DashboardCaseFilter figure) {
	}

	/**
	 * The table at the requested level of the drill-down.
	 * @throws ForbiddenException for a viewer who is not a supervisor, system or
	 * department administrator, or for a region, department or item outside the viewer's
	 * scope
	 * @throws NotFoundException for an unknown region, department or item
	 * @throws InvalidInputException for a malformed code or a period that ends before it
	 * starts
	 */
	public DashboardReport report(GovHallUser viewer, Request request, Locale locale) {
		Selection s = select(viewer, request);
		return switch (s.level()) {
			case REGION -> regionReport(s, locale);
			case DEPARTMENT -> departmentReport(s, locale);
			case ITEM -> itemReport(s, request.figure() == null ? DashboardCaseFilter.ALL : request.figure(), locale);
		};
	}

	/**
	 * The figures of the requested scope month by month, checked like {@link #report}.
	 */
	public DashboardTrend trend(GovHallUser viewer, Request request, Locale locale) {
		Selection s = select(viewer, request);
		Map<Key, DashboardCounts> counts = queries.counts(s.scope(), Grouping.MONTH, s.period());
		List<DashboardTrend.Month> months = new ArrayList<>();
		for (YearMonth m : s.period().months()) {
			Key key = new Key(Integer.toString(m.getYear()), Integer.toString(m.getMonthValue()));
			months
				.add(new DashboardTrend.Month(m, DashboardFigures.of(counts.getOrDefault(key, DashboardCounts.ZERO))));
		}
		return new DashboardTrend(s.period(), path(s, locale), months);
	}

	// ---- levels

	private DashboardReport regionReport(Selection s, Locale locale) {
		RegionView region = directory.requireRegion(s.region());
		Map<Key, DashboardCounts> counts = queries.counts(s.scope(), Grouping.REGION_DEPARTMENT, s.period());
		Map<String, String> childOf = new HashMap<>();
		List<RegionView> children = directory.children(region.code());
		for (RegionView child : children) {
			directory.regionAndBelow(child.code()).forEach(r -> childOf.put(r, child.code()));
		}
		Map<String, DashboardCounts> byChild = new HashMap<>();
		Map<String, DashboardCounts> byDepartment = new HashMap<>();
		DashboardCounts total = DashboardCounts.ZERO;
		for (Map.Entry<Key, DashboardCounts> e : counts.entrySet()) {
			String regionCode = e.getKey().first();
			total = total.plus(e.getValue());
			if (regionCode.equals(region.code())) {
				byDepartment.merge(e.getKey().second(), e.getValue(), DashboardCounts::plus);
			}
			else if (childOf.containsKey(regionCode)) {
				byChild.merge(childOf.get(regionCode), e.getValue(), DashboardCounts::plus);
			}
		}
		List<DashboardRow> regionRows = children.stream()
			.map(c -> row(Kind.REGION, c.code(), c.name(locale), byChild.get(c.code())))
			.toList();
		Map<String, String> departmentNames = new LinkedHashMap<>();
		directory.departmentsOf(region.code()).forEach(d -> departmentNames.put(d.code(), d.name(locale)));
		new TreeSet<>(byDepartment.keySet()).forEach(code -> departmentNames.putIfAbsent(code, code));
		List<DashboardRow> departmentRows = departmentNames.entrySet()
			.stream()
			.map(d -> row(Kind.DEPARTMENT, d.getKey(), d.getValue(), byDepartment.get(d.getKey())))
			.toList();
		return new DashboardReport(Level.REGION, s.period(), path(s, locale),
				row(Kind.TOTAL, region.code(), region.name(locale), total), regionRows, departmentRows, List.of(), null,
				List.of(), false);
	}

	private DashboardReport departmentReport(Selection s, Locale locale) {
		DepartmentView department = directory.requireDepartment(s.department());
		Map<Key, DashboardCounts> counts = queries.counts(s.scope(), Grouping.ITEM, s.period());
		Map<String, ItemName> names = new HashMap<>(itemNames.ofDepartment(department.code()));
		DashboardCounts total = DashboardCounts.ZERO;
		Map<String, DashboardCounts> byItem = new HashMap<>();
		for (Map.Entry<Key, DashboardCounts> e : counts.entrySet()) {
			total = total.plus(e.getValue());
			if (!e.getKey().first().isEmpty()) {
				byItem.put(e.getKey().first(), e.getValue());
			}
		}
		// items handled here but owned elsewhere (delegated to this department) or since
		// ended
		for (String code : byItem.keySet()) {
			if (!names.containsKey(code)) {
				itemNames.of(code).ifPresent(n -> names.put(code, n));
			}
		}
		Set<String> codes = new TreeSet<>(names.keySet());
		codes.addAll(byItem.keySet());
		List<DashboardRow> itemRows = codes.stream()
			.map(code -> row(Kind.ITEM, code, names.containsKey(code) ? names.get(code).in(locale) : code,
					byItem.get(code)))
			.toList();
		return new DashboardReport(Level.DEPARTMENT, s.period(), path(s, locale),
				row(Kind.TOTAL, department.code(), department.name(locale), total), List.of(), List.of(), itemRows,
				null, List.of(), false);
	}

	private DashboardReport itemReport(Selection s, DashboardCaseFilter figure, Locale locale) {
		DashboardCounts total = queries.counts(s.scope(), Grouping.NONE, s.period())
			.values()
			.stream()
			.reduce(DashboardCounts.ZERO, DashboardCounts::plus);
		List<DashboardCase> cases = queries.cases(s.scope(), figure, s.period(), CASE_LIMIT + 1);
		boolean truncated = cases.size() > CASE_LIMIT;
		return new DashboardReport(Level.ITEM, s.period(), path(s, locale),
				row(Kind.TOTAL, s.item(), s.itemName().in(locale), total), List.of(), List.of(), List.of(), figure,
				truncated ? cases.subList(0, CASE_LIMIT) : cases, truncated);
	}

	private static DashboardRow row(Kind kind, String code, String name, @Nullable DashboardCounts counts) {
		return new DashboardRow(kind, code, name, DashboardFigures.of(counts == null ? DashboardCounts.ZERO : counts));
	}

	// ---- who sees what

	/**
	 * What a request resolves to for its viewer: the level, the region (for a region or
	 * an item seen across a region), the department and the item, with the scope of the
	 * queries.
	 */
	private record Selection(Level level, DashboardPeriod period, String home, boolean departmentBound,
			@Nullable String region, @Nullable String department, @Nullable String item, @Nullable ItemName named,
			Scope scope) {

		ItemName itemName() {
			return named == null ? new ItemName(item == null ? "" : item, null) : named;
		}

	}

	private Selection select(GovHallUser viewer, Request r) {
		StaffScope scope = viewer.scope();
		String homeDepartment = null;
		String homeRegion;
		if (scope.has(Role.SUPERVISOR)) {
			homeRegion = scope.regionCode();
			if (homeRegion == null) {
				throw new ForbiddenException("error.forbidden.scope");
			}
			if (scope.departmentId() != null) {
				homeDepartment = ownDepartment(scope);
			}
		}
		else if (scope.has(Role.DEPARTMENT_ADMIN) && scope.departmentId() != null) {
			homeDepartment = ownDepartment(scope);
			homeRegion = directory.requireDepartment(homeDepartment).regionCode();
		}
		else {
			throw new ForbiddenException("error.forbidden.role");
		}
		DashboardPeriod period = DashboardPeriod.of(r.from(), r.to(), LocalDate.now(clock));

		String region = blankToNull(r.region());
		String department = blankToNull(r.department());
		String item = blankToNull(r.item());
		if (region != null) {
			if (!RegionCode.isValid(region)) {
				throw new InvalidInputException("invalid-input", "error.regionCode.invalid", "region");
			}
			directory.requireRegion(region);
		}
		DepartmentView dept = department == null ? null : directory.requireDepartment(department);
		if (item != null && !item.matches("[A-Za-z0-9-]{1,36}")) {
			throw new InvalidInputException("invalid-input", "error.item.code", "item");
		}

		if (homeDepartment != null) {
			if (region != null || (dept != null && !dept.code().equals(homeDepartment))) {
				throw new ForbiddenException("error.forbidden.scope");
			}
			department = homeDepartment;
		}
		else {
			if (region != null && !directory.isWithin(region, homeRegion)) {
				throw new ForbiddenException("error.forbidden.scope");
			}
			if (dept != null && !directory.isWithin(dept.regionCode(), homeRegion)) {
				throw new ForbiddenException("error.forbidden.scope");
			}
			if (dept != null && region != null && !directory.isWithin(dept.regionCode(), region)) {
				throw new InvalidInputException("invalid-input", "error.dashboard.departmentOutsideRegion",
						"department", dept.code(), region);
			}
		}

		if (item != null) {
			ItemName named = itemNames.of(item).orElseThrow(() -> new NotFoundException("error.item.notFound", item));
			Set<String> regions = department != null ? null
					: directory.regionAndBelow(region != null ? region : homeRegion);
			return new Selection(Level.ITEM, period, homeRegion, homeDepartment != null, region, department, item,
					named, new Scope(regions, department, item));
		}
		if (department != null) {
			return new Selection(Level.DEPARTMENT, period, homeRegion, homeDepartment != null, null, department, null,
					null, new Scope(null, department, null));
		}
		String at = region != null ? region : homeRegion;
		return new Selection(Level.REGION, period, homeRegion, false, at, null, null, null,
				new Scope(directory.regionAndBelow(at), null, null));
	}

	private String ownDepartment(StaffScope scope) {
		Long id = scope.departmentId();
		return directory.department(id == null ? -1L : id)
			.map(DepartmentView::code)
			.orElseThrow(() -> new ForbiddenException("error.forbidden.scope"));
	}

	/**
	 * From the viewer's own region (or department) down to the selection, each step a
	 * place to drill back to.
	 */
	private List<DashboardPlace> path(Selection s, Locale locale) {
		List<DashboardPlace> path = new ArrayList<>();
		if (!s.departmentBound()) {
			String lowest = s.department() != null ? directory.requireDepartment(s.department()).regionCode()
					: s.region() != null ? s.region() : s.home();
			List<RegionView> lineage = new ArrayList<>(directory.lineage(lowest));
			Collections.reverse(lineage);
			boolean inside = false;
			for (RegionView r : lineage) {
				inside |= r.code().equals(s.home());
				if (inside) {
					path.add(new DashboardPlace(Kind.REGION, r.code(), r.name(locale)));
				}
			}
		}
		if (s.department() != null) {
			DepartmentView d = directory.requireDepartment(s.department());
			path.add(new DashboardPlace(Kind.DEPARTMENT, d.code(), d.name(locale)));
		}
		if (s.item() != null) {
			path.add(new DashboardPlace(Kind.ITEM, s.item(), s.itemName().in(locale)));
		}
		return path;
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
