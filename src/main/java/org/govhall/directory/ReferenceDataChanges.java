package org.govhall.directory;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import org.govhall.shared.AuditEvent;
import org.govhall.shared.ConflictException;
import org.govhall.shared.CreditCode;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Changes to the reference data by system administrators whose region covers the target:
 * regions, departments, halls and windows, each audited and each dropping the nodes'
 * snapshot ({@link ReferenceData#changed()}). Called inside the transactions
 * {@link Directory} opens.
 */
@Component
class ReferenceDataChanges {

	private final Regions regions;

	private final Departments departments;

	private final Halls halls;

	private final ServiceWindows windows;

	private final ReferenceData reference;

	private final Scopes scopes;

	private final DirectoryAudit audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReferenceDataChanges(Regions regions, Departments departments, Halls halls, ServiceWindows windows,
			ReferenceData reference, Scopes scopes, DirectoryAudit audit, ApplicationEventPublisher events,
			Clock clock) {
		this.regions = regions;
		this.departments = departments;
		this.halls = halls;
		this.windows = windows;
		this.reference = reference;
		this.scopes = scopes;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	RegionView addRegion(RegionDraft draft, GovHallUser actor) {
		if (draft.parentCode() == null) {
			scopes.requireSystemAdmin(actor, null);
			if (draft.level() != RegionLevel.PROVINCE) {
				throw new RuleViolationException("region-level", "error.region.parentRequired");
			}
		}
		else {
			scopes.requireSystemAdmin(actor, draft.parentCode());
			RegionView parent = reference.requireRegion(draft.parentCode());
			if (parent.level() == RegionLevel.COUNTY || draft.level() != parent.level().child()) {
				throw new RuleViolationException("region-level", "error.region.levelMismatch", draft.level(),
						parent.level());
			}
		}
		if (regions.existsById(draft.code())) {
			throw new ConflictException("duplicate", "error.region.exists", draft.code());
		}
		RegionView added = regions
			.save(Region.create(draft.code(), draft.nameZh(), draft.nameEn(), draft.level(), draft.parentCode()))
			.view();
		reference.changed();
		audit.audit(actor, "directory.region-added", draft.code(),
				"level=" + draft.level() + "; parent=" + draft.parentCode());
		return added;
	}

	/**
	 * Installs the root province when the directory is empty, so that a first system
	 * administrator can be scoped to it; does nothing otherwise.
	 */
	void seedRootRegion(RegionDraft province) {
		if (province.level() != RegionLevel.PROVINCE || province.parentCode() != null) {
			throw new RuleViolationException("region-level", "error.region.parentRequired");
		}
		if (regions.count() == 0) {
			regions
				.save(Region.create(province.code(), province.nameZh(), province.nameEn(), RegionLevel.PROVINCE, null));
			reference.changed();
			events.publishEvent(new AuditEvent(AuditEvent.SYSTEM, AuditEvent.SYSTEM, "directory.region-added",
					province.code(), "level=PROVINCE; parent=null", clock.instant()));
		}
	}

	DepartmentView addDepartment(DepartmentDraft draft, GovHallUser actor) {
		reference.requireRegion(draft.regionCode());
		scopes.requireSystemAdmin(actor, draft.regionCode());
		checkCreditCode(draft.creditCode());
		if (departments.findByCode(draft.code()).isPresent()) {
			throw new ConflictException("duplicate", "error.department.exists", draft.code());
		}
		Department d = new Department(null, draft.code(), draft.nameZh(), draft.nameEn(), draft.regionCode(),
				draft.kind(), blankToNull(draft.creditCode()), draft.approvalDivisionZh(), draft.approvalDivisionEn(),
				draft.phone(), null);
		DepartmentView added = departments.save(d).view();
		reference.changed();
		audit.audit(actor, "directory.department-added", draft.code(), "region=" + draft.regionCode());
		return added;
	}

	DepartmentView updateDepartment(String code, DepartmentDraft draft, GovHallUser actor) {
		Department d = departments.findByCode(code)
			.orElseThrow(() -> new NotFoundException("error.department.notFound", code));
		scopes.requireSystemAdmin(actor, d.regionCode());
		if (!d.code().equals(draft.code()) || !d.regionCode().equals(draft.regionCode())) {
			throw new RuleViolationException("immutable-field", "error.department.immutable");
		}
		checkCreditCode(draft.creditCode());
		d.update(draft);
		DepartmentView updated = departments.save(d).view();
		reference.changed();
		audit.audit(actor, "directory.department-updated", code, "region=" + d.regionCode());
		return updated;
	}

	private static void checkCreditCode(@Nullable String code) {
		if (code != null && !code.isBlank() && !CreditCode.isValid(code)) {
			throw new InvalidInputException("invalid-credit-code", "error.creditCode.invalid", "creditCode");
		}
	}

	HallView addHall(HallDraft draft, GovHallUser actor) {
		reference.requireRegion(draft.regionCode());
		scopes.requireSystemAdmin(actor, draft.regionCode());
		HallView added = reference.hallView(halls.save(Hall.create(draft)));
		reference.changed();
		audit.audit(actor, "directory.hall-added", String.valueOf(added.id()), "region=" + draft.regionCode());
		return added;
	}

	HallView addWindow(long hallId, WindowDraft draft, GovHallUser actor) {
		Hall hall = halls.findById(hallId).orElseThrow(() -> new NotFoundException("error.hall.notFound", hallId));
		scopes.requireSystemAdmin(actor, hall.regionCode());
		if (windows.existsByHallIdAndNumber(hallId, draft.number())) {
			throw new ConflictException("duplicate", "error.window.exists", draft.number());
		}
		if (draft.kind() == WindowKind.DEDICATED && draft.departmentCodes().size() != 1) {
			throw new RuleViolationException("window-kind", "error.window.dedicatedOne");
		}
		Set<Long> ids = new HashSet<>();
		for (String code : draft.departmentCodes()) {
			ids.add(reference.requireDepartment(code).id());
		}
		windows.save(ServiceWindow.open(hallId, draft.number(), draft.nameZh(), draft.nameEn(), draft.kind(), ids));
		reference.changed();
		audit.audit(actor, "directory.window-added", hallId + "/" + draft.number(),
				"kind=" + draft.kind() + "; departments=" + draft.departmentCodes());
		return reference.hallView(hall);
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s;
	}

}
