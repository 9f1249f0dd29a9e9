package org.govhall.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The moment of an action: the instant and the date in the halls' zone, from the injected
 * clock.
 */
record Now(LocalDate today, Instant at) {

	static Now from(Clock clock) {
		Instant at = clock.instant();
		return new Now(LocalDate.ofInstant(at, clock.getZone()), at);
	}

}
