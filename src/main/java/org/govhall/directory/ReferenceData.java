package org.govhall.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.govhall.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The directory's reference data as each node keeps it in memory: regions and the tree
 * they form, departments, halls with their windows. Read on every request (scope checks,
 * names, a guide's handling places); reloaded when the stored revision changes, and at
 * once after a write on this node ({@link #changed()}).
 */
@Component
class ReferenceData {

	private final Regions regions;

	private final Departments departments;

	private final Halls halls;

	private final ServiceWindows windows;

	private final JdbcClient jdbc;

	private final Clock clock;

	ReferenceData(Regions regions, Departments departments, Halls halls, ServiceWindows windows, JdbcClient jdbc,
			Clock clock) {
		this.regions = regions;
		this.departments = departments;
		this.halls = halls;
		this.windows = windows;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Regions, departments, halls and windows change rarely and are read on every request
	 * (scope checks, names, a guide's handling places), so each node keeps them in memory
	 * and reloads them when the stored revision changes, checked at most once a second;
	 * writes on this node reload at once, and again once they have committed.
	 */
	private volatile Snapshot snapshot = Snapshot.EMPTY;

	/**
	 * What the stored reference data is at: per table, its rows and the sum of their
	 * versions.
	 */
	private record Revision(long regions, long departments, long halls, long windows) {

		static final Revision NONE = new Revision(-1, -1, -1, -1);

	}

	private record Snapshot(Revision revision, Instant checkedAt, Map<String, RegionView> regions,
			Map<String, DepartmentView> departmentsByCode, Map<Long, DepartmentView> departmentsById,
			List<HallView> halls) {

		static final Snapshot EMPTY = new Snapshot(Revision.NONE, Instant.EPOCH, Map.of(), Map.of(), Map.of(),
				List.of());

		Snapshot checked(Instant at) {
			return new Snapshot(revision, at, regions, departmentsByCode, departmentsById, halls);
		}

	}

	private Snapshot snapshot() {
		Snapshot s = snapshot;
		Instant now = clock.instant();
		if (s.revision != Revision.NONE && s.checkedAt.plusSeconds(1).isAfter(now) && !now.isBefore(s.checkedAt)) {
			return s;
		}
		Revision revision = jdbc.sql("""
				SELECT (SELECT COUNT(*) + COALESCE(SUM(version), 0) FROM directory_region),
				       (SELECT COUNT(*) + COALESCE(SUM(version), 0) FROM directory_department),
				       (SELECT COUNT(*) + COALESCE(SUM(version), 0) FROM directory_hall),
				       (SELECT COUNT(*) + COALESCE(SUM(version), 0) FROM directory_service_window)
				""")
			.query((rs, n) -> new Revision(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
		if (revision.equals(s.revision)) {
			s = s.checked(now);
		}
		else {
			Map<String, RegionView> r = new TreeMap<>();
			regions.findAll().forEach(x -> r.put(x.code(), x.view()));
			Map<String, DepartmentView> byCode = new TreeMap<>();
			Map<Long, DepartmentView> byId = new HashMap<>();
			departments.findAll().forEach(d -> {
				DepartmentView v = d.view();
				byCode.put(v.code(), v);
				byId.put(v.id(), v);
			});
			Map<Long, DepartmentView> departmentsById = Map.copyOf(byId);
			List<HallView> hallViews = halls.findAll()
				.stream()
				.sorted(Comparator.comparing(Hall::regionCode).thenComparing(Hall::id))
				.map(h -> hallView(h, departmentsById))
				.toList();
			s = new Snapshot(revision, now, Map.copyOf(r), Collections.unmodifiableMap(byCode), departmentsById,
					hallViews);
		}
		snapshot = s;
		return s;
	}

	/**
	 * Drops the snapshot after a write: at once, and again after the write commits, so
	 * that a snapshot another request reloaded in between, without the write, is not kept
	 * for a second.
	 */
	void changed() {
		snapshot = Snapshot.EMPTY;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					snapshot = Snapshot.EMPTY;
				}
			});
		}
	}

	/**
	 * What the reference data is at, to compare with an earlier answer: equal while no
	 * region, department, hall or window changed (checked at most once a second).
	 */
	Object revision() {
		return snapshot().revision;
	}

	List<RegionView> regions() {
		return snapshot().regions.values().stream().sorted(Comparator.comparing(RegionView::code)).toList();
	}

	Optional<RegionView> region(String code) {
		return Optional.ofNullable(snapshot().regions.get(code));
	}

	RegionView requireRegion(String code) {
		return region(code).orElseThrow(() -> new NotFoundException("error.region.notFound", code));
	}

	List<RegionView> children(String code) {
		return snapshot().regions.values()
			.stream()
			.filter(r -> code.equals(r.parentCode()))
			.sorted(Comparator.comparing(RegionView::code))
			.toList();
	}

	/** The region and all its ancestors, nearest first. */
	List<RegionView> lineage(String code) {
		Map<String, RegionView> all = snapshot().regions;
		List<RegionView> chain = new ArrayList<>();
		RegionView current = all.get(code);
		while (current != null && chain.size() < 8) {
			chain.add(current);
			current = current.parentCode() == null ? null : all.get(current.parentCode());
		}
		return chain;
	}

	/** Whether {@code code} is {@code ancestor} or lies below it. */
	boolean isWithin(String code, String ancestor) {
		return lineage(code).stream().anyMatch(r -> r.code().equals(ancestor));
	}

	/** The region and every region below it. */
	Set<String> regionAndBelow(String code) {
		Map<String, List<RegionView>> byParent = snapshot().regions.values()
			.stream()
			.filter(r -> r.parentCode() != null)
			.collect(Collectors.groupingBy(r -> r.parentCode()));
		Set<String> result = new HashSet<>();
		List<String> todo = new ArrayList<>(List.of(code));
		while (!todo.isEmpty()) {
			String next = todo.remove(todo.size() - 1);
			if (result.add(next)) {
				byParent.getOrDefault(next, List.of()).forEach(r -> todo.add(r.code()));
			}
		}
		return result;
	}

	List<DepartmentView> departments() {
		return snapshot().departmentsByCode.values()
			.stream()
			.sorted(Comparator.comparing(DepartmentView::regionCode).thenComparing(DepartmentView::code))
			.toList();
	}

	List<DepartmentView> departmentsOf(String regionCode) {
		return snapshot().departmentsByCode.values()
			.stream()
			.filter(d -> d.regionCode().equals(regionCode))
			.sorted(Comparator.comparing(DepartmentView::code))
			.toList();
	}

	Optional<DepartmentView> department(String code) {
		return Optional.ofNullable(snapshot().departmentsByCode.get(code));
	}

	DepartmentView requireDepartment(String code) {
		return department(code).orElseThrow(() -> new NotFoundException("error.department.notFound", code));
	}

	Optional<DepartmentView> department(long id) {
		return Optional.ofNullable(snapshot().departmentsById.get(id));
	}

	/** Departments by id, for rendering lists without a query per row. */
	Map<Long, DepartmentView> departmentsById() {
		return snapshot().departmentsById;
	}

	/** Every hall with its windows, by region (from the snapshot). */
	List<HallView> halls() {
		return snapshot().halls;
	}

	List<HallView> hallsOf(String regionCode) {
		return snapshot().halls.stream().filter(h -> h.regionCode().equals(regionCode)).toList();
	}

	HallView hall(long id) {
		return snapshot().halls.stream()
			.filter(h -> h.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("error.hall.notFound", id));
	}

	HallView hallView(Hall hall) {
		return hallView(hall, departmentsById());
	}

	private HallView hallView(Hall hall, Map<Long, DepartmentView> byId) {
		List<WindowView> ws = windows.findByHallId(hall.id())
			.stream()
			.map(w -> w.view(w.departmentIds()
				.stream()
				.map(id -> byId.containsKey(id) ? byId.get(id).code() : String.valueOf(id))
				.sorted()
				.toList()))
			.sorted(Comparator.comparing(WindowView::number))
			.toList();
		return hall.view(ws);
	}

}
