package org.govhall.supervision.delegation;

import java.time.LocalDate;
import java.util.List;

import org.govhall.directory.RegionView;

/**
 * The tracking of delegated powers (扩权强县) rolled up over the supervisor's region: each
 * city with the totals of its counties, and each county's totals, over one period. How
 * each county's figures are counted is described on {@link DelegationTracking}; a city's
 * totals are the sums of its counties', with the rates computed from the sums.
 *
 * @param scope the region the roll-up covers (the user's scope)
 */
record DelegationRollup(RegionView scope, LocalDate from, LocalDate to, int idleMonths, double aboveShareThreshold,
		List<City> cities, DelegationOverview.Totals totals) {

	public DelegationRollup {
		cities = List.copyOf(cities);
	}

	/** A city with its counties' totals summed, and each county. */
	public record City(RegionView city, DelegationOverview.Totals totals, List<County> counties) {

		public City {
			counties = List.copyOf(counties);
		}

	}

	/** One county's totals over its delegated powers. */
	public record County(RegionView county, DelegationOverview.Totals totals) {
	}

}
