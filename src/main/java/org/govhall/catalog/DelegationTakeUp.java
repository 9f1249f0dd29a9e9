package org.govhall.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.govhall.directory.DepartmentView;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.RegionLevel;
import org.govhall.directory.RegionView;
import org.govhall.directory.Role;
import org.govhall.directory.StaffScope;
import org.govhall.shared.AuditEvent;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How counties take delegated powers on (承接): which delegated power a county item carries
 * (named by code in the delegation, {@link Delegation#counterpartItemCode()}), and the
 * county's own record that it has not yet taken a power on (尚未承接), with a reason and a
 * target date.
 *
 * <p>
 * A county marks a power not yet taken on through a department administrator of a
 * department of that county (or a system administrator whose region covers the county).
 * Each mark and each withdrawal is audited ({@code catalog.not-taken-on},
 * {@code catalog.taken-on}).
 */
@Service
@Transactional(readOnly = true)
public class DelegationTakeUp {

	private final TakeUpRecords records;

	private final Catalog catalog;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DelegationTakeUp(TakeUpRecords records, Catalog catalog, Directory directory, ApplicationEventPublisher events,
			Clock clock) {
		this.records = records;
		this.catalog = catalog;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The delegated power the county item carries: the first published, active item whose
	 * delegation to the county item's county names it as counterpart.
	 */
	public Optional<CarriedPower> carriedBy(String countyItemCode) {
		Optional<TakeUpRecords.PublishedItem> own = records.published(countyItemCode);
		if (own.isEmpty()) {
			return Optional.empty();
		}
		for (TakeUpRecords.Naming n : records.namingCounterpart(countyItemCode)) {
			ItemGuide delegating = catalog.guide(n.itemCode());
			List<Delegation> delegations = delegating.content().delegations();
			if (n.index() >= delegations.size()) {
				continue;
			}
			Delegation d = delegations.get(n.index());
			if (directory.isWithin(own.get().regionCode(), d.countyCode())) {
				DepartmentView dep = delegating.department();
				return Optional.of(new CarriedPower(delegating.code(), delegating.content().nameZh(),
						delegating.content().nameEn(), dep.code(), dep.nameZh(), dep.nameEn(), d));
			}
		}
		return Optional.empty();
	}

	/**
	 * Every published, active item of a department above the county that is delegated to
	 * it, with that delegation (its counterpart and any mark 尚未承接), by item code.
	 */
	public List<DelegatedPower> delegatedTo(String countyCode) {
		Set<String> countyRegions = directory.regionAndBelow(countyCode);
		List<DelegatedPower> powers = new ArrayList<>();
		for (int page = 0; page < 1000; page++) {
			ItemPage p = catalog
				.search(new ItemQuery(null, null, countyCode, null, null, null, null, page, ItemQuery.MAX_PAGE_SIZE));
			for (ItemSummary s : p.items()) {
				if (s.delegations() == 0 || countyRegions.contains(s.regionCode())) {
					continue;
				}
				ItemGuide guide = catalog.guide(s.code());
				guide.delegatedCounties()
					.stream()
					.filter(dc -> dc.county().code().equals(countyCode))
					.findFirst()
					.ifPresent(dc -> powers.add(new DelegatedPower(guide, dc)));
			}
			if (p.items().size() < ItemQuery.MAX_PAGE_SIZE
					|| (long) (page + 1) * ItemQuery.MAX_PAGE_SIZE >= p.total()) {
				break;
			}
		}
		powers.sort(Comparator.comparing(p -> p.item().code()));
		return powers;
	}

	/**
	 * A power delegated to a county: the delegating item's guide and its delegation to
	 * that county.
	 */
	public record DelegatedPower(ItemGuide item, ItemGuide.DelegatedCounty delegation) {
	}

	/**
	 * The delegation of the item that reaches an applicant of the given region (its
	 * county or a region below it), if the item is delegated there; none without a
	 * region.
	 */
	public Optional<ItemGuide.DelegatedCounty> forApplicantIn(ItemGuide item, @Nullable String regionCode) {
		if (regionCode == null || regionCode.isBlank() || directory.region(regionCode.strip()).isEmpty()) {
			return Optional.empty();
		}
		String region = regionCode.strip();
		return item.delegatedCounties()
			.stream()
			.filter(dc -> directory.isWithin(region, dc.county().code()))
			.findFirst();
	}

	/** The counties' marks 尚未承接 on a delegated item, by county code. */
	public List<NotTakenOn> notTakenOn(String itemCode) {
		return records.pending(itemCode);
	}

	/**
	 * Records that the county has not yet taken the delegated power on, or replaces its
	 * earlier record.
	 * @throws NotFoundException when the item is not published and active or not
	 * delegated to the county (404)
	 * @throws ForbiddenException unless the user administers a department of the county,
	 * or is a system administrator whose region covers it (403)
	 * @throws InvalidInputException without a reason, with a reason over 500 characters,
	 * or without a target date or with one in the past (400)
	 */
	@Transactional
	public NotTakenOn markNotTakenOn(String itemCode, String countyCode, @Nullable String reason,
			@Nullable LocalDate targetOn, GovHallUser user) {
		requireDelegation(itemCode, countyCode);
		requireCountyAdmin(user, countyCode);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason-required", "error.takeUp.reason", "reason");
		}
		if (reason.strip().length() > 500) {
			throw new InvalidInputException("reason-too-long", "error.takeUp.reasonLength", "reason");
		}
		LocalDate today = LocalDate.now(clock);
		if (targetOn == null || targetOn.isBefore(today)) {
			throw new InvalidInputException("invalid-target-date", "error.takeUp.target", "targetOn", today);
		}
		NotTakenOn mark = new NotTakenOn(itemCode, countyCode, reason.strip(), targetOn, user.getUsername(),
				clock.instant());
		records.savePending(mark);
		audit(user, "catalog.not-taken-on", itemCode,
				"county=" + countyCode + "; target=" + targetOn + "; reason=" + mark.reason());
		return mark;
	}

	/**
	 * Withdraws the county's record 尚未承接: the county now handles the power (or never
	 * marked it).
	 * @return whether there was a record to withdraw
	 */
	@Transactional
	public boolean clearNotTakenOn(String itemCode, String countyCode, GovHallUser user) {
		requireDelegation(itemCode, countyCode);
		requireCountyAdmin(user, countyCode);
		boolean removed = records.deletePending(itemCode, countyCode) > 0;
		if (removed) {
			audit(user, "catalog.taken-on", itemCode, "county=" + countyCode);
		}
		return removed;
	}

	/** The counties the user may record for, by code: see {@link #mayMark}. */
	public List<RegionView> countiesFor(GovHallUser user) {
		return directory.regions()
			.stream()
			.filter(r -> r.level() == RegionLevel.COUNTY && mayMark(user, r.code()))
			.sorted(Comparator.comparing(RegionView::code))
			.toList();
	}

	/**
	 * Whether the user may record for the county: its department administrator or a
	 * covering system admin.
	 */
	public boolean mayMark(GovHallUser user, String countyCode) {
		StaffScope scope = user.scope();
		if (scope.regionCode() == null) {
			return false;
		}
		if (scope.has(Role.DEPARTMENT_ADMIN) && scope.departmentId() != null) {
			return directory.department(scope.departmentId())
				.filter(d -> directory.isWithin(d.regionCode(), countyCode))
				.isPresent();
		}
		return scope.has(Role.SYSTEM_ADMIN) && scope.departmentId() == null
				&& directory.isWithin(countyCode, scope.regionCode());
	}

	private Delegation requireDelegation(String itemCode, String countyCode) {
		ItemGuide guide = catalog.findGuide(itemCode)
			.filter(g -> g.status() == ItemStatus.ACTIVE)
			.orElseThrow(() -> new NotFoundException("error.item.notFound", itemCode));
		boolean county = directory.region(countyCode).filter(r -> r.level() == RegionLevel.COUNTY).isPresent();
		return guide.content()
			.delegations()
			.stream()
			.filter(d -> county && d.countyCode().equals(countyCode))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("error.takeUp.notDelegated", itemCode, countyCode));
	}

	private void requireCountyAdmin(GovHallUser user, String countyCode) {
		if (!mayMark(user, countyCode)) {
			throw new ForbiddenException("error.takeUp.forbidden", countyCode);
		}
	}

	private void audit(GovHallUser actor, String action, String subject, String detail) {
		events.publishEvent(new AuditEvent(actor.getUsername(), AuditEvent.roles(actor.scope().roles()), action,
				subject, detail, clock.instant()));
	}

}
